// The HTML portfolio in a real browser: headless Chromium renders it, and the charts are visible in
// the screenshot (their colours are there in quantity) and present in the DOM it builds.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPortfolio } from '../../src/core/portfolio.js';
import { renderPortfolioHtml } from '../../src/reporters/portfolio-html.js';
import { NOW } from '../helpers/rubric.js';
import { portfolioReports } from './fixtures.js';
import { countColour, decodePng } from '../helpers/png.js';
import { chromium, NO_CHROMIUM, writePage } from '../helpers/chromium.js';

async function page(): Promise<{ dir: string; url: string }> {
  const files = await portfolioReports();
  const p = buildPortfolio(
    files.map(({ file, report }) => ({ report, source: { file, fallbackName: file.split('/').at(-2)! } })),
    { now: NOW },
  );
  return writePage(renderPortfolioHtml(p), 'portfolio.html');
}

// hsl(0, 60%, 48%) and hsl(120, 60%, 48%): the lowest and highest level in the stacked bars
const PROTOTYPE_RED: [number, number, number] = [196, 49, 49];
const READY_GREEN: [number, number, number] = [49, 196, 49];

describe.skipIf(NO_CHROMIUM)('the HTML portfolio in headless Chromium', () => {
  it('renders a screenshot in which the charts are visible', { timeout: 120_000 }, async () => {
    const { dir, url } = await page();
    const shot = join(dir, 'portfolio.png');
    chromium([`--screenshot=${shot}`, '--window-size=1200,1400', url]);
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    const image = decodePng(readFileSync(shot));
    expect([image.width, image.height]).toEqual([1200, 1400]);
    // the bars of 3 prototype and 4 ready projects are each hundreds of pixels wide and 24 high
    expect(countColour(image, PROTOTYPE_RED)).toBeGreaterThan(3_000);
    expect(countColour(image, READY_GREEN)).toBeGreaterThan(3_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a DOM with both charts and the heat map as SVG', { timeout: 120_000 }, async () => {
    const { dir, url } = await page();
    const { stdout } = chromium(['--dump-dom', url]);
    expect(stdout).toMatch(/<figure id="levels-per-tier">[\s\S]*?<svg /);
    expect(stdout).toMatch(/<figure id="weakest-areas">[\s\S]*?<svg /);
    expect(stdout).toMatch(/<figure id="heat-map">[\s\S]*?<svg /);
    // 6 bar segments, 3 legend swatches; heat map: (9 projects + mean) x 2 areas, plus its legend
    const levels = /<figure id="levels-per-tier">([\s\S]*?)<\/figure>/.exec(stdout)![1]!;
    expect(levels.match(/<rect /g)).toHaveLength(6 + 3);
    const heat = /<figure id="heat-map">([\s\S]*?)<\/figure>/.exec(stdout)![1]!;
    expect(heat.match(/<rect [^>]*fill="hsl/g)).toHaveLength(10 * 2);
    rmSync(dir, { recursive: true, force: true });
  });
});
