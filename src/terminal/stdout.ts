// Standard output without process.stdout where it can be avoided. Creating process.stdout loads
// Node's stream modules and, on a pipe (as in CI), `net`: several milliseconds of every `ready
// check`. Pipes and files get the text with fs.writeSync on fd 1; a terminal gets process.stdout,
// which knows the console's encoding (Windows) and costs nothing a person would notice.
import { fstatSync, statSync, writeSync } from 'node:fs';

let terminal: boolean | undefined;
let viaStream = false;
let readerGone = false;

/** process.stdout, quiet when the reader has gone (`ready report | head`), as other Unix tools are. */
export function stdoutStream(): NodeJS.WriteStream {
  if (!viaStream) {
    viaStream = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  return process.stdout;
}

/** Whether stdout is a terminal, found without loading `tty` when fd 1 is a pipe, a file or /dev/null. */
export function stdoutIsTerminal(): boolean {
  if (terminal === undefined) {
    try {
      const fd1 = fstatSync(1);
      terminal = fd1.isCharacterDevice() && fd1.rdev !== statSync('/dev/null').rdev ? stdoutStream().isTTY === true : false;
    } catch {
      // no fd 1 to stat, or no /dev/null (Windows): the stream knows
      terminal = stdoutStream().isTTY === true;
    }
  }
  return terminal;
}

/** Writes all of `text` to stdout, in order with everything written before through this function. */
export function writeStdout(text: string): void {
  if (readerGone) return;
  if (viaStream || stdoutIsTerminal()) {
    stdoutStream().write(text);
    return;
  }
  const outcome = writeAll(Buffer.from(text), (bytes, from) => writeSync(1, bytes, from), (rest) => stdoutStream().write(rest));
  if (outcome === 'reader-gone') readerGone = true;
}

/**
 * Writes `bytes` with `write` until all are written. When the reader has gone (EPIPE) the rest is
 * not wanted, and the command still ends with its own exit code. A full non-blocking pipe (EAGAIN:
 * a parent process may hand one over) gets the rest through `blocked`, a stream that waits for the
 * reader while the process waits for the stream.
 */
export function writeAll(bytes: Buffer, write: (bytes: Buffer, from: number) => number, blocked: (rest: Buffer) => void): 'written' | 'reader-gone' | 'handed-over' {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += write(bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return 'reader-gone';
      if (code !== 'EAGAIN') throw err;
      blocked(bytes.subarray(done));
      return 'handed-over';
    }
  }
  return 'written';
}
