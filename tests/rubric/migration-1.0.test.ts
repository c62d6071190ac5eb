// readiness.yaml files answered against the built-in rubric 1.0.0 (the three examples as they
// shipped with 1.0.0, kept in fixtures/v1) load against the current version (2.4.0) with their answers: every 1.0.0
// question lives on, under its own id or the one that replaces it; an answer whose option changed
// meaning is kept in the file and asked again; `--only-unanswered` asks only what is new or
// needs a new look.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { evaluate } from '../../src/core/evaluate.js';
import { planSteps } from '../../src/core/questionnaire.js';

const NOW = '2026-11-28T12:00:00.000Z';
const V1 = join(import.meta.dirname, 'fixtures/v1');
const FIXTURES = ['notebook-pilot', 'forecast-pilot', 'production-service'];
// what 2.0.0 did to the questions of 1.0.0
const REPLACED: Record<string, string> = { 'deployment-safety': 'rollback', 'pilot-workarounds': 'data-preparation', 'end-users': 'change-management' };
// 1.0.0 options whose meaning changed since: the answer is asked again
const RE_ASKED: Record<string, string[]> = {
  // in 2.0.0
  'pilot-workarounds': ['scheduled'],
  'lab-it-gap': ['embedded'],
  'deployment-safety': ['canary'],
  // in 2.1.0 (see migration-2.0.test.ts)
  'data-approvals': ['pilot-only'],
  'legal-basis': ['pilot-only'],
  'data-security': ['governed-reviewed'],
  'ds-literacy': ['programme'],
  operator: ['operations-team'],
  'incident-management': ['documented', 'practised'],
  'consumer-contract': ['tested'],
  'service-monitoring': ['slo'],
  'model-selection': ['baseline-only'],
  'ai-act-classification': ['assumed-minimal', 'classified'],
  // in 2.2.0 (see migration-2.1.test.ts)
  'data-ownership': ['contracted'],
  'model-governance': ['governed'],
  'model-lineage': ['full'],
  'human-oversight': ['designed'],
  'data-subject-rights': ['automated'],
  'vendor-terms': ['contracted'],
};

type Raw = { rubricVersion: string; answers: Record<string, { choice?: string | string[]; notApplicable?: string }> };
const choiceOf = (e: Raw['answers'][string]) => (e.choice === undefined ? undefined : Array.isArray(e.choice) ? e.choice : [e.choice]);

describe.each(FIXTURES)('%s answered against 1.0.0', (name) => {
  const file = join(V1, `${name}.yaml`);
  const raw = parse(readFileSync(file, 'utf8')) as Raw;

  it('loads against the current version and keeps or carries over every answer', async () => {
    expect(raw.rubricVersion).toBe('1.0.0');
    const loaded = await loadReadiness(file);
    expect(loaded.rubric.version).toBe('2.4.0');
    const m = loaded.migration!;
    expect(m).toMatchObject({ answeredVersion: '1.0.0', version: '2.4.0' });
    // no 1.0.0 question is gone without a successor
    expect(m.removed.filter((r) => r.reason === 'question-removed')).toEqual([]);
    let kept = 0;
    for (const [id, entry] of Object.entries(raw.answers)) {
      const to = REPLACED[id] ?? id;
      const choice = choiceOf(entry);
      const removed = m.removed.find((r) => r.id === id);
      if (removed) {
        // the successor has its own answer (a merge), or the option changed meaning
        if (removed.reason === 'superseded') expect(removed.replacedBy).toBe(to);
        else expect([removed.reason, choice?.every((c) => RE_ASKED[id]?.includes(c))], `${id}: ${choice}`).toEqual(['option-removed', true]);
        continue;
      }
      kept++;
      if (entry.notApplicable !== undefined) expect(loaded.answers[to]?.notApplicable, id).toBe(entry.notApplicable);
      else expect(loaded.answers[to]?.choice, id).toEqual(choice);
      if (to !== id) expect(m.carried.map((c) => [c.from, c.to])).toContainEqual([id, to]);
    }
    // 2.2.0 re-asks three more of production-service's answers (data contracts now include change
    // notices, governance a model inventory, lineage a retention period): still over 85 % kept
    expect(kept / Object.keys(raw.answers).length).toBeGreaterThan(0.85);
  });

  it('scores the carried answers, and --only-unanswered asks only what is new or needs a new look', async () => {
    const loaded = await loadReadiness(file);
    const report = evaluate(loaded.rubric, loaded.answers, { now: NOW });
    const carried = new Set(Object.keys(loaded.answers));
    expect(report.questions.filter((q) => carried.has(q.id) && q.status === 'answered').length).toBeGreaterThan(30);
    const plan = planSteps(loaded.rubric, loaded.answers, { onlyUnanswered: true }).map((s) => s.id);
    expect(plan).toContain('product-kind');
    for (const id of plan) expect(carried.has(id), `${id} was answered`).toBe(false);
    const m = loaded.migration!;
    const expected = new Set([...m.added, ...m.removed.map((r) => r.replacedBy ?? r.id)]);
    for (const id of plan) expect(expected.has(id), `${id} is new or needs a new look`).toBe(true);
  });
});
