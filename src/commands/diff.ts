// `ready diff OLD.json NEW.json`: what changed between two JSON reports. Always exit 0 once both
// files are read; a file that is missing, broken or not a report is an input error (exit 2).
import { diffReports } from '../core/diff.js';
import type { Report } from '../core/report.js';
import { InputError } from '../errors.js';
import { readReport } from '../load/load-reports.js';
import { writeOutput } from '../write/write-output.js';
import { renderDiff, type DiffFormat } from '../reporters/diff.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { stripControl } from '../text/sanitize.js';

export interface DiffOptions {
  format: DiffFormat;
  output?: string;
}

/** `ready diff` reads what `check --format json -o` writes; a readiness.yaml (or any YAML) is a common mix-up. */
const JSON_HINT = '`ready diff` compares JSON reports: make one with `ready check --format json -o report.json`';

function load(file: string): Report {
  const read = readReport(file);
  if (read.report === undefined) {
    const yaml = /\.ya?ml$/i.test(file) || read.reason.startsWith('not valid JSON');
    throw new InputError([{ file, message: yaml ? `${/\.ya?ml$/i.test(file) ? 'is YAML, not a JSON report' : read.reason}; ${JSON_HINT}` : read.reason }]);
  }
  return read.report;
}

export async function diff(oldFile: string, newFile: string, opts: DiffOptions): Promise<void> {
  const older = load(oldFile);
  const newer = load(newFile);
  const color = opts.format === 'text' && !opts.output && wantsColor();
  const changes = diffReports(older, newer);
  // said on stderr too when the comparison goes to a file or is not text, so that it is seen
  // (text on the terminal already opens with it)
  if (opts.output !== undefined || opts.format !== 'text') for (const w of changes.warnings) process.stderr.write(`ready: warning: ${stripControl(w)}\n`);
  writeOutput(renderDiff(changes, opts.format, { style: await loadStyle(color) }), opts.output, [oldFile, newFile]);
  process.exitCode = 0;
}
