// `ready history --format markdown`: sparklines and a table of the latest versions.
import type { History } from '../core/history.js';
import { plural } from '../core/words.js';
import { escapeMarkdown } from '../text/escape.js';
import { levelTitleIn, pointDate, seriesChange, seriesOf, shortCommit, sparkline, SPARK_POINTS, TABLE_ROWS } from './history-view.js';
import { formatScore } from './view.js';

export function renderHistoryMarkdown(history: History): string {
  const n = history.points.length;
  const out = [`## Readiness over time: ${escapeMarkdown(history.file)}`, ''];
  if (n === 0) return `${[...out, 'No committed version could be scored.'].join('\n')}\n`;
  const shown = history.points.slice(-SPARK_POINTS);
  out.push(`${plural(n, 'committed version')} from ${pointDate(history.points[0]!)} to ${pointDate(history.points.at(-1)!)}; each mark is one version (▁ = 0, █ = 100)${shown.length < n ? `, the latest ${shown.length} shown` : ''}.`, '');
  out.push('| | over time | first → last |', '| --- | --- | --- |');
  for (const s of seriesOf(history, shown)) out.push(`| ${escapeMarkdown(s.title)} | \`${sparkline(s.values)}\` | ${seriesChange(s.values)} |`);
  const rows = history.points.slice(-TABLE_ROWS);
  out.push('', `| date | commit | score | level | author |`, '| --- | --- | ---: | --- | --- |');
  for (const p of rows) out.push(`| ${pointDate(p)} | \`${shortCommit(p.commit)}\` | ${formatScore(p.score)} | ${escapeMarkdown(levelTitleIn(history, p.level))} | ${escapeMarkdown(p.author)} |`);
  if (rows.length < n) out.push('', `_The latest ${rows.length} of ${n} versions; \`ready history --format html\` lists all._`);
  return `${out.join('\n')}\n`;
}
