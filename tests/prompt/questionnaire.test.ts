// The pure planning of the questionnaire, over the hand-computable mini rubric: tier question
// `consumer`; data: quality (role ds), owner; tech: tools, serving (high tier only), latency (when
// serving=api: planned while serving is open, since an open answer never removes a follow-up, and
// dropped once serving is answered otherwise or is out of the tier).
import { describe, expect, it } from 'vitest';
import { back, forward, planSteps, progressOf, formatProgress, resumePoint, scopeProblems, type Scope } from '../../src/core/questionnaire.js';
import { answers, mini } from '../helpers/rubric.js';

const rubric = await mini();
const ids = (table: Record<string, string | string[]>, scope: Scope = {}, initial?: Record<string, string | string[]>) =>
  planSteps(rubric, answers(table), scope, initial ? answers(initial) : undefined).map((s) => s.id);

describe('planSteps', () => {
  it.each([
    ['nothing answered: the strictest tier is assumed', {}, {}, ['consumer', 'quality', 'owner', 'tools', 'serving', 'latency']],
    ['low tier: serving is out of tier', { consumer: 'humans' }, {}, ['consumer', 'quality', 'owner', 'tools']],
    ['high tier: serving applies, and latency stays planned while serving is open', { consumer: 'machines' }, {}, ['consumer', 'quality', 'owner', 'tools', 'serving', 'latency']],
    ['serving=api brings in latency', { consumer: 'machines', serving: 'api' }, {}, ['consumer', 'quality', 'owner', 'tools', 'serving', 'latency']],
    ['serving=file keeps latency out', { consumer: 'machines', serving: 'file' }, {}, ['consumer', 'quality', 'owner', 'tools', 'serving']],
    ['--area tech with the tier answered', { consumer: 'machines' }, { areas: ['tech'] }, ['tools', 'serving', 'latency']],
    ['--area tech with the tier unanswered asks the tier first', {}, { areas: ['tech'] }, ['consumer', 'tools', 'serving', 'latency']],
    ['--area data --area tech', { consumer: 'humans' }, { areas: ['data', 'tech'] }, ['quality', 'owner', 'tools']],
    ['--role ds', { consumer: 'humans' }, { roles: ['ds'] }, ['quality']],
    ['--only-unanswered', { consumer: 'machines', quality: 'manual', tools: ['ci'] }, { onlyUnanswered: true }, ['owner', 'serving', 'latency']],
    ['"don\'t know" on serving keeps latency', { consumer: 'machines', serving: 'dont-know' }, {}, ['consumer', 'quality', 'owner', 'tools', 'serving', 'latency']],
  ] as const)('%s', (_, table, scope, expected) => {
    expect(ids(table as Record<string, string | string[]>, scope as Scope)).toEqual(expected);
  });

  it('--only-unanswered keeps what gets answered during the session', () => {
    const initial = { consumer: 'machines' };
    expect(ids({ consumer: 'machines', owner: 'named' }, { onlyUnanswered: true }, initial)).toEqual(['quality', 'owner', 'tools', 'serving', 'latency']);
  });

  it('counts a "not applicable" answer as answered', () => {
    const a = { ...answers({ consumer: 'humans' }), owner: { notApplicable: 'vendor data' } };
    expect(planSteps(rubric, a, { onlyUnanswered: true }).map((s) => s.id)).toEqual(['quality', 'tools']);
  });
});

describe('progress', () => {
  it('counts within the section', () => {
    const plan = planSteps(rubric, answers({ consumer: 'machines', serving: 'api' }), {});
    expect(['consumer', 'quality', 'owner', 'latency'].map((id) => formatProgress(progressOf(plan, id)!))).toEqual([
      'Tier · 1 of 1',
      'Data · 1 of 2',
      'Data · 2 of 2',
      'Technology · 3 of 3',
    ]);
  });
});

describe('navigation', () => {
  const plan = (table: Record<string, string>) => planSteps(rubric, answers(table), {});

  it('goes forward in asking order, picking up questions an answer brought in', () => {
    expect(forward(rubric, plan({}), [])).toEqual(['consumer']);
    expect(forward(rubric, plan({ consumer: 'machines', serving: 'api' }), ['consumer', 'quality', 'owner', 'tools', 'serving'])).toEqual([
      'consumer', 'quality', 'owner', 'tools', 'serving', 'latency',
    ]);
    expect(forward(rubric, plan({ consumer: 'humans' }), ['consumer', 'quality', 'owner', 'tools'])).toBeNull();
  });

  it('goes back to the previous question still planned, and stays at the first', () => {
    const p = plan({ consumer: 'humans' });
    expect(back(p, ['consumer', 'quality', 'owner'])).toEqual(['consumer', 'quality']);
    expect(back(p, ['consumer'])).toEqual(['consumer']);
    // serving left the plan when the tier went low: back skips it
    expect(back(p, ['consumer', 'serving', 'tools'])).toEqual(['consumer']);
  });

  it('resumes at the first open question, with the answered ones behind it', () => {
    const a = answers({ consumer: 'humans', quality: 'manual' });
    expect(resumePoint(rubric, planSteps(rubric, a, {}), a)).toEqual(['consumer', 'quality', 'owner']);
    const all = answers({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci'] });
    expect(resumePoint(rubric, planSteps(rubric, all, {}), all)).toEqual(['consumer']);
    expect(resumePoint(rubric, [], {})).toBeNull();
  });
});

describe('scopeProblems', () => {
  it('names the unknown area or role and lists the valid ones', () => {
    expect(scopeProblems(rubric, { areas: ['data', 'people'], roles: ['dba'] })).toEqual([
      '--area: unknown area "people" (areas: data, tech)',
      '--role: unknown role "dba" (did you mean "ds"?) (roles: ds)',
    ]);
    expect(scopeProblems(rubric, { areas: ['tech'], roles: ['ds'] })).toEqual([]);
  });
});
