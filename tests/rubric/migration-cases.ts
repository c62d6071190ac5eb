// What every migration test of the built-in rubric checks, for readiness.yaml files answered
// against an earlier version (the examples as they shipped then, kept under fixtures/): every
// answer is kept, except those naming an option whose meaning changed (asked again), and
// `--only-unanswered` asks only those and the questions added since.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { planSteps } from '../../src/core/questionnaire.js';

type Raw = { rubricVersion: string; answers: Record<string, { choice?: string | string[]; notApplicable?: string }> };

export interface MigrationCase {
  /** the version the fixtures were answered against */
  from: string;
  /** the folder of the fixtures, one readiness file per example */
  dir: string;
  /** `example/question` -> the option that was chosen, whose meaning changed since */
  reAsked: Record<string, { from: string; why: string }>;
  /** questions added since, which every example must see as new */
  added: string[];
  current: string;
}

export function describeMigration(c: MigrationCase): void {
  describe.each(['forecast-pilot', 'notebook-pilot', 'production-service'])(`%s answered against ${c.from}`, (name) => {
    const file = join(c.dir, `${name}.yaml`);
    const raw = parse(readFileSync(file, 'utf8')) as Raw;

    it('keeps every answer whose option kept its meaning, and re-asks the others', async () => {
      expect(raw.rubricVersion).toBe(c.from);
      const loaded = await loadReadiness(file);
      const m = loaded.migration!;
      expect(m).toMatchObject({ answeredVersion: c.from, version: c.current, carried: [] });
      expect(m.removed.filter((r) => r.reason !== 'option-removed')).toEqual([]);
      const reAsked = Object.entries(c.reAsked).filter(([k]) => k.startsWith(`${name}/`));
      expect(m.removed.map((r) => [r.id, r.choice]).sort()).toEqual(reAsked.map(([k, v]) => [k.split('/')[1], [v.from]]).sort());
      for (const [id, entry] of Object.entries(raw.answers)) {
        if (m.removed.some((r) => r.id === id)) continue;
        if (entry.notApplicable !== undefined) expect(loaded.answers[id]?.notApplicable, id).toBe(entry.notApplicable);
        else expect(loaded.answers[id]?.choice, id).toEqual(Array.isArray(entry.choice) ? entry.choice : [entry.choice]);
      }
      for (const id of c.added) expect(m.added, id).toContain(id);
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
}
