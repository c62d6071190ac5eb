// `ready diff`: the differences between two reports (pure) and how they read.
import { describe, expect, it } from 'vitest';
import { marked, type Tokens } from 'marked';
import { evaluate } from '../../src/core/evaluate.js';
import { diffReports } from '../../src/core/diff.js';
import { renderDiffMarkdown, renderDiffText } from '../../src/reporters/diff.js';
import type { Answers } from '../../src/core/answers.js';
import { mini } from '../helpers/rubric.js';
import { expectGolden, frozenReport } from './golden.js';
import { HOSTILE_NOTE, pilotReport } from './fixtures.js';
import { PLAIN } from '../helpers/style.js';

const rubric = await mini();
const LATER = '2026-12-15T09:00:00.000Z';

/** The pilot project three weeks later: an owner found, containers added, the API measured. */
function laterReport() {
  const answers: Answers = {
    consumer: { choice: ['machines'] },
    quality: { choice: ['manual'], note: HOSTILE_NOTE },
    owner: { choice: ['named'] },
    tools: { choice: ['ci', 'docker'] },
    serving: { choice: ['file'] },
  };
  return evaluate(rubric, answers, { now: LATER, project: 'churn <model> | v2', gate: { readiness: { minArea: { data: 60 } } } });
}

describe('diffReports', () => {
  it('reports the score and level change, areas up and down, changed answers and blockers', () => {
    const before = pilotReport();
    const after = laterReport();
    const d = diffReports(before, after);
    expect(d.score).toEqual({ old: before.score, new: after.score, delta: Math.round((after.score - before.score) * 10) / 10 });
    expect(d.level).toMatchObject({ old: { id: 'prototype' }, new: { id: 'pilot' }, direction: 'up' });
    expect(d.areas.map((a) => [a.id, a.old, a.new, a.direction])).toEqual([
      ['data', 12.5, 87.5, 'up'],
      ['tech', 50, 75, 'up'],
    ]);
    expect(d.answers.map((a) => [a.question, a.old?.choice, a.new?.choice])).toEqual([
      ['owner', ['none'], ['named']],
      ['tools', ['ci'], ['ci', 'docker']],
      ['serving', ['api'], ['file']],
      ['latency', [], []],
    ]);
    // latency no longer applies once predictions are served as files
    expect(d.answers.at(-1)).toMatchObject({ old: { status: 'unanswered' }, new: { status: 'condition-unmet' } });
    expect(d.blockersRemoved.map((b) => b.question)).toEqual(['owner']);
    expect(d.blockersAdded).toEqual([]);
    expect(d.old.gatePassed).toBe(false);
  });

  it('is symmetrical: swapping the reports swaps every change', () => {
    const d = diffReports(laterReport(), pilotReport());
    expect(d.level.direction).toBe('down');
    expect(d.areas.every((a) => a.direction === 'down')).toBe(true);
    expect(d.blockersAdded.map((b) => b.question)).toEqual(['owner']);
    expect(d.blockersRemoved).toEqual([]);
  });

  it('finds nothing between a report and itself', () => {
    const d = diffReports(pilotReport(), pilotReport());
    expect(d.score.delta).toBe(0);
    expect(d.level.direction).toBe('same');
    expect(d.areas.every((a) => a.direction === 'same')).toBe(true);
    expect(d.answers).toEqual([]);
    expect([d.blockersAdded, d.blockersRemoved]).toEqual([[], []]);
  });

  it('copes with areas and questions present on one side only, and reports without level bands', () => {
    const before = pilotReport();
    const after = laterReport();
    after.areas = after.areas.filter((a) => a.id !== 'tech');
    after.questions = after.questions.filter((q) => q.id !== 'tools');
    const old = { ...before, levels: undefined } as unknown as typeof before;
    const d = diffReports(old, after);
    expect(d.areas.find((a) => a.id === 'tech')).toMatchObject({ direction: 'removed', new: null, delta: null });
    expect(d.answers.find((a) => a.question === 'tools')).toMatchObject({ new: null });
    expect(d.level.direction).toBe('up');
  });
});

describe('diff output', () => {
  it('text: fits 80 columns and matches golden/diff.txt', () => {
    const text = renderDiffText(diffReports(frozenReport('pilot', pilotReport), frozenReport('later', laterReport)), { style: PLAIN });
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(text).toContain('Score    40.6 → 78.1  +37.5');
    expect(text).toContain('Level    Prototype → Pilot');
    expect(text).toContain('Gate     failed → passed');
    expectGolden('diff.txt', text);
  });

  it('markdown: GFM tables with one row per area and per changed answer; matches golden/diff.md', () => {
    const d = diffReports(frozenReport('pilot', pilotReport), frozenReport('later', laterReport));
    const md = renderDiffMarkdown(d);
    const tables = marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.map((t) => [t.header.length, t.rows.length])).toEqual([
      [4, 4],
      [4, d.areas.length],
      [3, d.answers.length],
    ]);
    expect(marked.parse(md)).not.toMatch(/<script/);
    expectGolden('diff.md', md);
  });
});
