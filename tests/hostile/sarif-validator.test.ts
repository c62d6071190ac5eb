// Issue 16, SARIF that validates: Microsoft's SARIF validator (@microsoft/sarif-multitool, a
// self-contained .NET build per platform) reports no error and no warning on any SARIF `ready`
// writes: a passing gate, a failing one with blockers and warnings, one against a baseline, hostile
// text, and a readiness.yaml whose path needs percent-encoding. Its notes (message ids instead of
// text, code snippets, version-control provenance, numbered rule ids) are suggestions we decline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { hostileReport } from './hostile-report.js';
import { tempDirs } from './helpers.js';
import { HOMEPAGE } from '../../src/version.js';

const VALIDATOR: string = createRequire(import.meta.url)('@microsoft/sarif-multitool');
const POLICY = join(ROOT, 'tests/fixtures/sarif/validator-policy.xml');
const RUBRIC = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');

// low tier, one blocker (owner), quality below a question minimum (given as a flag), tools unanswered at a warning-level gate
const FAILING = `rubric: rubric.yaml
gate:
  minScore: 90
  maxUnanswered: { value: 0, level: warn }
answers:
  consumer: humans
  quality: manual
  owner: none
`;

const PASSING = `rubric: rubric.yaml
answers:
  consumer: humans
  quality: automated
  owner: named
  tools: [ci, docker]
`;

interface ValidatorResult {
  ruleId: string;
  level?: string;
  message: { text?: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

const temp = tempDirs();
afterAll(() => temp.cleanUp());

/** The validator's errors and warnings, one line each, for every file given. */
function validate(files: string[]): string[] {
  const dir = temp.make();
  const log = join(dir, 'validation.sarif');
  const r = spawnSync(VALIDATOR, ['validate', ...files, '--config', POLICY, '--level', 'Error;Warning', '--output', log, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 120_000,
    // no ICU needed, no telemetry, and its single-file bundle unpacks under the test's temporary folder
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_BUNDLE_EXTRACT_BASE_DIR: dir },
  });
  expect(r.error, String(r.error)).toBeUndefined();
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const results: ValidatorResult[] = JSON.parse(readFileSync(log, 'utf8')).runs[0].results ?? [];
  return results
    .filter((x) => x.level === 'error' || x.level === 'warning' || x.level === undefined)
    .map((x) => `${x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'}: ${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? ''}`);
}

describe('the SARIF validator', () => {
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const out = temp.make();
    const project = (readiness: string) => temp.make({ 'rubric.yaml': RUBRIC, 'readiness.yaml': readiness });
    const passing = project(PASSING);
    const failing = project(FAILING);
    const run = async (name: string, dir: string, args: string[], code: number) => {
      const r = await runCli(['check', '--format', 'sarif', ...args], { cwd: dir });
      expect(r.code, r.stderr).toBe(code);
      files[name] = join(out, `${name}.sarif`);
      writeFileSync(files[name], r.stdout);
    };
    await run('passing', passing, [], 0);
    await run('failing', failing, ['--min-question', 'quality=1'], 1);
    const baseline = join(out, 'baseline.json');
    writeFileSync(baseline, (await runCli(['report', '--format', 'json'], { cwd: passing })).stdout);
    await run('baseline', failing, ['--baseline', baseline], 1);
    files.hostile = join(out, 'hostile.sarif');
    writeFileSync(files.hostile, renderSarif(hostileReport(), { file: 'data science/#1 100% ⏎/readiness.yaml' }));
  }, 60_000);

  it('finds no error and no warning in any of them', () => {
    expect(Object.keys(files)).toEqual(['passing', 'failing', 'baseline', 'hostile']);
    expect(validate(Object.values(files))).toEqual([]);
  }, 120_000);

  it('was given what each case is about', () => {
    const sarif = (name: string) => JSON.parse(readFileSync(files[name]!, 'utf8')).runs[0];
    expect(sarif('passing').results).toEqual([]);
    expect(sarif('failing').results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toEqual(['BLOCKER error', 'MIN_SCORE error', 'MIN_QUESTION error', 'MAX_UNANSWERED warning']);
    expect(sarif('baseline').results.map((r: { ruleId: string }) => r.ruleId)).toContain('BASELINE_SCORE');
    const hostile = sarif('hostile');
    expect(hostile.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'data%20science/%231%20100%25%20%E2%8F%8E/readiness.yaml', uriBaseId: '%SRCROOT%' });
    expect(hostile.originalUriBaseIds['%SRCROOT%'].uri).toBeUndefined();
    expect(hostile.tool.driver.informationUri).toBe(HOMEPAGE);
  });

  it('sees what it is there to see', () => {
    // the validator's own verdict on the old rule list: a name equal to its id, no informationUri
    const old = JSON.parse(readFileSync(files.failing!, 'utf8'));
    old.runs[0].tool.driver.rules[0].name = 'blocker';
    delete old.runs[0].tool.driver.informationUri;
    const file = join(temp.make(), 'old.sarif');
    writeFileSync(file, JSON.stringify(old));
    expect(validate([file]).map((l) => l.replace(/^.*?: (\w+ SARIF\d+).*$/, '$1'))).toEqual(['warning SARIF1001', 'warning SARIF2005']);
  }, 120_000);
});

describe("package.json's homepage", () => {
  it('is the informationUri of the SARIF tool', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).homepage).toBe(HOMEPAGE);
  });
});
