// Reading a text input defensively: a directory, a missing file, a binary or huge file, or bytes
// that are not UTF-8 each get a one-line cause.
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Larger inputs are refused: no rubric or readiness.yaml is anywhere near this. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export function readTextFile(file: string, what = 'file'): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError([{ file, message: `is a directory, expected a ${what}` }]);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([{ file, message: describeFsError(err, what) }], { cause: err });
  }
  if (size > MAX_TEXT_BYTES) throw new InputError([{ file, message: `is ${(size / 1048576).toFixed(1)} MiB, more than the ${MAX_TEXT_BYTES / 1048576} MiB allowed for a ${what}` }]);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new InputError([{ file, message: describeFsError(err, what) }], { cause: err });
  }
  if (buf.includes(0)) throw new InputError([{ file, message: `is a binary file, expected a ${what}` }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new InputError([{ file, message: 'is not valid UTF-8 text' }], { cause: err });
  }
}

export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return `is a directory, expected a ${what}`;
  return (err as Error)?.message ?? String(err);
}
