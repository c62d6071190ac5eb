// Which questions `ready assess` asks, in which order, and where the user stands. Pure: the
// prompts live in src/prompt/ and the file in src/load/ and src/write/. The plan is recomputed after every answer,
// because a tier answer or a `when` condition can add or remove later questions. A question whose
// condition depends on an open or "don't know" answer stays in the plan (see skipReason).
import type { Rubric } from './rubric-schema.js';
import type { Answers } from './answers.js';
import { classifyTier, skipReason } from './evaluate.js';
import { didYouMean } from './words.js';

export const TIER_SECTION = 'tier';

export interface Step {
  id: string;
  kind: 'tier' | 'question';
  /** TIER_SECTION or the id of the question's area */
  section: string;
  sectionTitle: string;
  prompt: string;
  help: string;
  multiple: boolean;
  allowNotApplicable: boolean;
  /** `blocker`: choosing it makes production impossible whatever the score */
  options: { id: string; label: string; help?: string; blocker?: boolean }[];
}

export interface Scope {
  areas?: string[];
  roles?: string[];
  onlyUnanswered?: boolean;
}

const isAnswered = (answers: Answers, id: string) => {
  const a = answers[id];
  return a !== undefined && ((a.choice?.length ?? 0) > 0 || a.notApplicable !== undefined);
};

/** One message per area or role the rubric does not know, naming the valid ones. */
export function scopeProblems(rubric: Rubric, scope: Scope): string[] {
  const problems: string[] = [];
  const areaIds = rubric.areas.map((a) => a.id);
  const roleIds = rubric.roles.map((r) => r.id);
  for (const area of scope.areas ?? []) {
    if (!areaIds.includes(area)) problems.push(`--area: unknown area "${area}"${didYouMean(area, areaIds)} (areas: ${areaIds.join(', ')})`);
  }
  for (const role of scope.roles ?? []) {
    if (!roleIds.includes(role)) {
      problems.push(`--role: unknown role "${role}"${didYouMean(role, roleIds)} (${roleIds.length > 0 ? `roles: ${roleIds.join(', ')}` : `rubric ${rubric.id} defines no roles`})`);
    }
  }
  return problems;
}

/** Every question in asking order: the tier questions, then area by area in rubric order. */
export function allSteps(rubric: Rubric): Step[] {
  const tier: Step[] = rubric.tierQuestions.map((q) => ({
    id: q.id,
    kind: 'tier',
    section: TIER_SECTION,
    sectionTitle: 'Tier',
    prompt: q.prompt,
    help: q.help,
    multiple: false,
    allowNotApplicable: false,
    options: q.options.map((o) => ({ id: o.id, label: o.label, ...(o.help !== undefined && { help: o.help }) })),
  }));
  const byArea = rubric.areas.flatMap((area) =>
    rubric.questions
      .filter((q) => q.area === area.id)
      .map<Step>((q) => ({
        id: q.id,
        kind: 'question',
        section: area.id,
        sectionTitle: area.title,
        prompt: q.prompt,
        help: q.help,
        multiple: q.type === 'multiple',
        allowNotApplicable: q.allowNotApplicable,
        options: q.options.map((o) => ({ id: o.id, label: o.label, ...(o.blocker && { blocker: true }) })),
      })),
  );
  return [...tier, ...byArea];
}

/**
 * The questions to ask given the answers so far. `initial` are the answers on disk when the session
 * started: --only-unanswered leaves out what was answered then, but keeps what gets answered now,
 * so that progress counts stay put and Back still works.
 */
export function planSteps(rubric: Rubric, answers: Answers, scope: Scope, initial: Answers = answers): Step[] {
  const narrowed = (scope.areas?.length ?? 0) > 0 || (scope.roles?.length ?? 0) > 0 || scope.onlyUnanswered === true;
  const tier = classifyTier(rubric, answers).id;
  const questions = new Map(rubric.questions.map((q) => [q.id, q]));
  return allSteps(rubric).filter((step) => {
    // The tier decides which questions apply, so a narrowed session still asks a missing tier answer.
    if (step.kind === 'tier') return !narrowed || !isAnswered(initial, step.id);
    const q = questions.get(step.id)!;
    if (scope.areas?.length && !scope.areas.includes(q.area)) return false;
    if (scope.roles?.length && !q.roles.some((r) => scope.roles!.includes(r))) return false;
    if (scope.onlyUnanswered && isAnswered(initial, q.id)) return false;
    return skipReason(q, tier, answers, rubric.questions) === null;
  });
}

export interface Progress {
  sectionTitle: string;
  /** 1-based position within the section */
  n: number;
  of: number;
}

export function progressOf(plan: Step[], id: string): Progress | null {
  const step = plan.find((s) => s.id === id);
  if (!step) return null;
  const section = plan.filter((s) => s.section === step.section);
  return { sectionTitle: step.sectionTitle, n: section.indexOf(step) + 1, of: section.length };
}

export const formatProgress = (p: Progress) => `${p.sectionTitle} · ${p.n} of ${p.of}`;

/**
 * The session's path through the questionnaire: the ids visited, the last one being the current
 * question. Going back pops; going forward picks the next planned question after the current one
 * in asking order, whatever was added or removed by the answer just given.
 */
export type History = readonly string[];

export function forward(rubric: Rubric, plan: Step[], history: History): History | null {
  const order = new Map(allSteps(rubric).map((s, i) => [s.id, i]));
  const current = history.at(-1);
  const after = current === undefined ? -1 : order.get(current)!;
  const next = plan.find((s) => order.get(s.id)! > after);
  return next ? [...history, next.id] : null;
}

/** Back to the previous question that is still planned; at the first question, stay. */
export function back(plan: Step[], history: History): History {
  const planned = new Set(plan.map((s) => s.id));
  for (let i = history.length - 2; i >= 0; i--) {
    if (planned.has(history[i]!)) return history.slice(0, i + 1);
  }
  return history;
}

/**
 * Where a session starts. A fresh or --only-unanswered session starts at the top. A resumed one
 * starts at the first planned question without an answer, with the answered ones before it in the
 * history so that Back reaches them; when everything is answered it starts at the top to review.
 */
export function resumePoint(rubric: Rubric, plan: Step[], answers: Answers): History | null {
  const first = forward(rubric, plan, []);
  if (!first) return null;
  const open = plan.findIndex((s) => !isAnswered(answers, s.id));
  if (open <= 0) return first;
  return plan.slice(0, open + 1).map((s) => s.id);
}

export function countAnswered(plan: Step[], answers: Answers): number {
  return plan.filter((s) => isAnswered(answers, s.id)).length;
}

/**
 * The questions that count at the tier the answers give, counted as `ready check` counts them:
 * in the tier, their condition holding, and not marked not applicable.
 */
export function applicableCount(rubric: Rubric, answers: Answers): number {
  const tier = classifyTier(rubric, answers).id;
  return rubric.questions.filter((q) => skipReason(q, tier, answers, rubric.questions) === null && answers[q.id]?.notApplicable === undefined).length;
}

/** Seconds a typical question takes to read and answer, for the opening screen's estimate. */
export const SECONDS_PER_QUESTION = 30;

/** "about 4 minutes" for n questions; under a minute reads as "about a minute". */
export function durationWords(questions: number): string {
  const minutes = Math.round((questions * SECONDS_PER_QUESTION) / 60);
  return minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/** Names compare without case, spaces around them or a leading @. */
const sameName = (a: string, b: string) => a.trim().replace(/^@/, '').toLowerCase() === b.trim().replace(/^@/, '').toLowerCase();

export interface RespondentDefaults {
  roles: string[];
  by?: string;
  /** what came from readiness.yaml, for the opening screen; none when nothing did */
  because?: string;
}

/**
 * --role and --by from the respondents readiness.yaml names, where the flags leave them open:
 * the person at the keyboard (git's user.name) as readiness.yaml spells them, and the roles they
 * answer for; with --role and nobody recognised, the role's one named respondent.
 */
export function respondentDefaults(respondents: Record<string, string[]>, given: { roles: string[]; by?: string }, whoAmI: string | undefined): RespondentDefaults {
  const entries = Object.entries(respondents);
  const named = (who: string) => entries.flatMap(([, people]) => people).find((p) => sameName(p, who));
  let by = given.by;
  const because: string[] = [];
  if (by === undefined && whoAmI !== undefined) {
    const match = named(whoAmI);
    by = match ?? whoAmI;
  }
  if (by === undefined || (given.by === undefined && named(by) === undefined && given.roles.length > 0)) {
    const people = [...new Set(given.roles.flatMap((r) => respondents[r] ?? []))];
    if (people.length === 1) {
      by = people[0]!;
      because.push(`answering as ${by}, the one respondent readiness.yaml names for ${given.roles.join(', ')} (--by to change)`);
    }
  }
  let roles = given.roles;
  if (roles.length === 0 && by !== undefined) {
    roles = entries.filter(([, people]) => people.some((p) => sameName(p, by!))).map(([role]) => role);
    if (roles.length > 0) because.push(`questions for ${roles.join(', ')}, the roles readiness.yaml names ${by} a respondent of (--role to change)`);
  }
  return { roles, ...(by !== undefined && { by }), ...(because.length > 0 && { because: because.join('; ') }) };
}
