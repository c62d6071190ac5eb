// Writes a rendered report to stdout or, atomically, to a file.
import { chmodSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { InputError } from './errors.js';
import { describeFsError } from './read-text.js';

export function writeOutput(text: string, file?: string): void {
  if (!file) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
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
