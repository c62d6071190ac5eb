// Evidence in the report: findings next to the answers, contradictions among the answers that
// count, and the maxContradictions gate term. Plain objects in, a report out.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Evidence, ProbeFinding } from '../../src/core/evidence.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { answers, mini, NOW } from '../helpers/rubric.js';

const rubric = await mini();

const finding = (f: Partial<ProbeFinding>): ProbeFinding => ({
  index: 0,
  kind: 'dependency',
  description: 'a web framework is declared',
  found: true,
  paths: ['requirements.txt'],
  more: false,
  packages: ['fastapi'],
  supports: ['api'],
  contradicts: ['file'],
  absenceContradicts: false,
  ...f,
});
const evidence: Evidence = {
  listing: 'git',
  files: 12,
  questions: {
    serving: [finding({})],
    tools: [finding({ kind: 'file', description: 'a CI workflow', found: false, paths: [], packages: undefined, supports: ['ci'], contradicts: [], absenceContradicts: true, looked: [{ path: '.gitlab-ci.yml', line: 1, what: 'gitlab-ci: build' }] })],
  },
  skipped: [{ path: 'big.csv', reason: 'too-large' }],
  skippedTotal: 1,
};

const run = (table: Record<string, string | string[]>, extra: Parameters<typeof evaluate>[2] = { now: NOW }) =>
  evaluate(rubric, answers(table), { ...extra, evidence });

describe('evaluate with evidence', () => {
  it('shows each finding next to its question, without the scanner-only fields', () => {
    const report = run({ consumer: 'machines', serving: 'api' });
    expect(report.questions.find((q) => q.id === 'serving')!.evidence).toEqual([
      { kind: 'dependency', description: 'a web framework is declared', found: true, paths: ['requirements.txt'], more: false, packages: ['fastapi'], supports: ['api'], contradicts: ['file'] },
    ]);
    expect(report.questions.find((q) => q.id === 'quality')!.evidence).toBeUndefined();
    expect(report.evidence).toEqual({ listing: 'git', files: 12, skipped: 1 });
    expect(report.contradictions).toEqual([]);
  });

  it('raises contradictions only for questions that count at the tier', () => {
    const high = run({ consumer: 'machines', serving: 'file', tools: ['ci', 'docker'] });
    expect(high.contradictions!.map((c) => `${c.question}:${c.option}:${c.code}`)).toEqual(['tools:ci:ANSWER_LACKS_EVIDENCE', 'serving:file:ANSWER_DENIES_EVIDENCE']);
    // at the low tier `serving` is not asked: its answer is not held against the repository
    const low = run({ consumer: 'humans', serving: 'file' });
    expect(low.contradictions).toEqual([]);
  });

  it('leaves contradictions and the evidence summary out when the repository was not scanned', () => {
    const report = evaluate(rubric, answers({ consumer: 'machines', serving: 'file' }), { now: NOW });
    expect(report).not.toHaveProperty('contradictions');
    expect(report).not.toHaveProperty('evidence');
    expect(report.questions.every((q) => q.evidence === undefined)).toBe(true);
  });

  it('fails the gate on more contradictions than maxContradictions allows, as an error or a warning', () => {
    const table = { consumer: 'machines', serving: 'file', tools: ['ci'] };
    const strict = run(table, { now: NOW, gate: { flags: { maxContradictions: 0 } } });
    const failure = strict.gate.failures.find((f) => f.term === 'maxContradictions')!;
    expect(failure).toMatchObject({ level: 'error', value: 2, threshold: 0, questions: ['tools', 'serving'] });
    expect(failure.message).toMatch(/^2 answers contradicted by the repository, more than the 0 allowed/);
    expect(strict.gate.passed).toBe(false);
    expect(run(table, { now: NOW, gate: { flags: { maxContradictions: 2 } } }).gate.failures.some((f) => f.term === 'maxContradictions')).toBe(false);
    const warned = run(table, { now: NOW, gate: { readiness: { maxContradictions: { value: 0, level: 'warn' } } } });
    expect(warned.gate.failures.find((f) => f.term === 'maxContradictions')).toMatchObject({ level: 'warn', source: 'readiness' });
  });

  it('produces a report that the published report schema accepts', () => {
    const report = run({ consumer: 'machines', serving: 'file', tools: ['ci'] }, { now: NOW, gate: { flags: { maxContradictions: 0 } } });
    const parsed = ReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
