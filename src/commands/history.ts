// `ready history`: score, level and areas over the git history of readiness.yaml. Git is the store:
// one `git log` lists the commits, one `git cat-file --batch` reads every version, and each is
// scored on the spot. It reports; exit 0, or 2 when there is no history to read.
import { basename, dirname, resolve } from 'node:path';
import { evaluate } from '../core/evaluate.js';
import { buildHistory, type History, type HistorySkip } from '../core/history.js';
import type { Report } from '../core/report.js';
import type { Rubric } from '../core/rubric-schema.js';
import { InputError } from '../errors.js';
import { findReadinessFile, READINESS_FILE } from '../load/find-readiness.js';
import { blobText, catFiles, commitsOf } from '../load/git-revisions.js';
import { loadReadinessText } from '../load/load-readiness.js';
import type { HistoryFormat } from '../reporters/formats.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { writeOutput } from '../write/write-output.js';
import { stripControl } from '../text/sanitize.js';

export interface HistoryOptions {
  file?: string;
  format: HistoryFormat;
  output?: string;
}

export async function readHistory(file: string): Promise<History> {
  const cwd = dirname(resolve(file));
  const name = basename(file);
  const commits = commitsOf(cwd, name, file);
  if (commits.length === 0) throw new InputError([{ file, message: 'has no committed version yet: commit it, and `ready history` shows every version from then on' }]);
  const objects = catFiles(cwd, commits.map((c) => `${c.commit}:./${name}`), file);
  const rubrics = new Map<string, Promise<Rubric>>();
  const scored: { commit: (typeof commits)[number]; report: Report }[] = [];
  const skipped: HistorySkip[] = [];
  for (const [i, commit] of commits.entries()) {
    const object = objects[i];
    const skip = (reason: string) => skipped.push({ commit: commit.commit, date: commit.date, reason });
    if (!object || 'missing' in object || object.type !== 'blob') {
      skip('the file was deleted (or moved) in this commit');
      continue;
    }
    const read = blobText(object.content);
    if ('problem' in read) {
      skip(read.problem);
      continue;
    }
    try {
      const loaded = await loadReadinessText({ label: `${file}@${commit.commit.slice(0, 7)}`, text: read.text, file }, rubrics);
      // scored as of its own date, so that nothing in it is older than it was then
      scored.push({ commit, report: evaluate(loaded.rubric, loaded.answers, { now: commit.date }) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      skip(err.problems[0] ? `${err.problems[0].line !== undefined ? `line ${err.problems[0].line}: ` : ''}${err.problems[0].message}` : err.message);
    }
  }
  return buildHistory(file, scored, skipped);
}

export async function history(opts: HistoryOptions): Promise<void> {
  const file = findReadinessFile(opts.file)?.file ?? opts.file ?? READINESS_FILE;
  const result = await readHistory(file);
  for (const s of result.skipped) process.stderr.write(`ready: warning: ${file}@${s.commit.slice(0, 7)} not scored: ${stripControl(s.reason)}\n`);
  let text: string;
  switch (opts.format) {
    case 'json':
      text = `${JSON.stringify(result, null, 2)}\n`;
      break;
    case 'markdown':
      text = (await import('../reporters/history-markdown.js')).renderHistoryMarkdown(result);
      break;
    case 'html':
      text = (await import('../reporters/history-html.js')).renderHistoryHtml(result);
      break;
    case 'text':
      text = (await import('../reporters/history-text.js')).renderHistoryText(result, { style: await loadStyle(!opts.output && wantsColor()) });
      break;
  }
  writeOutput(text, opts.output, [file]);
  process.exitCode = 0;
}
