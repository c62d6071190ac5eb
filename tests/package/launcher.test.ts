// bin/ready.cjs: compiles dist/cli.cjs from V8's code cache when this Node.js accepts it, from a
// cache of its own when it refused the shipped one, and from source otherwise; a checkout that was
// never built gets a sentence, not a stack.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const cacheTaken = (cwd: string) => node(['-e', "console.log(require('./bin/ready.cjs').compileCli(require('path').resolve('dist')).cacheUsed ?? 'none')"], cwd);
const ownCaches = (dir: string) => readdirSync(join(dir, 'dist')).filter((f) => /^cli\.cjs\..+\.cache$/.test(f));

/** bin/, dist/ and the example, copied to a fresh folder where they can be broken. */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ready-launcher-'));
  for (const part of ['bin', 'dist', 'examples', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

describe('bin/ready.cjs', () => {
  it('compiles the CLI from the code cache that the build made with this Node.js, and writes no other', () => {
    const dir = copyOfPackage();
    const r = cacheTaken(dir);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(join(dir, 'dist/cli.cjs.cache'));
    expect(node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir).status).toBe(0);
    expect(ownCaches(dir)).toEqual([]);
  });

  it.each([
    ['garbage', Buffer.from('not a code cache at all'.repeat(100))],
    ['empty', Buffer.alloc(0)],
  ])('runs without the shipped cache when it is %s, and leaves one of its own for the next run', (_, bytes) => {
    const dir = copyOfPackage();
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), bytes);
    expect(cacheTaken(dir).stdout.trim()).toBe('none');
    // other commands compile little of what `check` needs: they leave nothing
    expect(node([join(dir, 'bin/ready.cjs'), '--version'], dir).status).toBe(0);
    expect(node([join(dir, 'bin/ready.cjs'), 'rubric', 'list'], dir).status).toBe(0);
    expect(ownCaches(dir)).toEqual([]);
    const first = node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Tier\s+Medium complexity/);
    const own = ownCaches(dir);
    expect(own).toHaveLength(1);
    expect(own[0]).toContain(process.version);
    // the next run takes it, and works the same
    expect(cacheTaken(dir).stdout.trim()).toBe(join(dir, 'dist', own[0]!));
    const second = node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces its own cache when V8 refuses that one too', () => {
    const dir = copyOfPackage();
    const own = join(dir, `dist/cli.cjs.${process.version}-${process.platform}-${process.arch}.cache`);
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), Buffer.from('refused'));
    writeFileSync(own, Buffer.from('a cache from a crashed disk'));
    expect(cacheTaken(dir).stdout.trim()).toBe('none');
    const r = node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(cacheTaken(dir).stdout.trim()).toBe(own);
  });

  it('runs quietly when its own cache cannot be written', () => {
    const dir = copyOfPackage();
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), Buffer.from('refused'));
    // a directory where its cache would go: the write fails as it does on a read-only install
    mkdirSync(join(dir, `dist/cli.cjs.${process.version}-${process.platform}-${process.arch}.cache`));
    const r = node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Tier\s+Medium complexity/);
    expect(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says how to build when dist/ is missing, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ready-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    cpSync(join(ROOT, 'bin/ready.cjs'), join(dir, 'bin/ready.cjs'));
    const r = node([join(dir, 'bin/ready.cjs'), 'check']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ready: ${join(dir, 'dist/cli.cjs')} is missing; run \`npm run build\` in ${dir}\n`);
  });
});
