import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bar, renderText } from '../../src/reporters/text.js';
import { fit, wrap } from '../../src/text/wrap.js';
import { FIXTURE_REPORTS, hostileReport, pilotReport, realisticReport, readyReport } from './fixtures.js';
import { COLOR, PLAIN } from '../helpers/style.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const columns = (line: string) => [...line.replace(ANSI, '')].length;

describe('text report', () => {
  it.each([...Object.entries(FIXTURE_REPORTS), ['hostile', hostileReport] as const])('fits 80 columns: %s report, with and without colour', (_, make) => {
    for (const color of [false, true]) {
      const lines = renderText(make(), { style: color ? COLOR : PLAIN }).split('\n');
      const widest = Math.max(...lines.map(columns));
      expect(widest).toBeLessThanOrEqual(80);
      expect(widest).toBeGreaterThan(40);
    }
  });

  it('has no escape codes without colour, and colour only adds escape codes', () => {
    const plain = renderText(realisticReport(), { style: PLAIN });
    const coloured = renderText(realisticReport(), { style: COLOR });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('shows each area with its bar, number and level word, so colour is never the only cue', () => {
    const report = realisticReport();
    const text = renderText(report, { style: PLAIN });
    for (const a of report.areas) {
      const line = text.split('\n').find((l) => l.startsWith(`  ${a.title} `))!;
      expect(line).toContain(a.score!.toFixed(1));
      expect(line).toContain(report.levels.find((l) => l.id === a.level)!.title);
      expect(line).toContain(bar(a.score!));
    }
  });

  it('puts the tier and its reason, the score, level and gate at the top, and blockers before the plan', () => {
    const report = pilotReport();
    const text = renderText(report, { style: PLAIN });
    const at = (s: string) => text.indexOf(s);
    expect(at(`Tier     ${report.tier.title}`)).toBeGreaterThan(0);
    expect(at(report.tier.reason)).toBeGreaterThan(at('Tier'));
    expect(text).toContain(`Score    ${report.score.toFixed(1)} / 100  ${report.level.title}`);
    expect(text).toContain('Gate     FAILED  3 errors');
    expect(at('Blockers (1)')).toBeGreaterThan(at('Gate'));
    expect(at('Blockers (1)')).toBeLessThan(at('Areas'));
    expect(at('Areas')).toBeLessThan(at('Start with'));
    expect(at('Start with')).toBeLessThan(at('Remediation plan'));
  });

  it('groups the plan by area with the effort of each step, and starts with the first three', () => {
    const report = realisticReport();
    const text = renderText(report, { style: PLAIN });
    const start = text.slice(text.indexOf('Start with'), text.indexOf('Remediation plan'));
    report.remediation.slice(0, 3).forEach((r, i) => expect(start).toContain(`${i + 1}. [${r.effort}] ${r.summary}`));
    const plan = text.slice(text.indexOf('Remediation plan'));
    for (const r of report.remediation) expect(plan).toContain(`[${r.effort}] ${r.summary}`);
    const areaOrder = ['Data (', 'Humans (', 'Organization (', 'Technology ('].map((t) => plan.indexOf(`  ${t}`));
    expect(areaOrder).toEqual([...areaOrder].sort((a, b) => a - b));
    expect(Math.min(...areaOrder)).toBeGreaterThan(0);
  });

  it('says when there is nothing left to fix', () => {
    expect(renderText(readyReport(), { style: PLAIN })).toContain('Nothing left to fix');
  });

  it('strips terminal control sequences from user text', () => {
    const report = pilotReport();
    report.project = 'evil\u001b]0;pwned\u0007\u001b[2J name';
    const text = renderText(report, { style: PLAIN });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('evil name');
  });
});

describe('wrap and fit', () => {
  it.each([
    ['a few short words', 7, ['a few', 'short', 'words']],
    ['averyveryverylongword here', 8, ['averyver', 'yverylon', 'gword', 'here']],
    ['', 10, ['']],
    ['exactly ten fits', 10, ['exactly', 'ten fits']],
    ['ab cd ef', 5, ['ab cd', 'ef']],
    ['😀😀 😀😀 😀', 5, ['😀😀 😀😀', '😀']],
    ['é🚀é🚀é🚀', 4, ['é🚀é🚀', 'é🚀']],
  ])('wraps %j at %d', (text, width, lines) => {
    expect(wrap(text, width)).toEqual(lines);
  });

  it('wraps as counting code points with an array would, for any words and width', () => {
    // the straightforward version: the running length is recounted from scratch for every word
    const reference = (text: string, width: number): string[] => {
      const len = (t: string) => [...t].length;
      const lines: string[] = [];
      let line = '';
      for (let word of text.split(/\s+/).filter(Boolean)) {
        while (len(word) > width) {
          if (line) lines.push(line);
          lines.push([...word].slice(0, width).join(''));
          word = [...word].slice(width).join('');
          line = '';
        }
        if (!word) continue;
        if (line && len(line) + 1 + len(word) > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.length > 0 ? lines : [''];
    };
    const piece = fc.constantFrom('a', 'bc', 'é', '😀', '🚀x', ' ', '  ', '\n', 'word', '\ud800');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.integer({ min: 1, max: 12 }), (text, width) => {
        expect(wrap(text, width)).toEqual(reference(text, width));
      }),
    );
  });

  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['too long for it', 8, 'too lon…'],
  ])('fits %j into %d columns', (text, width, out) => {
    expect(fit(text, width)).toBe(out);
  });
});

describe('text summary (what `ready check` prints)', () => {
  it('stops after the first steps and points to the whole plan', () => {
    const report = realisticReport();
    const summary = renderText(report, { style: PLAIN, detail: 'summary' });
    const full = renderText(report, { style: PLAIN });
    expect(summary).toContain('Start with');
    expect(summary).not.toContain('Remediation plan');
    expect(summary).toContain(`The whole plan (${report.remediation.length} steps): ready report`);
    expect(full).toContain('Remediation plan');
    expect(full.startsWith(summary.split('\nThe whole plan')[0]!)).toBe(true);
  });
});
