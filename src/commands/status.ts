// `ready status`: per role and respondent, the questions still open and why. It reports and never
// gates: exit 0 whatever is open, 2 on bad input.
import { projectStatus } from '../core/status.js';
import { scopeProblems } from '../core/questionnaire.js';
import { UsageError } from '../errors.js';
import type { StatusFormat } from '../reporters/formats.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { writeOutput } from '../write/write-output.js';
import { evaluateProject, readFiles } from './evaluate-project.js';
import { isoTimestamp } from './clock.js';

export interface StatusOptions {
  file?: string;
  rubric?: string;
  role?: string[];
  format: StatusFormat;
  output?: string;
  evidence?: boolean;
}

export async function status(opts: StatusOptions): Promise<void> {
  const now = isoTimestamp();
  const { report, loaded } = await evaluateProject({
    ...(opts.file !== undefined && { file: opts.file }),
    ...(opts.rubric !== undefined && { rubric: opts.rubric }),
    ...(opts.evidence !== undefined && { evidence: opts.evidence }),
  });
  const problems = scopeProblems(loaded.rubric, { roles: opts.role ?? [] });
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const result = projectStatus({ report, rubric: loaded.rubric, respondents: loaded.respondents, now, ...(opts.role && { roles: opts.role }) });
  let text: string;
  if (opts.format === 'json') text = (await import('../reporters/status-json.js')).renderStatusJson(result);
  else if (opts.format === 'markdown') text = (await import('../reporters/status-markdown.js')).renderStatusMarkdown(result, { file: loaded.file });
  else {
    const style = await loadStyle(!opts.output && wantsColor());
    text = (await import('../reporters/status-text.js')).renderStatusText(result, { style, file: loaded.file });
  }
  writeOutput(text, opts.output, readFiles(loaded));
  process.exitCode = 0;
}
