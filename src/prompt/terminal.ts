// The Prompter on a real terminal, built on @inquirer/prompts (imported here only, and only by
// `ready assess`). Every way of leaving early ends up in one place, `ask`, as PromptInterrupted:
// Ctrl-C inside a prompt (inquirer's ExitPromptError), Ctrl-C between prompts (SIGINT), a closed
// terminal (SIGHUP, or the end of stdin).
import { Chalk } from 'chalk';
import { PromptInterrupted, type Action, type Prompter, type QuestionView, type Reply } from './prompter.js';
import { wrap } from '../text/wrap.js';

const ACTION_LABELS: Record<Action, string> = {
  help: 'Show help',
  note: 'Add or edit a note',
  'not-applicable': 'Not applicable here (give a reason)',
  back: 'Back to the previous question',
  skip: 'Skip for now',
  stop: 'Stop: save and quit',
};

const CANCELLED = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);
const OPTION = 'option:';
const ACTION = 'action:';

export interface TerminalPrompter extends Prompter {
  /** removes the signal and stdin listeners; call once the questionnaire is over */
  close(): void;
  /** the terminal went away (SIGHUP or the end of stdin) */
  readonly hungUp: boolean;
}

export async function createTerminalPrompter(options: { color: boolean }): Promise<TerminalPrompter> {
  const { select, checkbox, input, Separator } = await import('@inquirer/prompts');
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

  const actionChoices = (view: QuestionView) => view.actions.map((a) => ({ value: `${ACTION}${a}`, name: ACTION_LABELS[a] }));
  const message = (view: QuestionView) => `${c.dim(view.progress)}  ${view.prompt}`;
  // inquirer pages by screen lines, and long labels wrap: use the terminal's height, not the count
  const pageSize = (choices: number) => Math.max(choices, (process.stdout.rows ?? 24) - 6);

  async function question(view: QuestionView): Promise<Reply> {
    if (!view.multiple) {
      const choices = [
        ...view.options.map((o) => ({ value: `${OPTION}${o.value}`, name: o.label, ...(o.help && { description: o.help }) })),
        new Separator(),
        ...actionChoices(view),
      ];
      const picked = await ask((ctx) =>
        select(
          {
            message: message(view),
            choices,
            pageSize: pageSize(choices.length),
            loop: false,
            ...(view.defaults[0] !== undefined && { default: `${OPTION}${view.defaults[0]}` }),
            theme: { indexMode: 'number' as const },
          },
          ctx,
        ),
      );
      return picked.startsWith(ACTION) ? { kind: 'action', action: picked.slice(ACTION.length) as Action } : { kind: 'answer', choice: [picked.slice(OPTION.length)] };
    }
    const choices = [
      ...view.options.map((o) => ({ value: `${OPTION}${o.value}`, name: o.label, checked: view.defaults.includes(o.value) })),
      new Separator(),
      ...actionChoices(view),
    ];
    const ticked = await ask((ctx) =>
      checkbox(
        {
          message: message(view),
          choices,
          pageSize: pageSize(choices.length),
          loop: false,
          instructions: c.dim(' (space ticks, enter confirms; tick one action below to use it instead)'),
          validate: (items) => {
            const values = items.map((i) => i.value);
            const actions = values.filter((v) => v.startsWith(ACTION));
            const picked = values.filter((v) => v.startsWith(OPTION)).map((v) => v.slice(OPTION.length));
            if (actions.length > 1) return 'Tick one action at a time.';
            if (actions.length === 0 && picked.length === 0) return 'Tick at least one option, or an action such as "Skip for now".';
            const exclusive = view.options.find((o) => o.value === view.exclusive);
            if (actions.length === 0 && exclusive && picked.includes(exclusive.value) && picked.length > 1) return `"${exclusive.label}" cannot be combined with other options.`;
            return true;
          },
        },
        ctx,
      ),
    );
    const action = ticked.find((v) => v.startsWith(ACTION));
    const picked = ticked.filter((v) => v.startsWith(OPTION)).map((v) => v.slice(OPTION.length));
    return action ? { kind: 'action', action: action.slice(ACTION.length) as Action, draft: picked } : { kind: 'answer', choice: picked };
  }

  return {
    question,
    text: (msg, initial) => ask((ctx) => input({ message: msg, ...(initial && { default: initial, prefill: 'editable' as const }) }, ctx)),
    // wrapped at word boundaries, not cut mid-word by the terminal
    say: (text) => {
      const width = Math.max(40, Math.min(process.stdout.columns || 80, 100));
      const wrapped = text.split('\n').flatMap((line) => {
        const indent = /^\s*/.exec(line)![0];
        return wrap(line, width - indent.length).map((l) => indent + l);
      });
      process.stdout.write(`${wrapped.join('\n')}\n`);
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
