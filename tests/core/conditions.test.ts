// `when` conditions in three-valued logic: a question whose condition depends on an answer nobody
// knows stays applicable, both in the report and in the questionnaire's plan.
import { describe, expect, it } from 'vitest';
import { conditionHolds, conditionValue, evaluate, skipReason } from '../../src/core/evaluate.js';
import { planSteps } from '../../src/core/questionnaire.js';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import type { Condition } from '../../src/core/rubric-schema.js';
import type { Answers } from '../../src/core/answers.js';
import { NOW } from '../helpers/rubric.js';

const leaf = (question: string, ...options: string[]): Condition => ({ question, in: options });
const A = leaf('a', 'yes');
const B = leaf('b', 'yes');
const answered = (table: Record<string, string | null>): Answers =>
  Object.fromEntries(Object.entries(table).filter(([, c]) => c !== null).map(([id, c]) => [id, { choice: [c!] }]));

describe('conditionValue', () => {
  it.each<[string, Condition, Record<string, string | null>, boolean | null]>([
    ['a listed option', A, { a: 'yes' }, true],
    ['an answer outside the list', A, { a: 'no' }, false],
    ['"don\'t know"', A, { a: 'dont-know' }, null],
    ['no answer', A, { a: null }, null],
    ['not of unknown', { not: A }, { a: 'dont-know' }, null],
    ['not of false', { not: A }, { a: 'no' }, true],
    ['all: false wins over unknown', { all: [A, B] }, { a: 'no', b: 'dont-know' }, false],
    ['all: unknown and true', { all: [A, B] }, { a: 'yes', b: 'dont-know' }, null],
    ['all: both true', { all: [A, B] }, { a: 'yes', b: 'yes' }, true],
    ['any: true wins over unknown', { any: [A, B] }, { a: 'yes', b: null }, true],
    ['any: unknown and false', { any: [A, B] }, { a: 'no', b: null }, null],
    ['any: both false', { any: [A, B] }, { a: 'no', b: 'no' }, false],
  ])('%s', (_, cond, table, expected) => {
    expect(conditionValue(cond, answered(table))).toBe(expected);
    expect(conditionHolds(cond, answered(table))).toBe(expected === true);
  });

  it('reads a multiple choice with a listed option as true, and one with "don\'t know" and no listed option as unknown', () => {
    expect(conditionValue(leaf('a', 'x'), { a: { choice: ['y', 'x'] } })).toBe(true);
    expect(conditionValue(leaf('a', 'x'), { a: { choice: ['y', 'dont-know'] } })).toBe(null);
    expect(conditionValue(leaf('a', 'x'), { a: { choice: ['y', 'z'] } })).toBe(false);
  });

  it('treats a question marked not applicable as unknown: only a real answer switches a follow-up off', () => {
    expect(conditionValue(A, { a: { notApplicable: 'no such thing here' } })).toBe(null);
  });
});

const { rubric } = prepareRubric({
  id: 'r',
  version: '1',
  title: 'R',
  areas: [{ id: 'data', title: 'Data' }],
  tiers: [{ id: 'low', title: 'Low' }],
  tierQuestions: [{ id: 'kind', prompt: 'What?', options: [{ id: 'model', label: 'A model' }, { id: 'dashboard', label: 'A dashboard' }] }],
  tierRules: [{ when: {}, tier: 'low', reason: 'always' }],
  levels: [{ id: 'a', title: 'A', min: 0 }],
  questions: [
    {
      id: 'personal',
      area: 'data',
      prompt: 'Personal data?',
      options: [
        { id: 'none-confirmed', label: 'None, confirmed', score: 1 },
        { id: 'raw', label: 'Yes, raw', score: 0.3 },
      ],
      remediation: { summary: 's', steps: ['do'], effort: 'S' },
    },
    {
      id: 'legal',
      area: 'data',
      prompt: 'Legal basis?',
      when: { not: { question: 'personal', in: ['none-confirmed'] } },
      options: [
        { id: 'documented', label: 'Documented', score: 1 },
        { id: 'none', label: 'None', score: 0 },
      ],
      remediation: { summary: 's', steps: ['do'], effort: 'S' },
    },
    {
      id: 'drift',
      area: 'data',
      prompt: 'Model drift?',
      when: { question: 'kind', in: ['model'] },
      options: [
        { id: 'watched', label: 'Watched', score: 1 },
        { id: 'not', label: 'Not watched', score: 0 },
      ],
      remediation: { summary: 's', steps: ['do'], effort: 'S' },
    },
  ],
});

describe('skipReason and the questionnaire plan', () => {
  const statusOf = (a: Answers) => Object.fromEntries(evaluate(rubric!, a, { now: NOW }).questions.map((q) => [q.id, q.status]));
  const planned = (a: Answers) => planSteps(rubric!, a, {}).map((s) => s.id);

  it('skips a follow-up only under the checked negative', () => {
    expect(statusOf(answered({ kind: 'model', personal: 'none-confirmed' })).legal).toBe('condition-unmet');
    expect(statusOf(answered({ kind: 'model', personal: 'raw' })).legal).toBe('unanswered');
    expect(planned(answered({ kind: 'model', personal: 'none-confirmed' }))).not.toContain('legal');
  });

  it.each([['"don\'t know"', 'dont-know'], ['no answer', null]])('keeps the follow-up under %s, in the report and in the plan', (_, choice) => {
    const a = answered({ kind: 'model', personal: choice });
    expect(skipReason(rubric!.questions[1]!, 'low', a)).toBeNull();
    expect(statusOf(a).legal).toBe('unanswered');
    expect(planned(a)).toContain('legal');
  });

  it('lets a condition name a tier question, and keeps the question while that tier question is open', () => {
    expect(statusOf(answered({ kind: 'dashboard' })).drift).toBe('condition-unmet');
    expect(statusOf(answered({ kind: 'model' })).drift).toBe('unanswered');
    expect(statusOf({}).drift).toBe('unanswered');
    expect(planned({})).toContain('drift');
    expect(planned(answered({ kind: 'dashboard' }))).not.toContain('drift');
  });

  it('never scores "don\'t know" above the honest answer that keeps the same follow-ups', () => {
    const rest = { kind: 'model', legal: 'none' };
    const dk = evaluate(rubric!, answered({ ...rest, personal: 'dont-know' }), { now: NOW });
    const raw = evaluate(rubric!, answered({ ...rest, personal: 'raw' }), { now: NOW });
    expect(dk.score).toBeLessThan(raw.score);
  });
});

describe('a condition on a question that is not asked', () => {
  it('is false: the follow-up of a question out of the tier is not asked either', async () => {
    const { mini } = await import('../helpers/rubric.js');
    const r = await mini();
    const statusOf = (a: Answers) => evaluate(r, a, { now: NOW }).questions.find((q) => q.id === 'latency')!.status;
    expect(statusOf(answered({ consumer: 'humans' }))).toBe('condition-unmet');
    // at the high tier `serving` is asked; while it is open, its follow-up stays
    expect(statusOf(answered({ consumer: 'machines' }))).toBe('unanswered');
    expect(statusOf(answered({ consumer: 'machines', serving: 'file' }))).toBe('condition-unmet');
    expect(planSteps(r, answered({ consumer: 'humans' }), {}).map((s) => s.id)).not.toContain('latency');
  });
});
