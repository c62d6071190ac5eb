// Errors are caught once, here: known kinds print one line per problem and exit 2; anything else
// is a bug, printed with its stack (with --debug) so that it can be reported. Every line is
// neutralised on its own: a problem's message often quotes the file (a key, a value), and a
// newline in it must not start a line of its own.
import { InputError, UsageError, formatLocated } from './errors.js';
import { stripControl } from './text/sanitize.js';

export function handleError(err: unknown, debug: boolean): number {
  if (err instanceof InputError || err instanceof UsageError) {
    const lines = err instanceof InputError ? err.problems.map(formatLocated) : err.message.split('\n');
    process.stderr.write(lines.map((l) => `ready: ${stripControl(l)}\n`).join(''));
    if (debug) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
  const message = stripControl(String((err as Error)?.message ?? err).split('\n')[0]!);
  process.stderr.write(`ready: unexpected error, please report it: ${message}\n`);
  if (debug) process.stderr.write(`${(err as Error)?.stack ?? err}\n`);
  else process.stderr.write('ready: run again with --debug for the stack trace\n');
  return 2;
}
