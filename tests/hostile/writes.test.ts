// Issue 16, writes that cannot destroy: -o never replaces what the command read or anything that
// is not a regular file, and saves of readiness.yaml lose no answer of a concurrent session.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBinary } from '../helpers/cli.js';
import { ReadinessWriter } from '../../src/write/readiness-writer.js';
import { expectInputError, snapshot, tempDirs } from './helpers.js';

const MINI = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');
const dirs = tempDirs();
afterAll(() => dirs.cleanUp());
const header = { rubric: 'builtin:default', rubricVersion: '1.0.0' };

describe('-o', () => {
  it('refuses a rubric further up the extends chain', () => {
    const dir = dirs.make({ 'base.yaml': MINI, 'child.yaml': 'extends: ./base.yaml\nid: child\nversion: "1"\n', 'readiness.yaml': 'rubric: ./child.yaml\nanswers: {}\n' });
    expectInputError(dir, ['check', '--no-evidence', '-o', 'base.yaml'], /^ready: --output base\.yaml: that is a file this command reads/);
    expectInputError(dir, ['report', '--no-evidence', '-o', 'child.yaml'], /^ready: --output child\.yaml: that is a file this command reads/);
  });

  it('refuses an input of ready portfolio', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    expect(runBinary(['check', '--no-evidence', '--format', 'json', '-o', 'reports/a.json'], { cwd: dir }).code).toBe(2); // no folder yet
    mkdirSync(join(dir, 'reports'));
    expect(runBinary(['check', '--no-evidence', '--format', 'json', '-o', 'reports/a.json'], { cwd: dir }).code).toBe(1);
    expectInputError(dir, ['portfolio', 'reports', '-o', 'reports/a.json'], /^ready: --output reports\/a\.json: that is a file this command reads/);
  });

  it('refuses a symbolic link, a FIFO and a directory', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n', 'target.txt': 'keep\n' });
    symlinkSync('target.txt', join(dir, 'link.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    mkdirSync(join(dir, 'folder'));
    expectInputError(dir, ['check', '--no-evidence', '-o', 'link.txt'], /^ready: --output link\.txt: is a symbolic link; only a regular file or a new path is replaced/);
    expectInputError(dir, ['check', '--no-evidence', '-o', 'pipe'], /^ready: --output pipe: is not a regular file/);
    expectInputError(dir, ['check', '--no-evidence', '-o', 'folder'], /^ready: --output folder: is a directory/);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe('target.txt');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });
});

describe('saving readiness.yaml', () => {
  it('two sessions saving in turn keep both answers', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers:\n  consumer: humans\n' });
    const file = join(dir, 'readiness.yaml');
    const text = readFileSync(file, 'utf8');
    const a = new ReadinessWriter(file, text, header);
    const b = new ReadinessWriter(file, text, header);
    expect(a.save('quality', { choice: ['manual'] })).toBe('saved');
    expect(b.save('owner', { choice: ['named'] })).toBe('merged');
    expect(a.save('tools', { choice: ['ci'] })).toBe('merged');
    const saved = readFileSync(file, 'utf8');
    for (const id of ['consumer', 'quality', 'owner', 'tools']) expect(saved).toContain(`${id}:`);
  });

  it('waits for a save in progress (a lock held by a live process), then gives up with one line', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: {}\n' });
    const file = join(dir, 'readiness.yaml');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    const w = new ReadinessWriter(file, 'answers: {}\n', header);
    expect(() => w.save('quality', { choice: ['manual'] })).toThrow(/is being saved by another `ready assess`/);
    expect(w.unsaved).toHaveLength(1);
    // a lock left by a process that died is taken over
    writeFileSync(`${file}.lock`, '999999999\n');
    expect(w.save('owner', { choice: ['named'] })).toBe('saved');
    expect(readFileSync(file, 'utf8')).toMatch(/quality:[\s\S]*owner:/);
    expect(snapshot(dir).has('readiness.yaml.lock')).toBe(false);
  });

  it('keeps a byte-order mark and the mode', () => {
    const dir = dirs.make({ 'readiness.yaml': '\uFEFFanswers:\n  consumer: humans\n' });
    const file = join(dir, 'readiness.yaml');
    chmodSync(file, 0o640);
    new ReadinessWriter(file, 'answers:\n  consumer: humans\n', header).save('quality', { choice: ['manual'] });
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses to replace a readiness.yaml that is a link', () => {
    const dir = dirs.make({ 'real.yaml': 'answers: {}\n' });
    const file = join(dir, 'readiness.yaml');
    symlinkSync('real.yaml', file);
    expect(() => new ReadinessWriter(file, 'answers: {}\n', header).save('quality', { choice: ['manual'] })).toThrow(/is a symbolic link/);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });
});
