// Output into a pipe that closes early (`ready rubric show | head`) ends quietly, not with a crash.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempProject } from '../helpers/cli.js';

describe('a reader that stops early', () => {
  // far more output than a pipe holds, so the writer is still writing when `head` exits
  it.each([['rubric show builtin:default --format json'], ['rubric show builtin:default --format yaml']])('ready %s | head -c 10', (args) => {
    const dir = tempProject();
    const err = join(dir, 'stderr.txt');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} 2>"${err}" | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toHaveLength(10);
    expect(readFileSync(err, 'utf8')).toBe('');
  });
});
