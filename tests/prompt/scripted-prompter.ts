// A Prompter that plays a script: each move names the question it expects and what the user does
// there. It records every question shown and every line said, for the tests to inspect.
import { PromptInterrupted, type Action, type Prompter, type QuestionView, type Reply } from '../../src/prompt/prompter.js';

export type Move =
  | { at: string; answer: string[] }
  | { at: string; action: Action; text?: string; draft?: string[] }
  | { at: string; interrupt: true };

export const answer = (at: string, ...choice: string[]): Move => ({ at, answer: choice });
export const act = (at: string, action: Action, text?: string): Move => ({ at, action, ...(text !== undefined && { text }) });
export const interrupt = (at: string): Move => ({ at, interrupt: true });

export class ScriptedPrompter implements Prompter {
  readonly views: QuestionView[] = [];
  readonly said: string[] = [];
  /** the initial values offered by text prompts, in order */
  readonly textInitials: (string | undefined)[] = [];
  /** the opening screens shown, each a list of lines */
  readonly intros: string[][] = [];
  /** the yes/no questions asked, with the reply the script gave */
  readonly confirmed: { message: string; reply: boolean }[] = [];
  private pendingText: string | undefined;

  /** `confirms`: the replies to yes/no questions, in order; a question without one fails the test */
  constructor(
    private readonly moves: Move[],
    private readonly confirms: boolean[] = [],
  ) {}

  get remaining(): number {
    return this.moves.length;
  }

  async question(view: QuestionView): Promise<Reply> {
    this.views.push(view);
    const move = this.moves.shift();
    if (!move) throw new Error(`script ended, but the questionnaire asked "${view.id}"`);
    if (move.at !== view.id) throw new Error(`script expected "${move.at}", the questionnaire asked "${view.id}" (${view.progress})`);
    if ('interrupt' in move) throw new PromptInterrupted('scripted Ctrl-C');
    if ('answer' in move) return { kind: 'answer', choice: move.answer };
    if (!view.actions.includes(move.action)) throw new Error(`"${move.action}" is not offered at "${view.id}" (offered: ${view.actions.join(', ')})`);
    this.pendingText = move.text;
    return { kind: 'action', action: move.action, ...(move.draft && { draft: move.draft }) };
  }

  async text(_message: string, initial?: string): Promise<string> {
    this.textInitials.push(initial);
    const text = this.pendingText;
    this.pendingText = undefined;
    if (text === undefined) throw new Error('a text prompt came without scripted text');
    return text;
  }

  say(text: string): void {
    this.said.push(text);
  }

  intro(lines: string[]): void {
    this.intros.push(lines);
  }

  async confirm(message: string): Promise<boolean> {
    const reply = this.confirms.shift();
    if (reply === undefined) throw new Error(`a yes/no question came without a scripted reply: "${message}"`);
    this.confirmed.push({ message, reply });
    return reply;
  }

  /** the ids of the questions shown, in order */
  get asked(): string[] {
    return this.views.map((v) => v.id);
  }
}
