// What changed between two reports of one project. Pure: two reports in, the differences out.
// Older reports may lack fields added since (such as `levels`), so every optional read has a fallback.
import type { BlockerResult, QuestionResult, QuestionStatus, Report } from './report.js';

export type Direction = 'up' | 'down' | 'same';

export interface AreaChange {
  id: string;
  title: string;
  old: number | null;
  new: number | null;
  /** null when the area has no score on one side */
  delta: number | null;
  oldLevel: string | null;
  newLevel: string | null;
  /** `added`/`removed`: the area exists in only one of the reports */
  direction: Direction | 'added' | 'removed' | 'n/a';
}

export interface AnswerSide {
  status: QuestionStatus;
  choice: string[];
  labels: string[];
  score: number | null;
}

export interface AnswerChange {
  question: string;
  area: string;
  prompt: string;
  /** null when the question is in only one report (the rubric changed) */
  old: AnswerSide | null;
  new: AnswerSide | null;
}

export interface ReportDiff {
  project: string | undefined;
  old: { generatedAt: string; rubric: string; tier: { id: string; title: string }; gatePassed: boolean };
  new: { generatedAt: string; rubric: string; tier: { id: string; title: string }; gatePassed: boolean };
  score: { old: number; new: number; delta: number };
  level: { old: { id: string; title: string }; new: { id: string; title: string }; direction: Direction };
  areas: AreaChange[];
  /** area id -> title, from the newer report first, for naming the areas of answers and blockers */
  areaTitles: Record<string, string>;
  answers: AnswerChange[];
  blockersAdded: BlockerResult[];
  blockersRemoved: BlockerResult[];
  /** why the comparison may mislead: the reports are of different projects, or made with different rubrics */
  warnings: string[];
}

/** Two reports compare well only when they are of one project and one rubric. */
export function comparisonWarnings(older: Pick<Report, 'project' | 'rubric'>, newer: Pick<Report, 'project' | 'rubric'>): string[] {
  const warnings: string[] = [];
  if (older.project !== undefined && newer.project !== undefined && older.project !== newer.project) {
    warnings.push(`the reports are of different projects ("${older.project}" and "${newer.project}"); the changes compare two projects, not one over time`);
  }
  if (older.rubric.id !== newer.rubric.id) {
    warnings.push(`the reports were made with different rubrics (${older.rubric.id} and ${newer.rubric.id}); only the questions and areas they share compare`);
  } else if (older.rubric.version !== newer.rubric.version) {
    warnings.push(`the rubric changed from version ${older.rubric.version} to ${newer.rubric.version}; scores may move for that reason alone`);
  }
  return warnings;
}

const delta = (a: number, b: number) => Math.round((b - a) * 10) / 10;
const direction = (d: number): Direction => (d > 0 ? 'up' : d < 0 ? 'down' : 'same');

/** Level order from the newer report's bands (falling back to the older's), else by score. */
function levelDirection(older: Report, newer: Report): Direction {
  if (older.level.id === newer.level.id) return 'same';
  for (const levels of [newer.levels, older.levels]) {
    const ids = (levels ?? []).map((l) => l.id);
    const a = ids.indexOf(older.level.id);
    const b = ids.indexOf(newer.level.id);
    if (a >= 0 && b >= 0) return direction(b - a);
  }
  return direction(newer.score - older.score);
}

const side = (q: QuestionResult | undefined): AnswerSide | null =>
  q ? { status: q.status, choice: [...(q.choice ?? [])], labels: [...(q.labels ?? [])], score: q.score } : null;

const sameAnswer = (a: AnswerSide, b: AnswerSide) =>
  a.status === b.status && [...a.choice].sort().join('\u0000') === [...b.choice].sort().join('\u0000');

const blockerKey = (b: BlockerResult) => `${b.question}\u0000${b.option}`;

export function diffReports(older: Report, newer: Report): ReportDiff {
  const areaIds = [...new Set([...newer.areas.map((a) => a.id), ...older.areas.map((a) => a.id)])];
  const areas = areaIds.map((id): AreaChange => {
    const a = older.areas.find((x) => x.id === id);
    const b = newer.areas.find((x) => x.id === id);
    const title = b?.title ?? a?.title ?? id;
    const oldScore = a?.score ?? null;
    const newScore = b?.score ?? null;
    const d = oldScore !== null && newScore !== null ? delta(oldScore, newScore) : null;
    return {
      id,
      title,
      old: oldScore,
      new: newScore,
      delta: d,
      oldLevel: a?.level ?? null,
      newLevel: b?.level ?? null,
      direction: !a ? 'added' : !b ? 'removed' : d === null ? 'n/a' : direction(d),
    };
  });

  const questionIds = [...new Set([...newer.questions.map((q) => q.id), ...older.questions.map((q) => q.id)])];
  const answers: AnswerChange[] = [];
  for (const id of questionIds) {
    const qa = older.questions.find((q) => q.id === id);
    const qb = newer.questions.find((q) => q.id === id);
    const a = side(qa);
    const b = side(qb);
    if (a && b && sameAnswer(a, b)) continue;
    const q = (qb ?? qa)!;
    answers.push({ question: id, area: q.area, prompt: q.prompt, old: a, new: b });
  }

  const oldBlockers = new Set(older.blockers.map(blockerKey));
  const newBlockers = new Set(newer.blockers.map(blockerKey));
  const about = (r: Report) => ({
    generatedAt: r.generatedAt,
    rubric: `${r.rubric.id} ${r.rubric.version}`,
    tier: { id: r.tier.id, title: r.tier.title },
    gatePassed: r.gate?.passed ?? false,
  });

  return {
    project: newer.project ?? older.project,
    old: about(older),
    new: about(newer),
    score: { old: older.score, new: newer.score, delta: delta(older.score, newer.score) },
    level: {
      old: { id: older.level.id, title: older.level.title },
      new: { id: newer.level.id, title: newer.level.title },
      direction: levelDirection(older, newer),
    },
    areas,
    areaTitles: Object.fromEntries(areas.map((a) => [a.id, a.title])),
    answers,
    blockersAdded: newer.blockers.filter((b) => !oldBlockers.has(blockerKey(b))),
    blockersRemoved: older.blockers.filter((b) => !newBlockers.has(blockerKey(b))),
    warnings: comparisonWarnings(older, newer),
  };
}
