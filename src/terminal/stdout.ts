// Standard output, quiet when the reader has gone (`ready report | head`), as other Unix tools are.
// (Writing with fs.writeSync on fd 1 instead saved 1-2 ms of a `ready check` into a pipe on
// Node.js 22 and nothing measurable on 20, in bench runs of 60: not worth its 70 lines.)

let guarded = false;

export function stdoutStream(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  return process.stdout;
}

export const stdoutIsTerminal = (): boolean => process.stdout.isTTY === true;

export function writeStdout(text: string): void {
  stdoutStream().write(text);
}
