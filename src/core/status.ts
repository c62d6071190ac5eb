// Who still owes which answer: per role of the rubric, the applicable questions that are still
// open, and why. Pure: the report (made with or without evidence), the rubric's roles and tier
// questions, and the respondents readiness.yaml names come in; the Status goes out.
import type { QuestionResult, Report } from './report.js';
import type { Rubric } from './rubric-schema.js';
import { ageInDays } from './gate.js';

/** Why a question is open, in the order they are reported when several hold. */
export const OPEN_REASONS = ['unanswered', 'dont-know', 'contradicted', 'stale'] as const;
export type OpenReason = (typeof OPEN_REASONS)[number];

export interface OpenQuestion {
  question: string;
  prompt: string;
  reason: OpenReason;
  /** the facts behind the reason: the finding that contradicts it, how old the answer is */
  detail?: string;
  /** who gave the answer that is open again */
  by?: string;
}

export interface RoleStatus {
  id: string;
  title: string;
  respondents: string[];
  open: OpenQuestion[];
}

export interface Status {
  project?: string;
  /** applicable questions, counted as `ready check` counts them (the tier questions not among them) */
  applicable: number;
  /** open questions, each counted once however many roles share it */
  open: number;
  roles: RoleStatus[];
}

/** The pseudo-role of questions the rubric assigns to nobody; its id cannot clash with a role's. */
export const UNASSIGNED = { id: '(unassigned)', title: 'Not assigned to a role' } as const;

export interface StatusInput {
  report: Report;
  rubric: Pick<Rubric, 'roles' | 'tierQuestions'>;
  respondents: Record<string, string[]>;
  now: string;
  /** only these roles (validated by the caller) */
  roles?: string[];
}

function openReason(q: QuestionResult, report: Report, now: string): Pick<OpenQuestion, 'reason' | 'detail'> | null {
  if (q.score === null) return null; // not applicable, out of tier or its condition unmet: nothing is owed
  if (q.status === 'unanswered') return { reason: 'unanswered' };
  if (q.status === 'dont-know') return { reason: 'dont-know' };
  const contradiction = report.contradictions?.find((c) => c.question === q.id);
  if (contradiction) return { reason: 'contradicted', detail: contradiction.message };
  const limit = report.gate.terms.maxAgeDays?.value;
  if (limit !== undefined && q.at !== undefined) {
    const age = ageInDays(q.at, now);
    if (age > limit) return { reason: 'stale', detail: `answered ${q.at.slice(0, 10)}, ${age} days ago (maxAgeDays ${limit})` };
  }
  return null;
}

export function projectStatus(input: StatusInput): Status {
  const { report, rubric, respondents, now } = input;
  const open = new Map<string, OpenQuestion>();
  const byRole = new Map<string, OpenQuestion[]>();
  const file = (role: string, item: OpenQuestion) => {
    const list = byRole.get(role) ?? [];
    list.push(item);
    byRole.set(role, list);
  };
  // the tier decides which questions apply, so its questions come first; the rubric gives them no role
  for (const t of rubric.tierQuestions) {
    if (report.tier.answers[t.id] !== undefined) continue;
    const item: OpenQuestion = { question: t.id, prompt: t.prompt, reason: 'unanswered' };
    open.set(t.id, item);
    file(UNASSIGNED.id, item);
  }
  for (const q of report.questions) {
    const why = openReason(q, report, now);
    if (!why) continue;
    const item: OpenQuestion = { question: q.id, prompt: q.prompt, ...why, ...(q.by !== undefined && why.reason !== 'unanswered' && { by: q.by }) };
    open.set(q.id, item);
    const roles = q.roles.length > 0 ? q.roles : [UNASSIGNED.id];
    for (const role of roles) file(role, item);
  }
  const wanted = input.roles && input.roles.length > 0 ? new Set(input.roles) : undefined;
  const roles: RoleStatus[] = rubric.roles
    .filter((r) => !wanted || wanted.has(r.id))
    .map((r) => ({ id: r.id, title: r.title, respondents: respondents[r.id] ?? [], open: byRole.get(r.id) ?? [] }));
  if (!wanted && byRole.has(UNASSIGNED.id)) roles.push({ ...UNASSIGNED, respondents: [], open: byRole.get(UNASSIGNED.id)! });
  return { ...(report.project !== undefined && { project: report.project }), applicable: report.summary.applicable, open: open.size, roles };
}

/** The reasons in words, shared by every status format. */
export const OPEN_REASON_WORDS: Record<OpenReason, string> = {
  unanswered: 'unanswered',
  'dont-know': "don't know",
  contradicted: 'contradicted by the evidence',
  stale: 'older than the maxAgeDays gate',
};
