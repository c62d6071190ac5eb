// `ready check`: evaluate, render, and set the exit code from the gate.
import { evaluateProject, type ProjectOptions } from './evaluate-project.js';
import { render, type Format } from '../reporters/render.js';
import { writeOutput } from '../io/write-output.js';

export interface CheckOptions extends ProjectOptions {
  format: Format;
  output?: string;
}

export async function check(opts: CheckOptions): Promise<void> {
  const { report } = await evaluateProject(opts);
  const color = !opts.output && wantsColor(process.stdout);
  writeOutput(render(report, opts.format, { color }), opts.output);
  process.exitCode = report.gate.passed ? 0 : 1;
}

/** Colour only on a terminal, and never when NO_COLOR is set (FORCE_COLOR wins over both). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return stream.isTTY === true;
}
