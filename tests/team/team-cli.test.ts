// The team commands in real git repositories, through the built binary: status, history,
// --baseline-ref and finding readiness.yaml upward.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, tempProject } from '../helpers/cli.js';
import { cleanup, commit, git, gitRepo, passingGate, readiness } from './git-repo.js';

const extraDirs: string[] = [];
afterAll(() => {
  cleanup();
  for (const d of extraDirs) rmSync(d, { recursive: true, force: true });
});

const RESPONDENTS = 'respondents:\n  legal-privacy: [Lea Legal]\n  data-engineering: ["@dan"]\n';

describe('ready status', () => {
  it('lists the open questions per role with the respondents readiness.yaml names, and why each is open', async () => {
    const dir = gitRepo();
    commit(dir, {
      'readiness.yaml': readiness(
        { 'personal-data': 'dont-know', 'data-approvals': 'approved' },
        `${RESPONDENTS}gate:\n  maxAgeDays: 30\n`,
      ).replace('  data-approvals: approved\n', '  data-approvals: { choice: approved, by: Lea Legal, at: 2020-01-01 }\n'),
    });
    const r = await runCli(['status', '--format', 'json', '--no-evidence'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as { roles: { id: string; title: string; respondents: string[]; open: { question: string; prompt: string; reason: string }[] }[] };
    const legal = status.roles.find((x) => x.id === 'legal-privacy')!;
    expect(legal.title).toBe('Legal and privacy');
    expect(legal.respondents).toEqual(['Lea Legal']);
    expect(legal.open.find((q) => q.question === 'personal-data')).toMatchObject({ reason: 'dont-know', prompt: expect.stringMatching(/personal data/) });
    expect(legal.open.find((q) => q.question === 'data-approvals')).toMatchObject({ reason: 'stale', by: 'Lea Legal' });
    expect(legal.open.find((q) => q.question === 'fairness')?.reason).toBe('unanswered');
    expect(status.roles.find((x) => x.id === 'data-engineering')!.respondents).toEqual(['@dan']);
    expect(status.roles.find((x) => x.id === 'it-operations')!.respondents).toEqual([]);
    // the tier questions are answered, so nothing is left for nobody in particular
    expect(status.roles.map((x) => x.id)).not.toContain('(unassigned)');
  });

  it('--role narrows it; markdown keeps @handles as mentions; an unknown role is a usage error', async () => {
    const dir = gitRepo();
    commit(dir, { 'readiness.yaml': readiness({}, RESPONDENTS) });
    const one = JSON.parse((await runCli(['status', '--role', 'data-engineering', '--format', 'json', '--no-evidence'], { cwd: dir })).stdout) as { roles: { id: string }[] };
    expect(one.roles.map((x) => x.id)).toEqual(['data-engineering']);
    const md = await runCli(['status', '--role', 'data-engineering', '--format', 'markdown', '--no-evidence'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^### Data engineering \(\d+ open questions\)$/m);
    expect(md.stdout).toContain('Respondents: @dan');
    expect(md.stdout).toMatch(/^- \[ \] .+ \(`data-quality`\) — unanswered$/m);
    const bad = await runCli(['status', '--role', 'legal'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ready: --role: unknown role "legal" \(roles: data-science, .*legal-privacy\)$/m);
  });

  it('shows an answer the evidence contradicts, with the finding', async () => {
    const dir = gitRepo();
    commit(dir, { 'readiness.yaml': readiness({ packaging: 'none' }), Dockerfile: 'FROM python:3.12-slim\n' });
    const r = await runCli(['status', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const open = (JSON.parse(r.stdout) as { roles: { open: { question: string; reason: string; detail?: string }[] }[] }).roles.flatMap((x) => x.open);
    expect(open.find((q) => q.question === 'packaging')).toMatchObject({ reason: 'contradicted', detail: expect.stringContaining('Dockerfile') });
  });

  it('refuses respondents for a role the rubric does not have, naming the line', async () => {
    const dir = tempProject({ 'readiness.yaml': `respondents:\n  legal: [Lea]\n${readiness({})}` });
    extraDirs.push(dir);
    const r = await runCli(['status'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ready: readiness\.yaml:2 respondents\.legal: unknown role "legal" in rubric default \(roles: .*legal-privacy\)$/m);
  });
});

describe('ready history', () => {
  it('gives one point per commit of readiness.yaml, oldest first, with author, date and area scores', async () => {
    const dir = gitRepo();
    const first = commit(dir, { 'readiness.yaml': readiness({}) }, 'Ann Owner', '2026-01-05T09:00:00Z');
    commit(dir, { 'README.md': 'unrelated\n' }, 'Bo Other', '2026-01-06T09:00:00Z');
    commit(dir, { 'readiness.yaml': readiness({ 'data-quality': 'fixed-at-source' }) }, 'Dan Data', '2026-02-01T09:00:00Z');
    const last = commit(dir, { 'readiness.yaml': readiness({ 'data-quality': 'fixed-at-source', sponsor: 'active' }) }, 'Sam Lee', '2026-03-01T09:00:00Z');
    const r = await runCli(['history', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { points } = JSON.parse(r.stdout) as { points: { commit: string; date: string; author: string; score: number; level: string; areas: Record<string, number | null> }[] };
    expect(points.map((p) => p.author)).toEqual(['Ann Owner', 'Dan Data', 'Sam Lee']);
    expect(points[0]!.commit).toBe(first);
    expect(points[2]!.commit).toBe(last);
    expect(points.map((p) => p.date.slice(0, 10))).toEqual(['2026-01-05', '2026-02-01', '2026-03-01']);
    expect(points[0]!.areas.data).toBe(0);
    expect(points[1]!.areas.data).toBeGreaterThan(0);
    expect(points[2]!.areas.humans).toBeGreaterThan(points[1]!.areas.humans!);
    expect(points[2]!.score).toBeGreaterThan(points[0]!.score);
    expect(points[0]!.level).toBe('prototype');
  });

  it('reads every version with one git cat-file, however many commits there are', async () => {
    const dir = gitRepo();
    const steps = ['not-measured', 'repaired-by-hand', 'handled-by-rules', 'fixed-at-source'];
    for (let i = 0; i < 40; i++) commit(dir, { 'readiness.yaml': readiness({ 'data-quality': steps[i % 4]! }) }, `Person ${i}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`);
    // a git on PATH that logs each call, then runs the real one
    const bin = join(dir, '.fake-bin');
    mkdirSync(bin);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const log = join(dir, '.git-calls');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$@" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const r = await runCli(['history', '--format', 'json'], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { points: unknown[] }).points).toHaveLength(40);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => / log /.test(` ${c} `))).toHaveLength(1);
    expect(calls.filter((c) => / cat-file /.test(` ${c} `))).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('skips a version that cannot be scored with a warning naming its commit, and renders every format', async () => {
    const dir = gitRepo();
    commit(dir, { 'readiness.yaml': readiness({}) }, 'Ann Owner', '2026-01-05T09:00:00Z');
    const broken = commit(dir, { 'readiness.yaml': 'answers: [\n' }, 'Bo Broken', '2026-01-06T09:00:00Z');
    commit(dir, { 'readiness.yaml': readiness({ sponsor: 'active' }) }, 'Cy \u001b[31mRed\u001b[0m', '2026-01-07T09:00:00Z');
    const json = await runCli(['history', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(new RegExp(`^ready: warning: readiness\\.yaml@${broken.slice(0, 7)} not scored: `, 'm'));
    const parsed = JSON.parse(json.stdout) as { points: unknown[]; skipped: { commit: string }[] };
    expect(parsed.points).toHaveLength(2);
    expect(parsed.skipped.map((s) => s.commit)).toEqual([broken]);
    const text = await runCli(['history'], { cwd: dir });
    expect(text.stdout).toMatch(/^Overall\s+\S{2}\s+\d+\.\d → \d+\.\d$/m);
    expect(text.stdout).toContain('Cy Red');
    expect(text.stdout).not.toContain('\u001b');
    const html = await runCli(['history', '--format', 'html'], { cwd: dir });
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<svg');
    expect(html.stdout).not.toMatch(/<script|src="http/);
    const md = await runCli(['history', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toMatch(/^\| Humans \| `.+` \| \d+\.\d → \d+\.\d \|$/m);
  });

  it('says so when readiness.yaml was never committed, and when there is no repository', async () => {
    const dir = gitRepo({ 'readiness.yaml': readiness({}) });
    const r = await runCli(['history'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ready: readiness\.yaml: has no committed version yet/m);
    const plain = tempProject({ 'readiness.yaml': readiness({}) });
    extraDirs.push(plain);
    const none = await runCli(['history'], { cwd: plain });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('ready: readiness.yaml: cannot read its git history: not inside a git repository\n');
  });
});

describe('ready check --baseline-ref', () => {
  it('fails on a working copy worse than HEAD, passes on the same, and says what dropped', async () => {
    const dir = gitRepo();
    commit(dir, { 'readiness.yaml': readiness({ 'data-quality': 'fixed-at-source' }, passingGate()) });
    const same = await runCli(['check', '--baseline-ref', 'HEAD', '--no-evidence'], { cwd: dir });
    expect(same.code).toBe(0);
    writeFileSync(join(dir, 'readiness.yaml'), readFileSync(join(dir, 'readiness.yaml'), 'utf8').replace('fixed-at-source', 'not-measured'));
    const worse = await runCli(['check', '--baseline-ref', 'HEAD', '--no-evidence'], { cwd: dir });
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/overall score dropped from \d+(\.\d)? to \d+(\.\d)? since the baseline of \d{4}-\d\d-\d\d/);
    expect(worse.stdout).toMatch(/data-quality 100→0/);
    const json = JSON.parse((await runCli(['check', '--baseline-ref', 'HEAD', '--no-evidence', '--format', 'json'], { cwd: dir })).stdout) as { baseline: { file: string } };
    expect(json.baseline.file).toBe('readiness.yaml@HEAD');
    // report shows the comparison and still exits 0
    const report = await runCli(['report', '--baseline-ref', 'HEAD', '--no-evidence'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/dropped from/);
  });

  it('is a usage error for an unknown ref, a file the ref lacks, or both baselines at once', async () => {
    const dir = gitRepo();
    commit(dir, { 'README.md': 'x\n' });
    writeFileSync(join(dir, 'readiness.yaml'), readiness({}));
    const unknown = await runCli(['check', '--baseline-ref', 'no-such-branch', '--no-evidence'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ready: --baseline-ref: git knows no commit "no-such-branch" \(in a shallow clone, fetch it first/);
    const absent = await runCli(['check', '--baseline-ref', 'HEAD', '--no-evidence'], { cwd: dir });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe('ready: readiness.yaml@HEAD: readiness.yaml does not exist at HEAD; there is no baseline to compare with\n');
    const both = await runCli(['check', '--baseline-ref', 'HEAD', '--baseline', 'x.json'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('ready: --baseline and --baseline-ref: give one baseline, not both\n');
    const injected = await runCli(['check', '--baseline-ref', 'HEAD\nHEAD:./x', '--no-evidence'], { cwd: dir });
    expect(injected.code).toBe(2);
    expect(injected.stderr).toMatch(/holds a line break/);
  });
});

describe('finding readiness.yaml upward', () => {
  it('`ready check` in a subfolder finds the file above and names it', async () => {
    const dir = gitRepo({ 'readiness.yaml': readiness({}), 'src/model/train.py': 'print(1)\n' });
    const r = await runCli(['check', '--no-evidence', '--format', 'json'], { cwd: join(dir, 'src/model') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ready: using ../../readiness.yaml\n');
    expect((JSON.parse(r.stdout) as { project: string }).project).toBe(dir.split('/').pop());
  });

  it('stops at the repository root, and outside a repository looks only in the working directory', async () => {
    const outer = tempProject({ 'readiness.yaml': readiness({}) });
    extraDirs.push(outer);
    const inner = join(outer, 'repo');
    mkdirSync(join(inner, 'sub'), { recursive: true });
    git(inner, 'init', '-q');
    const inRepo = await runCli(['check', '--no-evidence'], { cwd: join(inner, 'sub') });
    expect(inRepo.code).toBe(2);
    expect(inRepo.stderr).toBe('ready: readiness.yaml: no such readiness file; run `ready assess` to answer the questionnaire, or pass --file PATH (looked here and in the folders above, up to the repository root)\n');
    const plain = join(outer, 'plain');
    mkdirSync(plain);
    const outside = await runCli(['check', '--no-evidence'], { cwd: plain });
    expect(outside.code).toBe(2);
  });
});
