import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { answers, mini, NOW } from '../helpers/rubric.js';

const rubric = await mini();
const run = (table: Record<string, string | string[]>, extra = {}) => evaluate(rubric, { ...answers(table), ...extra }, { now: NOW });

describe('question scores', () => {
  it.each([
    [{ quality: 'automated' }, 'quality', 100, 'answered'],
    [{ quality: 'manual' }, 'quality', 50, 'answered'],
    [{ quality: 'dont-know' }, 'quality', 0, 'dont-know'],
    [{}, 'quality', 0, 'unanswered'],
    // multiple choice: the sum of the chosen options, capped at 1
    [{ tools: ['ci', 'tests'] }, 'tools', 75, 'answered'],
    [{ tools: ['ci', 'docker', 'tests'] }, 'tools', 100, 'answered'],
  ])('%j scores %s as %d (%s)', (table, id, score, status) => {
    const q = run(table).questions.find((x) => x.id === id)!;
    expect(q.score).toBe(score);
    expect(q.status).toBe(status);
  });

  it('drops questions outside the tier and with unmet conditions out of the score', () => {
    const low = run({ consumer: 'humans', serving: 'api' });
    expect(low.questions.find((q) => q.id === 'serving')).toMatchObject({ status: 'out-of-tier', score: null });
    const high = run({ consumer: 'machines', serving: 'file' });
    expect(high.questions.find((q) => q.id === 'serving')).toMatchObject({ status: 'answered', score: 50 });
    expect(high.questions.find((q) => q.id === 'latency')).toMatchObject({ status: 'condition-unmet', score: null });
    const api = run({ consumer: 'machines', serving: 'api' });
    expect(api.questions.find((q) => q.id === 'latency')).toMatchObject({ status: 'unanswered', score: 0 });
  });

  it('lists a question marked not applicable with its reason and leaves it out of the score', () => {
    const r = run({ consumer: 'humans', quality: 'automated' }, { owner: { notApplicable: 'public open data' } });
    expect(r.questions.find((q) => q.id === 'owner')).toMatchObject({ status: 'not-applicable', reason: 'public open data', score: null });
    expect(r.areas.find((a) => a.id === 'data')!.score).toBe(100);
    expect(r.summary.notApplicable).toBe(1);
  });
});

describe('area and overall scores', () => {
  it('weights questions within an area and areas within the total', () => {
    // data: quality 0.5 (w1) + owner 1 (w3) -> 87.5; tech at low tier: tools 0.75 -> 75
    const r = run({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci', 'tests'] });
    expect(r.areas.map((a) => [a.id, a.score])).toEqual([['data', 87.5], ['tech', 75]]);
    // weights 1 and 3: (87.5 + 3 * 75) / 4 = 78.125 -> 78.1
    expect(r.score).toBe(78.1);
    expect(r.level.id).toBe('pilot');
  });

  it('takes the weakest area under min aggregation', () => {
    const r = evaluate({ ...rubric, aggregation: 'min' }, answers({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci', 'tests'] }), { now: NOW });
    expect(r.score).toBe(75);
  });

  it('scores an empty readiness file 0 at the strictest tier, and says why', () => {
    const r = run({});
    expect(r.score).toBe(0);
    expect(r.tier).toMatchObject({ id: 'high', known: false });
    expect(r.tier.reason).toMatch(/consumer unanswered/);
    // all five questions count: `latency` depends on `serving`, which is open, so it is not skipped
    expect(r.summary).toMatchObject({ answered: 0, unanswered: 5 });
  });
});

describe('blockers and levels', () => {
  it('caps the level at the rubric blockedLevel when a blocker is chosen', () => {
    const clean = run({ consumer: 'humans', quality: 'automated', owner: 'named', tools: ['ci', 'docker'] });
    expect(clean.level).toMatchObject({ id: 'ready', cappedByBlockers: false });
    const blocked = run({ consumer: 'humans', quality: 'automated', owner: 'none', tools: ['ci', 'docker'] });
    expect(blocked.blockers).toEqual([{ question: 'owner', area: 'data', option: 'none', label: 'Nobody' }]);
    expect(blocked.level).toMatchObject({ id: 'prototype', cappedByBlockers: true });
  });
});

describe('remediation plan', () => {
  it('puts blockers first, then the largest gap per unit of effort', () => {
    const r = run({ consumer: 'machines', quality: 'manual', owner: 'none', tools: ['tests'], serving: 'file' });
    // impact per effort: serving 18.75/M(2) = 9.4, tools 28.1/L(4) = 7.0, quality (manual, S) 3.1/1 = 3.1
    expect(r.remediation.map((x) => x.question)).toEqual(['owner', 'serving', 'tools', 'quality']);
    expect(r.remediation[0]).toMatchObject({ blocker: true, effort: 'S' });
  });

  it("uses the chosen option's own remediation when it has one", () => {
    const r = run({ consumer: 'humans', quality: 'manual' });
    expect(r.remediation.find((x) => x.question === 'quality')!.summary).toBe('Automate the manual checks.');
    const none = run({ consumer: 'humans', quality: 'none' });
    expect(none.remediation.find((x) => x.question === 'quality')!.summary).toBe('Start checking data quality.');
  });

  it('computes impact as the overall points the gap costs', () => {
    // tools: gap 0.25, whole tech area at low tier (1 question), tech weight 3 of 4 -> 18.75 points
    const r = run({ consumer: 'humans', quality: 'automated', owner: 'named', tools: ['ci', 'tests'] });
    expect(r.remediation).toEqual([expect.objectContaining({ question: 'tools', gap: 0.25, impact: 18.8 })]);
  });
});
