// `ready check`: evaluate, render, and set the exit code from the gate.
import { evaluateWithBaseline, readFiles, type ProjectOptions } from './evaluate-project.js';
import { render, type Format } from '../reporters/render.js';
import { writeOutput } from '../write/write-output.js';
import { writeStdout } from '../terminal/stdout.js';
import { onGithubActions, repoPath } from '../ci/ci-env.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { stripControl } from '../text/sanitize.js';
import type { Report } from '../core/report.js';

export interface CheckOptions extends ProjectOptions {
  format: Format;
  output?: string;
  /** an earlier JSON report: fail on any regression against it */
  baseline?: string;
  /** or readiness.yaml as of this git ref, scored on the spot */
  baselineRef?: string;
}

export async function check(opts: CheckOptions): Promise<void> {
  const { report, loaded, baselineLabel, baselineReport } = await evaluateWithBaseline(opts);
  const file = repoPath(loaded.file);
  const style = await loadStyle(!opts.output && wantsColor());
  const rendered = await render(report, opts.format, { style, file, detail: 'summary' });
  // a fresh readiness.yaml fails on everything; the way forward is the questionnaire, not the gate
  const nothingAnswered = report.summary.answered === 0 && Object.keys(report.tier.answers).length === 0;
  const hint = opts.format === 'text' && nothingAnswered ? `\nNothing in ${stripControl(loaded.file)} is answered yet: run \`ready assess\` first to answer the questionnaire.\n` : '';
  writeOutput(`${rendered}${hint}`, opts.output, [...readFiles(loaded), ...(opts.baseline ? [opts.baseline] : [])]);
  // what the baseline could not compare fails nothing, but nobody should have to dig for it
  for (const note of report.baseline?.notes ?? []) process.stderr.write(`ready: baseline ${stripControl(baselineLabel ?? '')}: ${stripControl(note)}\n`);
  if (onGithubActions()) {
    const { reportToGithub } = await import('../ci/github-actions.js');
    const { stepSummary } = await import('../reporters/github.js');
    // workflow commands work on either stream; stdout stays parseable when it carries the report
    const stream = opts.format === 'github' ? undefined : opts.format === 'text' || opts.output ? { write: writeStdout } : process.stderr;
    // the summary says what changed against the baseline, not only what fails because of it
    const changes = baselineReport ? await changesAgainst(baselineReport, report, baselineLabel!) : '';
    reportToGithub(report, { file, ...(stream && { stream }), summary: () => `${stepSummary(report)}${changes}` });
  }
  process.exitCode = report.gate.passed ? 0 : 1;
}

async function changesAgainst(before: Report, after: Report, label: string): Promise<string> {
  const [{ diffReports }, { renderDiffMarkdown }] = await Promise.all([import('../core/diff.js'), import('../reporters/diff.js')]);
  return `\n${renderDiffMarkdown(diffReports(before, after), { heading: `## Changes against ${label}` })}`;
}
