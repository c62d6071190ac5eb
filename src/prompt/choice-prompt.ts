// The question prompt of `ready assess`, built on @inquirer/core (what inquirer's own select and
// checkbox are made of) because neither can do what a readiness question needs: start with no
// option chosen when there is neither a saved answer nor a suggestion (the first option is often
// the worst, and Enter must never pick it silently), keep the actions out of the answer list as
// single keys, wrap long options with a hanging indent, and collapse to one line once answered.
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isNumberKey, isSpaceKey, isUpKey, useKeypress, usePrefix, useState, type KeypressEvent } from '@inquirer/core';
import type { Action, QuestionView, Reply } from './prompter.js';
import { fit, length, wrap } from '../text/wrap.js';

/** One key per action; none of them a digit, an arrow, space or Enter, which choose the answer. */
export const ACTION_KEYS: Record<Action, string> = { help: 'h', note: 'n', 'not-applicable': 'a', back: 'b', skip: 's', stop: 'q' };

export const ACTION_WORDS: Record<Action, string> = {
  help: 'help',
  note: 'note',
  'not-applicable': 'not applicable',
  back: 'back',
  skip: 'skip',
  stop: 'stop',
};

/** What an action leaves on the screen in place of the question: skip and stop stay visible, the rest make way for what follows. */
const LEFT_AFTER: Partial<Record<Action, string>> = { skip: 'skipped', stop: 'stopped here' };

export interface Paint {
  dim: (t: string) => string;
  bold: (t: string) => string;
  cyan: (t: string) => string;
  red: (t: string) => string;
  yellow: (t: string) => string;
}

export interface ChoiceConfig {
  message?: string;
  view: QuestionView;
  paint: Paint;
  columns: () => number;
}

/** Pure, for tests: the lines of one option, its text wrapped under itself rather than under the cursor. */
export function optionLines(head: string, label: string, width: number): string[] {
  const indent = length(head);
  const lines = wrap(label, Math.max(20, width - indent));
  return lines.map((l, i) => (i === 0 ? head : ' '.repeat(indent)) + l);
}

/** Pure, for tests: the one line an answered question collapses to, cut to the terminal; the answer gets up to 60% of the room. */
export function collapsedLine(prefix: string, progress: string, prompt: string, answer: string, width: number): string {
  const head = `${prefix} ${progress}  `;
  const room = width - 1 - length(head) - 3;
  const answerRoom = Math.min(length(answer), Math.max(12, Math.floor(room * 0.6)));
  const promptRoom = room - answerRoom;
  if (promptRoom < 8) return fit(`${head}${answer}`, width - 1);
  return `${head}${fit(prompt, promptRoom)} › ${fit(answer, answerRoom)}`;
}

export const choicePrompt = createPrompt<Reply, ChoiceConfig>((config, done) => {
  const { view, paint } = config;
  const options = view.options;
  const multiple = view.multiple;
  const start = multiple ? 0 : options.findIndex((o) => o.value === view.defaults[0]);
  const [active, setActive] = useState(start);
  const [ticked, setTicked] = useState<string[]>(multiple ? view.defaults.filter((d) => options.some((o) => o.value === d)) : []);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const [left, setLeft] = useState<{ answered: boolean; text: string }>({ answered: false, text: '' });
  const prefix = usePrefix({ status });
  const keyOf = new Map(view.actions.map((a) => [ACTION_KEYS[a], a]));

  const finish = (reply: Reply, shown: string) => {
    setLeft({ answered: reply.kind === 'answer', text: shown });
    setStatus('done');
    done(reply);
  };
  const toggle = (value: string) => setTicked(ticked.includes(value) ? ticked.filter((t) => t !== value) : [...ticked, value]);

  useKeypress((key: KeypressEvent, rl) => {
    setError(undefined);
    if (isEnterKey(key)) {
      if (!multiple) {
        if (active < 0) return setError(`Choose an option first: ↑↓ or its number${keyOf.has('s') ? ', or s to skip' : ''}.`);
        const o = options[active]!;
        return finish({ kind: 'answer', choice: [o.value] }, o.short ?? o.label);
      }
      if (ticked.length === 0) return setError(`Tick at least one option with space${keyOf.has('s') ? ', or press s to skip' : ''}.`);
      const exclusive = options.find((o) => o.value === view.exclusive);
      if (exclusive && ticked.includes(exclusive.value) && ticked.length > 1) return setError(`"${exclusive.short ?? exclusive.label}" cannot be combined with other options.`);
      const chosen = options.filter((o) => ticked.includes(o.value));
      return finish({ kind: 'answer', choice: chosen.map((o) => o.value) }, chosen.map((o) => o.short ?? o.label).join(', '));
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      const step = isUpKey(key) ? -1 : 1;
      // from "nothing chosen", down goes to the first option and up to the last
      const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : Math.min(options.length - 1, Math.max(0, active + step));
      return setActive(next);
    }
    if (multiple && isSpaceKey(key)) {
      rl.clearLine(0);
      if (active >= 0) toggle(options[active]!.value);
      return;
    }
    if (isNumberKey(key)) {
      const n = Number(rl.line) - 1;
      const index = Number.isInteger(n) && n >= 0 && n < options.length ? n : Number(key.name) - 1;
      if (index >= 0 && index < options.length) {
        setActive(index);
        if (multiple) toggle(options[index]!.value);
      }
      // a second digit may follow (option 12); a number that fits no option starts again
      if (!(Number(rl.line) * 10 <= options.length)) rl.clearLine(0);
      return;
    }
    rl.clearLine(0);
    if (isBackspaceKey(key)) return;
    const action = keyOf.get(key.name?.toLowerCase() ?? '');
    if (action && !key.ctrl) {
      return finish({ kind: 'action', action, ...(multiple && { draft: ticked }) }, LEFT_AFTER[action] ?? '');
    }
    const keys = view.actions.map((a) => `${ACTION_KEYS[a]} ${ACTION_WORDS[a]}`).join(', ');
    // Ctrl-C and the other control keys are the terminal's, never a letter typed by mistake
    if (key.name && key.name.length === 1 && !key.ctrl && !(key as { meta?: boolean }).meta) setError(`"${key.name}" does nothing here; keys: ${keys}.`);
  });

  const width = config.columns();
  if (status === 'done') {
    // an action is never shown as if it were the answer; help, note and back make way for what comes next
    if (!left.text) return '';
    return collapsedLine(left.answered ? prefix : '–', view.progress, view.prompt, left.answered ? left.text : `(${left.text})`, width);
  }

  const header = wrap(`${view.progress}  ${view.prompt}`, Math.max(20, width - 3));
  const lines = [`${prefix} ${paint.bold(header[0]!)}`, ...header.slice(1).map((l) => `  ${paint.bold(l)}`)];
  const numberWidth = String(options.length).length;
  options.forEach((o, i) => {
    const cursor = i === active ? '❯' : ' ';
    const head = multiple ? `${cursor}${ticked.includes(o.value) ? '◉' : '◯'} ` : `${cursor} ${`${i + 1}.`.padEnd(numberWidth + 1)} `;
    const label = o.blocker ? `${o.label} [blocker]` : o.label;
    const optionText = optionLines(head, label, width);
    lines.push(...optionText.map((l) => (i === active ? paint.cyan(l) : o.blocker ? l.replace('[blocker]', paint.red('[blocker]')) : l)));
  });
  const described = active >= 0 ? options[active]!.help : undefined;
  if (described) lines.push('', ...wrap(described, Math.max(20, width - 2)).map((l) => paint.dim(`  ${l}`)));
  if (error) lines.push('', paint.yellow(error));
  const actionKeys = view.actions.map((a) => `${paint.bold(ACTION_KEYS[a])} ${ACTION_WORDS[a]}`).join(paint.dim(' · '));
  const choose = multiple ? '↑↓ move · space ticks · Enter confirms' : `↑↓ or 1-${options.length} choose · Enter confirms`;
  lines.push('', paint.dim(choose), actionKeys);
  return lines.join('\n');
});
