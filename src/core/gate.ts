// The gate: which terms apply (flags over readiness.yaml over the rubric's default for the tier),
// and which of them the report fails. Warnings are reported but never fail the gate.
import type { Gate, GateLevel, Rubric } from './rubric-schema.js';
import type { GateFailure, GateResult, GateSource, GateTerm, Report, ResolvedGate, ResolvedTerm } from './report.js';
import { gateMessage } from './messages.js';
import { KEYED_TERM_IDS, KEYED_TERMS, SCALAR_TERM_IDS, SCALAR_TERMS, type KeyedTerm, type ScalarTerm } from './gate-terms.js';

export interface GateInput {
  flags?: Gate;
  readiness?: Gate;
  /** where readiness.yaml sets each term ("minScore", "minArea.data"), so a failure can point there */
  readinessLines?: Record<string, number>;
}

type TermSpec = number | { value: number; level?: GateLevel };
/** Terms that hold even when nobody set them: a blocker fails the gate unless allowed. */
const DEFAULTS = Object.entries(SCALAR_TERMS).flatMap(([term, spec]) => ('default' in spec ? [[term as ScalarTerm, spec.default] as const] : []));

const resolveTerm = (spec: TermSpec, source: GateSource): ResolvedTerm =>
  typeof spec === 'number' ? { value: spec, level: 'error', source } : { value: spec.value, level: spec.level ?? 'error', source };

export function resolveGate(rubricGate: Gate | undefined, input: GateInput): ResolvedGate {
  const layers: [Gate | undefined, GateSource][] = [
    [rubricGate, 'rubric'],
    [input.readiness, 'readiness'],
    [input.flags, 'flags'],
  ];
  const gate: ResolvedGate = { minArea: {} };
  for (const [term, value] of DEFAULTS) gate[term] = resolveTerm(value, 'default');
  for (const [layer, source] of layers) {
    if (!layer) continue;
    for (const term of SCALAR_TERM_IDS) {
      const spec = layer[term];
      if (spec !== undefined) gate[term] = resolveTerm(spec, source);
    }
    for (const term of KEYED_TERM_IDS) {
      for (const [key, spec] of Object.entries(layer[term] ?? {})) (gate[term] ??= {})[key] = resolveTerm(spec, source);
    }
  }
  return gate;
}

const DAY_MS = 86_400_000;

/** Whole days between an answer and now: an answer given 30.5 days ago is 30 days old, not stale at 30. */
export const ageInDays = (at: string, now: string) => Math.floor((Date.parse(now) - Date.parse(at)) / DAY_MS);

/** Questions behind a low score: the ones whose gaps cost the most points. */
const worst = (report: Omit<Report, 'gate'>, area?: string) =>
  report.remediation.filter((r) => area === undefined || r.area === area).slice(0, 5).map((r) => r.question);

export function applyGate(report: Omit<Report, 'gate'>, rubric: Rubric, input: GateInput, now: string): GateResult {
  const terms = resolveGate(rubric.gates[report.tier.id], input);
  const failures: GateFailure[] = [];
  const lineOf = new Map(report.questions.map((q) => [q.id, q.line]));
  const statusOf = new Map(report.questions.map((q) => [q.id, q.status]));
  /** `key`: the area or question of a keyed term, which its failure names in the field of that name */
  const fail = (term: GateTerm, t: ResolvedTerm, value: number, questions: string[], key?: string) => {
    const gateLine = t.source === 'readiness' ? input.readinessLines?.[key === undefined ? term : `${term}.${key}`] : undefined;
    const partial = {
      term,
      level: t.level,
      source: t.source,
      threshold: t.value,
      value,
      ...(key !== undefined && { [KEYED_TERMS[term as KeyedTerm].key]: key }),
      questions,
      lines: questions.map((q) => lineOf.get(q)).filter((l): l is number => l !== undefined),
      ...(gateLine !== undefined && { gateLine }),
    };
    failures.push({ ...partial, message: gateMessage(partial, (q) => lineOf.get(q), (q) => statusOf.get(q)) });
  };

  if (terms.minScore && report.score < terms.minScore.value) fail('minScore', terms.minScore, report.score, worst(report));
  for (const [areaId, t] of Object.entries(terms.minArea)) {
    const area = report.areas.find((a) => a.id === areaId);
    // an area with no applicable question cannot be below a minimum
    if (area?.score != null && area.score < t.value) fail('minArea', t, area.score, worst(report, areaId), areaId);
  }
  if (terms.minQuestion) {
    // in the rubric's order, as readiness.yaml lists the answers; a question that does not apply
    // (not asked at this tier, its condition unmet, not applicable) has no score and cannot fail
    for (const q of report.questions) {
      const t = terms.minQuestion[q.id];
      // the report keeps a question's score on 0..100; the minimum is on the rubric's 0..1
      if (t && q.score !== null && q.score / 100 < t.value) fail('minQuestion', t, q.score / 100, [q.id], q.id);
    }
  }
  if (terms.maxBlockers && report.blockers.length > terms.maxBlockers.value) {
    fail('maxBlockers', terms.maxBlockers, report.blockers.length, [...new Set(report.blockers.map((b) => b.question))]);
  }
  if (terms.maxUnanswered) {
    const unanswered = report.questions.filter((q) => q.status === 'unanswered').map((q) => q.id);
    if (unanswered.length > terms.maxUnanswered.value) fail('maxUnanswered', terms.maxUnanswered, unanswered.length, unanswered);
  }
  if (terms.maxAgeDays) {
    // answers without a date cannot be judged stale; readiness.yaml written by `ready assess` always has one
    const limit = terms.maxAgeDays.value;
    const stale = report.questions
      // an answer to a question that does not count at this tier cannot hold the project back
      .filter((q) => q.at !== undefined && q.status !== 'out-of-tier' && q.status !== 'condition-unmet' && ageInDays(q.at, now) > limit)
      .sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
    if (stale.length > 0) fail('maxAgeDays', terms.maxAgeDays, ageInDays(stale[0]!.at!, now), stale.map((q) => q.id));
  }
  if (terms.maxContradictions) {
    // a report made without scanning the repository has no contradictions to count
    const contradicted = report.contradictions ?? [];
    if (contradicted.length > terms.maxContradictions.value) {
      fail('maxContradictions', terms.maxContradictions, contradicted.length, [...new Set(contradicted.map((c) => c.question))]);
    }
  }
  failures.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return { passed: !failures.some((f) => f.level === 'error'), terms, failures };
}
