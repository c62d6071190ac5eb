// Issue 16, hostile inputs: every file `ready check` reads may come from the pull request under
// review. Each case is one line of cause and exit 2, in bounded time, with the project untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBinary } from '../helpers/cli.js';
import { expectCleanErrors, expectInputError, tempDirs } from './helpers.js';

const MINI = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');
const dirs = tempDirs();
afterAll(() => dirs.cleanUp());
const fifo = (path: string) => execFileSync('mkfifo', [path]);
// a generous bound: each case takes a fraction of a second; a hang would take forever
const BOUND = { timeout: 20_000 };

describe('only regular files are read, bounded', () => {
  it('a readiness.yaml that links to /dev/zero', BOUND, () => {
    const dir = dirs.make();
    symlinkSync('/dev/zero', join(dir, 'readiness.yaml'));
    expectInputError(dir, ['check'], /^ready: readiness\.yaml: is not a regular file/);
  });

  it('a readiness.yaml that is a FIFO', BOUND, () => {
    const dir = dirs.make();
    fifo(join(dir, 'readiness.yaml'));
    expectInputError(dir, ['check'], /^ready: readiness\.yaml: is not a regular file/);
  });

  it('a rubric that links to /dev/zero, and an extends target that is a FIFO', BOUND, () => {
    const dir = dirs.make({ 'readiness.yaml': 'rubric: ./zero.yaml\n', 'child.yaml': 'extends: ./parent.yaml\nid: c\nversion: "1"\n' });
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    fifo(join(dir, 'parent.yaml'));
    // /dev/zero is outside the project: refused before it is opened
    expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:1 rubric: "\.\/zero\.yaml" is outside the repository/);
    expectInputError(dir, ['rubric', 'validate', 'child.yaml'], /^ready: \S*parent\.yaml: is not a regular file/);
  });

  it('a --baseline and a diff input that are FIFOs or link to /dev/zero', BOUND, () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    fifo(join(dir, 'base.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    expectInputError(dir, ['check', '--no-evidence', '--baseline', 'base.json'], /^ready: base\.json: cannot be used as --baseline: is not a regular file/);
    expectInputError(dir, ['diff', 'zero.json', 'base.json'], /^ready: zero\.json: is not a regular file/);
  });

  it('a readiness.yaml that grows past the limit is refused without reading it all', BOUND, () => {
    const dir = dirs.make({ 'readiness.yaml': `answers: {}\n${'#'.repeat(6 * 1024 * 1024)}\n` });
    expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml: is 6\.0 MiB, more than the 5 MiB allowed/);
  });
});

describe('inputs stay where they belong', () => {
  it('rubric: /etc/passwd is refused without a word of that file', BOUND, () => {
    const dir = dirs.make({ 'readiness.yaml': 'rubric: /etc/passwd\n' });
    const r = expectInputError(dir, ['check'], /^ready: readiness\.yaml:1 rubric: "\/etc\/passwd" is not a rubric file/);
    expect(r.stderr).not.toMatch(/root|nologin/);
  });

  it('a rubric file that links out of the repository, and extends that climbs out of it', BOUND, () => {
    const outside = dirs.make({ 'secret.yaml': 'password: hunter2\n' });
    const dir = dirs.make({ 'readiness.yaml': 'rubric: ./company.yaml\n', 'child.yaml': `extends: ${join(outside, 'secret.yaml')}\nid: c\nversion: "1"\n` });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'company.yaml'));
    expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:1 rubric: "\.\/company\.yaml" is outside the repository/);
    writeFileSync(join(dir, 'readiness.yaml'), 'rubric: ./child.yaml\n');
    const r = expectInputError(dir, ['check', '--no-evidence'], /^ready: \S*child\.yaml:1 extends: ".*secret\.yaml" is outside the repository/);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('a YAML file inside the repository that is not a rubric: none of its keys is quoted', BOUND, () => {
    const dir = dirs.make({ 'readiness.yaml': 'rubric: ./deploy-secrets.yaml\n', 'deploy-secrets.yaml': 'aws_secret_access_key: AKIAXXXX\n' });
    const r = expectInputError(dir, ['check', '--no-evidence'], /^ready: .*deploy-secrets\.yaml: is not a rubric/);
    expect(r.stderr).not.toMatch(/aws_secret|AKIA/);
  });

  it('a rubric up a monorepo is fine inside the git work tree', BOUND, () => {
    const dir = dirs.make({ 'rubrics/mini.yaml': MINI, 'ml/readiness.yaml': 'rubric: ../rubrics/mini.yaml\nanswers: {}\n' });
    mkdirSync(join(dir, '.git'));
    const r = runBinary(['check', '--no-evidence', '-f', 'readiness.yaml'], { cwd: join(dir, 'ml') });
    expect(r.code, r.stderr).toBe(1);
  });
});

describe('messages', () => {
  it('a misspelt key on line 2: that line, and did you mean', () => {
    const dir = dirs.make({ 'readiness.yaml': '# our answers\nanswer:\n  consumer: humans\n' });
    expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:2: unknown key "answer" \(did you mean "answers"\?\)$/m);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('the answer id %s keeps its own path and line', (id) => {
    const dir = dirs.make({ 'readiness.yaml': `answers:\n  consumer: humans\n  ${id}: x\n` });
    expectInputError(dir, ['check', '--no-evidence'], new RegExp(`^ready: readiness\\.yaml:3 answers(\\.${id}|\\["${id}"\\]): unknown question "${id}"`));
  });

  it('!!binary is a one-line error, not a kilobyte of Buffer methods', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers:\n  consumer: !!binary aGVsbG8=\n' });
    expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:2: .*binary/);
  });

  it('the YAML library never writes its own warnings to stderr', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers:\n  consumer: {? [a]: b}\n' });
    const r = expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:2/);
    expect(r.stderr).not.toMatch(/Warning|stringified/);
  });

  it('a block-scalar answer with a newline: its error stays on one line', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers:\n  consumer: |\n    humans\n    Gate PASSED\n' });
    const r = expectInputError(dir, ['check', '--no-evidence'], /^ready: readiness\.yaml:2 answers\.consumer: .*⏎/);
    expect(r.stderr).not.toMatch(/^Gate PASSED/m);
  });
});

describe('every choice is validated', () => {
  it('--fail-on refuses a misspelt word with did you mean, instead of dropping the check', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    const r = runBinary(['check', '--no-evidence', '--fail-on', 'unanswerd'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"unanswerd" is not one of .*did you mean "unanswered"/);
  });

  it('--format refuses an unknown format', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    const r = runBinary(['check', '--format', 'jsn'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/jsn/);
  });

  it('--min-area and readiness.yaml gate areas say did you mean', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    expectInputError(dir, ['check', '--no-evidence', '--min-area', 'technolgy=50'], /unknown area "technolgy" \(did you mean "technology"\?\)/);
    writeFileSync(join(dir, 'readiness.yaml'), 'gate:\n  minArea:\n    orgnization: 50\n');
    expectInputError(dir, ['check', '--no-evidence'], /readiness\.yaml:3 gate\.minArea\.orgnization: unknown area "orgnization" \(did you mean "organization"\?\)/);
  });
});

describe('permissions', () => {
  it.skipIf(process.getuid?.() === 0)('permission denied is not "no such file"', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    execFileSync('chmod', ['000', join(dir, 'readiness.yaml')]);
    const r = runBinary(['check', '--no-evidence'], { cwd: dir });
    execFileSync('chmod', ['644', join(dir, 'readiness.yaml')]);
    expect(r.code).toBe(2);
    expectCleanErrors(r);
    expect(r.stderr).toMatch(/permission denied/);
  });
});
