import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badgeColour, renderBadge } from '../../src/reporters/badge.js';
import { FIXTURE_REPORTS, hostileReport, pilotReport, readyReport, realisticReport } from './fixtures.js';

describe('badge', () => {
  it.each([...Object.entries(FIXTURE_REPORTS), ['hostile', hostileReport] as const])('%s: a well-formed SVG that says the score and level', (_, make) => {
    const report = make();
    const svg = renderBadge(report);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg;
    expect(root['aria-label']).toBe(`readiness: ${report.score} ${report.level.id}`);
    expect(root.height).toBe('20');
  });

  it('is coloured by level: red at the lowest, green at the highest, between for the rest', () => {
    expect(badgeColour(pilotReport())).toBe('#e05d44');
    expect(badgeColour(readyReport())).toBe('#44cc11');
    // the realistic rubric has four levels; "pilot" is the second
    const second = realisticReport();
    second.level = { id: 'pilot', title: 'Pilot', cappedByBlockers: false };
    expect(badgeColour(second)).toBe('#fe7d37');
    expect(renderBadge(second)).toContain('fill="#fe7d37"');
  });

  it('grows with its text', () => {
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    const short = readyReport();
    const long = realisticReport();
    expect(width(renderBadge(long))).toBeGreaterThan(width(renderBadge({ ...long, score: 5 })));
    expect(width(renderBadge(short))).toBeGreaterThan(60);
  });
});
