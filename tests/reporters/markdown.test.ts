// The markdown is read back with a real GFM parser (marked): tables keep their shape and user
// text stays text, however hostile.
import { describe, expect, it } from 'vitest';
import { marked, type Tokens } from 'marked';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { oneLine } from '../../src/text/escape.js';
import type { Report } from '../../src/core/report.js';
import { evidenceText } from '../../src/reporters/view.js';
import { HOSTILE_NOTE, hostileReport, pilotReport, readyReport, realisticReport, scannedReport } from './fixtures.js';

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text a reader sees in a cell. */
const cellText = (cell: Tokens.TableCell) => decode(marked.parseInline(cell.text) as string);

function tables(md: string): Tokens.Table[] {
  return marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
}

function tasks(md: string): Tokens.ListItem[] {
  const items: Tokens.ListItem[] = [];
  marked.walkTokens(marked.lexer(md), (t) => {
    if (t.type === 'list_item' && (t as Tokens.ListItem).task) items.push(t as Tokens.ListItem);
  });
  return items;
}

function expectShape(report: Report) {
  const md = renderMarkdown(report);
  const [summary, areas, answers, ...rest] = tables(md);
  expect(rest).toHaveLength(0);
  expect(summary!.header).toHaveLength(2);
  expect(summary!.rows.map((r) => cellText(r[0]!))).toEqual(['Tier', 'Score', 'Level', 'Gate', 'Blockers', 'Answers']);
  expect(areas!.header.map(cellText)).toEqual(['Area', 'Score', 'Level', 'Answered', "Don't know", 'Unanswered']);
  expect(areas!.rows.map((r) => cellText(r[0]!))).toEqual(report.areas.map((a) => oneLine(a.title)));
  expect(areas!.rows.map((r) => cellText(r[5]!))).toEqual(report.areas.map((a) => String(a.unanswered)));
  const scanned = report.evidence !== undefined;
  expect(answers!.header.map(cellText)).toEqual(['Area', 'Question', 'Answer', 'Score', 'Note', 'By', ...(scanned ? ['Evidence'] : [])]);
  expect(answers!.rows).toHaveLength(report.questions.length);
  for (const [i, q] of report.questions.entries()) {
    const row = answers!.rows[i]!;
    expect(row).toHaveLength(scanned ? 7 : 6);
    if (scanned) expect(cellText(row[6]!)).toBe(evidenceText(q));
    expect(cellText(row[1]!)).toBe(`${q.id}: ${oneLine(q.prompt)}`);
    expect(cellText(row[3]!)).toBe(q.score === null ? '–' : String(q.score));
    expect(cellText(row[4]!)).toBe(q.note ? oneLine(q.note) : '');
  }
  expect(tasks(md)).toHaveLength(report.remediation.length);
  return md;
}

describe('markdown report', () => {
  it.each([
    ['pilot', pilotReport],
    ['ready', readyReport],
    ['realistic', realisticReport],
    ['scanned', scannedReport],
  ])('%s: tables have one row per area and per question, and the plan is a task list', (_, make) => {
    expectShape(make());
  });

  it('keeps its tables whole and its notes as text when every field is hostile', () => {
    const report = hostileReport();
    const md = expectShape(report);
    const html = marked.parse(md) as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // one <h1>, with the project name as text
    const heading = marked.lexer(md).find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1)!;
    expect(decode(marked.parseInline(heading.text) as string)).toBe(`Readiness report: ${oneLine(report.project!)}`);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    // no code spans and no emphasis came from user text
    expect(html).not.toMatch(/<code>|<strong>bold<\/strong>/);
    // a javascript: reference is shown as text, an http one as a link
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('href="https://example.org/a%20b?x=%3Cy%3E&amp;z=%281%29"');
  });

  it('has a title with the project and the date, the summary facts, blockers and gate failures', () => {
    const report = pilotReport();
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe('# Readiness report: churn &lt;model&gt; \\| v2');
    expect(md).toContain('Generated on 2026-11-28');
    const [summary] = tables(md);
    const value = (name: string) => cellText(summary!.rows.find((r) => cellText(r[0]!) === name)![1]!);
    expect(value('Score')).toBe(`${report.score.toFixed(1)} / 100`);
    expect(value('Gate')).toBe('❌ failed (3 errors)');
    expect(value('Blockers')).toBe('1');
    expect(md).toContain('## Blockers');
    expect(md).toContain('- **Data / owner**: "Nobody"');
    for (const f of report.gate.failures) expect(md).toContain(f.message.replace(/[_*[\]|`]/g, '\\$&'));
  });

  it('HTML-escapes a note with the note text intact after a newline', () => {
    const report = pilotReport();
    const md = renderMarkdown(report);
    expect(md).not.toContain('\nsecond line');
    expect(md).toContain(oneLine(HOSTILE_NOTE).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/[`*[\]|]/g, '\\$&'));
  });

  it('lists contradictions, and the evidence beside each answer when the repository was scanned', () => {
    const md = renderMarkdown(scannedReport());
    expect(md).toContain('## Contradictions');
    expect(md).toContain('- ⚠️ **Data / data-quality**: data-quality is answered "Automated checks that stop the pipeline" (line 12), but nothing');
    const answers = tables(md).at(-1)!;
    const packaging = answers.rows.find((r) => cellText(r[1]!).startsWith('packaging:'))!;
    expect(cellText(packaging[6]!)).toBe('Dockerfile, serving/Dockerfile, .github/workflows/ci.yml, …');
    const quality = answers.rows.find((r) => cellText(r[1]!).startsWith('data-quality:'))!;
    expect(cellText(quality[6]!)).toBe('pandera');
    expect(renderMarkdown(realisticReport())).not.toContain('Contradictions');
  });
});
