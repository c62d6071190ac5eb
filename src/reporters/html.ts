// One self-contained HTML page for a steering meeting: inline CSS and SVG, no script, nothing
// fetched (the Content-Security-Policy forbids it too), printable. Same content as the markdown.
import type { AreaResult, QuestionResult, RemediationItem, Report } from '../core/report.js';
import { escapeHtml as h, escapeXml, oneLine, safeUrl } from '../text/escape.js';
import { answerText, answersSummary, areaTitle, contradictionsOf, evidenceText, gateVerdict, levelRank, levelTitle, nextSteps, planByArea, projectName, reportDate, toneOf, type Tone, pointsGained, formatScore } from './view.js';

const COLOURS: Record<Tone, string> = { bad: '#c62828', fair: '#b26a00', good: '#2e7d32', none: '#9e9e9e' };

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bad: ${COLOURS.bad}; --fair: ${COLOURS.fair}; --good: ${COLOURS.good}; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 960px; }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; }
table.summary th { width: 1%; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
.verdict { font-weight: 700; }
.passed { color: var(--good); } .failed, .blocker { color: var(--bad); } .warn { color: var(--fair); }
.tone-bad { color: var(--bad); } .tone-fair { color: var(--fair); } .tone-good { color: var(--good); } .tone-none { color: var(--muted); }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks > li { margin: 6px 0; padding-left: 26px; position: relative; }
ul.tasks > li > input { position: absolute; left: 0; top: 4px; margin: 0; }
ul.tasks ul { margin: 2px 0; padding-left: 20px; color: var(--muted); }
.chart { margin: 8px 0 4px; max-width: 720px; }
.note { white-space: pre-wrap; }
td.evidence { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@page { margin: 14mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr, li, .chart { break-inside: avoid; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

const CHART = { width: 720, label: 150, track: 440, row: 34, top: 22, bottom: 22 };

/** SVG text does not wrap: long names are cut, and the whole name is in the tooltip. */
function clip(text: string, chars: number): string {
  const all = [...oneLine(text)];
  const n = Math.max(1, Math.floor(chars));
  return all.length <= n ? all.join('') : `${all.slice(0, n - 1).join('')}…`;
}

/** Horizontal bars, one per area, with the level bands as ticks and the gate's minimum as a mark. */
export function areaChart(report: Report): string {
  const { width, label, track, row, top, bottom } = CHART;
  const rowsEnd = top + row * report.areas.length;
  const height = rowsEnd + bottom;
  const x = (score: number) => label + (Math.min(100, Math.max(0, score)) / 100) * track;
  const parts: string[] = [];
  const summary = report.areas.map((a) => `${a.title} ${formatScore(a.score)}`).join(', ');
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">Score per area: ${escapeXml(summary)}</title>`,
    `<g font-family="system-ui, sans-serif" font-size="13">`,
  );
  // level names alternate above and below the bars, so that close bands do not print over each
  // other, and are cut where the next name on their side begins
  report.levels.forEach((l, i) => {
    const above = i % 2 === 0;
    const room = (report.levels[i + 2] ? x(report.levels[i + 2]!.min) : width) - x(l.min) - 6;
    parts.push(`<line x1="${x(l.min)}" y1="${top - 4}" x2="${x(l.min)}" y2="${rowsEnd + 4}" stroke="#d1d9e0" stroke-width="1"/>`);
    parts.push(`<text x="${x(l.min) + 3}" y="${above ? top - 8 : rowsEnd + 16}" fill="#59636e" font-size="11">${escapeXml(clip(l.title, room / 6.5))}<title>${escapeXml(l.title)}</title></text>`);
  });
  report.areas.forEach((a: AreaResult, i) => {
    const y = top + i * row;
    const tone = toneOf(levelRank(report, a.level));
    parts.push(`<text x="${label - 10}" y="${y + 18}" text-anchor="end" fill="#1f2328">${escapeXml(clip(a.title, (label - 12) / 7.5))}<title>${escapeXml(a.title)}</title></text>`);
    parts.push(`<rect x="${label}" y="${y + 5}" width="${track}" height="18" fill="#eef1f4" rx="2"/>`);
    if (a.score !== null) {
      parts.push(`<rect class="bar" data-area="${escapeXml(a.id)}" x="${label}" y="${y + 5}" width="${x(a.score) - label}" height="18" fill="${COLOURS[tone]}" rx="2"/>`);
      parts.push(`<text x="${label + track + 8}" y="${y + 18}" fill="${COLOURS[tone]}" font-weight="600">${formatScore(a.score)}</text>`);
    } else {
      parts.push(`<text x="${label + track + 8}" y="${y + 18}" fill="${COLOURS.none}">n/a</text>`);
    }
    const min = report.gate.terms.minArea[a.id];
    if (min) {
      parts.push(`<line x1="${x(min.value)}" y1="${y + 2}" x2="${x(min.value)}" y2="${y + 26}" stroke="#1f2328" stroke-width="2" stroke-dasharray="3 2"><title>gate minimum ${min.value}</title></line>`);
    }
  });
  parts.push('</g></svg>');
  return parts.join('\n');
}

const td = (text: string | number, cls?: string) => `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
const toneClass = (report: Report, levelId: string | null) => `tone-${toneOf(levelRank(report, levelId))}`;

function links(r: RemediationItem): string {
  return r.references
    .map((ref) => {
      const url = safeUrl(ref.url);
      return url ? `<a href="${h(url)}">${h(ref.title)}</a>` : h(ref.title);
    })
    .join(', ');
}

const points = (r: RemediationItem) => `effort ${r.effort}, ${pointsGained(r.impact)}${r.blocker ? ', <strong class="blocker">blocker</strong>' : ''}`;

function answerCell(q: QuestionResult): string {
  const text = h(answerText(q));
  if (q.reason && q.score === null) return `${text} <span class="tone-none">(${h(q.reason)})</span>`;
  return q.blocker ? `${text} <strong class="blocker">(blocker)</strong>` : text;
}

export function renderHtml(report: Report): string {
  const name = h(projectName(report));
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Readiness report: ${name}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>Readiness report: ${name}</h1>`,
    `<p class="meta">Generated on ${reportDate(report)} against the rubric <em>${h(report.rubric.title)}</em> ${h(report.rubric.version)}.</p>`,
  );

  const level = `${h(report.level.title)}${report.level.cappedByBlockers ? ' (capped by blockers)' : ''}`;
  out.push(
    '<table class="summary"><tbody>',
    `<tr><th>Tier</th>${td(`${h(report.tier.title)}${report.tier.known ? '' : ' (assumed)'}: ${h(report.tier.reason)}`)}</tr>`,
    `<tr><th>Score</th>${td(`<strong class="${toneClass(report, report.level.id)}">${formatScore(report.score)}</strong> / 100`)}</tr>`,
    `<tr><th>Level</th>${td(level, toneClass(report, report.level.id))}</tr>`,
    `<tr><th>Gate</th>${td(`<span class="verdict ${report.gate.passed ? 'passed' : 'failed'}">${report.gate.passed ? '✔' : '✖'} ${gateVerdict(report)}</span>`)}</tr>`,
    `<tr><th>Blockers</th>${td(report.blockers.length, report.blockers.length ? 'blocker' : undefined)}</tr>`,
    `<tr><th>Answers</th>${td(h(answersSummary(report)))}</tr>`,
    '</tbody></table>',
  );

  out.push('<h2>Areas</h2>', areaChart(report));
  // the gate line's meaning in words too, not only in a tooltip that print and touch screens never show
  if (Object.keys(report.gate.terms.minArea).length > 0) out.push('<p class="meta">A dashed line across a bar marks the gate\'s minimum score for that area.</p>');
  out.push(
    '<table class="areas"><thead><tr><th>Area</th><th class="num">Score</th><th>Level</th><th class="num">Answered</th><th class="num">Don\'t know</th><th class="num">Unanswered</th></tr></thead><tbody>',
    ...report.areas.map(
      (a) =>
        `<tr>${td(h(a.title))}${td(formatScore(a.score), `num ${toneClass(report, a.level)}`)}${td(a.score === null ? 'no question applies' : h(levelTitle(report, a.level)), toneClass(report, a.level))}${td(`${a.answered}/${a.applicable}`, 'num')}${td(a.dontKnow, 'num')}${td(a.unanswered, 'num')}</tr>`,
    ),
    '</tbody></table>',
  );

  if (report.blockers.length > 0) {
    out.push('<h2 class="blocker">Blockers</h2>', '<p>Production is impossible until these answers change, whatever the score.</p>', '<ul class="blockers">');
    for (const b of report.blockers) {
      const prompt = report.questions.find((q) => q.id === b.question)?.prompt;
      const at = b.line !== undefined ? ` (readiness.yaml line ${b.line})` : '';
      out.push(`<li><strong>${h(areaTitle(report, b.area))} / ${h(b.question)}</strong>: “${h(b.label)}”${prompt ? `. ${h(prompt)}` : ''}${at}</li>`);
    }
    out.push('</ul>');
  }

  const contradictions = contradictionsOf(report);
  if (contradictions.length > 0) {
    out.push('<h2 class="warn">Contradictions</h2>', '<p>Answers that the repository does not bear out: check the answer, or the repository.</p>', '<ul class="contradictions">');
    for (const x of contradictions) out.push(`<li><strong>${h(areaTitle(report, x.area))} / ${h(x.question)}</strong>: ${h(x.message)}</li>`);
    out.push('</ul>');
  }

  if (report.gate.failures.length > 0) {
    out.push('<h2>Gate</h2>', '<ul class="gate">');
    for (const f of report.gate.failures) {
      out.push(`<li class="${f.level === 'error' ? 'failed' : 'warn'}">${f.level === 'error' ? '✖ error' : '! warning'}: ${h(f.message)}</li>`);
    }
    out.push('</ul>');
  }

  out.push('<h2>Remediation plan</h2>');
  const plan = planByArea(report);
  if (plan.length === 0) out.push('<p>Nothing left to fix for the questions asked at this tier.</p>');
  else {
    out.push('<p>Start with:</p>', '<ol class="next">');
    for (const r of nextSteps(report)) out.push(`<li><strong>${h(r.summary)}</strong> (${h(areaTitle(report, r.area))} / ${h(r.question)}, ${points(r)})</li>`);
    out.push('</ol>');
    for (const { area, items } of plan) {
      const score = area.score === null ? '' : ` <span class="${toneClass(report, area.level)}">(${formatScore(area.score)}, ${h(levelTitle(report, area.level))})</span>`;
      out.push(`<h3>${h(area.title)}${score}</h3>`, '<ul class="tasks">');
      for (const r of items) {
        const steps = r.steps.map((s) => `<li>${h(s)}</li>`);
        const refs = links(r);
        if (refs) steps.push(`<li>See: ${refs}</li>`);
        out.push(`<li><input type="checkbox" aria-label="done"> <strong>${h(r.summary)}</strong> ${h(r.question)}: ${h(r.prompt)} (${points(r)})<ul>${steps.join('')}</ul></li>`);
      }
      out.push('</ul>');
    }
  }

  // the evidence column only when the repository was scanned, so that it never sits empty
  const scanned = report.evidence !== undefined;
  out.push(
    '<h2>Answers</h2>',
    `<table class="answers"><thead><tr><th>Area</th><th>Question</th><th>Answer</th><th class="num">Score</th><th>Note</th><th>By</th>${scanned ? '<th>Evidence</th>' : ''}</tr></thead><tbody>`,
    ...report.questions.map((q) => {
      const by = [q.by, q.at].filter((x): x is string => Boolean(x)).map(h).join(', ');
      const evidence = scanned ? td(h(evidenceText(q)), 'evidence') : '';
      return `<tr>${td(h(areaTitle(report, q.area)))}${td(`${h(q.id)}: ${h(q.prompt)}`)}${td(answerCell(q))}${td(q.score === null ? '–' : q.score, 'num')}${td(q.note ? h(q.note) : '', 'note')}${td(by)}${evidence}</tr>`;
    }),
    '</tbody></table>',
    `<footer>ready · rubric ${h(report.rubric.id)} ${h(report.rubric.version)} · report schema ${report.schemaVersion} · ${h(reportDate(report))}</footer>`,
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}
