// The portfolio as one self-contained HTML page: inline CSS and SVG, no script, no network (the
// Content-Security-Policy forbids loading anything), so it can be mailed or attached to minutes.
import { setAsideNote, type Portfolio, type QuestionTally } from '../core/portfolio.js';
import { escapeHtml as h } from '../text/escape.js';
import { clip, plural } from '../core/words.js';

const TOP = 10;
/** Beyond this many rows a heat map stops being readable; the table below lists every project. */
export const HEATMAP_ROWS = 120;

/** Red for the lowest level, green for the highest, evenly between. */
const levelColour = (i: number, n: number) => `hsl(${n <= 1 ? 120 : Math.round((120 * i) / (n - 1))}, 60%, 48%)`;
const scoreColour = (score: number) => `hsl(${Math.round(score * 1.2)}, 65%, 62%)`;
const fmt = (n: number) => n.toFixed(1);

export function renderPortfolioHtml(p: Portfolio): string {
  const rubrics = p.comparison.rubrics.map((r) => `${h(r.title)} ${h(r.version)}`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Readiness portfolio · ${plural(p.projects.length, 'project')}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Readiness portfolio</h1>
<p class="meta">${plural(p.projects.length, 'project')} · ${rubrics} · as of ${h(p.generatedAt.slice(0, 10))}</p>
<p class="headline">${h(p.headline)}</p>${setAsideNote(p) ? `\n<p class="meta">${h(setAsideNote(p)!)}</p>` : ''}
${p.comparison.note ? `<p class="note" role="note">${h(p.comparison.note)}</p>` : ''}
</header>
<main>
<section class="charts">
<figure id="levels-per-tier"><figcaption>Readiness levels per tier</figcaption>${levelsPerTier(p)}</figure>
<figure id="weakest-areas"><figcaption>Weakest area (projects)</figcaption>${weakestAreas(p)}</figure>
</section>
<section>
<h2>Area heat map</h2>
${heatMap(p)}
</section>
<section>
<h2>Projects, most ready first</h2>
${projectTable(p)}
</section>
<section class="tallies">
${tally('Most common blockers', p.blockers, p)}
${tally('Most common gaps', p.gaps, p)}
</section>
</main>
</body>
</html>
`;
}

function levelsPerTier(p: Portfolio): string {
  const label = 170;
  const barWidth = 470;
  const row = 34;
  const top = 34;
  const max = Math.max(1, ...p.tiers.map((t) => t.projects));
  const height = top + p.tiers.length * row + 10;
  // each level gets an equal slot across the chart; a title is cut to its slot (about 6.5 px a
  // character at this size) so that the legend never runs past the chart or into its neighbour
  const slot = Math.floor((barWidth + 40) / Math.max(1, p.levels.length));
  const legend = p.levels
    .map((l, i) => {
      const x = label + i * slot;
      return `<rect x="${x}" y="6" width="12" height="12" fill="${levelColour(i, p.levels.length)}"/><text x="${x + 16}" y="16.5" class="small">${h(clip(l.title, Math.max(3, Math.floor((slot - 22) / 6.5))))}<title>${h(l.title)}</title></text>`;
    })
    .join('');
  const bars = p.tiers
    .map((t, r) => {
      const y = top + r * row;
      let x = label;
      const segments = p.levels
        .map((l, i) => {
          const n = t.levels[l.id] ?? 0;
          if (n === 0) return '';
          const w = (n / max) * barWidth;
          const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${row - 10}" fill="${levelColour(i, p.levels.length)}"><title>${h(t.title)} · ${h(l.title)}: ${plural(n, 'project')}</title></rect>` +
            (w >= 22 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + (row - 10) / 2 + 4.5}" class="in-bar">${n}</text>` : '');
          x += w;
          return seg;
        })
        .join('');
      return `<text x="${label - 8}" y="${y + (row - 10) / 2 + 4.5}" class="axis" text-anchor="end">${h(clip(t.title, 24))}</text>${segments}` +
        `<text x="${(x + 6).toFixed(1)}" y="${y + (row - 10) / 2 + 4.5}" class="small">${t.projects}</text>`;
    })
    .join('');
  return svg(label + barWidth + 40, height, `Readiness levels per tier: ${p.tiers.map((t) => `${t.title} ${t.projects}`).join(', ')}`, legend + bars);
}

function weakestAreas(p: Portfolio): string {
  const label = 130;
  const barWidth = 200;
  const row = 26;
  const max = Math.max(1, ...p.areas.map((a) => a.weakestIn));
  const bars = p.areas
    .map((a, r) => {
      const y = 8 + r * row;
      const w = (a.weakestIn / max) * barWidth;
      return `<text x="${label - 8}" y="${y + 13}" class="axis" text-anchor="end">${h(clip(a.title, 18))}</text>` +
        `<rect x="${label}" y="${y}" width="${w.toFixed(1)}" height="${row - 8}" class="weak"><title>${h(a.title)}: weakest in ${plural(a.weakestIn, 'project')}</title></rect>` +
        `<text x="${(label + w + 6).toFixed(1)}" y="${y + 13}" class="small">${a.weakestIn}</text>`;
    })
    .join('');
  return svg(label + barWidth + 40, 16 + p.areas.length * row, 'Number of projects for which each area is the weakest', bars);
}

function heatMap(p: Portfolio): string {
  const rows = p.projects.slice(0, HEATMAP_ROWS);
  const label = 220;
  const col = 112;
  const cell = 20;
  const top = 30;
  const header = p.areas
    .map((a, i) => `<text x="${label + i * col + col / 2}" y="${top - 10}" class="axis" text-anchor="middle">${h(clip(a.title, 16))}</text>`)
    .join('');
  const mean = p.areas
    .map((a, i) => cellSvg(label + i * col, top, col, cell, a.meanScore, `Mean of all projects · ${a.title}`))
    .join('');
  const body = rows
    .map((x, r) => {
      const y = top + (r + 1) * cell + 6;
      const cells = p.areas.map((a, i) => cellSvg(label + i * col, y, col, cell, x.areas[a.id] ?? null, `${x.name} · ${a.title}`)).join('');
      return `<text x="${label - 8}" y="${y + 14}" class="axis" text-anchor="end">${h(clip(x.name, 30))}</text>${cells}`;
    })
    .join('');
  const legendY = top + (rows.length + 1) * cell + 18;
  const stops = [0, 25, 50, 75, 100].map((v) => `<stop offset="${v}%" stop-color="${scoreColour(v)}"/>`).join('');
  const legend =
    `<defs><linearGradient id="heat-scale">${stops}</linearGradient></defs>` +
    `<text x="${label - 8}" y="${legendY + 11}" class="small" text-anchor="end">score 0</text>` +
    `<rect x="${label}" y="${legendY}" width="${col * 1.5}" height="14" fill="url(#heat-scale)"/>` +
    `<text x="${label + col * 1.5 + 6}" y="${legendY + 11}" class="small">100</text>` +
    `<rect x="${label + col * 1.5 + 40}" y="${legendY}" width="28" height="14" fill="#e5e7eb"/>` +
    `<text x="${label + col * 1.5 + 74}" y="${legendY + 11}" class="small">no question applies</text>`;
  const height = legendY + 22;
  const caption =
    p.projects.length > rows.length
      ? `<p class="meta">The ${rows.length} most ready of ${p.projects.length} projects; the table below lists them all.</p>`
      : '';
  const meanLabel = `<text x="${label - 8}" y="${top + 14}" class="axis strong" text-anchor="end">All projects (mean)</text>`;
  return `${caption}<figure id="heat-map">${svg(Math.max(label + p.areas.length * col + 10, label + col * 1.5 + 200), height, 'Area scores per project, from red (0) to green (100)', header + meanLabel + mean + body + legend)}</figure>`;
}

function cellSvg(x: number, y: number, w: number, hgt: number, score: number | null, title: string): string {
  const fill = score === null ? '#e5e7eb' : scoreColour(score);
  const text = score === null ? 'n/a' : score.toFixed(0);
  return `<rect x="${x + 1}" y="${y}" width="${w - 2}" height="${hgt - 2}" fill="${fill}"><title>${h(title)}: ${score === null ? 'no question applies' : fmt(score)}</title></rect>` +
    `<text x="${x + w / 2}" y="${y + 13}" class="cell" text-anchor="middle">${text}</text>`;
}

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(label)}">${body}</svg>`;
}

function projectTable(p: Portfolio): string {
  const levelIndex = new Map(p.levels.map((l, i) => [l.id, i]));
  const rows = p.projects
    .map((x, i) => {
      const colour = levelColour(levelIndex.get(x.level.id) ?? 0, p.levels.length);
      const weakest = x.weakestArea ? `${h(x.weakestArea.title)} <span class="dim">${fmt(x.weakestArea.score)}</span>` : '–';
      return `<tr><td class="num">${i + 1}</td><td title="${h(x.file)}">${h(x.name)}</td>` +
        `<td>${h(x.tier.title)}${x.tier.known ? '' : ' <span class="dim">(assumed)</span>'}</td>` +
        `<td class="num">${fmt(x.score)}</td>` +
        `<td><span class="dot" style="background:${colour}"></span>${h(x.level.title)}${x.level.cappedByBlockers ? ' <span class="dim">(capped)</span>' : ''}</td>` +
        `<td class="num${x.blockers > 0 ? ' bad' : ''}">${x.blockers}</td><td>${weakest}</td>` +
        `<td class="num">${x.answeredShare === null ? '–' : `${Math.round(x.answeredShare * 100)}%`}</td>` +
        `<td class="num">${x.ageDays ?? '?'}</td></tr>`;
    })
    .join('\n');
  return `<table class="projects"><thead><tr><th>#</th><th>Project</th><th>Tier</th><th>Score</th><th>Level</th><th>Blockers</th><th>Weakest area</th><th>Answered</th><th>Age (days)</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function tally(title: string, rows: QuestionTally[], p: Portfolio): string {
  const areaTitle = new Map(p.areas.map((a) => [a.id, a.title]));
  const body =
    rows.length === 0
      ? '<p>None.</p>'
      : `<table><thead><tr><th>Question</th><th>Area</th><th>Projects</th></tr></thead><tbody>${rows
          .slice(0, TOP)
          .map((t) => `<tr><td>${h(t.prompt)} <code>${h(t.question)}</code></td><td>${h(areaTitle.get(t.area) ?? t.area)}</td><td class="num">${t.projects}</td></tr>`)
          .join('')}</tbody></table>${rows.length > TOP ? `<p class="meta">… and ${rows.length - TOP} more.</p>` : ''}`;
  return `<div><h2>${title}</h2>${body}</div>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;margin:0 auto;max-width:1100px;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{font-size:18px;margin:28px 0 8px}
.meta{color:#6b7280;margin:0 0 12px}.headline{font-size:17px;font-weight:600;background:#f3f4f6;border-left:4px solid #b91c1c;padding:10px 14px}
.note{background:#fffbeb;border-left:4px solid #d97706;padding:8px 14px}
.charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin:8px 0}
svg text{font:12px system-ui,sans-serif;fill:#374151}svg .small{font-size:11px}svg .strong{font-weight:700}
svg .in-bar{fill:#fff;font-weight:700;text-anchor:middle}svg .cell{font-size:11px;fill:#111827}svg .weak{fill:#b91c1c}
table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b91c1c;font-weight:700}.dim{color:#6b7280}.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
.tallies{display:grid;grid-template-columns:1fr 1fr;gap:24px}code{font-size:12px;color:#6b7280}
`;
