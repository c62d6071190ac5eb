// readiness.yaml files answered against the built-in rubric 2.2.0 (the three examples as they
// shipped with 2.2.0, kept in fixtures/v2.2) load against 2.3.0: every answer is kept, except those
// naming an option whose meaning changed after the third blind review (they are asked again),
// and `--only-unanswered` asks only those and the question 2.3.0 added.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { evaluate } from '../../src/core/evaluate.js';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';
import { describeMigration } from './migration-cases.js';

const NOW = '2026-11-28T12:00:00.000Z';
const V22 = join(import.meta.dirname, 'fixtures/v2.2');
// 2.2.0 options that 2.3.0 replaced with options of a new meaning
const RE_ASKED: Record<string, { from: string; why: string }> = {
  'forecast-pilot/ai-act-classification': {
    from: 'classified-not-high-risk',
    why: 'split: not-high-risk-launch-open (a duty applying at launch is open, 0.3) or not-high-risk-ongoing-open (0.7)',
  },
};
const ADDED = ['genai-monitoring', 'automated-decision', 'output-access'];
// renamed in 2.3.0 though none of the examples chose them
const RENAMED: [question: string, old: string, now: string][] = [
  ['ai-act-classification', 'classified-not-high-risk', 'not-high-risk-ongoing-open'],
  ['third-country-transfers', 'some-without-basis', 'flowing-without-basis'],
  ['retrieval-permissions', 'unfiltered', 'unfiltered-restricted'],
  ['data-subject-rights', 'by-hand', 'by-hand-with-access'],
  ['data-subject-rights', 'automated-all-rights', 'automated-with-access'],
];

describeMigration({ from: '2.2.0', current: '2.4.0', dir: V22, reAsked: RE_ASKED, added: ADDED });

describe.each(['forecast-pilot', 'notebook-pilot', 'production-service'])('%s answered against 2.2.0', (name) => {
  it('keeps its tier', async () => {
    const loaded = await loadReadiness(join(V22, `${name}.yaml`));
    const report = evaluate(loaded.rubric, loaded.answers, { now: NOW });
    expect(report.tier.id).toBe(name === 'forecast-pilot' ? 'medium' : 'high');
  });
});

describe('options renamed in 2.3.0', () => {
  it.each(RENAMED)('%s: %s is gone, %s takes its place', async (qid, old, now) => {
    const rubric = await loadRubricFile(builtinRubricYaml('default'));
    const ids = rubric.questions.find((q) => q.id === qid)!.options.map((o) => o.id);
    expect(ids).not.toContain(old);
    expect(ids).toContain(now);
  });

  it('keeps fairness: manual with its meaning (checked by hand once) at a lower score, and adds the check of the current version', async () => {
    const rubric = await loadRubricFile(builtinRubricYaml('default'));
    const opts = rubric.questions.find((q) => q.id === 'fairness')!.options;
    const score = (id: string) => opts.find((o) => o.id === id)!.score;
    expect(opts.find((o) => o.id === 'manual')!.label).toMatch(/once/);
    expect(score('manual')).toBe(0.25);
    expect(score('manual-current')).toBe(0.5);
    expect(score('manual')).toBeLessThan(rubric.gates.medium!.minQuestion!.fairness as number);
  });
});
