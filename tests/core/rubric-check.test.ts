// Each rubric mistake that zod cannot see, with the message and path it must produce.
import { describe, expect, it } from 'vitest';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import { checkRubricWarnings } from '../../src/core/rubric-check.js';

const base = () => ({
  id: 'r',
  version: '1',
  title: 'R',
  areas: [{ id: 'data', title: 'Data' }],
  tiers: [{ id: 'low', title: 'Low' }, { id: 'high', title: 'High' }],
  tierQuestions: [{ id: 'consumer', prompt: 'Who?', options: [{ id: 'humans', label: 'H' }, { id: 'machines', label: 'M' }] }],
  tierRules: [
    { when: { consumer: 'humans' }, tier: 'low', reason: 'r1' },
    { when: { consumer: 'machines' }, tier: 'high', reason: 'r2' },
  ],
  levels: [{ id: 'a', title: 'A', min: 0 }, { id: 'b', title: 'B', min: 50 }],
  questions: [
    { id: 'q1', area: 'data', prompt: 'Q1?', options: [{ id: 'x', label: 'X', score: 1 }, { id: 'y', label: 'Y', score: 0 }], remediation: { summary: 's', steps: ['do'], effort: 'S' } },
    { id: 'q2', area: 'data', prompt: 'Q2?', options: [{ id: 'x', label: 'X', score: 1 }, { id: 'y', label: 'Y', score: 0 }], remediation: { summary: 's', steps: ['do'], effort: 'S' } },
  ],
});
// the mutations build deliberately wrong rubrics, which no precise type would allow
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type R = any;
const problems = (mutate: (r: R) => void) => {
  const r = base() as R;
  mutate(r);
  return prepareRubric(r).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
};

describe('rubric checks', () => {
  it('accepts the base rubric and adds "dont-know" to every question', () => {
    const { rubric, problems } = prepareRubric(base());
    expect(problems).toEqual([]);
    expect(rubric!.questions[0]!.options.map((o) => o.id)).toEqual(['x', 'y', 'dont-know']);
  });

  it.each<[string, (r: R) => void, string]>([
    ['a score above 1', (r) => (r.questions[0].options[0].score = 1.5), 'questions.0.options.0.score: must be between 0 and 1'],
    ['an unknown key', (r) => (r.questions[0].colour = 'red'), 'questions.0: unknown key "colour"'],
    ['duplicate question ids', (r) => (r.questions[1].id = 'q1'), 'questions.1.id: duplicate question id "q1"'],
    ['duplicate option ids', (r) => (r.questions[0].options[1].id = 'x'), 'questions.0.options.1.id: duplicate option id "x"'],
    ['an unknown area', (r) => (r.questions[0].area = 'dat'), 'questions.0.area: unknown area "dat" (areas: data)'],
    ['an unknown tier', (r) => (r.questions[0].tiers = ['mid']), 'questions.0.tiers.0: unknown tier "mid" (tiers: low, high)'],
    ['an unknown role', (r) => (r.questions[0].roles = ['dpo']), 'questions.0.roles.0: unknown role "dpo" (roles: none declared)'],
    ['a when on an unknown question', (r) => (r.questions[0].when = { question: 'nope', in: ['x'] }), 'questions.0.when.question: unknown question "nope"'],
    ['a when on an unknown option', (r) => (r.questions[0].when = { question: 'q2', in: ['z'] }), 'questions.0.when.in.0: "q2" has no option "z"'],
    ['a when on itself', (r) => (r.questions[0].when = { question: 'q1', in: ['x'] }), 'questions.0.when.question: "q1" cannot depend on itself'],
    [
      'a when cycle',
      (r) => {
        r.questions[0].when = { question: 'q2', in: ['x'] };
        r.questions[1].when = { not: { question: 'q1', in: ['y'] } };
      },
      'questions.0.when: "when" conditions form a cycle: q1 -> q2 -> q1',
    ],
    ['a tier rule on an unknown tier', (r) => (r.tierRules[1].tier = 'top'), 'tierRules.1.tier: unknown tier "top" (tiers: low, high)'],
    ['an uncovered tier combination', (r) => r.tierRules.pop(), 'tierRules: no tier rule matches consumer=machines'],
    ['an unreachable tier rule', (r) => r.tierRules.splice(1, 0, { when: { consumer: 'humans' }, tier: 'high', reason: 'x' }), 'tierRules.1: this rule is never reached: earlier rules match every case it covers'],
    ['a tier rule with an unknown option', (r) => (r.tierRules[0].when = { consumer: 'people' }), 'tierRules.0.when.consumer: "consumer" has no option "people" (options: humans, machines)'],
    ['levels that do not start at 0', (r) => (r.levels[0].min = 10), 'levels.0.min: the first level must start at 0'],
    ['levels out of order', (r) => (r.levels[1].min = 0), 'levels.1.min: levels must be listed with rising "min"'],
    ['a "dont-know" that scores', (r) => r.questions[0].options.push({ id: 'dont-know', label: '?', score: 0.5 }), 'questions.0.options.2.score: "dont-know" must score 0'],
    ['a gate for an unknown tier', (r) => (r.gates = { mid: { minScore: 50 } }), 'gates.mid: unknown tier "mid" (tiers: low, high)'],
    ['a gate on an unknown area', (r) => (r.gates = { low: { minArea: { tech: 50 } } }), 'gates.low.minArea.tech: unknown area "tech"'],
    ['a missing remediation', (r) => delete r.questions[0].remediation, 'questions.0.remediation: options scoring below 1 need a remediation (on the question or the option)'],
    ['a probe path climbing out of the repo', (r) => (r.questions[0].evidence = [{ kind: 'file', paths: ['../secrets'] }]), 'questions.0.evidence.0.paths.0: must be a path inside the repository (no leading "/", no "..")'],
    ['a probe supporting an unknown option', (r) => (r.questions[0].evidence = [{ kind: 'file', paths: ['Dockerfile'], supports: ['z'] }]), 'questions.0.evidence.0.supports.0: "q1" has no option "z"'],
  ])('reports %s', (_, mutate, expected) => {
    expect(problems(mutate)).toContain(expected);
  });
});

describe('rubric warnings: only a checked negative switches a follow-up off', () => {
  const warnings = (mutate: (r: R) => void) => {
    const r = base() as R;
    r.questions[0].options.push({ id: 'assumed', label: 'Assumed, not checked', score: 0.5 });
    mutate(r);
    const { rubric, problems } = prepareRubric(r);
    expect(problems).toEqual([]);
    return checkRubricWarnings(rubric!).map((p) => `${p.path.join('.')}: ${p.message}`);
  };

  it('accepts a follow-up that only the full-credit answer skips, and one that "don\'t know" or an open answer cannot skip', () => {
    expect(warnings((r) => (r.questions[1].when = { not: { question: 'q1', in: ['x'] } }))).toEqual([]);
  });

  it('accepts a condition on a tier question: tier answers have no score to game', () => {
    expect(warnings((r) => (r.questions[1].when = { question: 'consumer', in: ['machines'] }))).toEqual([]);
  });

  it.each<[string, (r: R) => void, string[]]>([
    [
      'a follow-up skipped by a gap and by an unchecked claim',
      (r) => (r.questions[1].when = { question: 'q1', in: ['x'] }),
      [
        'questions.1.when: "q1" answered "y" (score 0) switches "q2" off: only a checked negative, an option with score 1, should skip a follow-up; otherwise keep "q2" applicable under "y"',
        'questions.1.when: "q1" answered "assumed" (score 0.5) switches "q2" off: only a checked negative, an option with score 1, should skip a follow-up; otherwise keep "q2" applicable under "assumed"',
      ],
    ],
    [
      'a skip hidden inside "all"',
      (r) => (r.questions[1].when = { all: [{ question: 'consumer', in: ['machines'] }, { not: { question: 'q1', in: ['assumed'] } }] }),
      ['questions.1.when: "q1" answered "assumed" (score 0.5) switches "q2" off: only a checked negative, an option with score 1, should skip a follow-up; otherwise keep "q2" applicable under "assumed"'],
    ],
  ])('warns about %s', (_, mutate, expected) => {
    expect(warnings(mutate)).toEqual(expected);
  });

  it('is a warning: the rubric still loads', () => {
    const r = base() as R;
    r.questions[1].when = { question: 'q1', in: ['x'] };
    expect(prepareRubric(r).rubric).toBeDefined();
    expect(checkRubricWarnings(prepareRubric(r).rubric!)[0]!.severity).toBe('warning');
  });
});
