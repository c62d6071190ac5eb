// The questionnaire session: walks the plan from src/core/questionnaire.ts with a Prompter and
// saves after every answer, so that an interruption (PromptInterrupted, thrown by the Prompter and
// left to the caller) never loses what was already answered.
import { DONT_KNOW } from '../core/constants.js';
import type { Rubric } from '../core/rubric-schema.js';
import type { Answer, Answers } from '../core/answers.js';
import { classifyTier } from '../core/tier.js';
import {
  applicableCount,
  back,
  countAnswered,
  durationWords,
  formatProgress,
  forward,
  planSteps,
  progressOf,
  resumePoint,
  type History,
  type Scope,
  type Step,
} from '../core/questionnaire.js';
import type { Suggestion } from '../core/evidence.js';
import type { AnswerChange } from '../write/readiness-writer.js';
import { stripControl } from '../text/sanitize.js';
import type { Action, Prompter, QuestionView } from './prompter.js';

/** What the evidence suggests per question id (see suggestAnswers in src/core/evidence.ts). */
export type Suggestions = Record<string, Pick<Suggestion, 'option' | 'because'> & Partial<Pick<Suggestion, 'choice'>>>;

export interface QuestionnaireSession {
  rubric: Rubric;
  /** the answers on disk; updated in place as the user answers */
  answers: Answers;
  scope: Scope;
  prompter: Prompter;
  save: (id: string, change: AnswerChange) => void;
  /** who is answering, recorded with each answer */
  by?: string;
  /** ISO date-time of an answer */
  now: () => string;
  suggestions?: Suggestions;
  /** the finding an answer would contradict, in words; none when the evidence agrees or is silent */
  contradicts?: (id: string, choice: string[]) => string | undefined;
  /** how the session was narrowed from readiness.yaml's respondents, for the opening screen */
  narrowedBy?: string;
}

export interface QuestionnaireResult {
  /** finished: walked to the end; stopped: the user chose Stop; empty: nothing to ask */
  outcome: 'finished' | 'stopped' | 'empty';
  saved: number;
}

const s = stripControl;

export async function runQuestionnaire(session: QuestionnaireSession): Promise<QuestionnaireResult> {
  const { rubric, answers, scope, prompter } = session;
  const initial = structuredClone(answers);
  let plan = planSteps(rubric, answers, scope, initial);
  let history: History | null = resumePoint(rubric, plan, answers);
  let saved = 0;
  if (!history) {
    prompter.say('No question matches: nothing to ask.');
    return { outcome: 'empty', saved };
  }
  prompter.intro(openingScreen(session, plan));
  const answered = countAnswered(plan, answers);
  if (answered === plan.length) {
    prompter.say(`All ${plan.length} questions are answered. Review them (the saved answers are the defaults), or choose Stop to keep them.`);
  } else if (answered > 0 && !scope.onlyUnanswered) {
    prompter.say(`Resuming: ${answered} of ${plan.length} questions answered. Starting at the first open one; choose Back to revisit earlier answers.`);
  }

  const save = (id: string, change: AnswerChange, local: Answer) => {
    session.save(id, change);
    answers[id] = local;
    saved++;
    plan = planSteps(rubric, answers, scope, initial);
  };
  const stamp = () => ({ ...(session.by !== undefined && { by: session.by }), at: session.now() });

  let previousKind: Step['kind'] | null = null;
  while (history) {
    const id: string = history.at(-1)!;
    const step = plan.find((st) => st.id === id)!;
    if (step.kind === 'question' && previousKind !== 'question') {
      const tier = classifyTier(rubric, answers);
      prompter.say(`Tier: ${s(tier.title)}. ${s(tier.reason)}`);
      // the tier was just decided: now the count of what applies is known
      if (previousKind === 'tier') prompter.intro([questionCount(session, plan)]);
    }
    previousKind = step.kind;

    let draft: string[] | undefined;
    let next: History | null | undefined;
    while (next === undefined) {
      const reply = await prompter.question(viewOf(step, plan, history, answers, session.suggestions, draft));
      const current: Answer = answers[id] ?? {};
      if (reply.kind === 'answer') {
        // said at once, while the person still has the question in mind
        const finding = session.contradicts?.(id, reply.choice);
        if (finding) {
          prompter.say(`The repository says otherwise: ${s(finding)}`);
          if (!(await prompter.confirm('Keep this answer anyway?', false))) continue;
        }
        const stamped = stamp();
        const { notApplicable: _dropped, ...rest } = current;
        save(id, { choice: reply.choice, ...(current.notApplicable !== undefined && { notApplicable: null }), ...stamped }, { ...rest, choice: reply.choice, ...stamped });
        next = forward(rubric, plan, history);
        continue;
      }
      draft = reply.draft;
      switch (reply.action) {
        case 'help':
          prompter.say(helpText(step));
          break;
        case 'note': {
          const note = s(await prompter.text('Note on this question (empty for none):', current.note)).trim();
          if (note === (current.note ?? '')) break;
          const { note: _old, ...rest } = current;
          save(id, { note: note || null }, note ? { ...rest, note } : rest);
          break;
        }
        case 'not-applicable': {
          const reason = s(await prompter.text('Why does this question not apply to the project?', current.notApplicable)).trim();
          if (!reason) {
            prompter.say('Not marked: "not applicable" needs a reason, so that a reviewer can judge it. Choose it again to give one.');
            break;
          }
          const stamped = stamp();
          const { choice: _c, ...rest } = current;
          save(id, { notApplicable: reason, ...(current.choice && { choice: null }), ...stamped }, { ...rest, notApplicable: reason, ...stamped });
          next = forward(rubric, plan, history);
          break;
        }
        case 'back': {
          const earlier = back(plan, history);
          if (earlier.length < history.length) next = earlier;
          else prompter.say('This is the first question.');
          break;
        }
        case 'skip':
          next = forward(rubric, plan, history);
          break;
        case 'stop':
          return { outcome: 'stopped', saved };
      }
    }
    history = next;
  }
  return { outcome: 'finished', saved };
}

function viewOf(step: Step, plan: Step[], history: History, answers: Answers, suggestions: Suggestions | undefined, draft: string[] | undefined): QuestionView {
  const saved = answers[step.id]?.choice ?? [];
  const suggestion = suggestions?.[step.id];
  // a multiple-choice question takes every option the evidence supports; others take the best one
  const suggested = (suggestion ? (step.multiple && suggestion.choice ? suggestion.choice : [suggestion.option]) : []).filter((id) => step.options.some((o) => o.id === id));
  const because = suggestion?.because.map(s).join(', ');
  const defaults = draft ?? (saved.length > 0 ? saved : suggested);
  const options = step.options.map((o) => {
    const hints = [...(saved.includes(o.id) ? ['current answer'] : []), ...(suggested.includes(o.id) ? [`suggested by evidence: ${because}`] : [])];
    return { value: o.id, label: `${s(o.label)}${hints.length ? ` (${hints.join('; ')})` : ''}`, ...(o.help && { help: s(o.help) }), ...(o.blocker && { blocker: true }), short: s(o.label) };
  });
  const actions: Action[] = [
    ...(step.help.trim() || step.options.some((o) => o.help) ? (['help'] as const) : []),
    'note',
    ...(step.allowNotApplicable ? (['not-applicable'] as const) : []),
    ...(back(plan, history).length < history.length ? (['back'] as const) : []),
    'skip',
    'stop',
  ];
  return {
    progress: formatProgress(progressOf(plan, step.id)!),
    id: step.id,
    prompt: s(step.prompt),
    multiple: step.multiple,
    options,
    defaults,
    ...(step.multiple && { exclusive: DONT_KNOW }),
    actions,
  };
}

function helpText(step: Step): string {
  const lines = step.help.trim() ? [s(step.help.trim())] : [];
  for (const o of step.options) if (o.help) lines.push(`  ${s(o.label)}: ${s(o.help)}`);
  return lines.join('\n');
}

/** How many questions count at the tier (as `ready check` counts them), and how many this session asks. */
function questionCount(session: QuestionnaireSession, plan: Step[]): string {
  const { answers } = session;
  const applicable = applicableCount(session.rubric, answers);
  const questions = plan.filter((st) => st.kind === 'question');
  // marked "not applicable": still offered for review, but not counted, as `ready check` does not count them
  const marked = questions.filter((st) => answers[st.id]?.notApplicable !== undefined).length;
  const asked = questions.length - marked;
  const open = questions.filter((st) => !(answers[st.id]?.choice?.length || answers[st.id]?.notApplicable !== undefined)).length;
  const scope = asked === applicable ? `${applicable} questions apply at this tier` : `${asked} of the ${applicable} questions that apply at this tier are in this session`;
  const na = marked > 0 ? ` (${marked} more marked not applicable)` : '';
  return `${scope}${na}; ${open === 0 ? 'all are answered' : `${open} open, ${durationWords(open)}`}.`;
}

/** What the person is about to do: the tier and why, how many questions, about how long. */
function openingScreen(session: QuestionnaireSession, plan: Step[]): string[] {
  const { rubric, answers } = session;
  const lines = [`${s(rubric.title)} ${s(rubric.version)}`];
  const tier = classifyTier(rubric, answers);
  const tierSteps = plan.filter((st) => st.kind === 'tier').length;
  if (tier.known) {
    lines.push(`Tier: ${s(tier.title)}. ${s(tier.reason)}`, questionCount(session, plan));
  } else {
    const n = rubric.tierQuestions.length;
    lines.push(`First ${n === 1 ? 'one question decides' : `${n} questions decide`} the deployment tier, which decides which of the ${rubric.questions.length} questions apply${tierSteps > 0 ? '' : ' (none is in this session)'}.`);
  }
  if (session.narrowedBy) lines.push(`From readiness.yaml's respondents: ${s(session.narrowedBy)}.`);
  lines.push('Keys: ↑↓ or a number to choose, Enter to confirm; h help, n note, b back, s skip, q stop (answers are saved as you go).');
  return lines;
}
