// `ready diff` across projects and rubrics, on YAML, and as JSON and HTML; `--baseline-ref auto`
// and the GitHub step summary that shows what changed against the base branch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';
import { cleanup, commit, git, gitRepo, readiness } from './git-repo.js';

const MINI = join(ROOT, 'tests/fixtures/rubrics/mini.yaml');
// readiness.yaml names a rubric inside its repository: a copy in the project folder
const mini = (project: string, answers: string) => `project: ${project}\nrubric: ../mini.yaml\nanswers:\n  consumer: machines\n${answers}`;

let dir: string;
beforeAll(async () => {
  dir = tempProject({
    'mini.yaml': readFileSync(MINI, 'utf8'),
    'a/readiness.yaml': mini('churn-model', '  quality: manual\n'),
    'b/readiness.yaml': mini('churn-model', '  quality: automated\n'),
    'c/readiness.yaml': mini('fraud-model', '  quality: automated\n'),
    'd/readiness.yaml': 'project: churn-model\nanswers:\n  consumer: machines\n  frequency: batch\n',
  });
  for (const side of ['a', 'b', 'c', 'd']) expect((await runCli(['check', '--format', 'json', '--file', `${side}/readiness.yaml`, '-o', `${side}.json`, '--no-evidence'], { cwd: dir })).code).not.toBe(2);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  cleanup();
});

describe('ready diff', () => {
  it('compares one project quietly, and warns when the reports are of different projects or rubrics', async () => {
    expect((await runCli(['diff', 'a.json', 'b.json'], { cwd: dir })).stderr).toBe('');
    const projects = await runCli(['diff', 'a.json', 'c.json'], { cwd: dir });
    expect(projects.code).toBe(0);
    // text on stdout opens with the warning; stderr repeats it only when the text goes elsewhere
    expect(projects.stderr).toBe('');
    expect(projects.stdout).toMatch(/^warning: the reports are of different projects \("churn-model" and\s+"fraud-model"\)/m);
    const toFile = await runCli(['diff', 'a.json', 'c.json', '-o', 'diff.txt'], { cwd: dir });
    expect(toFile.stderr).toBe('ready: warning: the reports are of different projects ("churn-model" and "fraud-model"); the changes compare two projects, not one over time\n');
    expect(projects.stdout).toMatch(/^warning: the reports are of different projects/m);
    const rubrics = await runCli(['diff', 'a.json', 'd.json', '--format', 'markdown'], { cwd: dir });
    expect(rubrics.stderr).toMatch(/^ready: warning: the reports were made with different rubrics \(mini and default\)/);
    expect(rubrics.stdout).toMatch(/^> \*\*Warning:\*\* the reports were made with different rubrics/m);
  });

  it('explains that it takes JSON reports when given readiness.yaml', async () => {
    const r = await runCli(['diff', 'a/readiness.yaml', 'b.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ready: a/readiness.yaml: is YAML, not a JSON report; `ready diff` compares JSON reports: make one with `ready check --format json -o report.json`\n');
  });

  it('accepts --format json and html', async () => {
    const json = await runCli(['diff', 'a.json', 'b.json', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const d = JSON.parse(json.stdout) as { score: { old: number; new: number }; answers: { question: string }[]; warnings: string[] };
    expect(d.score.new).toBeGreaterThan(d.score.old);
    expect(d.answers.map((a) => a.question)).toEqual(['quality']);
    expect(d.warnings).toEqual([]);
    const html = await runCli(['diff', 'a.json', 'c.json', '--format', 'html', '-o', 'diff.html'], { cwd: dir });
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'diff.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<p class="warning"><strong>Warning:</strong> the reports are of different projects (&quot;churn-model&quot; and &quot;fraud-model&quot;)');
    expect(page).not.toMatch(/<script|src="http/);
  });
});

describe('--baseline-ref auto in CI', () => {
  const GATE = 'gate:\n  minScore: 0\n  minArea: { data: 0, humans: 0, organization: 0, technology: 0 }\n  maxUnanswered: { value: 99, level: warn }\n';

  it('compares with the pull request base branch, and the step summary shows what changed', async () => {
    const repo = gitRepo();
    commit(repo, { 'readiness.yaml': readiness({ 'data-quality': 'fixed-at-source' }, GATE) });
    // what actions/checkout with fetch-depth 0 leaves: the base branch as a remote-tracking ref
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    writeFileSync(join(repo, 'readiness.yaml'), readiness({ 'data-quality': 'not-measured' }, GATE));
    const summary = join(repo, '.summary.md');
    writeFileSync(summary, '');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: repo };
    const r = await runCli(['check', '--baseline-ref', 'auto', '--no-evidence', '--format', 'json', '-o', 'report.json'], { cwd: repo, env });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8')) as { baseline: { file: string }; gate: { failures: { source: string }[] } };
    expect(report.baseline.file).toBe('readiness.yaml@origin/main');
    expect(report.gate.failures.some((f) => f.source === 'baseline')).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^## Changes against readiness\.yaml@origin\/main$/m);
    expect(text).toMatch(/^\| Data \| \d+\.\d \| \d+\.\d \| ▼ −\d+\.\d \|$/m);
  });

  it('compares with nothing on a push, and says so', async () => {
    const repo = gitRepo();
    commit(repo, { 'readiness.yaml': readiness({}, GATE) });
    const r = await runCli(['check', '--baseline-ref', 'auto', '--no-evidence', '--format', 'json'], { cwd: repo, env: { GITHUB_BASE_REF: '', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ready: --baseline-ref auto: not a pull or merge request, so there is no base branch to compare with\n');
    expect((JSON.parse(r.stdout) as { baseline?: unknown }).baseline).toBeUndefined();
  });
});
