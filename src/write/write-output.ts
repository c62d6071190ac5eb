// Writes a rendered report to stdout or, atomically, to a file. A write must never destroy what it
// replaces by mistake: not a file the command read (readiness.yaml, a rubric anywhere up its
// `extends` chain, a baseline, a portfolio's reports), and nothing that is not a regular file — a
// link would be replaced by a file (or, followed, write somewhere else), a device or FIFO by a
// file that no longer is one.
import { chmodSync, chownSync, lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { describeFsError } from '../load/read-text.js';
import { writeStdout } from '../terminal/stdout.js';

/**
 * Writes to stdout, or to `file` when given. `inputs` are the files the command read; writing
 * over one of them is refused before anything is written.
 */
export function writeOutput(text: string, file?: string, inputs: readonly string[] = []): void {
  if (!file) {
    writeStdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const problem = outputProblem(file, inputs);
  if (problem) throw new UsageError(`--output ${file}: ${problem}`);
  writeFileAtomic(file, text.endsWith('\n') ? text : `${text}\n`);
}

/** Why `-o file` may not be written, or undefined when it may. */
export function outputProblem(file: string, inputs: readonly string[]): string | undefined {
  if (inputs.some((input) => samePath(input, file))) return 'that is a file this command reads; write the output elsewhere';
  return targetProblem(file);
}

/** A new path or a regular file may be replaced; anything else is named. */
function targetProblem(file: string): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch {
    return undefined;
  }
  if (st.isFile()) return undefined;
  const what = st.isSymbolicLink() ? 'a symbolic link' : st.isDirectory() ? 'a directory' : 'not a regular file (a device, FIFO or socket)';
  return `is ${what}; only a regular file or a new path is replaced`;
}

/**
 * Temp file and rename in the same directory: a reader sees the old file or the new, never half.
 * The new file keeps the old one's permissions and, where the system allows, its owner (a rename
 * would otherwise reset both).
 */
export function writeFileAtomic(file: string, text: string): void {
  const refused = targetProblem(file);
  if (refused) throw new InputError([{ file, message: `cannot write: ${refused}` }]);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    let old: Stats | undefined;
    try {
      old = statSync(file);
    } catch {
      old = undefined;
    }
    const mode = old ? old.mode & 0o7777 : undefined;
    writeFileSync(tmp, text, mode === undefined ? undefined : { mode });
    if (old) {
      chmodSync(tmp, mode!);
      keepOwner(tmp, old);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError([{ file, message: `cannot write: ${describeFsError(err, 'file')}` }], { cause: err });
  }
}

function keepOwner(tmp: string, old: Stats): void {
  const now = statSync(tmp);
  if (now.uid === old.uid && now.gid === old.gid) return;
  try {
    chownSync(tmp, old.uid, old.gid);
  } catch {
    // only root may give a file away; a user's own file keeps the user as owner anyway
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
