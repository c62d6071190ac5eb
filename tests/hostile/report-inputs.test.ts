// Issue 16, reports that are valid JSON but not what `ready` writes, read back by `diff`,
// `portfolio` and `check --baseline`. A wrong type anywhere a reader looks is an input error (exit 2)
// with one line naming the file and the path; what a report refers to (a blocker's question, an
// area, a level) is its own business: reports of two rubric versions differ, and the readers show
// the ids they do not know rather than refuse them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, type RunResult } from '../helpers/cli.js';
import { expectCleanErrors, snapshot, tempDirs } from './helpers.js';
import { DIFF_FORMATS, PORTFOLIO_FORMATS } from '../../src/reporters/formats.js';

const RUBRIC = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');
// low tier, a blocker (owner), tools unanswered
const READINESS = 'rubric: rubric.yaml\nanswers:\n  consumer: humans\n  quality: manual\n  owner: none\n';

type Json = Record<string, unknown>;
const dirs = tempDirs();
afterAll(() => dirs.cleanUp());

let project = '';
let base: Json;

beforeAll(async () => {
  project = dirs.make({ 'rubric.yaml': RUBRIC, 'readiness.yaml': READINESS });
  const r = await runCli(['report', '--format', 'json', '--no-evidence'], { cwd: project });
  expect(r.code, r.stderr).toBe(0);
  base = JSON.parse(r.stdout);
  expect((base.blockers as unknown[]).length).toBe(1);
});

const copy = (): Json => JSON.parse(JSON.stringify(base));

/** Writes old.json (the report as made) and new.json (edited) into a folder of their own. */
function pair(edit: (r: Json) => void): { dir: string; old: string; new: string } {
  const dir = dirs.make();
  const changed = copy();
  edit(changed);
  writeFileSync(join(dir, 'old.json'), JSON.stringify(base));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(changed));
  return { dir, old: join(dir, 'old.json'), new: join(dir, 'new.json') };
}

/** Every reader of reports, on the edited one: diff in each format, portfolio in each, check --baseline. */
async function readers(file: string, old: string): Promise<[string, RunResult][]> {
  const runs: [string, string[]][] = [
    ...DIFF_FORMATS.map((f): [string, string[]] => [`diff ${f}`, ['diff', old, file, '--format', f]]),
    ...DIFF_FORMATS.map((f): [string, string[]] => [`diff ${f} (as the older)`, ['diff', file, old, '--format', f]]),
    ...PORTFOLIO_FORMATS.map((f): [string, string[]] => [`portfolio ${f}`, ['portfolio', file, old, '--format', f]]),
    ['check --baseline', ['check', '--no-evidence', '--baseline', file]],
  ];
  const out: [string, RunResult][] = [];
  for (const [name, args] of runs) out.push([name, await runCli(args, { cwd: project })]);
  return out;
}

const blocker = (r: Json) => (r.blockers as Json[])[0]!;
const question = (r: Json) => (r.questions as Json[])[0]!;

// [what, edit, the one line diff must print]
const BROKEN: [string, (r: Json) => void, RegExp][] = [
  ['a blocker with nothing but an unknown question', (r) => ((r.blockers as Json[])[0] = { question: 'no-such-question' }), /blockers\[0\]\.option: expected an option id$/],
  ['a blocker label that is a number', (r) => (blocker(r).label = 5), /blockers\[0\]\.label: expected a string$/],
  ['a blocker area that is null', (r) => (blocker(r).area = null), /blockers\[0\]\.area: expected an area id$/],
  ['a blocker line that is text', (r) => (blocker(r).line = 'eight'), /blockers\[0\]\.line: expected a line number$/],
  ['a blocker that is a string', (r) => ((r.blockers as unknown[])[0] = 'owner'), /blockers\[0\]: expected an object$/],
  ['an unknown question status', (r) => (question(r).status = 'maybe'), /questions\[0\]\.status: expected one of answered, dont-know, /],
  ['labels that are not strings', (r) => (question(r).labels = [1, {}]), /questions\[0\]\.labels: expected a list of strings$/],
  ['a choice that is a string', (r) => (question(r).choice = 'humans'), /questions\[0\]\.choice: expected a list of option ids, or null$/],
  ['a prompt that is a number', (r) => (question(r).prompt = 5), /questions\[0\]\.prompt: expected a string$/],
  ['an answer date that is a number', (r) => (question(r).at = 20260101), /questions\[0\]\.at: expected a date string$/],
  ['a question score above 100', (r) => (question(r).score = 1000), /questions\[0\]\.score: expected a number from 0 to 100, or null$/],
  ['an area score below 0', (r) => ((r.areas as Json[])[0]!.score = -1), /areas\[0\]\.score: expected a number from 0 to 100, or null$/],
  ['an area level that is a number', (r) => ((r.areas as Json[])[0]!.level = 3), /areas\[0\]\.level: expected a string or null$/],
  ['a score of 1e308', (r) => (r.score = 1e308), /: score: expected a number from 0 to 100$/],
  ['levels that are a number', (r) => (r.levels = 5), /: levels: expected an array$/],
  ['a level band without an id', (r) => ((r.levels as Json[])[0]!.id = 5), /levels\[0\]\.id: expected a string$/],
  ['a gate that is null', (r) => (r.gate = null), /: gate: expected an object with passed \(true or false\)$/],
  ['a gate whose passed is a word', (r) => ((r.gate as Json).passed = 'yes'), /: gate: expected an object with passed \(true or false\)$/],
];

describe('a report with a wrong type deep inside', () => {
  it.each(BROKEN)('%s: one line naming the file and the path, exit 2', async (_, edit, cause) => {
    const files = pair(edit);
    const before = snapshot(files.dir);
    const r = await runCli(['diff', files.old, files.new], { cwd: files.dir });
    expect(r.code, r.stderr).toBe(2);
    expectCleanErrors(r);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('new.json: ');
    expect(r.stderr.trim()).toMatch(cause);
    const baseline = await runCli(['check', '--no-evidence', '--baseline', files.new], { cwd: project });
    expect(baseline.code).toBe(2);
    expect(baseline.stderr.trim()).toMatch(/new\.json: cannot be used as --baseline: /);
    expect(baseline.stderr.trim()).toMatch(cause);
    // portfolio leaves the file out, says why, and goes on with the others
    const portfolio = await runCli(['portfolio', files.new, files.old], { cwd: project });
    expect(portfolio.code, portfolio.stderr).toBe(0);
    expect(portfolio.stderr.trim()).toMatch(/^ready: warning: skipped \S*new\.json: /);
    expect(portfolio.stderr.trim()).toMatch(cause);
    expect(snapshot(files.dir)).toEqual(before);
  });
});

// [what, edit, what diff shows]
const UNKNOWN: [string, (r: Json) => void, string][] = [
  ['a blocker naming a question the report does not have', (r) => (blocker(r).question = 'no-such-question'), 'no-such-question'],
  ['a blocker in an area the report does not have', (r) => Object.assign(blocker(r), { question: 'tools', area: 'no-such-area' }), 'no-such-area / tools'],
  ['a question in an unknown area', (r) => Object.assign(question(r), { area: 'no-such-area', status: 'dont-know', choice: null, labels: [], score: 0 }), 'no-such-area'],
  ['a level the report has no band for', (r) => ((r.level as Json).id = 'no-such-level'), 'Level'],
  ['an area the other report does not have', (r) => (r.areas as Json[]).push({ ...(r.areas as Json[])[0]!, id: 'no-such-area', title: 'No such area' }), 'No such area'],
  ['a question twice', (r) => (r.questions as Json[]).push(question(r)), 'Answers changed'],
  ['no questions, areas or blockers at all', (r) => Object.assign(r, { questions: [], areas: [], blockers: [] }), 'Blockers removed'],
];

describe('a report whose ids refer to nothing the other report knows', () => {
  it.each(UNKNOWN)('%s: diff shows it by its id, every reader ends normally', async (_, edit, shown) => {
    const files = pair(edit);
    const diff = await runCli(['diff', files.old, files.new], { cwd: files.dir });
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(shown);
    for (const [name, r] of await readers(files.new, files.old)) {
      expect([0, 1], `${name}: ${r.stderr}`).toContain(r.code);
      expectCleanErrors(r);
    }
  });
});

// anything at any path of the report: a reader ends with 0, 1 or 2, never with a crash
const VALUES: unknown[] = [null, 0, -1, 101, 1e308, '', 'x', 'answered', true, [], [null], {}, { id: 'x' }];

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [at, ...value.slice(0, 2).flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

describe('any value at any path of a report', () => {
  it('leaves every reader with exit 0, 1 or 2 and clean errors', { timeout: 300_000 }, async () => {
    const all = paths(base).filter((p) => p.length > 0 && p[0] !== 'schemaVersion');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all), fc.constantFrom(...VALUES, undefined), async (path, value) => {
        const files = pair((r) => {
          let node = r as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          if (value === undefined) delete node[path.at(-1)!];
          else node[path.at(-1)!] = value;
        });
        for (const [name, r] of await readers(files.new, files.old)) {
          expect([0, 1, 2], `${name} ${path.join('.')}=${JSON.stringify(value)}: ${r.stderr}`).toContain(r.code);
          expectCleanErrors(r);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
