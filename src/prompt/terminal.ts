// The Prompter on a real terminal, built on @inquirer/prompts (imported here only, and only by
// `ready assess`). Every way of leaving early ends up in one place, `ask`, as PromptInterrupted:
// Ctrl-C inside a prompt (inquirer's ExitPromptError), Ctrl-C between prompts (SIGINT), a closed
// terminal (SIGHUP, or the end of stdin).
import { Chalk } from 'chalk';
import { PromptInterrupted, type Prompter, type QuestionView, type Reply } from './prompter.js';
import { wrap } from '../text/wrap.js';

const CANCELLED = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);

export interface TerminalPrompter extends Prompter {
  /** removes the signal and stdin listeners; call once the questionnaire is over */
  close(): void;
  /** the terminal went away (SIGHUP or the end of stdin) */
  readonly hungUp: boolean;
}

export async function createTerminalPrompter(options: { color: boolean }): Promise<TerminalPrompter> {
  const [{ input, confirm }, { choicePrompt }] = await Promise.all([import('@inquirer/prompts'), import('./choice-prompt.js')]);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const controller = new AbortController();

  const interrupt = () => {
    // a second Ctrl-C while something slow runs between prompts: leave now (saves are synchronous)
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  let hungUp = false;
  const hangup = () => {
    if (hungUp) return;
    hungUp = true;
    // The terminal is gone. Writing to it fails, and readline's attempt to leave raw mode on the
    // way out fails with EIO and would crash the process before it can finish cleanly.
    for (const stream of [process.stdout, process.stderr, process.stdin]) stream.on('error', () => {});
    if (process.stdin.isTTY) process.stdin.setRawMode = function (this: typeof process.stdin) {
      return this;
    };
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGHUP', hangup);
  process.stdin.on('end', hangup);
  const unrestore = restoreTerminalOnSignals();

  async function ask<T>(run: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> {
    if (controller.signal.aborted) throw new PromptInterrupted('interrupted');
    try {
      return await run({ signal: controller.signal });
    } catch (err) {
      if (err instanceof Error && CANCELLED.has(err.name)) throw new PromptInterrupted(err.message, { cause: err });
      throw err;
    }
  }

  const paint = { dim: c.dim, bold: c.bold, cyan: c.cyan, red: c.red, yellow: c.yellow };
  const columns = () => Math.max(40, Math.min(process.stdout.columns || 80, 120));
  const question = (view: QuestionView): Promise<Reply> => ask((ctx) => choicePrompt({ view, paint, columns }, ctx));

  // wrapped at word boundaries, not cut mid-word by the terminal
  const say = (text: string) => {
    const width = Math.max(40, Math.min(process.stdout.columns || 80, 100));
    const wrapped = text.split('\n').flatMap((line) => {
      const indent = /^\s*/.exec(line)![0];
      return wrap(line, width - indent.length).map((l) => indent + l);
    });
    process.stdout.write(`${wrapped.join('\n')}\n`);
  };

  return {
    question,
    text: (msg, initial) => ask((ctx) => input({ message: msg, ...(initial && { default: initial, prefill: 'editable' as const }) }, ctx)),
    confirm: (msg, initial) => ask((ctx) => confirm({ message: msg, default: initial }, ctx)),
    say,
    // the opening screen: set off from the questions by a blank line
    intro: (lines) => {
      for (const line of lines) say(line);
      process.stdout.write('\n');
    },
    get hungUp() {
      return hungUp;
    },
    close() {
      process.off('SIGINT', interrupt);
      process.off('SIGHUP', hangup);
      process.stdin.off('end', hangup);
      unrestore();
      process.stdin.pause();
    },
  };
}

/**
 * A signal that ends the session from outside (`kill`, a CI timeout, a closing IDE) would leave
 * the terminal raw and the cursor hidden, as inquirer left them mid-prompt. This leaves them as they
 * were found, then lets the signal end the process as it would have. Returns the undo.
 */
export function restoreTerminalOnSignals(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGQUIT']): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    undo();
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      if (process.stdout.isTTY) process.stdout.write('\u001b[?25h\n');
    } catch {
      // the terminal may already be gone; the signal still ends the process
    }
    process.kill(process.pid, signal);
  };
  const undo = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return undo;
}
