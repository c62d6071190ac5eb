// Each project counts once in the portfolio, with its latest report; the headline leaves out
// projects with too few answers to judge, and every format says what was set aside.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPortfolio, MIN_ANSWERED_SHARE } from '../../src/core/portfolio.js';
import { evaluate } from '../../src/core/evaluate.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { answers, mini, NOW } from '../helpers/rubric.js';
import { daysBefore } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const FULL = { consumer: 'humans', quality: 'automated', owner: 'named', tools: ['ci', 'docker'] };
const WEAK = { consumer: 'humans', quality: 'none', owner: 'named', tools: ['ci'] };

async function report(project: string, table: Record<string, string | string[]>, daysAgo: number) {
  return evaluate(await mini(), answers(table), { now: daysBefore(daysAgo), project });
}

describe('one project, several reports', () => {
  it('counts the project once, with its latest report, whatever order the reports come in', async () => {
    const old = await report('churn', WEAK, 30);
    const latest = await report('churn', FULL, 1);
    const other = await report('fraud', WEAK, 2);
    for (const order of [
      [old, latest, other],
      [latest, other, old],
    ]) {
      const p = buildPortfolio(order.map((r, i) => ({ report: r, source: { file: `r${i}.json`, fallbackName: 'x' } })), { now: NOW });
      expect(p.projects.map((x) => x.name).sort()).toEqual(['churn', 'fraud']);
      expect(p.projects.find((x) => x.name === 'churn')!.score).toBe(latest.score);
      expect(p.olderReports).toBe(1);
      expect(p.comparison.rubrics[0]!.projects).toBe(2);
    }
  });

  it('on the command line: two report files of one project count once, and it says so', async () => {
    const dir = tempProject();
    dirs.push(dir);
    const files: Record<string, unknown> = {
      'q1/churn.json': await report('churn', WEAK, 90),
      'q2/churn.json': await report('churn', FULL, 3),
      'q2/fraud.json': await report('fraud', FULL, 3),
    };
    for (const [path, r] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), JSON.stringify(r));
    }
    const json = await runCli(['portfolio', '.', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const p = JSON.parse(json.stdout) as { projects: { name: string; file: string }[]; olderReports: number };
    expect(p.projects.map((x) => x.name).sort()).toEqual(['churn', 'fraud']);
    expect(p.projects.find((x) => x.name === 'churn')!.file).toMatch(/q2\/churn\.json$/);
    expect(p.olderReports).toBe(1);
    const text = await runCli(['portfolio', '.'], { cwd: dir });
    expect(text.stdout).toMatch(/^Each project counts once, with its latest report; 1 older report set aside\.$/m);
    const md = await runCli(['portfolio', '.', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('_Each project counts once, with its latest report; 1 older report set aside._');
  });
});

describe('the headline', () => {
  it('leaves out projects with too few answers to judge, and says so', async () => {
    const judged = await report('judged', WEAK, 1);
    // only the tier question answered: nothing of the areas is known
    const empty = await report('empty', { consumer: 'humans' }, 1);
    expect(empty.summary.answered / empty.summary.applicable).toBeLessThan(MIN_ANSWERED_SHARE);
    const p = buildPortfolio([judged, empty].map((r) => ({ report: r, source: { file: `${r.project}.json`, fallbackName: 'x' } })), { now: NOW });
    expect(p.tooFewAnswers).toEqual(['empty']);
    expect(p.headline).toMatch(/the weakest area in 1 of 1 project/);
    expect(p.headline).toMatch(/1 project with fewer than 50% of its questions answered is left out of this: too few answers to judge\.$/);
    const none = buildPortfolio([{ report: empty, source: { file: 'e.json', fallbackName: 'e' } }], { now: NOW });
    expect(none.headline).toBe('No project has answered 50% of its questions yet: too few answers to judge where the organisation stands.');
  });
});

describe('portfolio globs', () => {
  it('take the probe-glob dialect: "{a,b}/*.json" finds both folders and nothing else', async () => {
    const dir = tempProject();
    dirs.push(dir);
    for (const [path, name] of [['a/r.json', 'alpha'], ['b/r.json', 'bravo'], ['c/r.json', 'charlie']] as const) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), JSON.stringify(await report(name, FULL, 1)));
    }
    const r = await runCli(['portfolio', '{a,b}/*.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { projects: { name: string }[] }).projects.map((x) => x.name).sort()).toEqual(['alpha', 'bravo']);
    const bad = await runCli(['portfolio', '{a,b}/../*.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ready: warning: skipped \{a,b\}\/\.\.\/\*\.json: is not a usable pattern: it must stay inside the repository/m);
  });
});
