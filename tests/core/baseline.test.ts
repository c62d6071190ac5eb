// No-regression gating against an earlier report: equal, better, worse, a new blocker, an area
// the rubric no longer has.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { compareWithBaseline, type BaselineReport } from '../../src/core/baseline.js';
import type { Answers } from '../../src/core/answers.js';
import type { Report } from '../../src/core/report.js';
import { answers, mini, NOW } from '../helpers/rubric.js';

const rubric = await mini();
const run = (a: Answers) => evaluate(rubric, a, { now: NOW, gate: { flags: { maxBlockers: 5 } } });
const THEN = '2026-10-01T09:00:00.000Z';
const baselineOf = (a: Answers): Report => ({ ...run(a), generatedAt: THEN });
const withLines = (a: Answers): Answers => Object.fromEntries(Object.entries(a).map(([id, x], i) => [id, { ...x, line: i + 2 }]));

// low tier: data (quality 1, owner 1) = 100, tech (tools ci+docker) = 100 -> 100, level "ready"
const good = withLines(answers({ consumer: 'humans', quality: 'automated', owner: 'named', tools: ['ci', 'docker'] }));
// quality drops to manual: data (0.5 + 3) / 4 = 87.5; overall (87.5 + 300) / 4 = 96.9
const slipped = withLines(answers({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci', 'docker'] }));
// owner: none is a blocker and caps the level at "prototype"
const blocked = withLines(answers({ consumer: 'humans', quality: 'automated', owner: 'none', tools: ['ci', 'docker'] }));

const regressions = (r: Report) => r.gate.failures.filter((f) => f.source === 'baseline');

describe('compareWithBaseline', () => {
  it('finds nothing when nothing changed', () => {
    const r = compareWithBaseline(run(good), baselineOf(good), 'base.json');
    expect(regressions(r)).toEqual([]);
    expect(r.gate.passed).toBe(true);
    expect(r.baseline).toEqual({ file: 'base.json', generatedAt: THEN, score: 100, level: 'ready', notes: [] });
  });

  it('finds nothing when the project got better', () => {
    const r = compareWithBaseline(run(good), baselineOf(slipped), 'base.json');
    expect(regressions(r)).toEqual([]);
    expect(r.gate.passed).toBe(true);
  });

  it('fails on a lower score and a lower area, and names the answers that lost points', () => {
    const r = compareWithBaseline(run(slipped), baselineOf(good), 'base.json');
    expect(r.gate.passed).toBe(false);
    expect(regressions(r).map((f) => [f.term, f.threshold, f.value, f.area, f.questions, f.lines])).toEqual([
      ['baselineScore', 100, 96.9, undefined, ['quality'], [3]],
      ['baselineArea', 100, 87.5, 'data', ['quality'], [3]],
    ]);
    expect(regressions(r)[0]!.message).toBe('overall score dropped from 100 to 96.9 since the baseline of 2026-10-01 (baselineScore); answers that lost points: quality 100→50 (line 3)');
    expect(regressions(r)[1]!.message).toBe('area "data" dropped from 100 to 87.5 since the baseline of 2026-10-01 (baselineArea); answers that lost points: quality 100→50 (line 3)');
  });

  it('fails on a lower level, by the order of the rubric levels', () => {
    const r = compareWithBaseline(run(blocked), baselineOf(good), 'base.json');
    const level = regressions(r).find((f) => f.term === 'baselineLevel')!;
    // levels: prototype (0), pilot (1), ready (2)
    expect(level).toMatchObject({ threshold: 2, value: 0, level: 'error' });
    expect(level.message).toMatch(/^level dropped from Ready to Prototype since the baseline of 2026-10-01 \(baselineLevel\) \(capped by blockers\); answers that lost points: owner 100→0 \(line 4\)$/);
  });

  it('fails on a new blocker, and not on one the baseline already had', () => {
    const r = compareWithBaseline(run(blocked), baselineOf(good), 'base.json');
    const blocker = regressions(r).find((f) => f.term === 'baselineBlockers')!;
    expect(blocker).toMatchObject({ threshold: 0, value: 1, questions: ['owner'], lines: [4] });
    expect(blocker.message).toBe('1 new blocker since the baseline of 2026-10-01 (baselineBlockers): owner is "Nobody" (line 4)');

    const again = compareWithBaseline(run(blocked), baselineOf(blocked), 'base.json');
    expect(regressions(again)).toEqual([]);
    expect(again.gate.passed).toBe(true);
  });

  it('reports an area the rubric no longer has instead of failing on it', () => {
    const base = baselineOf(good);
    const old: BaselineReport = { ...base, areas: [...base.areas, { id: 'humans', title: 'Humans', score: 80 }] };
    const r = compareWithBaseline(run(good), old, 'base.json');
    expect(regressions(r)).toEqual([]);
    expect(r.baseline!.notes).toEqual(['area "humans" (Humans) is in the baseline but not in rubric mini@1.0.0; not compared']);
  });

  it('reports an area that no longer has an applicable question', () => {
    // quality moved to the high tier and owner marked not applicable: nothing of "data" counts
    const moved = { ...rubric, questions: rubric.questions.map((q) => (q.id === 'quality' ? { ...q, tiers: ['high'] } : q)) };
    const current = evaluate(moved, { ...good, owner: { notApplicable: 'open data' } }, { now: NOW });
    expect(current.areas.find((a) => a.id === 'data')!.score).toBeNull();
    const r = compareWithBaseline(current, baselineOf(good), 'base.json');
    expect(regressions(r)).toEqual([]);
    expect(r.baseline!.notes).toEqual(['area "data" scored 100 in the baseline and has no applicable question now; not compared']);
  });

  it('notes a baseline from another rubric or with a level this rubric lacks, and still compares the score', () => {
    const base = baselineOf(good);
    const foreign: BaselineReport = { ...base, rubric: { id: 'acme', version: '2' }, level: { id: 'gold', title: 'Gold' } };
    const r = compareWithBaseline(run(slipped), foreign, 'base.json');
    expect(r.baseline!.notes).toEqual([
      'the baseline was scored with rubric acme@2, this report with mini@1.0.0; scores may move for that reason alone',
      'the baseline\'s level "gold" is not a level of rubric mini@1.0.0; levels not compared',
    ]);
    expect(regressions(r).map((f) => f.term)).toEqual(['baselineScore', 'baselineArea']);
  });

  it('keeps the gate failures it already had, errors before warnings', () => {
    const current = evaluate(rubric, slipped, { now: NOW, gate: { flags: { minScore: { value: 99, level: 'warn' } } } });
    const r = compareWithBaseline(current, baselineOf(good), 'base.json');
    expect(r.gate.failures.map((f) => [f.term, f.level])).toEqual([
      ['baselineScore', 'error'],
      ['baselineArea', 'error'],
      ['minScore', 'warn'],
    ]);
  });
});
