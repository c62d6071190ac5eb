// bin/ready.cjs: compiles dist/cli.cjs from V8's code cache when this Node.js accepts it, and
// without it otherwise; a checkout that was never built gets a sentence, not a stack.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** bin/, dist/ and the example, copied to a fresh folder where they can be broken. */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ready-launcher-'));
  for (const part of ['bin', 'dist', 'examples', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

describe('bin/ready.cjs', () => {
  it('compiles the CLI from the code cache that the build made with this Node.js', () => {
    const r = node(['-e', "console.log(require('./bin/ready.cjs').compileCli('dist').cacheUsed)"]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
  });

  it.each([
    ['garbage', Buffer.from('not a code cache at all'.repeat(100))],
    ['empty', Buffer.alloc(0)],
  ])('runs without the cache when the cache is %s', (_, bytes) => {
    const dir = copyOfPackage();
    writeFileSync(join(dir, 'dist/cli.cjs.cache'), bytes);
    const used = node(['-e', "console.log(require('./bin/ready.cjs').compileCli('dist').cacheUsed)"], dir);
    expect(used.stdout.trim()).toBe('false');
    const r = node([join(dir, 'bin/ready.cjs'), 'check', '--example'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Tier\s+Medium complexity/);
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
