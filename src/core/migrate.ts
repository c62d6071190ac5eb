// Carries the answers of a readiness.yaml over to the current version of its rubric. A question
// that `replaces` an older id takes the answer given under that id; an answer whose question is
// gone is kept in the report as an orphan (never dropped) when the rubric has moved on since the
// answers were recorded. When the versions agree, an unknown id stays an error: it is a typo.
import type { Rubric } from './rubric-schema.js';
import type { AnswerEntry } from './readiness-schema.js';
import { answerSpecs } from './answer-specs.js';

// The shapes a migration reports are the report's (report-schema.ts).
export type { CarriedAnswer, Migration, OrphanedAnswer } from './report.js';
import type { CarriedAnswer, Migration, OrphanedAnswer } from './report.js';
export type OrphanReason = OrphanedAnswer['reason'];

export interface MigratedAnswers {
  /** keyed by the current question ids */
  entries: Record<string, AnswerEntry | null>;
  /** current id -> the id the answer is written under, for every carried answer */
  sourceOf: Record<string, string>;
  /** set when the rubric version moved on, or when an answer was superseded by a newer one */
  migration?: Migration;
}

export function replacedIds(q: { replaces?: string | string[] | undefined }): string[] {
  return q.replaces === undefined ? [] : Array.isArray(q.replaces) ? q.replaces : [q.replaces];
}

function choiceOf(entry: AnswerEntry | null): string[] | null {
  if (entry === null) return null;
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return entry;
  if (entry.choice === undefined) return null;
  return Array.isArray(entry.choice) ? entry.choice : [entry.choice];
}

export function migrateAnswers(
  rubric: Rubric,
  entries: Record<string, AnswerEntry | null>,
  answeredVersion: string | undefined,
  lineOf: (id: string) => number | undefined = () => undefined,
): MigratedAnswers {
  const versionChanged = answeredVersion !== undefined && answeredVersion !== rubric.version;
  const specs = answerSpecs(rubric);
  const replacedBy = new Map<string, string>();
  for (const q of rubric.questions) for (const old of replacedIds(q)) replacedBy.set(old, q.id);

  const out: Record<string, AnswerEntry | null> = {};
  const sourceOf: Record<string, string> = {};
  const removed: OrphanedAnswer[] = [];
  const carried: CarriedAnswer[] = [];
  const withLine = <T extends object>(item: T, id: string): T => {
    const line = lineOf(id);
    return line === undefined ? item : { ...item, line };
  };

  for (const [id, entry] of Object.entries(entries)) {
    if (specs.has(id)) {
      out[id] = entry;
      continue;
    }
    const to = replacedBy.get(id);
    const choice = choiceOf(entry);
    if (to !== undefined) {
      // an answer under the current id is the newer one
      if (to in entries || to in sourceOf) {
        removed.push(withLine({ id, choice, reason: 'superseded', replacedBy: to }, id));
        continue;
      }
      if (versionChanged && choice?.some((c) => !specs.get(to)!.options.has(c))) {
        removed.push(withLine({ id, choice, reason: 'option-removed', replacedBy: to }, id));
        continue;
      }
      out[to] = entry;
      sourceOf[to] = id;
      carried.push(withLine({ from: id, to }, id));
    } else if (versionChanged) {
      removed.push(withLine({ id, choice, reason: 'question-removed' }, id));
    } else {
      // left for the answer check, which names it as an unknown question with its line
      out[id] = entry;
    }
  }
  if (versionChanged) {
    // an answer to a surviving question may name an option that the new version dropped
    for (const [id, entry] of Object.entries(out)) {
      const choice = choiceOf(entry);
      if (specs.has(id) && !(id in sourceOf) && choice?.some((c) => !specs.get(id)!.options.has(c))) {
        removed.push(withLine({ id, choice, reason: 'option-removed' as const }, id));
        delete out[id];
      }
    }
  }
  const result: MigratedAnswers = { entries: out, sourceOf };
  if (versionChanged || removed.length > 0) {
    const added = [...specs.keys()].filter((id) => !(id in out));
    result.migration = { answeredVersion: answeredVersion ?? null, version: rubric.version, added, removed, carried };
  }
  return result;
}
