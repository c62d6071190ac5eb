// From untrusted data to a rubric the core can use: shape (zod), then meaning (checkRubric), then
// the normalisations every consumer relies on. Used by the loader and by the build, which stores
// the result as JSON so that the CLI can skip all of this for the built-in rubrics.
import { DONT_KNOW, Rubric } from './rubric-schema.js';
import { checkRubric, type Problem } from './rubric-check.js';
import { prepareProblems } from './zod-problems.js';

export function prepareRubric(data: unknown): { rubric?: Rubric; problems: Problem[] } {
  const parsed = Rubric.safeParse(data);
  if (!parsed.success) {
    return { problems: prepareProblems(parsed.error.issues) };
  }
  const problems = checkRubric(parsed.data);
  if (problems.length > 0) return { problems };
  return { rubric: normalize(parsed.data), problems };
}

/** "Don't know" is always a possible answer and scores 0; add it where the rubric left it out. */
function normalize(rubric: Rubric): Rubric {
  return {
    ...rubric,
    questions: rubric.questions.map((q) =>
      q.options.some((o) => o.id === DONT_KNOW) ? q : { ...q, options: [...q.options, { id: DONT_KNOW, label: "Don't know", score: 0 }] },
    ),
  };
}
