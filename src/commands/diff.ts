// `ready diff OLD.json NEW.json`: what changed between two JSON reports. Always exit 0 once both
// files are read; a file that is missing, broken or not a report is an input error (exit 2).
import { diffReports } from '../core/diff.js';
import type { Report } from '../core/report.js';
import { InputError } from '../errors.js';
import { readReport } from '../load/load-reports.js';
import { writeOutput } from '../write/write-output.js';
import { renderDiff, type DiffFormat } from '../reporters/diff.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';

export interface DiffOptions {
  format: DiffFormat;
  output?: string;
}

function load(file: string): Report {
  const read = readReport(file);
  if (read.report === undefined) throw new InputError([{ file, message: read.reason }]);
  return read.report;
}

export async function diff(oldFile: string, newFile: string, opts: DiffOptions): Promise<void> {
  const older = load(oldFile);
  const newer = load(newFile);
  const color = opts.format === 'text' && !opts.output && wantsColor();
  writeOutput(renderDiff(diffReports(older, newer), opts.format, { style: await loadStyle(color) }), opts.output, [oldFile, newFile]);
  process.exitCode = 0;
}
