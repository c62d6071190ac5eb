// What every hostile case asserts about a run of the built binary: an exit code `ready` promises,
// errors as whole `ready: ` lines (never a stack trace, never a line of quoted file content), and
// the files of the project exactly as they were.
import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runBinary, tempProject, type RunResult } from '../helpers/cli.js';

/** Temporary folders made by a test file, removed by `cleanUp` in its afterAll/afterEach. */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(files: Record<string, string> = {}) {
      const dir = tempProject(files);
      made.push(dir);
      return dir;
    },
    cleanUp() {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Regular files of a folder (recursively, links and special files left out) and a hash of their bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      if (st.isDirectory()) visit(path);
      else if (st.isFile()) out.set(path, createHash('sha256').update(readFileSync(join(dir, path))).digest('hex'));
    }
  };
  visit('');
  return out;
}

/** Every stderr line is one `ready: ` line; no stack trace, no "unexpected error". */
export function expectCleanErrors(r: RunResult): void {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  for (const line of lines) expect(line, r.stderr).toMatch(/^ready: /);
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
}

/** A run that must stop with exit 2 and this one-line cause, leaving the project as it was. */
export function expectInputError(dir: string, args: string[], cause: RegExp, env: Record<string, string | undefined> = {}): RunResult {
  const before = snapshot(dir);
  const r = runBinary(args, { cwd: dir, env });
  expect(r.code, r.stderr).toBe(2);
  expectCleanErrors(r);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(cause);
  expect(snapshot(dir)).toEqual(before);
  return r;
}
