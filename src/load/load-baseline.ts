// Reads the report that `ready check --baseline` compares against. It is checked like any report
// that `portfolio` reads; a file that is not one stops the command with exit code 2.
import type { Report } from '../core/report.js';
import { InputError } from '../errors.js';
import { readReport } from './load-reports.js';

export function loadBaseline(file: string): Report {
  const read = readReport(file);
  if (!read.report) throw new InputError([{ file, message: `cannot be used as --baseline: ${read.reason}` }]);
  return read.report;
}
