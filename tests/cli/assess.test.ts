// `ready assess` driven the way a person drives it: the built binary in a pseudo-terminal (tmux,
// through tests/helpers/tmux.ts), keys sent one step at a time, the screen read back.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, runWithModuleLog, tempProject } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/rubric.js';
import { hasTmux, startReady, stopTmux, tmux } from '../helpers/tmux.js';

afterAll(stopTmux);

const start = (dir: string, args: string[], env = 'NO_COLOR=1') => startReady(dir, args, { env, joinWrapped: true });

const answersIn = (dir: string) => (parse(readFileSync(join(dir, 'readiness.yaml'), 'utf8')) as { answers: Record<string, { choice: string; by?: string; at: string }> }).answers;

// CI installs tmux (.ci/run) and must run these; elsewhere they need it installed by hand
describe.skipIf(!hasTmux && !process.env.CI)('ready assess in a terminal', () => {
  it('saves every answer, exits 130 on Ctrl-C, and resumes with the saved answers as defaults', async () => {
    const dir = tempProject(); // a new user: no readiness.yaml, not a git repository
    const first = start(dir, ['assess']);
    await first.waitFor(/^\? Tier · 1 of 3 /m);
    first.keys('2', 'Enter'); // software consumes the output
    await first.waitFor(/^\? Tier · 2 of 3 /m);
    first.keys('2', 'Enter'); // refreshed on a schedule
    await first.waitFor(/^\? Tier · 3 of 3 /m);
    first.keys('1', 'Enter'); // a trained model's predictions
    const tiered = await first.waitFor(/^\? Data · 1 of \d+ /m);
    expect(tiered).toMatch(/^Tier: High complexity\. \S.*$/m);
    first.keys('1', 'Enter'); // the first option: nothing is chosen until the user chooses
    await first.waitFor(/^\? Data · 2 of \d+ /m);
    first.keys('C-c');
    expect(await first.exitCode()).toBe(130);
    expect(first.screen()).toContain('Answers saved to readiness.yaml; run `ready assess` to resume.');
    // Ctrl-C is the terminal's interrupt, not a letter key the prompt should complain about
    expect(first.screen()).not.toMatch(/does nothing here/);

    const saved = answersIn(dir);
    expect(Object.keys(saved)).toHaveLength(4);
    expect(saved.consumer!.choice).toBe('machines');
    expect(saved.frequency!.choice).toBe('batch');
    expect(saved['product-kind']!.choice).toBe('model');
    const [dataId, dataAnswer] = Object.entries(saved)[3]!;
    expect(dataAnswer.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(readFileSync(join(dir, 'readiness.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\S+\n# How ready this project is/);

    // again: it picks up at the first open question, and Back shows the saved answer as the default
    const second = start(dir, ['assess', '--by', 'Sam Lee']);
    const resumed = await second.waitFor(/^\? Data · 2 of \d+ /m);
    expect(resumed).toMatch(/^Resuming: 4 of \d+ questions answered\./m);
    second.keys('b'); // actions are keys, not entries in the answer list
    const back = await second.waitFor(/^\? Data · 1 of \d+ /m);
    expect(back).toMatch(/^❯ 1\. .*\(current answer\)$/m);
    second.keys('Enter');
    await second.waitFor(/^\? Data · 2 of \d+ /m);
    second.keys('q');
    expect(await second.exitCode()).toBe(0);
    const end = second.screen();
    expect(end).toMatch(/^Gate\s+(passed|failed)\b/im); // the summary `ready check` prints
    expect(end).toContain('Answers saved to readiness.yaml; run `ready assess` to resume.');
    const after = answersIn(dir);
    expect(after[dataId]).toMatchObject({ choice: dataAnswer.choice, by: 'Sam Lee' });
    expect(after.consumer).toEqual(saved.consumer);
  });

  it('keeps the answers already given when the terminal is closed', async () => {
    const dir = tempProject();
    const run = start(dir, ['assess']);
    await run.waitFor(/^\? Tier · 1 of 3 /m);
    run.keys('1', 'Enter');
    await run.waitFor(/^\? Tier · 2 of 3 /m);
    tmux('kill-session', '-t', run.name);
    // ends by SIGHUP, as hung-up programs do (the shell reports 128 + 1), not by a crash
    expect(await run.exitCode()).toBe(129);
    expect(answersIn(dir).consumer!.choice).toBe('humans');
  });

  it('pre-selects what the evidence in the repository suggests, marked as such', async () => {
    const rubric = readFileSync(join(FIXTURES, 'rubrics/mini.yaml'), 'utf8').replace(
      '    prompt: What does the project use?\n',
      '    prompt: What does the project use?\n    evidence:\n      - { kind: file, paths: [Dockerfile], description: a container definition, supports: [docker] }\n',
    );
    const dir = tempProject({ 'rubric.yaml': rubric, Dockerfile: 'FROM python:3.12-slim\n' });
    const run = start(dir, ['assess', '--rubric', 'rubric.yaml', '--area', 'tech']);
    await run.waitFor(/^\? Tier · 1 of 1 /m);
    run.keys('1', 'Enter');
    const screen = await run.waitFor(/^\? Technology · 1 of 1 /m);
    expect(screen).toMatch(/^ ◉ Containers \(suggested by evidence: Dockerfile \(a container definition\)\)$/m);
    expect(screen).toMatch(/^❯◯ CI$/m);
    run.keys('Enter');
    expect(await run.exitCode()).toBe(0);
    expect(answersIn(dir).tools!.choice).toBe('docker');
    expect(run.screen()).toMatch(/^Answers saved to readiness\.yaml\.$/m);
  });

  it('refuses to prompt when CI is set, and names the valid areas for an unknown one', async () => {
    const dir = tempProject();
    const ci = start(dir, ['assess'], 'NO_COLOR=1 CI=true');
    expect(await ci.exitCode()).toBe(2);
    expect(ci.screen()).toContain('ready: `ready assess` is interactive and needs a terminal; in scripts and CI run `ready check`, which never prompts');
    const area = start(dir, ['assess', '--area', 'dta']);
    expect(await area.exitCode()).toBe(2);
    expect(area.screen()).toMatch(/^ready: --area: unknown area "dta" \(did you mean "data"\?\) \(areas: data, humans, organization, technology\)$/m);
    expect(existsSync(join(dir, 'readiness.yaml'))).toBe(false);
  });
});

describe('ready assess without a terminal', () => {
  it('does not prompt: it points to `ready check` and exits 2', async () => {
    const dir = tempProject();
    const r = await runCli(['assess'], { cwd: dir, env: { CI: undefined } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ready: `ready assess` is interactive and needs a terminal; in scripts and CI run `ready check`, which never prompts\n');
    expect(existsSync(join(dir, 'readiness.yaml'))).toBe(false);
  });

  it('keeps the prompt, spinner and colour libraries off the path of `ready check`', async () => {
    // every ES module the binary loads, as it loads it, with the libraries it holds; the evidence
    // scan of a Python project (pyproject.toml) included
    const dir = tempProject({
      'readiness.yaml': 'answers:\n  consumer: humans\n  frequency: batch\n',
      'pyproject.toml': '[project]\nname = "churn"\ndependencies = ["pandas>=2", "scikit-learn"]\n',
      'tests/test_features.py': 'def test_x():\n    assert True\n',
    });
    const r = runWithModuleLog(['check'], { cwd: dir });
    expect(r.stderr).not.toMatch(/^ready:/m);
    expect(r.stdout).toMatch(/^Tier\s+\w+ complexity/m);
    const modules = r.modules;
    expect(modules.some((l) => l.includes('/dist/cli.js '))).toBe(true);
    // readiness.yaml is checked with zod/mini, bundled on its own; nothing else heavy loads
    expect(modules.filter((l) => l.includes(' zod/mini=true') && !l.includes(' zod=true'))).toHaveLength(1);
    for (const lib of ['inquirer', 'ora', 'chalk', 'zod', 'yaml']) expect(modules.filter((l) => l.includes(` ${lib}=true`)), `${lib} loaded`).toEqual([]);
    // the markers do find the libraries where they are
    const colour = runWithModuleLog(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(colour.modules.filter((l) => l.includes(' chalk=true'))).not.toEqual([]);
  });
});
