// What the history formats share: the series to draw and the rows to list.
import type { History, HistoryPoint } from '../core/history.js';
import { formatScore } from './view.js';

/** The most columns a sparkline takes; a longer history shows its latest versions. */
export const SPARK_POINTS = 60;
/** The most rows a text or markdown table lists; the HTML page lists all. */
export const TABLE_ROWS = 20;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** Scores 0-100 as block characters on one absolute scale, so that two areas' lines compare; a gap where none applied. */
export function sparkline(values: (number | null)[]): string {
  return values.map((v) => (v === null ? ' ' : BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((Math.max(0, Math.min(100, v)) / 100) * BLOCKS.length))]!)).join('');
}

export interface Series {
  id: string;
  title: string;
  values: (number | null)[];
}

/** Overall first, then each area, over the points given. */
export function seriesOf(history: History, points: HistoryPoint[] = history.points): Series[] {
  return [
    { id: 'overall', title: 'Overall', values: points.map((p) => p.score) },
    ...history.areas.map((a) => ({ id: a.id, title: a.title, values: points.map((p) => p.areas[a.id] ?? null) })),
  ];
}

/** "40 → 72", or the one score; the first and last scores a series has. */
export function seriesChange(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return 'no score';
  if (known.length === 1) return formatScore(known[0]!);
  return `${formatScore(known[0]!)} → ${formatScore(known.at(-1)!)}`;
}

export const levelTitleIn = (history: History, id: string) => history.levels.find((l) => l.id === id)?.title ?? id;
export const shortCommit = (commit: string) => commit.slice(0, 7);
export const pointDate = (p: HistoryPoint) => p.date.slice(0, 10);
