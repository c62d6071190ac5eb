// "Not knowing is a barrier": over the whole built-in rubric, an answer nobody knows never skips a
// follow-up that some honest answer would ask, and never scores above the worst honest answer
// that keeps the same follow-ups.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../src/core/evaluate.js';
import { conditionRefs } from '../../src/core/rubric-check.js';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';
import type { Answers } from '../../src/core/answers.js';
import type { Report } from '../../src/core/report.js';
import type { Rubric } from '../../src/core/rubric-schema.js';

const NOW = '2026-11-28T12:00:00.000Z';
const rubric = await loadRubricFile(builtinRubricYaml('default'));

function answersArb(r: Rubric): fc.Arbitrary<Answers> {
  const entries: [string, fc.Arbitrary<string[] | null>][] = [
    ...r.tierQuestions.map((q) => [q.id, fc.option(fc.constantFrom(...q.options.map((o) => [o.id])))] as [string, fc.Arbitrary<string[] | null>]),
    ...r.questions.map((q) => {
      const ids = q.options.map((o) => o.id);
      return [q.id, fc.option(fc.constantFrom(...ids.map((id) => [id])), { freq: 4 })] as [string, fc.Arbitrary<string[] | null>];
    }),
  ];
  return fc.record(Object.fromEntries(entries)).map((rec) =>
    Object.fromEntries(Object.entries(rec).filter(([, c]) => c !== null).map(([id, c]) => [id, { choice: c as string[] }])),
  );
}

const applicable = (r: Report) => new Set(r.questions.filter((q) => q.status !== 'out-of-tier' && q.status !== 'condition-unmet').map((q) => q.id));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const depended = [...new Set(rubric.questions.flatMap((q) => (q.when ? conditionRefs(q.when) : [])))];
const scoredDepended = rubric.questions.filter((q) => depended.includes(q.id));
const tierDepended = rubric.tierQuestions.filter((q) => depended.includes(q.id));

describe('not knowing never pays, over the whole built-in rubric', () => {
  it('has follow-ups on scored questions and on tier questions to check', () => {
    expect(scoredDepended.map((q) => q.id)).toContain('personal-data');
    expect(tierDepended.map((q) => q.id).sort()).toEqual(['frequency', 'product-kind']);
  });

  it.each(scoredDepended.map((q) => [q.id, q] as const))('%s: "don\'t know" keeps every follow-up and scores no higher than the worst honest answer', (_, q) => {
    fc.assert(
      fc.property(answersArb(rubric), (rest) => {
        const withChoice = (c: string) => evaluate(rubric, { ...rest, [q.id]: { choice: [c] } }, { now: NOW });
        const dk = withChoice('dont-know');
        const dkApplies = applicable(dk);
        const honest = q.options.filter((o) => o.id !== 'dont-know').map((o) => ({ o, report: withChoice(o.id) }));
        for (const { o, report } of honest) {
          for (const id of applicable(report)) expect(dkApplies.has(id), `${id} applies under ${q.id}=${o.id} but not under dont-know`).toBe(true);
        }
        const same = honest.filter(({ report }) => sameSet(applicable(report), dkApplies));
        expect(same.length, 'some honest answer keeps the same follow-ups').toBeGreaterThan(0);
        const worst = same.reduce((a, b) => (b.o.score < a.o.score ? b : a));
        const area = (r: Report) => r.areas.find((a) => a.id === q.area)!.score ?? 0;
        expect(dk.score).toBeLessThanOrEqual(worst.report.score);
        expect(area(dk)).toBeLessThanOrEqual(area(worst.report));
      }),
      { numRuns: 150 },
    );
  });

  it.each(tierDepended.map((q) => [q.id, q] as const))('%s left open keeps every question that some answer to it would ask', (_, q) => {
    fc.assert(
      fc.property(answersArb(rubric), (rest) => {
        const open = { ...rest };
        delete open[q.id];
        const openApplies = applicable(evaluate(rubric, open, { now: NOW }));
        for (const o of q.options) {
          for (const id of applicable(evaluate(rubric, { ...rest, [q.id]: { choice: [o.id] } }, { now: NOW }))) {
            expect(openApplies.has(id), `${id} applies under ${q.id}=${o.id} but not while ${q.id} is open`).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the issue\'s case: at the medium tier, "don\'t know" on personal data scores the data area below an honest "raw personal data, nothing assessed"', () => {
    const base: Answers = { consumer: { choice: ['humans'] }, frequency: { choice: ['batch'] }, 'product-kind': { choice: ['model'] } };
    const honest = evaluate(rubric, { ...base, 'personal-data': { choice: ['personal-raw'] }, 'legal-basis': { choice: ['not-assessed'] }, 'privacy-review': { choice: ['not-started'] }, 'cross-border': { choice: ['planned-unchecked'] } }, { now: NOW });
    for (const unknown of ['dont-know', 'none-assumed']) {
      const r = evaluate(rubric, { ...base, 'personal-data': { choice: [unknown] }, 'legal-basis': { choice: ['not-assessed'] }, 'privacy-review': { choice: ['not-started'] }, 'cross-border': { choice: ['planned-unchecked'] } }, { now: NOW });
      const data = (x: Report) => x.areas.find((a) => a.id === 'data')!.score!;
      expect(data(r), unknown).toBeLessThanOrEqual(data(honest));
    }
  });
});
