// Issue 16, a fuzz pass: readiness.yaml and rubric YAML made of the pieces that break parsers and
// loaders (anchors, aliases, tags, block scalars, flow collections, prototype keys, control and
// bidi characters, odd indentation), run through the built binary. Whatever the file, `ready
// check` ends with 0, 1 or 2, writes errors only as whole `ready: ` lines with no stack trace,
// and changes no file. The time bound is the test's timeout (and runBinary's own), not an assertion.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBinary } from '../helpers/cli.js';
import { expectCleanErrors, snapshot, tempDirs } from './helpers.js';

const MINI = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');
const dirs = tempDirs();
afterAll(() => dirs.cleanUp());

const KEYS = ['project', 'rubric', 'rubricVersion', 'gate', 'answers', 'answer', 'consumer', 'quality', 'owner', 'tools', 'choice', 'note', 'by', 'at', 'minScore', 'minArea', 'data', '__proto__', 'constructor', 'toString', '<<'];
const SCALARS = ['humans', 'machines', 'manual', '~', 'null', 'yes', '0x1F', '1e999', '.nan', '-', '"::error::x"', "'a''b'", '"\\u202e\\u0007\\n"', '2026-13-45', '[a, b]', '{x: 1}', '*a', '&a v', '!!binary aGk=', '!!str 1', '!foo x', '|', '>-', '? x', '%TAG', '---', '...', '"unclosed', '[', '{', '#c', 'a: b: c', '\u202ex', '\t', '💥'];

const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...SCALARS), fc.constant(''), fc.string({ maxLength: 8 })), fc.boolean()).map(([indent, key, value, item]) => `${' '.repeat(indent)}${item ? '- ' : ''}${key}:${value === '' ? '' : ` ${value}`}`);
const readiness = fc.array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom(...SCALARS) }), { maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`);

// a working rubric with a few of its lines dropped, doubled or replaced
const rubricLines = MINI.split('\n');
const rubric = fc
  .array(fc.tuple(fc.nat(rubricLines.length - 1), fc.constantFrom('drop', 'double', 'replace'), fc.constantFrom(...SCALARS)), { minLength: 1, maxLength: 4 })
  .map((edits) => {
    const out = [...rubricLines];
    for (const [at, how, value] of edits) {
      if (how === 'drop') out.splice(at, 1);
      else if (how === 'double') out.splice(at, 0, out[at] ?? '');
      else out[at] = (out[at] ?? '').replace(/:.*$/, `: ${value}`);
    }
    return out.join('\n');
  });

function holds(files: Record<string, string>): void {
  const dir = dirs.make(files);
  const before = snapshot(dir);
  const r = runBinary(['check', '--no-evidence'], { cwd: dir });
  expect([0, 1, 2], r.stderr).toContain(r.code);
  expectCleanErrors(r);
  expect(snapshot(dir)).toEqual(before);
}

describe('fuzzed input never breaks a promise of ready check', () => {
  it('readiness.yaml', { timeout: 120_000 }, () => {
    fc.assert(fc.property(readiness, (text) => holds({ 'readiness.yaml': text })), { numRuns: Number(process.env.FUZZ_RUNS ?? 24) });
  });

  it('a rubric named by readiness.yaml', { timeout: 120_000 }, () => {
    fc.assert(fc.property(rubric, (text) => holds({ 'readiness.yaml': 'rubric: ./r.yaml\nanswers:\n  consumer: humans\n', 'r.yaml': text })), { numRuns: Number(process.env.FUZZ_RUNS ?? 16) });
  });

  it('a hostile readiness.yaml next to a hostile rubric', { timeout: 60_000 }, () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'r.yaml'), `${MINI}\nquestions: *nothing\n`);
    writeFileSync(join(dir, 'readiness.yaml'), 'rubric: ./r.yaml\nanswers: &x\n  consumer: *x\n');
    const r = runBinary(['check', '--no-evidence'], { cwd: dir });
    expect(r.code).toBe(2);
    expectCleanErrors(r);
  });
});
