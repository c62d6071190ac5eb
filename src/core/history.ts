// Readiness over time: one point per committed version of readiness.yaml, each scored against
// the rubric it names, without evidence (the repository as it was then is not scanned). Pure: the
// commits and their reports come in, oldest first.
import type { Report } from './report.js';

export interface HistoryPoint {
  commit: string;
  /** the author date, ISO 8601 */
  date: string;
  author: string;
  score: number;
  /** the level's id; its title is in History.levels */
  level: string;
  /** score per area id; null where no question of the area applied */
  areas: Record<string, number | null>;
  /** "id@version" of the rubric the version was scored with */
  rubric: string;
  answered: number;
  applicable: number;
}

export interface HistorySkip {
  commit: string;
  date: string;
  /** why that version could not be scored: deleted, broken YAML, answers the rubric refuses */
  reason: string;
}

export interface History {
  file: string;
  /** every area seen, in the order of the newest rubric, then any that only older ones had */
  areas: { id: string; title: string }[];
  levels: { id: string; title: string }[];
  points: HistoryPoint[];
  skipped: HistorySkip[];
}

export interface CommitInfo {
  commit: string;
  date: string;
  author: string;
}

export function historyPoint(commit: CommitInfo, report: Report): HistoryPoint {
  return {
    commit: commit.commit,
    date: commit.date,
    author: commit.author,
    score: report.score,
    level: report.level.id,
    areas: Object.fromEntries(report.areas.map((a) => [a.id, a.score])),
    rubric: `${report.rubric.id}@${report.rubric.version}`,
    answered: report.summary.answered,
    applicable: report.summary.applicable,
  };
}

/** Folds the scored versions (oldest first) into the history; the newest wording of an area or level wins. */
export function buildHistory(file: string, scored: { commit: CommitInfo; report: Report }[], skipped: HistorySkip[]): History {
  const areas = new Map<string, string>();
  const levels = new Map<string, string>();
  for (const { report } of [...scored].reverse()) {
    for (const a of report.areas) if (!areas.has(a.id)) areas.set(a.id, a.title);
    for (const l of report.levels) if (!levels.has(l.id)) levels.set(l.id, l.title);
  }
  return {
    file,
    areas: [...areas].map(([id, title]) => ({ id, title })),
    levels: [...levels].map(([id, title]) => ({ id, title })),
    points: scored.map(({ commit, report }) => historyPoint(commit, report)),
    skipped,
  };
}

/** The change from the first point to the last, for headlines; null with fewer than two points. */
export function historyChange(history: History): { from: number; to: number } | null {
  const first = history.points[0];
  const last = history.points.at(-1);
  return first && last && history.points.length > 1 ? { from: first.score, to: last.score } : null;
}
