// `ready init` and the CI files it writes, and the composite action: the files parse as YAML, name
// only actions and `ready` commands and flags that exist, and the commands work when run.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, ROOT, runBinary, runCli, tempProject } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const READY = `npx --yes ${pkg.name}@${pkg.version}`;
const RUBRIC = readFileSync(join(import.meta.dirname, '../fixtures/rubrics/mini.yaml'), 'utf8');
const ACTIONS = new Set(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4']);

const help = new Map<string, string>();
async function helpOf(command: string): Promise<string> {
  if (!help.has(command)) {
    const r = await runCli(command ? [command, '--help'] : ['--help']);
    expect(r.code, `ready ${command} --help`).toBe(0);
    help.set(command, r.stdout);
  }
  return help.get(command)!;
}

/** Every `ready` command line in a CI file names a subcommand and flags that `--help` lists. */
async function expectRealCommand(line: string): Promise<void> {
  expect(line.startsWith(`${READY} `), line).toBe(true);
  const [sub, ...args] = line.slice(READY.length + 1).replace(/\s*\|\|\s*true$/, '').split(/\s+/);
  expect(await helpOf(''), `"${sub}" in ready --help`).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
  for (const flag of args.filter((a) => a.startsWith('-'))) {
    expect(await helpOf(sub!), `${flag} in ready ${sub} --help`).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, 'm'));
  }
}

/** Runs a generated command line with the built binary in place of npx. */
async function runGenerated(line: string, cwd: string) {
  const args = line.slice(READY.length + 1).replace(/\s*\|\|\s*true$/, '').split(/\s+/);
  return await runCli(args, { cwd });
}

const outputsOf = (lines: string[]) => lines.map((l) => /(?:-o|--output) (\S+)/.exec(l)?.[1]).filter(Boolean);

describe('ready init', () => {
  it('writes a commented readiness.yaml that ready check reads', async () => {
    const dir = tempProject();
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote readiness\.yaml\n/);
    const text = readFileSync(join(dir, 'readiness.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({ rubric: 'builtin:default', answers: null });
    expect(text).toMatch(/^# gate:$/m);
    // nothing answered yet: the gate fails, but the file is valid input
    expect((await runCli(['check'], { cwd: dir })).code).toBe(1);
  });

  it('suggests a gate that is valid once uncommented', async () => {
    const dir = tempProject();
    await runCli(['init'], { cwd: dir });
    const text = readFileSync(join(dir, 'readiness.yaml'), 'utf8');
    const uncommented = text.replace(/^# (gate:|  \w+:.*)$/gm, '$1');
    expect(parse(uncommented).gate).toMatchObject({ minScore: 60, maxBlockers: 0, maxUnanswered: { value: 0, level: 'warn' }, maxAgeDays: 365 });
    writeFileSync(join(dir, 'readiness.yaml'), uncommented);
    const r = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).gate.terms.minScore).toEqual({ value: 60, level: 'error', source: 'readiness' });
  });

  it('names a rubric path relative to the new file', async () => {
    const dir = tempProject({ 'rubrics/mini.yaml': RUBRIC });
    const r = await runCli(['init', '--file', 'ml/readiness.yaml', '--rubric', 'rubrics/mini.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'ml/readiness.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({ rubric: '../rubrics/mini.yaml', rubricVersion: '1.0.0' });
    expect(text).toContain('#   minArea: { data: 50, tech: 40 }');
    expect((await runCli(['check', '--file', 'ml/readiness.yaml'], { cwd: dir })).code).toBe(1);
  });

  it('never overwrites an existing readiness.yaml without --force', async () => {
    const dir = tempProject({ 'readiness.yaml': 'answers:\n  consumer: humans\n' });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ready: readiness.yaml: already exists; pass --force to replace it, or run `ready assess` to answer its questions\n');
    expect(readFileSync(join(dir, 'readiness.yaml'), 'utf8')).toBe('answers:\n  consumer: humans\n');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'readiness.yaml'), 'utf8')).toMatch(/^rubric: builtin:default$/m);
  });

  it('never prompts, even on a terminal-less stdin in CI', async () => {
    const dir = tempProject();
    const r = runBinary(['init', '--ci', 'github'], { cwd: dir, env: { CI: 'true' }, input: 'y\n' });
    expect(r.code).toBe(0);
  });

  it.each([
    [['--ci', 'jenkins'], /argument 'jenkins' is invalid\. Allowed choices are github, gitlab/],
    [['--ci', 'github', '--file', 'my readiness.yaml'], /^ready: --file: for a CI job, use a path of letters, digits/],
  ])('refuses %j with exit 2', async (args, message) => {
    const dir = tempProject();
    const r = await runCli(['init', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'readiness.yaml'))).toBe(false);
  });
});

describe('ready init --ci github', () => {
  const workflowOf = (dir: string) => parse(readFileSync(join(dir, '.github/workflows/readiness.yml'), 'utf8'));

  it('writes a workflow that parses and names only actions and ready commands that exist', async () => {
    const dir = tempProject();
    const r = await runCli(['init', '--ci', 'github'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote readiness\.yaml\nwrote \.github\/workflows\/readiness\.yml\n/);
    const wf = workflowOf(dir);
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    const steps = wf.jobs.readiness.steps as { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }[];
    for (const s of steps) if (s.uses) expect(ACTIONS.has(s.uses), s.uses).toBe(true);
    expect(steps.find((s) => s.uses === 'actions/setup-node@v4')!.with).toEqual({ 'node-version': 20 });
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs).toHaveLength(2);
    for (const line of runs) await expectRealCommand(line);
    expect(runs[0]).toBe(`${READY} check --format json -o readiness-report.json --baseline-ref auto`);
    // the reports are kept whether or not the gate passed
    const upload = steps.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(upload.if).toBe('${{ !cancelled() }}');
    expect(String(upload.with!.path).trim().split('\n')).toEqual(outputsOf(runs));
  });

  it('writes commands that produce the files the upload step keeps', async () => {
    const dir = tempProject({ 'rubric.yaml': RUBRIC, 'readiness.yaml': 'rubric: rubric.yaml\nanswers:\n  consumer: humans\n  quality: automated\n  owner: named\n  tools: [ci, docker]\n' });
    await runCli(['init', '--ci', 'github'], { cwd: dir });
    const runs = (workflowOf(dir).jobs.readiness.steps as { run?: string }[]).filter((s) => s.run).map((s) => s.run!);
    for (const line of runs) expect((await runGenerated(line, dir)).code, line).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'readiness-report.json'), 'utf8')).score).toBe(100);
    expect(readFileSync(join(dir, 'readiness-report.md'), 'utf8')).toMatch(/^# Readiness report/);
  });

  it('keeps an existing readiness.yaml and passes --file for another path', async () => {
    const dir = tempProject({ 'ml/readiness.yaml': 'answers:\n  consumer: humans\n' });
    const r = await runCli(['init', '--ci', 'github', '--file', 'ml/readiness.yaml', '--force'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kept ml\/readiness\.yaml\nwrote \.github\/workflows\/readiness\.yml\n/);
    expect(readFileSync(join(dir, 'ml/readiness.yaml'), 'utf8')).toBe('answers:\n  consumer: humans\n');
    const runs = (workflowOf(dir).jobs.readiness.steps as { run?: string }[]).filter((s) => s.run).map((s) => s.run!);
    expect(runs.every((l) => l.includes(' --file ml/readiness.yaml '))).toBe(true);
    for (const line of runs) await expectRealCommand(line);
  });

  it('refuses to replace a workflow without --force, and writes nothing else', async () => {
    const dir = tempProject({ '.github/workflows/readiness.yml': 'name: mine\n' });
    const r = await runCli(['init', '--ci', 'github'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ready: .github/workflows/readiness.yml: already exists; pass --force to replace it\n');
    expect(readFileSync(join(dir, '.github/workflows/readiness.yml'), 'utf8')).toBe('name: mine\n');
    expect(existsSync(join(dir, 'readiness.yaml'))).toBe(false);
    expect((await runCli(['init', '--ci', 'github', '--force'], { cwd: dir })).code).toBe(0);
    expect(workflowOf(dir).name).toBe('readiness');
  });
});

describe('ready init --ci gitlab', () => {
  it('writes a job that parses, keeps both reports and the code quality report, and says how to include it', async () => {
    const dir = tempProject({ 'rubric.yaml': RUBRIC, 'readiness.yaml': 'rubric: rubric.yaml\nanswers:\n  consumer: humans\n  owner: none\n' });
    const r = await runCli(['init', '--ci', 'gitlab'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept readiness.yaml\nwrote .gitlab/readiness.gitlab-ci.yml\n');
    expect(r.stdout).toContain('  include:\n    - local: .gitlab/readiness.gitlab-ci.yml');
    const job = parse(readFileSync(join(dir, '.gitlab/readiness.gitlab-ci.yml'), 'utf8')).readiness;
    expect(job.image).toBe('node:20');
    const lines: string[] = [...job.script, ...job.after_script];
    for (const line of lines) await expectRealCommand(line);
    expect(job.artifacts.when).toBe('always');
    expect([...job.artifacts.paths, job.artifacts.reports.codequality]).toEqual(outputsOf(lines));
    // the gate fails here (a blocker); the after_script commands still write their files
    expect((await runGenerated(job.script[0], dir)).code).toBe(1);
    for (const line of job.after_script) await runGenerated(line, dir);
    const quality = JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality), 'utf8'));
    expect(quality[0]).toMatchObject({ check_name: 'ready/BLOCKER', severity: 'blocker', location: { path: 'readiness.yaml', lines: { begin: 4 } } });
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const step = action.runs.steps.find((s: { shell?: string }) => s.shell === 'bash');

  it('is a composite action with described inputs for the gate terms', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['file', 'min-score', 'min-area', 'max-blockers', 'max-unanswered', 'max-age-days', 'max-contradictions', 'baseline', 'format']));
    for (const [name, input] of Object.entries<{ description?: string }>(action.inputs)) expect(input.description, name).toBeTruthy();
    expect(action.inputs.version.default).toBe(pkg.version);
    for (const s of action.runs.steps) if (s.uses) expect(ACTIONS.has(s.uses), s.uses).toBe(true);
  });

  it('passes only flags that ready check has', async () => {
    const flags = [...String(step.run).matchAll(/args\+?=\((?:check )?.*?\)/g)].flatMap((m) => m[0].match(/--[a-z-]+/g) ?? []);
    expect(flags.length).toBeGreaterThan(8);
    for (const flag of new Set(flags)) expect(await helpOf('check'), flag).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, 'm'));
  });

  it('turns its inputs into the right command line', () => {
    // a stand-in for npx that runs the built binary, so the script runs as on a runner
    const bin = tempProject({ npx: `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n` });
    chmodSync(join(bin, 'npx'), 0o755);
    const dir = tempProject({ 'rubric.yaml': RUBRIC, 'readiness.yaml': 'rubric: rubric.yaml\nanswers:\n  consumer: humans\n  quality: manual\n  owner: named\n  tools: [ci]\n' });
    mkdirSync(join(dir, 'out'));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NO_COLOR: '1',
      PATH: `${bin}:${process.env.PATH}`,
      READY_FILE: 'readiness.yaml',
      READY_MIN_SCORE: '59:warn',
      READY_MIN_AREA: 'data=90:warn, tech=50\n',
      READY_MAX_BLOCKERS: '0',
      READY_MAX_UNANSWERED: '',
      READY_MAX_AGE_DAYS: '',
      READY_MAX_CONTRADICTIONS: '',
      READY_BASELINE: '',
      READY_FORMAT: 'json',
      READY_OUTPUT: 'out/report.json',
      READY_VERSION: pkg.version,
    };
    delete env.GITHUB_ACTIONS;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(report.gate.terms).toMatchObject({
      minScore: { value: 59, level: 'warn', source: 'flags' },
      minArea: { data: { value: 90, level: 'warn', source: 'flags' }, tech: { value: 50, level: 'error', source: 'flags' } },
      maxBlockers: { value: 0, source: 'flags' },
    });
    expect(report.gate.failures.map((f: { term: string; level: string }) => [f.term, f.level])).toEqual([['minArea', 'warn']]);
  });
});
