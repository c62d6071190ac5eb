// `ready report`: the full report in the format asked for. It renders whatever the gate says
// (exit 0); gating is `ready check`'s job.
import { evaluateWithBaseline, readFiles, type ProjectOptions } from './evaluate-project.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { render, type Format } from '../reporters/render.js';
import { writeOutput } from '../write/write-output.js';

export interface ReportOptions extends ProjectOptions {
  format: Format;
  output?: string;
}

export async function report(opts: ReportOptions): Promise<void> {
  const { report, loaded } = await evaluateWithBaseline(opts);
  const color = opts.format === 'text' && !opts.output && wantsColor();
  writeOutput(await render(report, opts.format, { style: await loadStyle(color) }), opts.output, [...readFiles(loaded), ...(opts.baseline ? [opts.baseline] : [])]);
  process.exitCode = 0;
}
