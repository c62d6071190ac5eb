// The ML Test Score port scores as the paper does: 0, 0.5 or 1 point per test, points summed per
// section, the final score the weakest section, the paper's bands, monitoring counted at every tier.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { Answers } from '../../src/core/answers.js';

const NOW = '2026-11-28T12:00:00.000Z';
const rubric = await loadRubricFile(builtinRubricYaml('ml-test-score'));
const SECTIONS = ['data', 'model', 'infrastructure', 'monitoring'];
const POINTS: Record<string, number> = { 'not-done': 0, manual: 0.5, automated: 1, 'dont-know': 0 };

/** The paper's band for a final score in points. */
function band(points: number): string {
  if (points === 0) return 'research';
  if (points <= 1) return 'serious-gaps';
  if (points <= 2) return 'first-pass';
  if (points <= 3) return 'reasonably-tested';
  if (points <= 5) return 'strong';
  return 'exceptional';
}

const tierAnswers = fc.record({
  consumer: fc.constantFrom('humans', 'machines'),
  frequency: fc.constantFrom('once', 'batch', 'streaming'),
  'product-kind': fc.constantFrom('model', 'rules', 'dashboard', 'generative'),
});
const testAnswers = fc.array(fc.constantFrom('not-done', 'manual', 'automated', 'dont-know', null), {
  minLength: rubric.questions.length,
  maxLength: rubric.questions.length,
});

describe('the ML Test Score port', () => {
  it('has 28 tests, seven per section, each scored 0, 0.5 or 1 with the paper\'s wording', () => {
    expect(rubric.questions).toHaveLength(28);
    for (const s of SECTIONS) expect(rubric.questions.filter((q) => q.area === s), s).toHaveLength(7);
    for (const q of rubric.questions) {
      expect(q.options.map((o) => [o.id, o.score])).toEqual([['not-done', 0], ['manual', 0.5], ['automated', 1], ['dont-know', 0]]);
      expect(q.options[1]!.label).toMatch(/documented and distributed/);
      expect(q.options[2]!.label).toMatch(/automated and run repeatedly/i);
      expect(q.tiers, q.id).toBeUndefined();
      expect(q.when, q.id).toBeUndefined();
      expect(q.allowNotApplicable, q.id).toBe(false);
    }
    expect(rubric.aggregation).toBe('min');
  });

  it('sums points per section, takes the weakest section, and names the paper\'s band, at every tier', () => {
    fc.assert(
      fc.property(tierAnswers, testAnswers, (tier, tests) => {
        const answers: Answers = Object.fromEntries(Object.entries(tier).map(([id, c]) => [id, { choice: [c] }]));
        rubric.questions.forEach((q, i) => {
          if (tests[i] !== null) answers[q.id] = { choice: [tests[i]!] };
        });
        const report = evaluate(rubric, answers, { now: NOW });
        const points = SECTIONS.map((s) =>
          rubric.questions.reduce((sum, q, i) => sum + (q.area === s && tests[i] !== null ? POINTS[tests[i]!]! : 0), 0),
        );
        // every test counts at every tier, monitoring included
        expect(report.questions.every((q) => q.score !== null)).toBe(true);
        expect(report.areas.map((a) => a.score)).toEqual(points.map((p) => Math.round((1000 * p) / 7) / 10));
        expect(report.score).toBe(Math.round((1000 * Math.min(...points)) / 7) / 10);
        expect(report.level.id).toBe(band(Math.min(...points)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a one-off analysis with no monitoring as the paper does: the weakest section decides', () => {
    const answers: Answers = { consumer: { choice: ['humans'] }, frequency: { choice: ['once'] }, 'product-kind': { choice: ['model'] } };
    for (const q of rubric.questions) answers[q.id] = { choice: [q.area === 'monitoring' ? 'not-done' : 'automated'] };
    const report = evaluate(rubric, answers, { now: NOW });
    expect(report.tier.id).toBe('low');
    expect(report.areas.find((a) => a.id === 'monitoring')!.score).toBe(0);
    expect(report.level.id).toBe('research');
    // the low tier's default gate asks for data and model tests only
    expect(report.gate.passed).toBe(true);
  });

  it('gates the high tier at the paper\'s "strong" band: more than 3 points in every section', () => {
    const at = (p: number) => {
      const answers: Answers = { consumer: { choice: ['machines'] }, frequency: { choice: ['batch'] }, 'product-kind': { choice: ['model'] } };
      for (const s of SECTIONS) {
        rubric.questions.filter((q) => q.area === s).forEach((q, i) => (answers[q.id] = { choice: [i < Math.floor(p) ? 'automated' : i === Math.floor(p) && p % 1 ? 'manual' : 'not-done'] }));
      }
      return evaluate(rubric, answers, { now: NOW });
    };
    expect(at(3).gate.passed).toBe(false);
    expect(at(3).level.id).toBe('reasonably-tested');
    expect(at(3.5).gate.passed).toBe(true);
    expect(at(3.5).level.id).toBe('strong');
  });
});
