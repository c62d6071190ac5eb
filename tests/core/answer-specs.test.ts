import { describe, expect, it } from 'vitest';
import { answerSpecs } from '../../src/core/answer-specs.js';
import { loadRubric } from '../../src/load/load-rubric.js';

describe('answerSpecs', () => {
  it("lists each question's options, with don't know on every question but the tier questions", async () => {
    const { rubric } = await loadRubric('builtin:default');
    const specs = answerSpecs(rubric);
    expect([...specs.keys()]).toEqual([...rubric.tierQuestions, ...rubric.questions].map((q) => q.id));
    const tier = rubric.tierQuestions[0]!;
    expect([...specs.get(tier.id)!.options]).toEqual(tier.options.map((o) => o.id));
    for (const q of rubric.questions) {
      expect(specs.get(q.id)).toMatchObject({ multiple: q.type === 'multiple', allowNotApplicable: q.allowNotApplicable });
      expect(specs.get(q.id)!.options.has('dont-know')).toBe(true);
    }
  });

  it('is built once per rubric', async () => {
    const { rubric } = await loadRubric('builtin:default');
    expect(answerSpecs(rubric)).toBe(answerSpecs(rubric));
  });
});
