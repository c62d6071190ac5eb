// Invariants of the scoring, checked on random answer sets over the fixture and built-in rubrics.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../src/core/evaluate.js';
import { conditionRefs } from '../../src/core/rubric-check.js';
import type { Rubric } from '../../src/core/rubric-schema.js';
import type { Answers } from '../../src/core/answers.js';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';
import { mini, NOW } from '../helpers/rubric.js';

const rubrics: [string, Rubric][] = [
  ['mini', await mini()],
  ['default', await loadRubricFile(builtinRubricYaml('default'))],
];

function answersArb(rubric: Rubric): fc.Arbitrary<Answers> {
  const entries: [string, fc.Arbitrary<string[] | null>][] = [
    ...rubric.tierQuestions.map((q) => [q.id, fc.option(fc.constantFrom(...q.options.map((o) => [o.id])))] as [string, fc.Arbitrary<string[] | null>]),
    ...rubric.questions.map((q) => {
      const ids = q.options.map((o) => o.id).filter((id) => id !== 'dont-know');
      const pick = q.type === 'multiple' ? fc.subarray(ids, { minLength: 1 }) : fc.constantFrom(...ids.map((id) => [id]));
      return [q.id, fc.option(fc.oneof(pick, fc.constant(['dont-know'])))] as [string, fc.Arbitrary<string[] | null>];
    }),
  ];
  return fc.record(Object.fromEntries(entries)).map((rec) =>
    Object.fromEntries(Object.entries(rec).filter(([, c]) => c !== null).map(([id, c]) => [id, { choice: c as string[] }])),
  );
}

const levelIndex = (rubric: Rubric, id: string) => rubric.levels.findIndex((l) => l.id === id);

describe.each(rubrics)('scoring invariants on the %s rubric', (_, rubric) => {
  const referenced = new Set(rubric.questions.flatMap((q) => (q.when ? conditionRefs(q.when) : [])));
  const free = rubric.questions.filter((q) => q.type === 'single' && !referenced.has(q.id));

  it('keeps every score within 0..100', () => {
    fc.assert(
      fc.property(answersArb(rubric), (a) => {
        const r = evaluate(rubric, a, { now: NOW });
        for (const s of [r.score, ...r.areas.map((x) => x.score), ...r.questions.map((q) => q.score)]) {
          if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
        }
      }),
    );
  });

  it('never lowers any score when one answer gets better', () => {
    fc.assert(
      fc.property(answersArb(rubric), fc.constantFrom(...free), fc.nat(), fc.nat(), (a, q, i, j) => {
        const [lo, hi] = [q.options[i % q.options.length]!, q.options[j % q.options.length]!].sort((x, y) => x.score - y.score);
        const worse = evaluate(rubric, { ...a, [q.id]: { choice: [lo!.id] } }, { now: NOW });
        const better = evaluate(rubric, { ...a, [q.id]: { choice: [hi!.id] } }, { now: NOW });
        expect(better.score).toBeGreaterThanOrEqual(worse.score);
        better.areas.forEach((area, k) => expect(area.score ?? 0).toBeGreaterThanOrEqual(worse.areas[k]!.score ?? 0));
        // unless the better answer brings a blocker, the level follows the score
        if (!hi!.blocker) expect(levelIndex(rubric, better.level.id)).toBeGreaterThanOrEqual(levelIndex(rubric, worse.level.id));
      }),
    );
  });

  it('never raises the level when a blocker is added', () => {
    const withBlocker = free.filter((q) => q.options.some((o) => o.blocker));
    expect(withBlocker.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(answersArb(rubric), fc.constantFrom(...withBlocker), (a, q) => {
        const blocker = q.options.find((o) => o.blocker)!;
        const without = evaluate(rubric, { ...a, [q.id]: { choice: [q.options.find((o) => !o.blocker && o.score <= blocker.score)?.id ?? 'dont-know'] } }, { now: NOW });
        const withIt = evaluate(rubric, { ...a, [q.id]: { choice: [blocker.id] } }, { now: NOW });
        expect(levelIndex(rubric, withIt.level.id)).toBeLessThanOrEqual(levelIndex(rubric, without.level.id));
        const applies = withIt.questions.find((x) => x.id === q.id)!.score !== null;
        expect(withIt.blockers.some((b) => b.question === q.id)).toBe(applies);
      }),
    );
  });

  it('under min aggregation, equals the lowest area score', () => {
    const minRubric: Rubric = { ...rubric, aggregation: 'min' };
    fc.assert(
      fc.property(answersArb(rubric), (a) => {
        const r = evaluate(minRubric, a, { now: NOW });
        const scored = r.areas.map((x) => x.score).filter((s): s is number => s !== null);
        expect(r.score).toBe(scored.length ? Math.min(...scored) : 0);
      }),
    );
  });
});
