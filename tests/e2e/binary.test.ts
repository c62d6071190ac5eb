// The built binary as users and CI run it: the few runs that prove the wiring (launcher, bundle,
// lazy chunks, built-in rubric, exit codes, files, streams). Behaviour is tested in-process in
// tests/cli; these run on this Node.js and, through `npm run test:node-versions`, on each
// Node.js under .ci/nodes (READY_TEST_NODE).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, NODE, ROOT, runBinary, tempProject } from '../helpers/cli.js';

const ANSWERED = readFileSync(join(ROOT, 'examples/forecast-pilot/readiness.yaml'), 'utf8');
const NOTHING_ANSWERED = 'answers: {}\n';

describe(`the built binary on Node.js ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}`, () => {
  it('answers --version and --help', () => {
    const version = runBinary(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = runBinary(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: ready \[options\] \[command\][\s\S]*check \[options\]\s+score readiness\.yaml and gate CI on it/);
  });

  it('scores the shipped example with the precompiled built-in rubric: exit 0', () => {
    const r = runBinary(['check', '--example']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Tier\s+Medium complexity/m);
    expect(r.stdout).toMatch(/^Gate\s+PASSED/m);
  });

  it('fails the gate with exit 1, and prints why', () => {
    const dir = tempProject({ 'readiness.yaml': NOTHING_ANSWERED });
    const r = runBinary(['check', '--no-evidence', '--min-score', '50'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Gate\s+FAILED/m);
    expect(r.stdout).toMatch(/overall score 0 is below the minimum 50 \(minScore, set on the command\s+line\)/);
  });

  it('stops on bad input with exit 2 and one line naming file and line; the stack only with --debug', () => {
    const dir = tempProject({ 'readiness.yaml': 'answers:\n  consumer: [\n' });
    const r = runBinary(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ready: readiness\.yaml:\d+/);
    const debug = runBinary(['check', '--debug'], { cwd: dir });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('refuses a misspelt --fail-on with exit 2 and a suggestion', () => {
    const r = runBinary(['check', '--example', '--fail-on', 'blokers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "blockers"/);
  });

  it('writes every report format through its lazily loaded reporter', () => {
    const dir = tempProject({ 'readiness.yaml': ANSWERED });
    for (const [format, looksLike] of [
      ['json', /^\{\n {2}"schemaVersion": 1/],
      ['markdown', /^# /],
      ['html', /^<!doctype html>/i],
      ['junit', /^<\?xml/],
      ['badge', /^<svg/],
    ] as const) {
      const r = runBinary(['report', '--no-evidence', '--format', format, '-o', `report.${format}`], { cwd: dir });
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      expect(readFileSync(join(dir, `report.${format}`), 'utf8'), format).toMatch(looksLike);
    }
    const sarif = runBinary(['check', '--no-evidence', '--format', 'sarif'], { cwd: dir });
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
  });

  it('scans a git repository for evidence, and checks against it', () => {
    const dir = tempProject({ 'readiness.yaml': ANSWERED, Dockerfile: 'FROM python:3.12-slim\n', 'tests/test_model.py': 'def test_x():\n    assert True\n' });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'init');
    const scan = runBinary(['scan', '--format', 'json'], { cwd: dir });
    expect(scan.stderr).toBe('');
    expect(scan.code).toBe(0);
    const json = JSON.parse(scan.stdout);
    expect(json.listing ?? json.evidence?.listing).toBe('git');
    expect(JSON.stringify(json)).toContain('Dockerfile');
    const check = runBinary(['check', '--format', 'json'], { cwd: dir });
    expect([0, 1]).toContain(check.code);
    expect(JSON.parse(check.stdout).evidence).toMatchObject({ listing: 'git' });
  });

  it('compares two reports and folds them into a portfolio', () => {
    const dir = tempProject({ 'a/readiness.yaml': NOTHING_ANSWERED, 'b/readiness.yaml': ANSWERED });
    for (const p of ['a', 'b']) expect([0, 1]).toContain(runBinary(['check', '--no-evidence', '--format', 'json', '-o', `${p}.json`, '--file', `${p}/readiness.yaml`], { cwd: dir }).code);
    const diff = runBinary(['diff', 'a.json', 'b.json'], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/score/i);
    const portfolio = runBinary(['portfolio', 'a.json', 'b.json', '--format', 'json'], { cwd: dir });
    expect(portfolio.stderr).toBe('');
    expect(JSON.parse(portfolio.stdout).projects).toHaveLength(2);
  });

  it('writes a starter readiness.yaml and a CI job, and validates the built-in rubric', () => {
    const dir = tempProject();
    const init = runBinary(['init', '--ci', 'github'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(existsSync(join(dir, 'readiness.yaml'))).toBe(true);
    expect(existsSync(join(dir, '.github/workflows/readiness.yml'))).toBe(true);
    expect(runBinary(['rubric', 'validate']).code).toBe(0);
    expect(runBinary(['rubric', 'schema', '--for', 'readiness']).stdout).toMatch(/"\$schema"/);
  });

  it('annotates a GitHub Actions job and appends the step summary', () => {
    const dir = tempProject({ 'readiness.yaml': NOTHING_ANSWERED });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = runBinary(['check', '--no-evidence', '--min-score', '50'], { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=readiness\.yaml/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/^#/m);
  });

  it('colours only when asked, and never prompts without a terminal', () => {
    expect(runBinary(['check', '--example'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runBinary(['check', '--example']).stdout).not.toContain('\u001b[');
    const assess = runBinary(['assess'], { cwd: tempProject() });
    expect(assess.code).toBe(2);
    expect(assess.stderr).toMatch(/needs a terminal/);
  });

  it('ends quietly when the reader of its output goes away', () => {
    const dir = tempProject();
    const err = join(dir, 'stderr.txt');
    for (const args of ['rubric show builtin:default --format json', 'check --help']) {
      const r = spawnSync('sh', ['-c', `"${NODE}" "${BIN}" ${args} 2>"${err}" | head -c 10`], { encoding: 'utf8' });
      expect(r.stdout, args).toHaveLength(10);
      expect(readFileSync(err, 'utf8'), args).toBe('');
    }
  });

  it('writes nothing into the installed package', () => {
    const before = readdirSync(join(ROOT, 'dist')).sort();
    runBinary(['check', '--example']);
    runBinary(['--help']);
    expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(before);
    // Node.js's own compile cache, where there is one, lives in the temporary folder
    expect(readdirSync(join(ROOT, 'bin'))).toEqual(['ready.js']);
    expect(tmpdir()).not.toContain(ROOT);
  });
});
