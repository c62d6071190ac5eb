// The few things the questionnaire asks of a terminal. The real implementation wraps inquirer
// (terminal.ts); tests pass a scripted one.

/** What the user can do at a question besides answering it. */
export type Action = 'help' | 'note' | 'not-applicable' | 'back' | 'skip' | 'stop';

export interface QuestionView {
  /** e.g. "Data · 3 of 12" */
  progress: string;
  id: string;
  prompt: string;
  multiple: boolean;
  /** labels already carry their hints, such as "(current answer)"; a blocker is marked by the prompter */
  options: { value: string; label: string; help?: string; blocker?: boolean; /** the label alone, for the line an answered question collapses to */ short?: string }[];
  /** preselected option values: the saved answer, else the evidence's suggestion, else none */
  defaults: string[];
  /** for multiple choice: the option that cannot be ticked together with others ("don't know") */
  exclusive?: string;
  actions: Action[];
}

export type Reply = { kind: 'answer'; choice: string[] } | { kind: 'action'; action: Action; draft?: string[] };

export interface Prompter {
  question(view: QuestionView): Promise<Reply>;
  /** a line of free text; `initial` is editable in place, and an empty reply means none */
  text(message: string, initial?: string): Promise<string>;
  /** yes or no; `initial` is what Enter alone means */
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** print information between prompts */
  say(text: string): void;
  /** the opening screen: what the session is about, before the first question */
  intro(lines: string[]): void;
}

/**
 * The user interrupted (Ctrl-C) or the terminal went away. Thrown by a Prompter; caught once, by
 * the assess command, which reports what was saved.
 */
export class PromptInterrupted extends Error {
  override name = 'PromptInterrupted';
}
