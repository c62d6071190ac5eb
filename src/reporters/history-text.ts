// `ready history` on a terminal: a sparkline per area, then the latest versions.
import type { History } from '../core/history.js';
import { plural } from '../core/words.js';
import { oneLine } from '../text/escape.js';
import { fit } from '../text/wrap.js';
import { levelTitleIn, pointDate, seriesChange, seriesOf, shortCommit, sparkline, SPARK_POINTS, TABLE_ROWS } from './history-view.js';
import type { Style } from './style.js';
import { formatScore } from './view.js';

export function renderHistoryText(history: History, options: { style: Style }): string {
  const { style: c } = options;
  const n = history.points.length;
  const out = [c.bold(`Readiness over ${plural(n, 'committed version')} of ${oneLine(history.file)}`)];
  if (n === 0) return `${[...out, 'No version could be scored (see the warnings).'].join('\n')}\n`;
  const shown = history.points.slice(-SPARK_POINTS);
  out.push(c.dim(`${pointDate(history.points[0]!)} to ${pointDate(history.points.at(-1)!)}${shown.length < n ? `; the sparklines show the latest ${shown.length}` : ''}; each mark is one version, ▁ = 0, █ = 100`), '');
  const series = seriesOf(history, shown);
  const width = Math.min(20, Math.max(...series.map((s) => s.title.length)));
  for (const s of series) out.push(`${fit(oneLine(s.title), width).padEnd(width)}  ${sparkline(s.values)}  ${seriesChange(s.values)}`);
  out.push('');
  const rows = history.points.slice(-TABLE_ROWS);
  out.push(c.bold(rows.length < n ? `The latest ${rows.length} versions` : 'Versions'));
  out.push(c.dim(`${'date'.padEnd(10)}  ${'commit'.padEnd(7)}  ${'score'.padStart(5)}  ${'level'.padEnd(18)}  author`));
  for (const p of rows) {
    out.push(`${pointDate(p)}  ${shortCommit(p.commit)}  ${formatScore(p.score).padStart(5)}  ${fit(oneLine(levelTitleIn(history, p.level)), 18).padEnd(18)}  ${fit(oneLine(p.author), 24)}`);
  }
  if (history.skipped.length > 0) out.push('', c.dim(`${plural(history.skipped.length, 'version')} could not be scored (see the warnings).`));
  return `${out.join('\n')}\n`;
}
