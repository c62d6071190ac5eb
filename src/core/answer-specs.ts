// What an answer to each question may hold: the option ids (with "don't know" on every question
// but the tier questions), whether several may be chosen, and whether "not applicable" is allowed.
// Migrating answers and checking them both ask; the index is built once per rubric.
import { DONT_KNOW } from './constants.js';
import type { Rubric } from './rubric-schema.js';

export interface AnswerSpec {
  options: ReadonlySet<string>;
  multiple: boolean;
  allowNotApplicable: boolean;
}

const built = new WeakMap<Rubric, ReadonlyMap<string, AnswerSpec>>();

/** Tier questions first, then the questions, in rubric order. */
export function answerSpecs(rubric: Rubric): ReadonlyMap<string, AnswerSpec> {
  let specs = built.get(rubric);
  if (!specs) {
    const map = new Map<string, AnswerSpec>();
    for (const q of rubric.tierQuestions) map.set(q.id, { options: new Set(q.options.map((o) => o.id)), multiple: false, allowNotApplicable: false });
    for (const q of rubric.questions) {
      const options = new Set(q.options.map((o) => o.id));
      options.add(DONT_KNOW);
      map.set(q.id, { options, multiple: q.type === 'multiple', allowNotApplicable: q.allowNotApplicable });
    }
    built.set(rubric, (specs = map));
  }
  return specs;
}
