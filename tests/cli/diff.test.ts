// `ready diff OLD.json NEW.json` on reports written by `ready report`, and on files that are not.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

const MINI = join(ROOT, 'tests/fixtures/rubrics/mini.yaml');
// readiness.yaml names a rubric inside its repository: a copy next to it
const readiness = (answers: string) => `project: churn-model\nrubric: ./mini.yaml\nanswers:\n${answers}`;

let dir: string;
beforeAll(async () => {
  dir = tempProject({
    'before/mini.yaml': readFileSync(MINI, 'utf8'),
    'after/mini.yaml': readFileSync(MINI, 'utf8'),
    'before/readiness.yaml': readiness('  consumer: machines\n  quality: manual\n  owner: none\n  tools: [ci]\n  serving: api\n'),
    'after/readiness.yaml': readiness('  consumer: machines\n  quality: automated\n  owner: named\n  tools: [ci, docker]\n  serving: api\n  latency: "no"\n'),
    'broken.json': '{"schemaVersion": 1, "score": ',
    'package.json': '{"name": "not-a-report", "version": "1.0.0"}\n',
  });
  for (const side of ['before', 'after']) {
    const r = await runCli(['report', '--format', 'json', '--file', `${side}/readiness.yaml`, '-o', `${side}.json`], { cwd: dir });
    expect(r.code).toBe(0);
  }
});

describe('ready diff', () => {
  it('prints the score and level change, areas, changed answers and blockers; exit 0', async () => {
    const r = await runCli(['diff', 'before.json', 'after.json'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^churn-model · \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d\n/);
    expect(r.stdout).toMatch(/Score {4}40\.6 → \d+\.\d  \+\d+\.\d/);
    expect(r.stdout).toContain('Level    Prototype → Pilot  up');
    expect(r.stdout).toMatch(/▲ Data +12\.5 → +100\.0 +\+87\.5/);
    expect(r.stdout).toContain('Answers changed (4)');
    expect(r.stdout).toContain('Nobody → A named owner');
    expect(r.stdout).toContain('Blockers removed (1)');
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('prints markdown tables with --format markdown, and writes them with -o', async () => {
    const r = await runCli(['diff', 'before.json', 'after.json', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    const tables = marked.lexer(r.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual([4, 2, 4]);
    const written = await runCli(['diff', 'before.json', 'after.json', '--format', 'markdown', '-o', 'diff.md'], { cwd: dir });
    expect([written.code, written.stdout]).toEqual([0, '']);
  });

  it('exits 0 when nothing changed, and says so', async () => {
    const r = await runCli(['diff', 'after.json', 'after.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Answers changed: none');
    expect(r.stdout).toContain('Blockers: no change');
  });

  it.each([
    ['a missing file', ['diff', 'before.json', 'nope.json'], /^ready: nope\.json: no such file$/],
    ['broken JSON', ['diff', 'broken.json', 'after.json'], /^ready: broken\.json: not valid JSON/],
    ['a JSON file that is not a report', ['diff', 'before.json', 'package.json'], /^ready: package\.json: not a ready report \(no schemaVersion\)$/],
    ['a directory', ['diff', 'before', 'after.json'], /^ready: before: /],
    ['one file only', ['diff', 'before.json'], /missing required argument 'new'/],
    ['an unknown format', ['diff', 'before.json', 'after.json', '--format', 'pdf'], /argument 'pdf' is invalid/],
  ])('exits 2 on %s with one line naming it', async (_, args, message) => {
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it('refuses a report of a newer schema version', async () => {
    writeFileSync(join(dir, 'future.json'), JSON.stringify({ schemaVersion: 99 }));
    const r = await runCli(['diff', 'future.json', 'after.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ready: future\.json: .*schemaVersion 99/);
  });
});
