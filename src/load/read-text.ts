// The one reader of every input `ready` opens: readiness.yaml, rubrics and their `extends` chain,
// baselines and reports, package.json files, ignore files and the repository's files. Each may be
// hostile: a link to /dev/zero (endless), a FIFO (opening it waits for a writer forever), a file
// that grows while it is read, or one whose `stat` size lies (/proc). So only regular files are
// read, the file is opened without waiting, checked again on the open descriptor, and its size is
// counted while reading rather than taken from `stat`.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Larger inputs are refused: no rubric or readiness.yaml is anywhere near this. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO that sneaked in between the two checks returns at once instead of
// waiting for a writer. Windows has neither flag nor FIFOs.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a file was not read, in words that fit after its name; `code` for callers that care. */
export class ReadRefused extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'not-a-file' | 'too-large' | 'unreadable',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The bytes of a regular file (links followed), at most `maxBytes` of them; throws ReadRefused
 * with a one-line reason for anything else. Never blocks, never reads more than maxBytes + 1.
 */
export function readBounded(file: string | Buffer, maxBytes: number, what = 'file'): Buffer {
  let fd: number | undefined;
  try {
    // a first look that never opens a device or a FIFO at all (opening some devices does things)
    refuseNonRegular(statSync(file), what, maxBytes);
    fd = openSync(file, OPEN_FLAGS);
    // the descriptor is what is read: a file swapped since the look is caught here
    refuseNonRegular(fstatSync(fd), what, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new ReadRefused(`is more than the ${formatSize(maxBytes)} allowed for a ${what}`, 'too-large');
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof ReadRefused) throw err;
    const code = (err as NodeJS.ErrnoException)?.code;
    throw new ReadRefused(describeFsError(err, what), code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', { cause: err });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refuseNonRegular(st: { isFile(): boolean; isDirectory(): boolean; size: number }, what: string, maxBytes: number): void {
  if (st.isDirectory()) throw new ReadRefused(`is a directory, expected a ${what}`, 'not-a-file');
  if (!st.isFile()) throw new ReadRefused(`is not a regular file (a device, FIFO or socket), expected a ${what}`, 'not-a-file');
  // the size `stat` gives is only an early answer; the read counts the bytes anyway
  if (st.size > maxBytes) throw new ReadRefused(`is ${(st.size / 1048576).toFixed(1)} MiB, more than the ${formatSize(maxBytes)} allowed for a ${what}`, 'too-large');
}

/** A text input: bounded, not binary, valid UTF-8; a byte-order mark is dropped. Throws InputError. */
export function readTextFile(file: string, what = 'file', maxBytes = MAX_TEXT_BYTES): string {
  let buf: Buffer;
  try {
    buf = readBounded(file, maxBytes, what);
  } catch (err) {
    throw new InputError([{ file, message: (err as Error).message }], { cause: err });
  }
  if (buf.includes(0)) throw new InputError([{ file, message: `is a binary file, expected a ${what}` }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new InputError([{ file, message: 'is not valid UTF-8 text' }], { cause: err });
  }
}

/** Whether a path names something (a permission problem is not "no such file"). */
export function pathExists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    return !(code === 'ENOENT' || code === 'ENOTDIR');
  }
}

export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return `is a directory, expected a ${what}`;
  if (code === 'ELOOP') return 'is a link that leads in a circle';
  if (code === 'ENAMETOOLONG') return 'has a name too long for the file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'the file system is read-only';
  // anything else: the system's words, on one line and without the path (the caller names the file)
  const message = String((err as Error)?.message ?? err).split('\n')[0]!;
  return code ? `${code.toLowerCase().replace(/^e/, '')} error (${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')})` : message;
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(bytes % 1048576 === 0 ? 0 : 1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
