// Writes to the two channels GitHub Actions reads: workflow commands on an output stream, and the
// step summary file. A summary that cannot be written is a warning, never a different gate result.
import { appendFileSync, statSync } from 'node:fs';
import type { Report } from '../core/report.js';
import { fitSummary, renderAnnotations, STEP_SUMMARY_LIMIT } from '../reporters/github.js';
import { describeFsError } from '../load/read-text.js';

export interface GithubOutput {
  /** readiness.yaml relative to the workspace */
  file: string;
  /** where the annotations go: stdout, unless stdout carries a machine-readable report; none when the report is the annotations */
  stream?: { write(text: string): unknown };
  /** the markdown to append to the step summary */
  summary: () => string;
  env?: NodeJS.ProcessEnv;
}

export function reportToGithub(report: Report, out: GithubOutput): void {
  out.stream?.write(renderAnnotations(report, { file: out.file }));
  const summaryFile = (out.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  try {
    let used = 0;
    try {
      used = statSync(summaryFile).size;
    } catch {
      // not there yet: appending creates it
    }
    // a blank line keeps our first heading apart from what earlier commands of the step wrote
    const text = fitSummary(`${used > 0 ? '\n' : ''}${out.summary()}`, STEP_SUMMARY_LIMIT - used);
    if (text) appendFileSync(summaryFile, text.endsWith('\n') ? text : `${text}\n`);
  } catch (err) {
    process.stderr.write(`ready: warning: cannot write the step summary to ${summaryFile}: ${describeFsError(err, 'file')}\n`);
  }
}
