import { describe, expect, it } from 'vitest';
import { marked, type Tokens } from 'marked';
import { buildPortfolio, type Portfolio } from '../../src/core/portfolio.js';
import { renderPortfolioText } from '../../src/reporters/portfolio-text.js';
import { renderPortfolioMarkdown } from '../../src/reporters/portfolio-markdown.js';
import { renderPortfolioHtml, HEATMAP_ROWS } from '../../src/reporters/portfolio-html.js';
import { renderPortfolioJson } from '../../src/reporters/portfolio-json.js';
import { NOW } from '../helpers/rubric.js';
import { portfolioReports } from './fixtures.js';
import { COLOR, PLAIN } from '../helpers/style.js';

/** A project name written to break every format it lands in. */
const HOSTILE = 'evil | <script>alert(1)</script> \u001b[31mred\u001b]0;title\u0007 `x` **b** [l](http://x)\nnext';
const ORDER = ['alpha', 'hotel-dir', 'india', 'foxtrot', 'echo', 'golf', 'bravo', 'charlie', 'delta'];

async function portfolio(rename: Record<string, string> = {}): Promise<Portfolio> {
  const files = await portfolioReports();
  return buildPortfolio(
    files.map(({ file, report }) => ({
      report: { ...report, project: rename[report.project ?? ''] ?? report.project },
      source: { file, fallbackName: file.split('/').at(-2)! },
    })),
    { now: NOW },
  );
}

describe('text', () => {
  it('starts with the headline and lists the projects most ready first', async () => {
    const text = renderPortfolioText(await portfolio(), { style: PLAIN });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Portfolio: 9 projects · rubric mini 1.0.0 · as of 2026-11-28');
    expect(lines.slice(2, 5).join(' ')).toContain("Data is the organisation's data-science bottleneck");
    const table = lines.slice(lines.indexOf('Projects, most ready first') + 2);
    const rows = table.slice(0, table.indexOf('')).map((l) => l.trim().split(/\s+/)[1]);
    expect(rows).toEqual(ORDER);
    expect(text).toMatch(/\n {2}6 {2}golf +low +75\.0 {2}prototype +1 {2}Data +0 +100% +7d\n/);
    expect(text).toMatch(/Most common blockers \(projects\)\n +2 {2}owner: Who owns the data\?\n/);
    expect(text).not.toMatch(/\u001b/);
  });

  it('colours only when asked, and strips control sequences from names', async () => {
    const p = await portfolio({ alpha: HOSTILE });
    const plain = renderPortfolioText(p, { style: PLAIN });
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(plain).toContain('evil | <script>');
    expect(renderPortfolioText(p, { style: COLOR })).toMatch(/\u001b\[1m/);
  });
});

describe('markdown', () => {
  const tables = (md: string) => marked.lexer(md, { gfm: true }).filter((t): t is Tokens.Table => t.type === 'table');

  it('parses as GFM: one project table in readiness order, a tier-by-level table with totals', async () => {
    const md = renderPortfolioMarkdown(await portfolio());
    const [projects, tiers, areas, blockers, gaps] = tables(md);
    expect(projects!.rows.map((r) => r[1]!.text)).toEqual(ORDER);
    expect(projects!.rows[5]!.map((c) => c.text)).toEqual(['6', 'golf', 'Low', '75.0', 'Prototype (capped by blockers)', '1', 'Data (0.0)', '100%', '7']);
    expect(tiers!.header.map((c) => c.text)).toEqual(['Tier', 'Projects', 'Prototype', 'Pilot', 'Ready']);
    expect(tiers!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Low', '6', '2', '1', '3'],
      ['High', '3', '1', '1', '1'],
      ['**All**', '**9**', '**3**', '**2**', '**4**'],
    ]);
    expect(areas!.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual([
      ['Data', '4'],
      ['Technology', '3'],
    ]);
    expect(blockers!.rows).toHaveLength(1);
    expect(gaps!.rows.map((r) => r[2]!.text)).toEqual(['5', '2', '2', '1', '1']);
  });

  it('keeps a hostile project name inside its cell, as text', async () => {
    const md = renderPortfolioMarkdown(await portfolio({ alpha: HOSTILE }));
    const [projects] = tables(md);
    expect(projects!.rows[0]).toHaveLength(9);
    const html = marked.parse(md, { gfm: true }) as string;
    expect(html).not.toContain('<script>');
    // a bare URL may be autolinked, but the markdown link syntax stays text
    expect(html).not.toContain('>l</a>');
    expect(html).not.toContain('<strong>b</strong>');
    expect(md).not.toMatch(/\u001b/);
  });
});

describe('html', () => {
  it('is self-contained: no script, no external resource, two charts and a heat map', async () => {
    const html = renderPortfolioHtml(await portfolio());
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|@import|url\(http/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toMatch(/<figure id="levels-per-tier">.*<svg [^>]*aria-label="Readiness levels per tier: Low 6, High 3"/s);
    // one segment per (tier, level) pair with projects: 3 levels in each of 2 tiers
    const segments = html.match(/<title>(Low|High) · [^<]+<\/title>/g)!;
    expect(segments).toEqual([
      '<title>Low · Prototype: 2 projects</title>',
      '<title>Low · Pilot: 1 project</title>',
      '<title>Low · Ready: 3 projects</title>',
      '<title>High · Prototype: 1 project</title>',
      '<title>High · Pilot: 1 project</title>',
      '<title>High · Ready: 1 project</title>',
    ]);
    // heat map: a mean row and one row per project, one cell per area
    expect(html.match(/<title>[^<]+ · (Data|Technology): [^<]+<\/title>/g)).toHaveLength((9 + 1) * 2);
    expect(html).toContain('<title>charlie · Data: 0.0</title>');
  });

  it('escapes user text everywhere it appears', async () => {
    const html = renderPortfolioHtml(await portfolio({ alpha: HOSTILE }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('evil | &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\u001b/);
  });

  it('caps the heat map and says so, while the table lists every project', async () => {
    const base = await portfolio();
    const many: Portfolio = { ...base, projects: Array.from({ length: HEATMAP_ROWS + 5 }, (_, i) => ({ ...base.projects[i % 9]!, name: `p${i}` })) };
    const html = renderPortfolioHtml(many);
    expect(html).toContain(`The ${HEATMAP_ROWS} most ready of ${HEATMAP_ROWS + 5} projects`);
    expect(html.match(/<tr><td class="num">/g)).toHaveLength(HEATMAP_ROWS + 5);
  });
});

describe('json', () => {
  it('is the portfolio itself, marked so that it is never mistaken for a project report', async () => {
    const p = await portfolio();
    expect(JSON.parse(renderPortfolioJson(p))).toEqual(JSON.parse(JSON.stringify(p)));
    expect(p).toMatchObject({ kind: 'portfolio', schemaVersion: 1, generatedAt: NOW });
  });
});
