// The HTML report as a file and in a real browser (Debian's headless Chromium): self-contained,
// the chart drawn, and hostile user text shown as text.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../../src/reporters/html.js';
import { countColour, decodePng } from '../helpers/png.js';
import { chromium, NO_CHROMIUM, writePage } from '../helpers/chromium.js';
import { hostileReport, pilotReport, realisticReport, scannedReport } from './fixtures.js';


describe('HTML report', () => {
  it('needs nothing from the network and runs no script', () => {
    const html = renderHtml(realisticReport());
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|src=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // the only links are the rubric's references
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="https://example.org/data-contracts?a=%281%29"']);
    expect(html).toContain('@media print');
  });

  it('draws one bar per scored area, as wide as its score, in an inline SVG', () => {
    const report = realisticReport();
    const html = renderHtml(report);
    const bars = [...html.matchAll(/<rect class="bar" data-area="([^"]+)" x="150" y="[\d.]+" width="([\d.]+)"/g)];
    const scored = report.areas.filter((a) => a.score !== null && a.score > 0);
    expect(bars.map((b) => b[1])).toEqual(report.areas.filter((a) => a.score !== null).map((a) => a.id));
    for (const a of scored) {
      const width = Number(bars.find((b) => b[1] === a.id)![2]);
      expect(width).toBeCloseTo((a.score! / 100) * 440, 5);
    }
  });

  it('has the same sections as the markdown: summary, areas, blockers, gate, plan as tasks, answers', () => {
    const report = pilotReport();
    const html = renderHtml(report);
    for (const h of ['Areas', 'Blockers', 'Gate', 'Remediation plan', 'Answers']) expect(html).toMatch(new RegExp(`<h2[^>]*>${h}</h2>`));
    expect(html.match(/<input type="checkbox"/g)).toHaveLength(report.remediation.length);
    const rows = (table: string) => new RegExp(`<table class="${table}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)![1]!.match(/<tr>/g)!.length;
    expect(rows('summary')).toBe(6);
    expect(rows('areas')).toBe(report.areas.length);
    expect(rows('answers')).toBe(report.questions.length);
  });

  it('lists contradictions, and an evidence column only when the repository was scanned', () => {
    const html = renderHtml(scannedReport());
    expect(html).toMatch(/<h2 class="warn">Contradictions<\/h2>/);
    expect(html).toContain('<th>Evidence</th>');
    expect(html).toContain('<td class="evidence">Dockerfile, serving/Dockerfile, .github/workflows/ci.yml, …</td>');
    expect(renderHtml(realisticReport())).not.toMatch(/Contradictions|<th>Evidence<\/th>/);
  });

  it('escapes every piece of user text', () => {
    const html = renderHtml(hostileReport());
    expect(html).not.toMatch(/<script|<\/script|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://example.org/a%20b?x=%3Cy%3E&amp;z=%281%29"');
  });
});

const writeReport = (html: string) => writePage(html, 'report.html');

// CI installs chromium (.ci/run); elsewhere the browser tests need it installed by hand
describe.skipIf(NO_CHROMIUM)('HTML report in headless Chromium', () => {
  it('renders a screenshot with the area bars drawn in their level colours', { timeout: 120_000 }, () => {
    const { dir, url } = writeReport(renderHtml(hostileReport()));
    const shot = join(dir, 'report.png');
    chromium([`--screenshot=${shot}`, '--window-size=1000,1400', url]);
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    const image = decodePng(readFileSync(shot));
    expect([image.width, image.height]).toEqual([1000, 1400]);
    // pilot report: data is at the lowest level (red bar), technology in between (amber bar)
    expect(countColour(image, [0xc6, 0x28, 0x28])).toBeGreaterThan(300);
    expect(countColour(image, [0xb2, 0x6a, 0x00])).toBeGreaterThan(1_500);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a hostile note as text in the DOM the browser builds', { timeout: 120_000 }, () => {
    const { dir, url } = writeReport(renderHtml(hostileReport()));
    const { stdout } = chromium(['--dump-dom', url]);
    expect(stdout).toContain('<h1>Readiness report: project a | b `tick` &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdout.match(/<script/gi)).toBeNull();
    expect(stdout).toMatch(/<svg class="chart"[^>]*>[\s\S]*<rect class="bar" data-area="data"/);
    rmSync(dir, { recursive: true, force: true });
  });
});
