// readiness.yaml files answered against the built-in rubric 2.0.0 (the three examples as they
// shipped with 2.0.0, kept in fixtures/v2) load against 2.1.0: every answer is kept, except those
// naming an option whose meaning changed after the blind review (they are asked again), and
// `--only-unanswered` asks only those and the questions 2.1.0 added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { planSteps } from '../../src/core/questionnaire.js';

const V2 = join(import.meta.dirname, 'fixtures/v2');
// 2.0.0 options that 2.1.0 replaced with options of a new meaning
const RE_ASKED: Record<string, { from: string; why: string }> = {
  'forecast-pilot/ai-act-classification': { from: 'assumed-minimal', why: 'merged into not-assessed: an assumption nobody responsible confirmed earns nothing' },
  'notebook-pilot/data-approvals': { from: 'pilot-only', why: 'now earlier-use-only: an approval of exactly this one-off analysis is the full answer' },
  'notebook-pilot/model-selection': { from: 'baseline-only', why: 'now one-of-two: tuned without a baseline counts the same' },
  'production-service/operator': { from: 'operations-team', why: 'now on-call-team: the building team may run it, with a rota of two' },
  'production-service/incident-management': { from: 'practised', why: 'now rehearsed: includes the breach and serious-incident decision' },
  'production-service/consumer-contract': { from: 'tested', why: 'now reported: contract tests belong to the interface' },
  'production-service/service-monitoring': { from: 'slo', why: 'now slo-error-budget: alerts on burn rate and an error-budget policy' },
};
const ADDED = ['third-country-transfers', 'data-subject-rights', 'product-owner', 'ml-security'];

type Raw = { rubricVersion: string; answers: Record<string, { choice?: string | string[]; notApplicable?: string }> };

describe.each(['forecast-pilot', 'notebook-pilot', 'production-service'])('%s answered against 2.0.0', (name) => {
  const file = join(V2, `${name}.yaml`);
  const raw = parse(readFileSync(file, 'utf8')) as Raw;

  it('keeps every answer whose option kept its meaning, and re-asks the others', async () => {
    expect(raw.rubricVersion).toBe('2.0.0');
    const loaded = await loadReadiness(file);
    const m = loaded.migration!;
    expect(m).toMatchObject({ answeredVersion: '2.0.0', version: '2.1.0', carried: [] });
    expect(m.removed.filter((r) => r.reason !== 'option-removed')).toEqual([]);
    const reAsked = Object.entries(RE_ASKED).filter(([k]) => k.startsWith(`${name}/`));
    expect(m.removed.map((r) => [r.id, r.choice]).sort()).toEqual(reAsked.map(([k, v]) => [k.split('/')[1], [v.from]]).sort());
    for (const [id, entry] of Object.entries(raw.answers)) {
      if (m.removed.some((r) => r.id === id)) continue;
      if (entry.notApplicable !== undefined) expect(loaded.answers[id]?.notApplicable, id).toBe(entry.notApplicable);
      else expect(loaded.answers[id]?.choice, id).toEqual(Array.isArray(entry.choice) ? entry.choice : [entry.choice]);
    }
    for (const id of ADDED) expect(m.added, id).toContain(id);
  });

  it('--only-unanswered asks only the re-asked and the new questions that apply', async () => {
    const loaded = await loadReadiness(file);
    const plan = planSteps(loaded.rubric, loaded.answers, { onlyUnanswered: true }).map((s) => s.id);
    const m = loaded.migration!;
    const expected = new Set([...m.added, ...m.removed.map((r) => r.id)]);
    for (const id of plan) expect(expected.has(id), `${id} is new or re-asked`).toBe(true);
    for (const r of m.removed) expect(plan, r.id).toContain(r.id);
  });
});
