// Arrangements of the report that several renderers share: grouping, ordering and naming only.
// No renderer computes a score; everything here reads fields the core already filled in.
import type { AreaResult, QuestionResult, RemediationItem, Report } from '../core/report.js';
import { STATUS_WORDS } from '../core/messages.js';
import { plural } from '../core/words.js';

/** How many plan items every format singles out as the ones to start with. */
export const NEXT_STEPS = 3;

/** A date as readers write it (2026-11-28): ISO timestamps are for machines. */
export const formatDate = (iso: string) => (/^\d{4}-\d\d-\d\d/.test(iso) ? iso.slice(0, 10) : iso);

export const reportDate = (report: Report) => formatDate(report.generatedAt);

/** Every format writes a score the same way: one decimal, "n/a" where nothing applied. */
export const formatScore = (score: number | null) => (score === null ? 'n/a' : score.toFixed(1));

/** "+1 point", "+12.5 points": what a remediation step gains. */
export const pointsGained = (n: number) => `+${plural(n, 'point')}`;

export const projectName = (report: Report) => report.project ?? 'project';

/** Where a level sits among the rubric's bands: 0 for the lowest, 1 for the highest, null for none. */
export function levelRank(report: Report, levelId: string | null): number | null {
  const i = report.levels.findIndex((l) => l.id === levelId);
  if (i < 0) return null;
  return report.levels.length === 1 ? 1 : i / (report.levels.length - 1);
}

export const levelTitle = (report: Report, levelId: string | null) =>
  report.levels.find((l) => l.id === levelId)?.title ?? levelId ?? '';

export type Tone = 'bad' | 'fair' | 'good' | 'none';

/** The lowest band is bad, the highest good, everything between fair. */
export function toneOf(rank: number | null): Tone {
  if (rank === null) return 'none';
  return rank <= 0 ? 'bad' : rank >= 1 ? 'good' : 'fair';
}

export interface AreaPlan {
  area: AreaResult;
  items: RemediationItem[];
}

/** The remediation plan grouped by area in the rubric's area order, each group in plan order. */
export const planByArea = (report: Report): AreaPlan[] =>
  report.areas
    .map((area) => ({ area, items: report.remediation.filter((r) => r.area === area.id) }))
    .filter((g) => g.items.length > 0);

export const nextSteps = (report: Report) => report.remediation.slice(0, NEXT_STEPS);

export const areaTitle = (report: Report, areaId: string) => report.areas.find((a) => a.id === areaId)?.title ?? areaId;

export function gateCounts(report: Report): { errors: number; warnings: number } {
  const errors = report.gate.failures.filter((f) => f.level === 'error').length;
  return { errors, warnings: report.gate.failures.length - errors };
}

/** What the team answered, in words: the chosen labels, or why there is no answer. */
export function answerText(q: QuestionResult): string {
  if (q.status === 'answered') return q.labels.join(', ');
  return STATUS_WORDS[q.status];
}

/** Questions that count towards the score, and those that do not (with their reason). */
export const countedQuestions = (report: Report) => report.questions.filter((q) => q.score !== null);

export const gateVerdict = (report: Report) => {
  const { errors, warnings } = gateCounts(report);
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  return `${report.gate.passed ? 'passed' : 'failed'}${counts ? ` (${counts})` : ''}`;
};

export const answersSummary = (report: Report) => {
  const { summary } = report;
  return [
    `${summary.answered} of ${plural(summary.applicable, 'applicable question')} answered`,
    summary.dontKnow && `${summary.dontKnow} "don't know"`,
    summary.unanswered && `${summary.unanswered} unanswered`,
    summary.notApplicable && `${summary.notApplicable} marked not applicable`,
  ]
    .filter(Boolean)
    .join(', ');
};

/** What the repository scan found for a question: the file and line of each proof, else paths, or packages for dependency probes. */
export function evidenceText(q: QuestionResult): string {
  const found = (q.evidence ?? []).filter((e) => e.found);
  const place = (p: { path: string; line?: number }) => (p.line === undefined ? p.path : `${p.path}:${p.line}`);
  const items = [...new Set(found.flatMap((e) => (e.kind === 'dependency' && e.packages?.length ? e.packages : e.why?.length ? e.why.map(place) : e.paths)))];
  return items.join(', ') + (found.some((e) => e.more) ? ', …' : '');
}

export const contradictionsOf = (report: Report) => report.contradictions ?? [];

export { plural };
