// Holds the answers of a readiness.yaml against the rubric: an answer to an unknown question, or
// naming an unknown option, is an error; nothing is silently dropped.
import { DONT_KNOW } from './constants.js';
import { answerSpecs } from './answer-specs.js';
import type { Rubric } from './rubric-schema.js';
import type { Answer, Answers } from './answers.js';
import type { AnswerEntry } from './readiness-schema.js';
import type { Problem } from './rubric-check.js';

export function normalizeAnswers(
  rubric: Rubric,
  entries: Record<string, AnswerEntry | null>,
  lineOf: (id: string) => number | undefined,
): { answers: Answers; problems: Problem[] } {
  const problems: Problem[] = [];
  const answers: Answers = {};
  const known = answerSpecs(rubric);
  for (const [id, entry] of Object.entries(entries)) {
    const at = ['answers', id];
    const spec = known.get(id);
    if (!spec) {
      problems.push({ path: at, message: `unknown question "${id}" in rubric ${rubric.id}@${rubric.version}` });
      continue;
    }
    if (entry === null) continue; // `id:` with nothing after it: not answered yet
    const obj = typeof entry === 'string' || Array.isArray(entry) ? { choice: entry } : entry;
    const choice = obj.choice === undefined ? undefined : Array.isArray(obj.choice) ? obj.choice : [obj.choice];
    const answer: Answer = {};
    if (choice) {
      const choicePath = typeof entry === 'object' && !Array.isArray(entry) ? [...at, 'choice'] : at;
      const unknown = choice.filter((c) => !spec.options.has(c));
      if (unknown.length > 0) {
        problems.push({ path: choicePath, message: `"${id}" has no option ${unknown.map((u) => `"${u}"`).join(', ')} (options: ${[...spec.options].join(', ')})` });
        continue;
      }
      if (!spec.multiple && choice.length > 1) {
        problems.push({ path: choicePath, message: `"${id}" takes one choice, got ${choice.length}` });
        continue;
      }
      if (choice.includes(DONT_KNOW) && choice.length > 1) {
        problems.push({ path: choicePath, message: `"${DONT_KNOW}" cannot be combined with other choices` });
        continue;
      }
      answer.choice = [...new Set(choice)];
    }
    if (typeof entry === 'object' && !Array.isArray(entry)) {
      if (entry.notApplicable !== undefined) {
        if (!spec.allowNotApplicable) {
          problems.push({ path: [...at, 'notApplicable'], message: `"${id}" cannot be marked not applicable in this rubric` });
          continue;
        }
        if (choice) {
          problems.push({ path: at, message: `"${id}" has both a choice and notApplicable; keep one` });
          continue;
        }
        answer.notApplicable = entry.notApplicable;
      }
      if (entry.note !== undefined) answer.note = entry.note;
      if (entry.by !== undefined) answer.by = entry.by;
      if (entry.at !== undefined) answer.at = entry.at instanceof Date ? entry.at.toISOString() : entry.at;
    }
    const line = lineOf(id);
    if (line !== undefined) answer.line = line;
    answers[id] = answer;
  }
  return { answers, problems };
}
