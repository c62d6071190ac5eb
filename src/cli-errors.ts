// Errors are caught once, here: known kinds print one line each and exit 2; anything else is a
// bug, printed with its stack so that it can be reported.
import { InputError, UsageError } from './errors.js';
import { stripControl } from './text/sanitize.js';

export function handleError(err: unknown, debug: boolean): number {
  if (err instanceof InputError || err instanceof UsageError) {
    process.stderr.write(`${stripControl(`ready: ${err.message.split('\n').join('\nready: ')}`)}\n`);
    if (debug) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
  process.stderr.write(`ready: unexpected error, please report it: ${debug ? (err as Error)?.stack ?? err : (err as Error)?.message ?? err}\n`);
  if (!debug) process.stderr.write('ready: run again with --debug for the stack trace\n');
  return 2;
}
