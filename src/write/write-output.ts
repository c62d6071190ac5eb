// Writes a rendered report to stdout or, atomically, to a file.
import { chmodSync, realpathSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { describeFsError } from '../load/read-text.js';
import { writeStdout } from '../terminal/stdout.js';

/**
 * Writes to stdout, or to `file` when given. `inputs` are the files the command read: writing
 * over one of them (`ready check -o readiness.yaml`) would destroy the team's answers, so it is
 * refused before anything is written.
 */
export function writeOutput(text: string, file?: string, inputs: readonly string[] = []): void {
  if (file && inputs.some((input) => samePath(input, file))) {
    throw new UsageError(`--output ${file}: that is a file this command reads; write the output elsewhere`);
  }
  if (!file) {
    writeStdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  writeFileAtomic(file, text.endsWith('\n') ? text : `${text}\n`);
}

/** Temp file and rename in the same directory: a reader sees the old file or the new, never half. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    // the new file keeps the old one's permissions (a rename would otherwise reset them)
    let mode: number | undefined;
    try {
      mode = statSync(file).mode & 0o7777;
    } catch {
      mode = undefined;
    }
    writeFileSync(tmp, text, mode === undefined ? undefined : { mode });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError([{ file, message: `cannot write: ${describeFsError(err, 'file')}` }], { cause: err });
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
