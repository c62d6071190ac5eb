// `ready history --format html`: one self-contained page (no script, no external file) with an SVG
// line chart of the overall and area scores per version, and the table of every version.
import type { History } from '../core/history.js';
import { plural } from '../core/words.js';
import { escapeHtml as h, escapeXml } from '../text/escape.js';
import { levelTitleIn, pointDate, seriesChange, seriesOf, shortCommit } from './history-view.js';
import { formatScore } from './view.js';

// distinguishable in colour and, for the overall line, in weight
const PALETTE = ['#1f2328', '#0969da', '#1a7f37', '#bf8700', '#cf222e', '#8250df', '#0a7ea4', '#bc4c00'];

function chart(history: History): string {
  const width = 720;
  const height = 280;
  const left = 40;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const n = history.points.length;
  const x = (i: number) => left + (n === 1 ? (width - left - right) / 2 : (i / (n - 1)) * (width - left - right));
  const y = (v: number) => top + (1 - Math.max(0, Math.min(100, v)) / 100) * (height - top - bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">Scores per version, oldest on the left</title>`,
    '<g font-family="system-ui, sans-serif" font-size="11" fill="#59636e">',
  ];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${left}" y1="${y(v)}" x2="${width - right}" y2="${y(v)}" stroke="#d1d9e0"/>`, `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  parts.push(`<text x="${left}" y="${height - 8}">${h(pointDate(history.points[0]!))}</text>`);
  if (n > 1) parts.push(`<text x="${width - right}" y="${height - 8}" text-anchor="end">${h(pointDate(history.points.at(-1)!))}</text>`);
  seriesOf(history).forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length]!;
    // a gap where an area had no applicable question: the line breaks instead of dropping to 0
    const runs: string[][] = [[]];
    s.values.forEach((v, i) => (v === null ? runs.push([]) : runs.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)));
    for (const run of runs.filter((r) => r.length > 0)) {
      parts.push(run.length === 1 ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="3" fill="${colour}"/>` : `<polyline fill="none" stroke="${colour}" stroke-width="${si === 0 ? 3 : 1.5}" points="${run.join(' ')}"/>`);
    }
  });
  parts.push('</g></svg>');
  return parts.join('\n');
}

export function renderHistoryHtml(history: History): string {
  const n = history.points.length;
  const title = `Readiness over time: ${history.file}`;
  const body: string[] = [`<h1>${h(title)}</h1>`];
  if (n === 0) body.push('<p>No committed version could be scored.</p>');
  else {
    body.push(`<p class="meta">${plural(n, 'committed version')} from ${h(pointDate(history.points[0]!))} to ${h(pointDate(history.points.at(-1)!))}, each scored against the rubric it names, without evidence.</p>`);
    body.push(chart(history));
    // the legend is text, not only colour in the chart
    body.push('<ul class="legend">');
    seriesOf(history).forEach((s, i) => body.push(`<li><span class="swatch" style="background:${PALETTE[i % PALETTE.length]}"></span>${h(s.title)}: ${h(seriesChange(s.values))}</li>`));
    body.push('</ul>');
    body.push('<table><thead><tr><th>date</th><th>commit</th><th>score</th><th>level</th>');
    for (const a of history.areas) body.push(`<th>${h(a.title)}</th>`);
    body.push('<th>author</th></tr></thead><tbody>');
    for (const p of [...history.points].reverse()) {
      const areas = history.areas.map((a) => `<td class="num">${formatScore(p.areas[a.id] ?? null)}</td>`).join('');
      body.push(`<tr><td>${h(pointDate(p))}</td><td><code>${h(shortCommit(p.commit))}</code></td><td class="num">${formatScore(p.score)}</td><td>${h(levelTitleIn(history, p.level))}</td>${areas}<td>${h(p.author)}</td></tr>`);
    }
    body.push('</tbody></table>');
  }
  if (history.skipped.length > 0) {
    body.push(`<h2>Not scored (${history.skipped.length})</h2><ul>`);
    for (const s of history.skipped) body.push(`<li><code>${h(shortCommit(s.commit))}</code> ${h(s.date.slice(0, 10))}: ${h(s.reason)}</li>`);
    body.push('</ul>');
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1f2328; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
.meta { color: #59636e; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-top: 1rem; }
th, td { border-bottom: 1px solid #d1d9e0; padding: 0.3rem 0.5rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 2px; margin-right: 0.35rem; vertical-align: -0.1rem; }
</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
