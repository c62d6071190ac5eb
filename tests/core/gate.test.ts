// The gate: each term at, below and above its threshold; which layer wins; warn versus error.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { resolveGate, type GateInput } from '../../src/core/gate.js';
import type { Answers } from '../../src/core/answers.js';
import type { Gate, Rubric } from '../../src/core/rubric-schema.js';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import { Readiness } from '../../src/core/readiness-schema.js';
import { answers, FIXTURES, mini, NOW } from '../helpers/rubric.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const rubric = await mini();
const run = (a: Answers, gate: GateInput = {}, r: Rubric = rubric) => evaluate(r, a, { now: NOW, gate });
const failed = (a: Answers, gate: GateInput, r?: Rubric) => run(a, gate, r).gate.failures.map((f) => f.term);

// low tier (no rubric gate). data: quality 0.5 (w1) + owner 1 (w3) = 87.5; tech: tools ci = 50;
// overall (87.5 + 3 * 50) / 4 = 59.375 -> 59.4
const scored = answers({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci'] });
// one blocker (owner: none) and two questions left unanswered (tools, and at low tier nothing else)
const blocked = answers({ consumer: 'humans', quality: 'manual', owner: 'none' });
// the quality answer is 10.5 days old on NOW (2026-11-28T12:00Z)
const dated: Answers = { ...scored, quality: { choice: ['manual'], at: '2026-11-18', line: 7 } };

describe('each term at, below and above its threshold', () => {
  it('computes the values the table below relies on', () => {
    const r = run(scored);
    expect(r.score).toBe(59.4);
    expect(r.areas.find((a) => a.id === 'data')!.score).toBe(87.5);
    expect(run(blocked).blockers).toHaveLength(1);
    expect(run(blocked).questions.filter((q) => q.status === 'unanswered').map((q) => q.id)).toEqual(['tools']);
  });

  // [term, gate, where the value sits relative to the threshold, fails, answers]
  it.each<[string, Gate, string, boolean, Answers]>([
    ['minScore', { minScore: 59.3 }, 'value above', false, scored],
    ['minScore', { minScore: 59.4 }, 'value at', false, scored],
    ['minScore', { minScore: 59.5 }, 'value below', true, scored],
    ['minArea', { minArea: { data: 87 } }, 'value above', false, scored],
    ['minArea', { minArea: { data: 87.5 } }, 'value at', false, scored],
    ['minArea', { minArea: { data: 88 } }, 'value below', true, scored],
    ['maxBlockers', { maxBlockers: 2 }, 'value below', false, blocked],
    ['maxBlockers', { maxBlockers: 1 }, 'value at', false, blocked],
    ['maxBlockers', { maxBlockers: 0 }, 'value above', true, blocked],
    ['maxUnanswered', { maxBlockers: 1, maxUnanswered: 2 }, 'value below', false, blocked],
    ['maxUnanswered', { maxBlockers: 1, maxUnanswered: 1 }, 'value at', false, blocked],
    ['maxUnanswered', { maxBlockers: 1, maxUnanswered: 0 }, 'value above', true, blocked],
    ['maxAgeDays', { maxAgeDays: 11 }, 'value below', false, dated],
    // 10.5 days is 10 whole days: at the limit, not over it
    ['maxAgeDays', { maxAgeDays: 10 }, 'value at', false, dated],
    ['maxAgeDays', { maxAgeDays: 9 }, 'value above', true, dated],
  ])('%s %j: %s the threshold, fails: %s', (term, flags, _, fails, a) => {
    const r = run(a, { flags });
    expect(r.gate.failures.map((f) => f.term)).toEqual(fails ? [term] : []);
    expect(r.gate.passed).toBe(!fails);
  });

  it('says what failed: term facts, the questions behind it and their lines', () => {
    const r = run(dated, { flags: { maxAgeDays: 9 } });
    expect(r.gate.failures[0]).toMatchObject({ term: 'maxAgeDays', threshold: 9, value: 10, source: 'flags', level: 'error', questions: ['quality'], lines: [7] });
    expect(r.gate.failures[0]!.message).toBe('the oldest answer is 10 days old, more than the 9 allowed (maxAgeDays, set on the command line); stale: quality (line 7)');

    const low = run({ ...scored, owner: { choice: ['named'], line: 12 } }, { flags: { minArea: { data: 90 } } });
    expect(low.gate.failures[0]).toMatchObject({ term: 'minArea', area: 'data', threshold: 90, value: 87.5, questions: ['quality'] });
    expect(low.gate.failures[0]!.message).toBe('area "data" scores 87.5, below the minimum 90 (minArea, set on the command line); largest gaps: quality');

    const blockers = run({ ...blocked, owner: { choice: ['none'], line: 5 } }, {});
    expect(blockers.gate.failures[0]).toMatchObject({ term: 'maxBlockers', threshold: 0, value: 1, source: 'default', questions: ['owner'], lines: [5] });
    expect(blockers.gate.failures[0]!.message).toBe('1 blocker, more than the 0 allowed (maxBlockers, the default); blocked by: owner (line 5)');

    const unanswered = run(blocked, { flags: { maxBlockers: 1, maxUnanswered: 0 } });
    expect(unanswered.gate.failures[0]!.message).toBe('1 question unanswered, more than the 0 allowed (maxUnanswered, set on the command line); unanswered: tools');
  });

  it('names at most five questions and counts the rest', () => {
    const many = { ...rubric, questions: Array.from({ length: 8 }, (_, i) => ({ ...rubric.questions[0]!, id: `q${i}` })) };
    const r = run(answers({ consumer: 'humans' }), { flags: { maxUnanswered: 0 } }, many);
    expect(r.gate.failures[0]!.message).toMatch(/unanswered: q0, q1, q2, q3, q4 and 3 more$/);
    expect(r.gate.failures[0]!.questions).toHaveLength(8);
  });

  it('does not hold stale answers of questions that do not count at this tier against the project', () => {
    // serving is asked at the high tier only
    const r = run({ ...scored, serving: { choice: ['api'], at: '2020-01-01' } }, { flags: { maxAgeDays: 30 } });
    expect(r.gate.failures).toEqual([]);
  });

  it('leaves answers without a date out of the staleness check', () => {
    expect(failed(scored, { flags: { maxAgeDays: 1 } })).toEqual([]);
  });
});

describe('precedence: flags over readiness.yaml over the rubric default for the tier', () => {
  const high = answers({ consumer: 'machines', quality: 'manual', owner: 'named', tools: ['ci'], serving: 'file' });
  const withAreas: Rubric = { ...rubric, gates: { high: { minScore: 60, minArea: { data: 50, tech: 40 }, maxUnanswered: 5, maxAgeDays: 400 } } };
  const rubricGate = withAreas.gates.high;

  it.each<[string, GateInput, number | undefined, string | undefined]>([
    ['the rubric alone', {}, 60, 'rubric'],
    ['readiness.yaml over the rubric', { readiness: { minScore: 50 } }, 50, 'readiness'],
    ['flags over readiness.yaml and the rubric', { readiness: { minScore: 50 }, flags: { minScore: 40 } }, 40, 'flags'],
    ['flags over the rubric', { flags: { minScore: 40 } }, 40, 'flags'],
  ])('minScore: %s', (_, input, value, source) => {
    expect(resolveGate(rubricGate, input).minScore).toMatchObject({ value, source });
  });

  it.each<['maxBlockers' | 'maxUnanswered' | 'maxAgeDays', number]>([
    ['maxBlockers', 0],
    ['maxUnanswered', 5],
    ['maxAgeDays', 400],
  ])('%s: each layer replaces the one below it', (term, base) => {
    const bottom = term === 'maxBlockers' ? 'default' : 'rubric';
    expect(resolveGate(rubricGate, {})[term]).toMatchObject({ value: base, source: bottom });
    expect(resolveGate(rubricGate, { readiness: { [term]: 7 } })[term]).toMatchObject({ value: 7, source: 'readiness' });
    expect(resolveGate(rubricGate, { readiness: { [term]: 7 }, flags: { [term]: 3 } })[term]).toMatchObject({ value: 3, source: 'flags' });
    expect(resolveGate(undefined, { flags: { [term]: 3 } })[term]).toMatchObject({ value: 3, source: 'flags' });
  });

  it('resolves minArea area by area', () => {
    const g = resolveGate(rubricGate, { readiness: { minArea: { data: 70 } }, flags: { minArea: { tech: 30 } } });
    expect(g.minArea).toEqual({
      data: { value: 70, level: 'error', source: 'readiness' },
      tech: { value: 30, level: 'error', source: 'flags' },
    });
    const both = resolveGate(rubricGate, { readiness: { minArea: { data: 70 } }, flags: { minArea: { data: 20 } } });
    expect(both.minArea.data).toMatchObject({ value: 20, source: 'flags' });
    expect(both.minArea.tech).toMatchObject({ value: 40, source: 'rubric' });
  });

  it('applies the winning threshold: the rubric fails the project, readiness.yaml lowers the bar', () => {
    // high tier: data 87.5, tech (tools 50 + serving 50) = 50, overall 59.4
    expect(failed(high, {}, withAreas)).toEqual(['minScore']);
    expect(failed(high, { readiness: { minScore: 55 } }, withAreas)).toEqual([]);
    expect(failed(high, { readiness: { minScore: 55 }, flags: { minArea: { tech: 51 } } }, withAreas)).toEqual(['minArea']);
  });

  it('knows the tier: a rubric gate for another tier does not apply', () => {
    expect(failed(scored, {}, withAreas)).toEqual([]);
  });

  it('takes the level with the value: a plain number in a higher layer is an error again', () => {
    const warnInReadiness = { readiness: { minScore: { value: 50, level: 'warn' as const } } };
    expect(resolveGate(rubricGate, warnInReadiness).minScore).toEqual({ value: 50, level: 'warn', source: 'readiness' });
    expect(resolveGate(rubricGate, { ...warnInReadiness, flags: { minScore: 40 } }).minScore).toEqual({ value: 40, level: 'error', source: 'flags' });
  });
});

describe('warn versus error', () => {
  it('passes with a warning, fails with an error', () => {
    const warned = run(scored, { flags: { minScore: { value: 70, level: 'warn' } } });
    expect(warned.gate.passed).toBe(true);
    expect(warned.gate.failures).toMatchObject([{ term: 'minScore', level: 'warn' }]);
    const errored = run(scored, { flags: { minScore: { value: 70, level: 'error' } } });
    expect(errored.gate.passed).toBe(false);
    expect(errored.gate.failures).toMatchObject([{ term: 'minScore', level: 'error' }]);
  });

  it('lists errors before warnings, whatever the order of the terms', () => {
    const r = run(blocked, { flags: { minScore: { value: 90, level: 'warn' }, maxUnanswered: 0 } });
    expect(r.gate.failures.map((f) => [f.term, f.level])).toEqual([
      ['maxBlockers', 'error'],
      ['maxUnanswered', 'error'],
      ['minScore', 'warn'],
    ]);
  });

  it('lets a blocker warn instead of fail', () => {
    const r = run(blocked, { readiness: { maxBlockers: { value: 0, level: 'warn' } } });
    expect(r.gate.passed).toBe(true);
    expect(r.gate.failures).toMatchObject([{ term: 'maxBlockers', level: 'warn', source: 'readiness' }]);
  });
});

describe('terms written as a number or as { value, level }', () => {
  const rubricData = parse(readFileSync(join(FIXTURES, 'rubrics/mini.yaml'), 'utf8'));

  it.each<[string, unknown, { value: number; level: string }]>([
    ['a number', 60, { value: 60, level: 'error' }],
    ['{ value } alone', { value: 60 }, { value: 60, level: 'error' }],
    ['{ value, level: warn }', { value: 60, level: 'warn' }, { value: 60, level: 'warn' }],
  ])('reads %s in a rubric gate and in readiness.yaml', (_, spec, resolved) => {
    const { rubric: r, problems } = prepareRubric({ ...rubricData, gates: { high: { minScore: spec, minArea: { data: spec } } } });
    expect(problems).toEqual([]);
    expect(resolveGate(r!.gates.high, {})).toMatchObject({ minScore: { ...resolved, source: 'rubric' }, minArea: { data: { ...resolved, source: 'rubric' } } });
    const readiness = Readiness.parse({ gate: { maxAgeDays: spec, maxUnanswered: spec } }).gate;
    expect(resolveGate(undefined, { readiness })).toMatchObject({ maxAgeDays: { ...resolved, source: 'readiness' }, maxUnanswered: { ...resolved, source: 'readiness' } });
  });

  it.each([
    [{ value: 60, level: 'fatal' }],
    [{ level: 'warn' }],
    [{ value: 60, level: 'warn', extra: 1 }],
    ['60'],
  ])('refuses %j', (spec) => {
    expect(Readiness.safeParse({ gate: { minScore: spec } }).success).toBe(false);
  });
});

describe('where a threshold came from', () => {
  it('points at the readiness.yaml line that set it', () => {
    const r = run(scored, { readiness: { minScore: 70, minArea: { data: 90 } }, readinessLines: { minScore: 3, 'minArea.data': 5 } });
    expect(r.gate.failures.map((f) => [f.term, f.gateLine])).toEqual([
      ['minScore', 3],
      ['minArea', 5],
    ]);
    expect(r.gate.failures[0]!.message).toContain('(minScore, set in readiness.yaml line 3)');
  });

  it('has no readiness.yaml line when a flag set the threshold', () => {
    const r = run(scored, { readiness: { minScore: 70 }, flags: { minScore: 65 }, readinessLines: { minScore: 3 } });
    expect(r.gate.failures[0]!.gateLine).toBeUndefined();
    expect(r.gate.failures[0]!.message).toContain('(minScore, set on the command line)');
  });
});
