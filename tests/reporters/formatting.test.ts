// Dates, points and scores are written one way in every format; the HTML explains the gate line
// in words; `ready check` with nothing answered points to `ready assess`.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { formatDate, formatScore, pointsGained } from '../../src/reporters/view.js';
import { runCli, tempProject } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('formatting', () => {
  it.each([
    [pointsGained(1), '+1 point'],
    [pointsGained(12.5), '+12.5 points'],
    [formatScore(7), '7.0'],
    [formatScore(null), 'n/a'],
    [formatDate('2026-11-28T12:00:00.000Z'), '2026-11-28'],
    [formatDate('not a date'), 'not a date'],
  ])('%s is %s', (actual, expected) => expect(actual).toBe(expected));
});

describe('the reports', () => {
  const dir = tempProject({ 'readiness.yaml': 'project: p\ngate:\n  minArea: { data: 50 }\nanswers:\n  consumer: humans\n  frequency: batch\n' });
  dirs.push(dir);

  it('show dates as dates, and explain the gate line on the HTML chart in visible text', async () => {
    const html = (await runCli(['report', '--format', 'html', '--no-evidence'], { cwd: dir })).stdout;
    expect(html).toMatch(/<footer>[^<]*· \d{4}-\d\d-\d\d<\/footer>/);
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(html).toContain('<p class="meta">A dashed line across a bar marks the gate&#39;s minimum score for that area.</p>'.replace('&#39;', "'"));
    const md = (await runCli(['report', '--format', 'markdown', '--no-evidence'], { cwd: dir })).stdout;
    expect(md).not.toMatch(/\+1 points/);
  });
});

describe('ready check with nothing answered', () => {
  it('points to ready assess first', async () => {
    const dir = tempProject({ 'readiness.yaml': 'answers:\n' });
    dirs.push(dir);
    const r = await runCli(['check', '--no-evidence'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing in readiness.yaml is answered yet: run `ready assess` first to answer the questionnaire.');
    // machine-readable output stays as it is
    const json = await runCli(['check', '--no-evidence', '--format', 'json'], { cwd: dir });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});
