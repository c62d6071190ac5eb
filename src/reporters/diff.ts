// `ready diff` output: the headline change first, then areas, answers and blockers.
import type { Style } from './style.js';
import type { AnswerChange, AnswerSide, AreaChange, ReportDiff } from '../core/diff.js';
import type { BlockerResult } from '../core/report.js';
import { escapeMarkdown as md } from '../text/escape.js';
import { stripControl as s } from '../text/sanitize.js';
import { WIDTH } from './text.js';
import { fit, wrap } from '../text/wrap.js';
import { STATUS_WORDS } from '../core/messages.js';
import { formatDate, formatScore, plural } from './view.js';
import { escapeHtml as h } from '../text/escape.js';

import type { DiffFormat } from './formats.js';

export type { DiffFormat };

const signed = (n: number) => (n > 0 ? `+${formatScore(n)}` : n < 0 ? `−${formatScore(Math.abs(n))}` : '±0');
const score = formatScore;
const ARROWS: Record<AreaChange['direction'], string> = { up: '▲', down: '▼', same: '=', added: '+', removed: '−', 'n/a': '·' };

const answerWords = (a: AnswerSide | null) => {
  if (!a) return 'not in this report';
  return a.status === 'answered' ? a.labels.join(', ') : STATUS_WORDS[a.status];
};

const title = (d: ReportDiff, area: string) => d.areaTitles[area] ?? area;
const dates = (d: ReportDiff) => `${formatDate(d.old.generatedAt)} → ${formatDate(d.new.generatedAt)}`;
const gateWord = (passed: boolean) => (passed ? 'passed' : 'failed');

export function renderDiff(diff: ReportDiff, format: DiffFormat, options: { style: Style }): string {
  switch (format) {
    case 'markdown':
      return renderDiffMarkdown(diff);
    case 'json':
      return `${JSON.stringify(diff, null, 2)}\n`;
    case 'html':
      return renderDiffHtml(diff);
    case 'text':
      return renderDiffText(diff, options);
  }
}

export function renderDiffText(d: ReportDiff, options: { style: Style }): string {
  const c = options.style;
  const tone = (n: number | null) => (n === null || n === 0 ? c.dim : n > 0 ? c.green : c.red);
  const label = (t: string) => c.bold(t.padEnd(9));
  const out: string[] = [];
  out.push(c.bold(fit(`${s(d.project ?? 'project')} · ${dates(d)}`, WIDTH)));
  for (const w of d.warnings) out.push(...wrap(`warning: ${s(w)}`, WIDTH).map((l) => c.yellow(l)));
  out.push('');
  out.push(label('Score') + `${score(d.score.old)} → ${score(d.score.new)}  ` + tone(d.score.delta)(signed(d.score.delta)));
  const lv = d.level.direction === 'same' ? c.dim('unchanged') : d.level.direction === 'up' ? c.green('up') : c.red('down');
  out.push(label('Level') + fit(`${s(d.level.old.title)} → ${s(d.level.new.title)}`, 56) + `  ${lv}`);
  const gate = d.old.gatePassed === d.new.gatePassed ? c.dim(`${gateWord(d.new.gatePassed)}, unchanged`) : (d.new.gatePassed ? c.green : c.red)(`${gateWord(d.old.gatePassed)} → ${gateWord(d.new.gatePassed)}`);
  out.push(label('Gate') + gate);
  const tier = d.old.tier.id === d.new.tier.id ? `${s(d.new.tier.title)}, unchanged` : `${s(d.old.tier.title)} → ${s(d.new.tier.title)}`;
  out.push(label('Tier') + fit(tier, WIDTH - 9));

  out.push('', c.bold('Areas'));
  for (const a of d.areas) {
    const change = a.delta === null ? (a.direction === 'added' ? 'new area' : a.direction === 'removed' ? 'area removed' : '') : signed(a.delta);
    const line = `  ${ARROWS[a.direction]} ${fit(s(a.title), 14).padEnd(14)} ${score(a.old).padStart(5)} → ${score(a.new).padStart(5)}  `;
    out.push(line + tone(a.delta)(change));
  }

  out.push('', c.bold(d.answers.length ? `Answers changed (${d.answers.length})` : 'Answers changed: none'));
  for (const a of d.answers) {
    out.push(fit(`  ${s(title(d, a.area))} / ${s(a.question)}: ${s(a.prompt)}`, WIDTH));
    const change = `${s(answerWords(a.old))} → ${s(answerWords(a.new))}`;
    out.push(...wrap(change, WIDTH - 6).map((l) => `      ${l}`));
  }

  const blockers = (heading: string, list: BlockerResult[], mark: string, paint: typeof c.red) => {
    if (list.length === 0) return;
    out.push('', c.bold(`${heading} (${list.length})`));
    for (const b of list) out.push(paint(fit(`  ${mark} ${s(title(d, b.area))} / ${s(b.question)}: "${s(b.label)}"`, WIDTH)));
  };
  blockers('Blockers added', d.blockersAdded, '✖', c.red);
  blockers('Blockers removed', d.blockersRemoved, '✔', c.green);
  if (d.blockersAdded.length === 0 && d.blockersRemoved.length === 0) out.push('', c.dim('Blockers: no change'));
  return `${out.join('\n')}\n`;
}

const cellAnswer = (a: AnswerChange) => `${md(answerWords(a.old))} → ${md(answerWords(a.new))}`;

/** `heading` replaces the title, for a diff set into a larger page such as a CI step summary. */
export function renderDiffMarkdown(d: ReportDiff, options: { heading?: string } = {}): string {
  const out: string[] = [];
  out.push(options.heading ?? `# Readiness change: ${md(d.project ?? 'project')}`, '', `From the report of ${formatDate(d.old.generatedAt)} to the report of ${formatDate(d.new.generatedAt)}.`, '');
  for (const w of d.warnings) out.push(`> **Warning:** ${md(w)}.`, '');
  out.push(
    '| | Before | After | Change |',
    '| --- | --- | --- | --- |',
    `| Score | ${score(d.score.old)} | ${score(d.score.new)} | ${signed(d.score.delta)} |`,
    `| Level | ${md(d.level.old.title)} | ${md(d.level.new.title)} | ${d.level.direction === 'same' ? 'unchanged' : d.level.direction} |`,
    `| Gate | ${gateWord(d.old.gatePassed)} | ${gateWord(d.new.gatePassed)} | ${d.old.gatePassed === d.new.gatePassed ? 'unchanged' : d.new.gatePassed ? 'now passes' : 'now fails'} |`,
    `| Tier | ${md(d.old.tier.title)} | ${md(d.new.tier.title)} | ${d.old.tier.id === d.new.tier.id ? 'unchanged' : 'changed'} |`,
    '',
  );
  out.push('## Areas', '', '| Area | Before | After | Change |', '| --- | ---: | ---: | --- |');
  for (const a of d.areas) {
    const change = a.delta === null ? (a.direction === 'added' ? 'new area' : a.direction === 'removed' ? 'area removed' : 'n/a') : `${ARROWS[a.direction]} ${signed(a.delta)}`;
    out.push(`| ${md(a.title)} | ${score(a.old)} | ${score(a.new)} | ${change} |`);
  }
  out.push('');
  out.push(`## Answers changed (${d.answers.length})`, '');
  if (d.answers.length === 0) out.push('No answer changed.', '');
  else {
    out.push('| Area | Question | Before → after |', '| --- | --- | --- |');
    for (const a of d.answers) out.push(`| ${md(title(d, a.area))} | ${md(a.question)}: ${md(a.prompt)} | ${cellAnswer(a)} |`);
    out.push('');
  }
  out.push('## Blockers', '');
  if (d.blockersAdded.length + d.blockersRemoved.length === 0) out.push('No change.');
  for (const b of d.blockersAdded) out.push(`- ✖ added: **${md(title(d, b.area))} / ${md(b.question)}**: "${md(b.label)}"`);
  for (const b of d.blockersRemoved) out.push(`- ✔ removed: **${md(title(d, b.area))} / ${md(b.question)}**: "${md(b.label)}"`);
  out.push('', `${plural(d.blockersAdded.length, 'blocker')} added, ${d.blockersRemoved.length} removed.`);
  return `${out.join('\n')}\n`;
}

/** One self-contained page (no script, nothing fetched), for a steering meeting or an archive. */
export function renderDiffHtml(d: ReportDiff): string {
  const change = (n: number | null) => (n === null ? 'n/a' : signed(n));
  const rows = d.areas.map((a) => `<tr><td>${h(a.title)}</td><td class="num">${score(a.old)}</td><td class="num">${score(a.new)}</td><td class="num ${a.delta && a.delta < 0 ? 'down' : a.delta && a.delta > 0 ? 'up' : ''}">${a.delta === null ? (a.direction === 'added' ? 'new area' : a.direction === 'removed' ? 'area removed' : 'n/a') : `${ARROWS[a.direction]} ${change(a.delta)}`}</td></tr>`);
  const answers = d.answers.map((a) => `<tr><td>${h(title(d, a.area))}</td><td>${h(a.question)}: ${h(a.prompt)}</td><td>${h(answerWords(a.old))} → ${h(answerWords(a.new))}</td></tr>`);
  const blockers = [
    ...d.blockersAdded.map((b) => `<li class="down">✖ added: <strong>${h(title(d, b.area))} / ${h(b.question)}</strong>: “${h(b.label)}”</li>`),
    ...d.blockersRemoved.map((b) => `<li class="up">✔ removed: <strong>${h(title(d, b.area))} / ${h(b.question)}</strong>: “${h(b.label)}”</li>`),
  ];
  const name = h(d.project ?? 'project');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readiness change: ${name}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1f2328; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #d1d9e0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: #1a7f37; } .down { color: #cf222e; }
.warning { background: #fff8c5; border-left: 4px solid #bf8700; padding: 0.5rem 0.8rem; }
</style></head>
<body>
<h1>Readiness change: ${name}</h1>
<p>From the report of ${h(formatDate(d.old.generatedAt))} to the report of ${h(formatDate(d.new.generatedAt))}.</p>
${d.warnings.map((w) => `<p class="warning"><strong>Warning:</strong> ${h(w)}.</p>`).join('\n')}
<table><thead><tr><th></th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>
<tr><td>Score</td><td class="num">${score(d.score.old)}</td><td class="num">${score(d.score.new)}</td><td class="num">${signed(d.score.delta)}</td></tr>
<tr><td>Level</td><td>${h(d.level.old.title)}</td><td>${h(d.level.new.title)}</td><td>${d.level.direction === 'same' ? 'unchanged' : d.level.direction}</td></tr>
<tr><td>Gate</td><td>${gateWord(d.old.gatePassed)}</td><td>${gateWord(d.new.gatePassed)}</td><td>${d.old.gatePassed === d.new.gatePassed ? 'unchanged' : d.new.gatePassed ? 'now passes' : 'now fails'}</td></tr>
<tr><td>Tier</td><td>${h(d.old.tier.title)}</td><td>${h(d.new.tier.title)}</td><td>${d.old.tier.id === d.new.tier.id ? 'unchanged' : 'changed'}</td></tr>
</tbody></table>
<h2>Areas</h2>
<table><thead><tr><th>Area</th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<h2>Answers changed (${d.answers.length})</h2>
${d.answers.length === 0 ? '<p>No answer changed.</p>' : `<table><thead><tr><th>Area</th><th>Question</th><th>Before → after</th></tr></thead><tbody>\n${answers.join('\n')}\n</tbody></table>`}
<h2>Blockers</h2>
${blockers.length === 0 ? '<p>No change.</p>' : `<ul>${blockers.join('')}</ul>`}
</body></html>
`;
}
