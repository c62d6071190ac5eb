// Scores one set of answers against one rubric. Pure: the date comes in as an argument.
import { DONT_KNOW } from './constants.js';
import type { Condition, Question, Rubric } from './rubric-schema.js';
import type { Answers } from './answers.js';
import { classifyTier as classifyByRules, type TierResult } from './tier.js';
import { planRemediation } from './remediation.js';
import { applyGate, type GateInput } from './gate.js';
import { findContradictions, type Contradiction } from './contradictions.js';
import type { Evidence } from './evidence.js';
import {
  REPORT_SCHEMA_VERSION,
  type AreaResult,
  type BlockerResult,
  type QuestionResult,
  type Report,
} from './report.js';

export interface EvaluateOptions {
  /** ISO date-time of the evaluation; the core never reads the clock */
  now: string;
  project?: string;
  gate?: GateInput;
  /** what the repository scan found: shown next to the answers, and held against them */
  evidence?: Evidence;
}

/**
 * A `when` condition in three-valued (Kleene) logic: true, false, or null for unknown. A leaf is
 * true when a chosen option is listed, false when the question is answered with options none of
 * which is listed, and unknown when the question is unanswered, answered "don't know" or marked not
 * applicable: not knowing is no answer. A leaf on a question that is not asked at all (`skipped`:
 * out of the tier, or its own condition false) is false, since the follow-up's premise is absent.
 * `all`, `any` and `not` combine the three values as usual (false wins in `all`, true wins in
 * `any`, otherwise unknown taints the result).
 */
export function conditionValue(cond: Condition, answers: Answers, skipped?: (id: string) => boolean): boolean | null {
  if ('question' in cond) {
    if (skipped?.(cond.question)) return false;
    const choice = answers[cond.question]?.choice ?? [];
    if (choice.some((c) => cond.in.includes(c))) return true;
    return choice.length === 0 || choice.includes(DONT_KNOW) ? null : false;
  }
  if ('all' in cond) {
    const values = cond.all.map((c) => conditionValue(c, answers, skipped));
    return values.includes(false) ? false : values.includes(null) ? null : true;
  }
  if ('any' in cond) {
    const values = cond.any.map((c) => conditionValue(c, answers, skipped));
    return values.includes(true) ? true : values.includes(null) ? null : false;
  }
  const inner = conditionValue(cond.not, answers, skipped);
  return inner === null ? null : !inner;
}

/** Whether a condition is definitely true; an unknown condition does not hold. */
export function conditionHolds(cond: Condition, answers: Answers): boolean {
  return conditionValue(cond, answers) === true;
}

const byIdCache = new WeakMap<readonly Question[], Map<string, Question>>();
function questionsById(questions: readonly Question[]): Map<string, Question> {
  let map = byIdCache.get(questions);
  if (!map) byIdCache.set(questions, (map = new Map(questions.map((q) => [q.id, q]))));
  return map;
}

/**
 * Why a question does not count at this tier, or null when it applies. A `when` condition skips
 * its question only when it is definitely false: a follow-up never disappears because somebody
 * does not know the answer it depends on, so not knowing never scores above an honest answer.
 * With the rubric's questions, a condition on a question that is itself not asked is false (the
 * rubric checks that conditions form no cycle).
 */
export function skipReason(
  q: Question,
  tier: string,
  answers: Answers,
  questions?: readonly Question[],
): 'out-of-tier' | 'condition-unmet' | null {
  if (q.tiers && !q.tiers.includes(tier)) return 'out-of-tier';
  if (!q.when) return null;
  const byId = questions ? questionsById(questions) : undefined;
  const skipped = byId && ((id: string) => {
    const dep = byId.get(id);
    return dep !== undefined && dep !== q && skipReason(dep, tier, answers, questions) !== null;
  });
  return conditionValue(q.when, answers, skipped) === false ? 'condition-unmet' : null;
}

const tierViews = new WeakMap<Rubric, Rubric>();

/**
 * The deployment tier, from the tier questions that the tier rules name. A tier question no rule
 * names (the product kind) selects questions through `when` conditions instead: leaving it open
 * keeps all of them (see conditionValue) and must not make the tier unknown, or a readiness file
 * answered before the question existed would jump to the strictest tier. Its answer is still
 * listed with the tier answers.
 */
export function classifyTier(rubric: Rubric, answers: Answers): TierResult {
  let view = tierViews.get(rubric);
  if (!view) {
    const named = new Set(rubric.tierRules.flatMap((rule) => Object.keys(rule.when)));
    view = { ...rubric, tierQuestions: rubric.tierQuestions.filter((q) => named.has(q.id)) };
    tierViews.set(rubric, view);
  }
  const result = classifyByRules(view, answers);
  const all: TierResult['answers'] = {};
  for (const q of rubric.tierQuestions) {
    const choice = result.answers[q.id] ?? answers[q.id]?.choice?.[0];
    if (choice !== undefined) all[q.id] = choice;
  }
  return { ...result, answers: all };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A multiple-choice question scores the sum of its chosen options, capped at 1. */
export function questionScore(q: Question, choice: string[]): number {
  const scores = choice.map((c) => q.options.find((o) => o.id === c)?.score ?? 0);
  if (q.type === 'multiple') return Math.min(1, scores.reduce((a, b) => a + b, 0));
  return scores[0] ?? 0;
}

export function levelFor(rubric: Rubric, score: number): Rubric['levels'][number] {
  let level = rubric.levels[0]!;
  for (const l of rubric.levels) if (score >= l.min) level = l;
  return level;
}

function scoreQuestion(rubric: Rubric, q: Question, tier: TierResult, answers: Answers): QuestionResult {
  const answer = answers[q.id];
  const skipped = skipReason(q, tier.id, answers, rubric.questions);
  const choice = answer?.choice ?? null;
  if (skipped) {
    const reason = skipped === 'out-of-tier' ? `not asked at the ${tier.id} tier` : 'its condition on other answers does not hold';
    return questionResult(q, answer, skipped, choice, labelsOf(q, choice), null, false, reason);
  }
  if (answer?.notApplicable !== undefined) return questionResult(q, answer, 'not-applicable', null, [], null, false, answer.notApplicable);
  if (!choice || choice.length === 0) return questionResult(q, answer, 'unanswered', null, [], 0, false);
  const blocker = choice.some((c) => q.options.find((o) => o.id === c)?.blocker === true);
  const status = choice.includes(DONT_KNOW) ? 'dont-know' : 'answered';
  return questionResult(q, answer, status, choice, labelsOf(q, choice), round1(100 * questionScore(q, choice)), blocker);
}

const labelsOf = (q: Question, choice: string[] | null) => (choice ?? []).map((c) => q.options.find((o) => o.id === c)?.label ?? c);

/**
 * One question's result, set field by field in the report's key order. Spreading the optional
 * fields into literals cost about 2 KB of garbage a question, a tenth of a `ready check`'s heap.
 */
function questionResult(
  q: Question,
  answer: Answers[string] | undefined,
  status: QuestionResult['status'],
  choice: string[] | null,
  labels: string[],
  score: number | null,
  blocker: boolean,
  reason?: string,
): QuestionResult {
  const result = { id: q.id, area: q.area, prompt: q.prompt, weight: q.weight, roles: q.roles } as QuestionResult;
  if (answer?.note !== undefined) result.note = answer.note;
  if (answer?.by !== undefined) result.by = answer.by;
  if (answer?.at !== undefined) result.at = answer.at;
  if (answer?.line !== undefined) result.line = answer.line;
  result.status = status;
  result.choice = choice;
  result.labels = labels;
  result.score = score;
  result.blocker = blocker;
  if (reason !== undefined) result.reason = reason;
  return result;
}

const counts = (qs: QuestionResult[]) => {
  const counted = qs.filter((q) => q.score !== null);
  return {
    applicable: counted.length,
    answered: counted.filter((q) => q.status === 'answered' || q.status === 'dont-know').length,
    unanswered: counted.filter((q) => q.status === 'unanswered').length,
    dontKnow: counted.filter((q) => q.status === 'dont-know').length,
  };
};

export function evaluate(rubric: Rubric, answers: Answers, options: EvaluateOptions): Report {
  const tier = classifyTier(rubric, answers);
  const questions = rubric.questions.map((q) => scoreQuestion(rubric, q, tier, answers));

  const areas: AreaResult[] = rubric.areas.map((area) => {
    const qs = questions.filter((q) => q.area === area.id);
    const counted = qs.filter((q) => q.score !== null);
    const totalWeight = counted.reduce((s, q) => s + q.weight, 0);
    const score = totalWeight > 0 ? round1(counted.reduce((s, q) => s + q.weight * q.score!, 0) / totalWeight) : null;
    return {
      id: area.id,
      title: area.title,
      weight: area.weight,
      score,
      level: score === null ? null : levelFor(rubric, score).id,
      ...counts(qs),
    };
  });

  const scored = areas.filter((a) => a.score !== null);
  let score = 0;
  if (scored.length > 0) {
    score =
      rubric.aggregation === 'min'
        ? Math.min(...scored.map((a) => a.score!))
        : round1(scored.reduce((s, a) => s + a.weight * a.score!, 0) / scored.reduce((s, a) => s + a.weight, 0));
  }

  const blockers: BlockerResult[] = questions
    .filter((q) => q.blocker)
    .flatMap((q) => {
      const rq = rubric.questions.find((r) => r.id === q.id)!;
      return (q.choice ?? [])
        .map((c) => rq.options.find((o) => o.id === c)!)
        .filter((o) => o.blocker)
        .map((o) => ({ question: q.id, area: q.area, option: o.id, label: o.label, ...(q.line !== undefined && { line: q.line }) }));
    });

  let level = levelFor(rubric, score);
  let cappedByBlockers = false;
  if (blockers.length > 0 && rubric.blockedLevel !== undefined) {
    const cap = rubric.levels.findIndex((l) => l.id === rubric.blockedLevel);
    if (rubric.levels.indexOf(level) > cap) {
      level = rubric.levels[cap]!;
      cappedByBlockers = true;
    }
  }

  const contradictions = options.evidence ? attachEvidence(rubric, answers, questions, options.evidence) : undefined;
  const all = counts(questions);
  const partial: Omit<Report, 'gate'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...(options.project !== undefined && { project: options.project }),
    generatedAt: options.now,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title, aggregation: rubric.aggregation },
    tier: { id: tier.id, title: tier.title, reason: tier.reason, known: tier.known, answers: tier.answers },
    score,
    level: { id: level.id, title: level.title, cappedByBlockers },
    levels: rubric.levels.map((l) => ({ id: l.id, title: l.title, min: l.min })),
    areas,
    questions,
    blockers,
    remediation: planRemediation(rubric, questions, areas, answers),
    summary: {
      applicable: all.applicable,
      answered: all.answered,
      unanswered: all.unanswered,
      dontKnow: all.dontKnow,
      notApplicable: questions.filter((q) => q.status === 'not-applicable').length,
    },
    ...(contradictions && { contradictions }),
    ...(options.evidence && {
      evidence: {
        listing: options.evidence.listing,
        files: options.evidence.files,
        skipped: options.evidence.skippedTotal,
        ...(options.evidence.capabilities && { capabilities: options.evidence.capabilities }),
      },
    }),
  };
  return { ...partial, gate: applyGate(partial, rubric, options.gate ?? {}, options.now) };
}

/** Puts each question's findings next to its answer; returns the contradictions among the answers that count. */
function attachEvidence(rubric: Rubric, answers: Answers, questions: QuestionResult[], evidence: Evidence): Contradiction[] {
  for (const q of questions) {
    const findings = evidence.questions[q.id];
    if (findings?.length) q.evidence = findings.map(({ index: _i, absenceContradicts: _a, ...item }) => item);
  }
  // a question out of the tier, or whose condition does not hold, is not held against the repository
  const counted = new Set(questions.filter((q) => q.status === 'answered' || q.status === 'dont-know').map((q) => q.id));
  return findContradictions(rubric, answers, evidence).filter((c) => counted.has(c.question));
}
