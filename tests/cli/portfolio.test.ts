// `ready portfolio` through the built binary (npm test builds first).
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';
import { miniV2, portfolioReports } from '../portfolio/fixtures.js';
import { buildPortfolio, type Portfolio } from '../../src/core/portfolio.js';
import { PARALLEL_MIN_FILES } from '../../src/load/load-reports.js';
import type { Report } from '../../src/core/report.js';

const ORDER = ['alpha', 'hotel-dir', 'india', 'foxtrot', 'echo', 'golf', 'bravo', 'charlie', 'delta'];

async function reportsDir(extra: Record<string, string> = {}): Promise<string> {
  const files = Object.fromEntries((await portfolioReports()).map((f) => [`reports/${f.file}`, JSON.stringify(f.report, null, 2)]));
  return tempProject({ ...files, ...extra });
}

const projectOrder = (stdout: string) => (JSON.parse(stdout) as { projects: { name: string }[] }).projects.map((p) => p.name);

describe('ready portfolio', () => {
  it('searches a directory recursively and prints the projects most ready first', async () => {
    const dir = await reportsDir();
    const r = await runCli(['portfolio', 'reports'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Portfolio: 9 projects · rubric mini 1\.0\.0 · as of \d{4}-\d\d-\d\d\n/);
    expect(r.stdout).toContain("Data is the organisation's data-science bottleneck: the weakest area in 4 of 9");
    const json = await runCli(['portfolio', 'reports', '--format', 'json'], { cwd: dir });
    expect(projectOrder(json.stdout)).toEqual(ORDER);
  });

  it('skips a corrupt and a foreign JSON file with a warning naming each, and renders the rest', async () => {
    const dir = await reportsDir({
      'reports/team-x/broken/readiness-report.json': '{"schemaVersion": 1, "score": ',
      'reports/team-x/tool/package.json': JSON.stringify({ name: 'tool', version: '1.0.0' }),
    });
    const r = await runCli(['portfolio', 'reports', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `ready: warning: skipped ${join('reports', 'team-x/broken/readiness-report.json')}: not valid JSON (Unexpected end of JSON input)`,
      `ready: warning: skipped ${join('reports', 'team-x/tool/package.json')}: not a ready report (no schemaVersion)`,
    ]);
    expect(projectOrder(r.stdout)).toEqual(ORDER);
  });

  it('fails with exit 2 and a clear message on an empty directory', async () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'reports'));
    const r = await runCli(['portfolio', 'reports'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ready: reports: no usable ready report: no *.json file found (directories are searched recursively)\n');
  });

  it('fails with exit 2 when every file is skipped', async () => {
    const dir = tempProject({ 'r/a.json': '[]', 'r/b.json': 'nope' });
    const r = await runCli(['portfolio', 'r', 'missing.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'ready: warning: skipped missing.json: no such file or directory',
        `ready: warning: skipped ${join('r', 'a.json')}: not a ready report (expected a JSON object)`,
        `ready: warning: skipped ${join('r', 'b.json')}: not valid JSON (Unexpected token 'o')`,
        'ready: r missing.json: no usable ready report: 3 file(s) skipped, see the warnings above',
        '',
      ].join('\n'),
    );
  });

  it('expands quoted globs with *, ? and **', async () => {
    const dir = await reportsDir({ 'reports/team-a/alpha/notes.json': '{"not": "a report"}' });
    const only = async (pattern: string) => await runCli(['portfolio', pattern, '--format', 'json'], { cwd: dir });
    const all = await only('reports/team-?/*/readiness-report.json');
    expect(all.stderr).toBe('');
    expect(projectOrder(all.stdout)).toEqual(ORDER);
    const fiveLetters = await only('reports/*/?????/readiness-report.json');
    expect(projectOrder(fiveLetters.stdout)).toEqual(['alpha', 'india', 'bravo', 'delta']);
    const deep = await only('**/readiness-report.json');
    expect(projectOrder(deep.stdout)).toEqual(ORDER);
    expect(deep.stderr).toBe('');
    const teamB = await only('reports/team-b/*');
    expect(projectOrder(teamB.stdout)).toEqual(['echo', 'charlie', 'delta']);
  });

  it('says which rubric versions were compared, and on how many shared questions', async () => {
    const v1 = await portfolioReports();
    const v2 = (await portfolioReports(await miniV2())).slice(0, 2);
    const dir = tempProject({
      ...Object.fromEntries(v1.map((f) => [`v1/${f.file}`, JSON.stringify(f.report)])),
      ...Object.fromEntries(v2.map((f) => [`v2/${f.file}`, JSON.stringify({ ...f.report, project: `${f.report.project}-v2` })])),
    });
    const r = await runCli(['portfolio', 'v1', 'v2'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\n/g, ' ')).toContain(
      'Reports were made with 2 rubric versions: mini 1.0.0 (9 projects), mini 2.0.0 (2 projects). Blockers and gaps are compared on the 4 questions they share (of 6 seen), areas on the 2 areas they share.',
    );
  });

  it('writes markdown and HTML to a file with -o', async () => {
    const dir = await reportsDir();
    const md = await runCli(['portfolio', 'reports', '--format', 'markdown', '-o', 'portfolio.md'], { cwd: dir });
    expect(md).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'portfolio.md'), 'utf8')).toMatch(/^# Readiness portfolio\n/);
    const html = await runCli(['portfolio', 'reports', '--format', 'html', '-o', 'portfolio.html'], { cwd: dir });
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'portfolio.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg [\s\S]*<\/html>\n$/);
  });

  it('rejects an unknown format and a missing path argument with exit 2', async () => {
    expect(await runCli(['portfolio', '.', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'pdf' is invalid") });
    expect(await runCli(['portfolio'])).toMatchObject({ code: 2, stderr: expect.stringContaining("missing required argument 'paths'") });
  });

  it('reads a large portfolio in worker threads with the same result as in one thread', async () => {
    const base = await portfolioReports();
    const count = PARALLEL_MIN_FILES * 2;
    const files: Record<string, string> = {};
    const inputs: { report: Report; source: { file: string; fallbackName: string } }[] = [];
    for (let i = 0; i < count; i++) {
      const file = join('many', String(i).padStart(4, '0'), 'r.json');
      if (i === 100 || i === 450) {
        files[file] = '{ broken';
        continue;
      }
      const { report } = base[i % base.length]!;
      const copy = { ...report, project: `${report.project ?? 'hotel'}-${i}` };
      files[file] = JSON.stringify(copy);
      inputs.push({ report: copy, source: { file, fallbackName: '' } });
    }
    const dir = tempProject(files);
    const r = await runCli(['portfolio', 'many', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [100, 450].map((i) => `ready: warning: skipped ${join('many', String(i).padStart(4, '0'), 'r.json')}: not valid JSON (Expected property name or '}', line 1)\n`).join(''),
    );
    const parallel = JSON.parse(r.stdout) as Portfolio;
    const inThread = buildPortfolio(inputs, { now: parallel.generatedAt });
    expect(parallel.projects).toHaveLength(count - 2);
    expect(parallel).toEqual(JSON.parse(JSON.stringify(inThread)));
  });
});
