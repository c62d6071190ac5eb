// readiness.yaml files answered against the built-in rubric 2.1.0 (the three examples as they
// shipped with 2.1.0, kept in fixtures/v2.1) load against 2.2.0: every answer is kept, except those
// naming an option whose meaning changed after the second blind review (they are asked again),
// and `--only-unanswered` asks only those and the questions 2.2.0 added.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { evaluate } from '../../src/core/evaluate.js';
import { describeMigration } from './migration-cases.js';

const NOW = '2026-11-28T12:00:00.000Z';
const V21 = join(import.meta.dirname, 'fixtures/v2.1');
// 2.1.0 options that 2.2.0 replaced with options of a new meaning
const RE_ASKED: Record<string, { from: string; why: string }> = {
  'production-service/data-ownership': { from: 'contracted', why: 'now contracted-notified: subscribed to upstream change notices, or schema changes alert' },
  'production-service/human-oversight': { from: 'designed', why: 'now designed-informed: the people decisions are about are told (AI Act Art. 26(11))' },
  'production-service/operator': { from: 'on-call-team', why: 'now on-call-sized: a rota sized to the support hours, not just two people' },
  'production-service/model-governance': { from: 'governed', why: 'now governed-validated: model inventory with risk tier, independent validation' },
  'production-service/model-lineage': { from: 'full', why: 'now full-retained: logged inputs kept only for the retention period' },
};
const ADDED = ['genai-monitoring', 'decision-impact', 'output-freshness', 'prediction-parity', 'offline-online-agreement', 'feature-velocity', 'retrieval-permissions', 'generative-rebuild'];
// renamed in 2.2.0 though none of the examples chose them
const RENAMED: [question: string, old: string, now: string][] = [
  ['ai-act-classification', 'high-risk-duties-open', 'high-risk-prelaunch-open'],
  // renamed again in 2.3.0 (access requests included): see migration-2.2.test.ts
  ['data-subject-rights', 'automated', 'automated-with-access'],
  ['vendor-terms', 'contracted', 'contracted-retention-known'],
];

describeMigration({ from: '2.1.0', current: '2.4.0', dir: V21, reAsked: RE_ASKED, added: ADDED });

describe.each(['forecast-pilot', 'notebook-pilot', 'production-service'])('%s answered against 2.1.0', (name) => {
  const file = join(V21, `${name}.yaml`);

  it('keeps its tier: decision-impact is a question, not a tier question, so an old file is not moved to the strictest tier', async () => {
    const loaded = await loadReadiness(file);
    const report = evaluate(loaded.rubric, loaded.answers, { now: NOW });
    expect(report.tier.known).toBe(true);
    expect(report.tier.id).toBe(name === 'forecast-pilot' ? 'medium' : 'high');
  });
});

describe('options renamed in 2.2.0', () => {
  it.each(RENAMED)('%s: %s is gone, %s takes its place', async (qid, old, now) => {
    const { loadRubricFile, builtinRubricYaml } = await import('../../src/load/load-rubric.js');
    const rubric = await loadRubricFile(builtinRubricYaml('default'));
    const ids = rubric.questions.find((q) => q.id === qid)!.options.map((o) => o.id);
    expect(ids).not.toContain(old);
    expect(ids).toContain(now);
  });
});
