// `--min-question` and readiness.yaml's `gate.minQuestion` end to end: the exit code, what the
// terminal and CI formats say, and each mistake with the line it points at.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const RUBRIC = readFileSync(join(import.meta.dirname, '../fixtures/rubrics/mini.yaml'), 'utf8');
const QUESTIONS = '(questions: quality, owner, tools, serving, latency)';

// low tier; quality scores 0.5 (line 4, below any gate: lines), owner 1, tools is unanswered
const readiness = (gate = '') => `rubric: rubric.yaml
${gate}answers:
  consumer: humans
  quality: manual
  owner: named
`;
const project = (text: string, extra: Record<string, string> = {}) => tempProject({ 'rubric.yaml': RUBRIC, 'readiness.yaml': text, ...extra });
const check = (dir: string, args: string[] = [], env: Record<string, string> = {}) => runCli(['check', '--no-evidence', '--max-unanswered', '9', ...args], { cwd: dir, env });

describe('ready check with question minimums', () => {
  it('passes at the minimum and fails below it, naming the question, its line and both scores', async () => {
    const dir = project(readiness());
    expect((await check(dir, ['--min-question', 'quality=0.5'])).code).toBe(0);
    const r = await check(dir, ['--min-question', 'quality=0.6']);
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('✖ question "quality" (line 4) scores 0.5 of 1, below the minimum 0.6 (minQuestion, set on the command line)');
  });

  it('fails an unanswered question, and only warns with :warn', async () => {
    const dir = project(readiness());
    const r = await check(dir, ['--min-question', 'tools=0.5:warn']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('! question "tools" is unanswered, which scores 0 of 1, below the minimum 0.5 (minQuestion, set on the command line)');
  });

  it('reads gate.minQuestion from readiness.yaml, with the line of each minimum; a flag overrides it', async () => {
    const dir = project(readiness('gate:\n  minQuestion:\n    quality: 0.75\n    owner: { value: 1, level: warn }\n'));
    const r = await runCli(['report', '--no-evidence', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.gate.terms.minQuestion).toEqual({ quality: { value: 0.75, level: 'error', source: 'readiness' }, owner: { value: 1, level: 'warn', source: 'readiness' } });
    expect(report.gate.failures.filter((f: { term: string }) => f.term === 'minQuestion').map((f: { message: string }) => f.message)).toEqual([
      'question "quality" (line 8) scores 0.5 of 1, below the minimum 0.75 (minQuestion, set in readiness.yaml line 4)',
    ]);
    expect((await check(dir, ['--min-question', 'quality=0.5'])).code).toBe(0);
  });

  it('annotates the answer on GitHub and names the rule MIN_QUESTION in SARIF and GitLab', async () => {
    const dir = project(readiness('gate:\n  minQuestion: { quality: 0.75 }\n'));
    const github = await check(dir, [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
    expect(github.stdout.split('\n').filter((l) => l.includes('MIN_QUESTION'))).toEqual([
      '::error file=readiness.yaml,line=6,title=ready%3A MIN_QUESTION quality::question "quality" (line 6) scores 0.5 of 1, below the minimum 0.75 (minQuestion, set in readiness.yaml line 3)',
    ]);
    const sarif = JSON.parse((await check(dir, ['--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results.map((x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [x.ruleId, x.locations[0]!.physicalLocation.region.startLine])).toEqual([['MIN_QUESTION', 6]]);
    expect(sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'MIN_QUESTION').shortDescription.text).toBe('Each question with a gate minimum scores at least that minimum.');
    const gitlab = JSON.parse((await check(dir, ['--format', 'gitlab'])).stdout);
    expect(gitlab.map((x: { check_name: string }) => x.check_name)).toEqual(['ready/MIN_QUESTION']);
  });

  it('takes a rubric gate for the tier, question by question', async () => {
    const rubric = RUBRIC.replace('  high: { minScore: 60 }', '  low: { minQuestion: { quality: 1, owner: 1 } }');
    const dir = project(readiness(), { 'rubric.yaml': rubric });
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('question "quality" (line 4) scores 0.5 of 1, below the minimum 1 (minQuestion, the rubric\'s default for this tier)');
  });
});

describe('mistakes, each with its message and exit code 2', () => {
  it.each<[string, string[], string]>([
    ['an unknown question', ['--min-question', 'qualty=1'], `ready: --min-question: unknown question "qualty" (did you mean "quality"?) ${QUESTIONS}\n`],
    ['a score out of 100', ['--min-question', 'quality=50'], 'ready: --min-question quality: expected a number from 0 to 1, got "50"\n'],
    ['no threshold', ['--min-question', 'quality'], 'ready: --min-question: expected QUESTION=N, got "quality"\n'],
    ['a bad level', ['--min-question', 'quality=1:fatal'], 'ready: --min-question quality: expected N, N:warn or N:error, got "1:fatal"\n'],
  ])('%s on the command line', async (_, args, stderr) => {
    const r = await check(project(readiness()), args);
    expect([r.code, r.stderr]).toEqual([2, stderr]);
  });

  it('an unknown question in readiness.yaml, at its line', async () => {
    const r = await check(project(readiness('gate:\n  minQuestion:\n    owner: 1\n    qualty: 1\n')));
    expect([r.code, r.stderr]).toEqual([2, `ready: readiness.yaml:5 gate.minQuestion.qualty: unknown question "qualty" (did you mean "quality"?) in rubric mini ${QUESTIONS}\n`]);
  });

  it('an unknown question in a rubric gate, at its line in the rubric', async () => {
    const dir = project(readiness(), { 'rubric.yaml': RUBRIC.replace('  high: { minScore: 60 }', '  high:\n    minQuestion:\n      ownr: 1') });
    const r = await runCli(['rubric', 'validate', 'rubric.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rubric.yaml:28 gates.high.minQuestion.ownr: unknown question "ownr" (did you mean "owner"?)');
  });
});
