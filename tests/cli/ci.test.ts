// `ready check` in CI, run as the built binary: GitHub annotations and step summary, SARIF, GitLab
// code quality, and no-regression gating against a baseline report.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const RUBRIC = readFileSync(join(import.meta.dirname, '../fixtures/rubrics/mini.yaml'), 'utf8');

// low tier, one blocker (owner, line 8), tools unanswered; score (12.5 + 3 * 0) / 4 = 3.1
const FAILING = `rubric: rubric.yaml
gate:
  minScore: 90
  maxUnanswered: { value: 0, level: warn }
answers:
  consumer: humans
  quality: manual
  owner: none
`;

// low tier, everything at full marks: score 100, level "ready"
const PASSING = `rubric: rubric.yaml
answers:
  consumer: humans
  quality: automated
  owner: named
  tools: [ci, docker]
`;

const project = (readiness: string, extra: Record<string, string> = {}) => tempProject({ 'rubric.yaml': RUBRIC, 'readiness.yaml': readiness, ...extra });
const github = (dir: string, more: Record<string, string> = {}) => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), ...more });
const annotations = (text: string) => text.split('\n').filter((l) => l.startsWith('::'));

const BLOCKER = '::error file=readiness.yaml,line=8,title=ready%3A BLOCKER owner::owner is answered "Nobody", which rules out production whatever the score (maxBlockers: 0 allowed, the default); next step: Find a data owner.';
const MIN_SCORE = '::error file=readiness.yaml,line=8,title=ready%3A MIN_SCORE::overall score 3.1 is below the minimum 90 (minScore, set in readiness.yaml line 3); largest gaps: owner (line 8), tools, quality (line 7)';
const UNANSWERED = '::warning file=readiness.yaml,line=4,title=ready%3A MAX_UNANSWERED::1 question unanswered, more than the 0 allowed (maxUnanswered, set in readiness.yaml line 4); unanswered: tools';

describe('GitHub Actions', () => {
  it('annotates the lines of readiness.yaml, errors first, and exits 1', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([BLOCKER, MIN_SCORE, UNANSWERED]);
    expect(r.stderr).toBe('');
  });

  it('appends the markdown report to the step summary after what earlier commands wrote', async () => {
    const dir = project(FAILING, { 'summary.md': '# Tests\n\nall green\n' });
    await runCli(['check'], { cwd: dir, env: github(dir) });
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary.startsWith('# Tests\n\nall green\n\n# Readiness report: ')).toBe(true);
    expect(summary).toContain('overall score 3.1 is below the minimum 90');
    expect(summary).toMatch(/\| Gate \| ❌ failed/);
  });

  it('creates the step summary file when the step has none yet', async () => {
    const dir = project(PASSING);
    const r = await runCli(['check'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(0);
    expect(annotations(r.stdout)).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# Readiness report: /);
  });

  it('names the file relative to the workspace and escapes "," and ":" in it', async () => {
    const dir = tempProject({ 'a,b:c/rubric.yaml': RUBRIC, 'a,b:c/readiness.yaml': FAILING });
    const r = await runCli(['check'], { cwd: join(dir, 'a,b:c'), env: github(dir) });
    expect(annotations(r.stdout)[0]).toMatch(/^::error file=a%2Cb%3Ac\/readiness\.yaml,line=8,title=ready%3A BLOCKER owner::/);
  });

  it('escapes "%" and shows a newline in user text as a marker, never a line break', async () => {
    const rubric = RUBRIC.replace('{ id: none, label: Nobody, score: 0, blocker: true }', '{ id: none, label: "100% nobody,\\nreally: nobody", score: 0, blocker: true }');
    const dir = tempProject({ 'rubric.yaml': rubric, 'readiness.yaml': FAILING });
    const r = await runCli(['check'], { cwd: dir, env: github(dir) });
    expect(annotations(r.stdout)[0]).toBe(BLOCKER.replace('"Nobody"', '"100%25 nobody,⏎really: nobody"'));
  });

  it('keeps stdout a parseable report when it carries one, and annotates on stderr', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check', '--format', 'json'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).score).toBe(3.1);
    expect(annotations(r.stderr)).toEqual([BLOCKER, MIN_SCORE, UNANSWERED]);
  });

  it('prints the annotations once with --format github, and still writes the summary', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check', '--format', 'github'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${[BLOCKER, MIN_SCORE, UNANSWERED].join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# Readiness report: /);
  });

  it('warns about a step summary it cannot write, and keeps the gate result', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check'], { cwd: dir, env: github(dir, { GITHUB_STEP_SUMMARY: join(dir, 'no/such/dir/summary.md') }) });
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toHaveLength(3);
    expect(r.stderr).toMatch(/^ready: warning: cannot write the step summary to .*no\/such\/dir\/summary\.md: no such file\n$/);
  });

  it('prints no annotations and writes no summary outside GitHub Actions', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([]);
    expect(existsSync(join(dir, 'summary.md'))).toBe(false);
  });

  it('turns a flag level into a warning annotation that does not fail the step', async () => {
    const dir = project(FAILING.replace('  minScore: 90\n', ''));
    const r = await runCli(['check', '--max-blockers', '0:warn'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(0);
    expect(annotations(r.stdout)).toEqual([
      '::warning file=readiness.yaml,line=7,title=ready%3A BLOCKER owner::owner is answered "Nobody", which rules out production whatever the score (maxBlockers: 0 allowed, set on the command line); next step: Find a data owner.',
      // one line up: the minScore line was taken out of the file
      UNANSWERED.replaceAll('line=4', 'line=3').replace('line 4', 'line 3'),
    ]);
  });

  it.each([
    [['--min-score', '70:warning'], 'ready: --min-score: expected N, N:warn or N:error, got "70:warning"\n'],
    [['--min-score', '101:warn'], 'ready: --min-score: expected a number from 0 to 100, got "101"\n'],
    [['--min-area', 'data=:warn'], 'ready: --min-area data: expected a number from 0 to 100, got ""\n'],
  ])('rejects %j with exit 2', async (args, message) => {
    const dir = project(PASSING);
    const r = await runCli(['check', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('rejects a readiness.yaml gate for an area the rubric does not have, with its line', async () => {
    const dir = project(PASSING.replace('answers:', 'gate:\n  minArea:\n    dta: 50\nanswers:'));
    const r = await runCli(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ready: readiness.yaml:4 gate.minArea.dta: unknown area "dta" (did you mean "data"?) in rubric mini (areas: data, tech)\n');
  });
});

describe('SARIF', () => {
  it('writes SARIF 2.1.0 whose results point at the lines of the answers', async () => {
    const dir = project(FAILING);
    const r = await runCli(['check', '--format', 'sarif', '-o', 'readiness.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'readiness.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('ready');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['BLOCKER', 'MIN_SCORE', 'MAX_UNANSWERED', 'BASELINE_SCORE']));
    expect(run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual([
      ['BLOCKER', 'error'],
      ['MIN_SCORE', 'error'],
      ['MAX_UNANSWERED', 'warning'],
    ]);
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('readiness.yaml');
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
    }
    const lines = readFileSync(join(dir, 'readiness.yaml'), 'utf8').split('\n');
    const blocker = run.results[0].locations[0].physicalLocation.region.startLine;
    expect(lines[blocker - 1]).toBe('  owner: none');
    // a threshold set in readiness.yaml that no answer stands behind points at the threshold
    const unanswered = run.results[2].locations[0].physicalLocation.region.startLine;
    expect(lines[unanswered - 1]).toBe('  maxUnanswered: { value: 0, level: warn }');
  });

  it('writes an empty result list when nothing fails', async () => {
    const dir = project(PASSING);
    const r = await runCli(['check', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
  });
});

describe('GitLab code quality', () => {
  const report = async (dir: string) => JSON.parse((await runCli(['check', '--format', 'gitlab'], { cwd: dir, env: { GITLAB_CI: 'true' } })).stdout);

  it('writes the fields GitLab reads, with the line of each answer', async () => {
    const issues = await report(project(FAILING));
    expect(issues.map((i: { check_name: string; severity: string; location: unknown }) => [i.check_name, i.severity, i.location])).toEqual([
      ['ready/BLOCKER', 'blocker', { path: 'readiness.yaml', lines: { begin: 8 } }],
      ['ready/MIN_SCORE', 'critical', { path: 'readiness.yaml', lines: { begin: 8 } }],
      ['ready/MAX_UNANSWERED', 'minor', { path: 'readiness.yaml', lines: { begin: 4 } }],
    ]);
    expect(issues[1].description).toBe('overall score 3.1 is below the minimum 90 (minScore, set in readiness.yaml line 3); largest gaps: owner (line 8), tools, quality (line 7)');
  });

  it('keeps fingerprints when the score changes, so merge requests match findings', async () => {
    const before = await report(project(FAILING));
    const after = await report(project(FAILING.replace('quality: manual', 'quality: automated')));
    expect(after[1].description).not.toBe(before[1].description);
    expect(after.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(before.map((i: { fingerprint: string }) => i.fingerprint));
    expect(new Set(before.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(before.length);
  });
});

describe('--baseline', () => {
  const setup = async () => {
    const dir = project(PASSING);
    const first = await runCli(['check', '--format', 'json', '-o', 'report.json'], { cwd: dir });
    expect(first.code).toBe(0);
    return dir;
  };

  it('writes the next baseline with --format json -o', async () => {
    const dir = await setup();
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ schemaVersion: 1, score: 100, level: { id: 'ready' }, gate: { passed: true } });
    expect(report.areas.map((a: { id: string; score: number }) => [a.id, a.score])).toEqual([['data', 100], ['tech', 100]]);
  });

  it('passes against itself', async () => {
    const dir = await setup();
    const r = await runCli(['check', '--baseline', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('fails on what dropped and says exactly what', async () => {
    const dir = await setup();
    const date = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).generatedAt.slice(0, 10);
    writeFileSync(join(dir, 'readiness.yaml'), PASSING.replace('quality: automated', 'quality: manual'));
    const r = await runCli(['check', '--baseline', 'report.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const failures = JSON.parse(r.stdout).gate.failures;
    expect(failures.map((f: { term: string; message: string }) => `${f.term}: ${f.message}`)).toEqual([
      `baselineScore: overall score dropped from 100 to 96.9 since the baseline of ${date} (baselineScore); answers that lost points: quality 100→50 (line 4)`,
      `baselineArea: area "data" dropped from 100 to 87.5 since the baseline of ${date} (baselineArea); answers that lost points: quality 100→50 (line 4)`,
    ]);
  });

  it('fails on a new blocker and annotates it on GitHub', async () => {
    const dir = await setup();
    writeFileSync(join(dir, 'readiness.yaml'), PASSING.replace('owner: named', 'owner: none'));
    const r = await runCli(['check', '--baseline', 'report.json', '--max-blockers', '1'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(1);
    const terms = annotations(r.stdout).map((a) => /title=ready%3A (\w+)/.exec(a)![1]);
    expect(terms).toEqual(['BASELINE_SCORE', 'BASELINE_LEVEL', 'BASELINE_AREA', 'BASELINE_BLOCKERS', 'BLOCKER']);
    expect(annotations(r.stdout)[3]).toMatch(/^::error file=readiness\.yaml,line=5,title=ready%3A BASELINE_BLOCKERS::1 new blocker since the baseline of \d{4}-\d\d-\d\d \(baselineBlockers\): owner is "Nobody" \(line 5\)$/);
  });

  it('reports an area the rubric no longer has without failing on it', async () => {
    const dir = await setup();
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    report.areas.push({ ...report.areas[0], id: 'humans', title: 'Humans' });
    writeFileSync(join(dir, 'old.json'), JSON.stringify(report));
    const r = await runCli(['check', '--baseline', 'old.json'], { cwd: dir, env: github(dir) });
    expect(r.code).toBe(0);
    expect(annotations(r.stdout)).toEqual(['::notice title=ready%3A baseline::area "humans" (Humans) is in the baseline but not in rubric mini@1.0.0; not compared']);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Baseline');
    expect(r.stderr).toBe('ready: baseline old.json: area "humans" (Humans) is in the baseline but not in rubric mini@1.0.0; not compared\n');
    // and in a plain terminal run, where there are no annotations
    expect((await runCli(['check', '--baseline', 'old.json'], { cwd: dir })).stderr).toBe(r.stderr);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,', /^ready: bad\.json: cannot be used as --baseline: not valid JSON/],
    ['another kind of JSON', '{"name": "x", "version": "1.0.0"}', /^ready: bad\.json: cannot be used as --baseline: not a ready report \(no schemaVersion\)\n$/],
    ['a report of a future version', '{"schemaVersion": 99}', /^ready: bad\.json: cannot be used as --baseline: report schemaVersion 99 is not supported/],
    ['a list', '[]', /^ready: bad\.json: cannot be used as --baseline: not a ready report/],
  ])('stops with exit 2 on %s, naming the file', async (_, text, message) => {
    const dir = project(PASSING, { 'bad.json': text });
    const r = await runCli(['check', '--baseline', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('stops with exit 2 on a missing baseline file', async () => {
    const dir = project(PASSING);
    mkdirSync(join(dir, 'reports'));
    const r = await runCli(['check', '--baseline', 'reports/main.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ready: reports/main.json: cannot be used as --baseline: no such file\n');
  });
});
