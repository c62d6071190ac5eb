// `ready diff` output: the headline change first, then areas, answers and blockers.
import type { Style } from './style.js';
import type { AnswerChange, AnswerSide, AreaChange, ReportDiff } from '../core/diff.js';
import type { BlockerResult } from '../core/report.js';
import { escapeMarkdown as md } from '../text/escape.js';
import { stripControl as s } from '../text/sanitize.js';
import { WIDTH } from './text.js';
import { fit, wrap } from '../text/wrap.js';
import { STATUS_WORDS } from '../core/messages.js';
import { plural } from './view.js';

import type { DiffFormat } from './formats.js';

export type { DiffFormat };

const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n < 0 ? `−${Math.abs(n).toFixed(1)}` : '±0');
const score = (n: number | null) => (n === null ? 'n/a' : n.toFixed(1));
const ARROWS: Record<AreaChange['direction'], string> = { up: '▲', down: '▼', same: '=', added: '+', removed: '−', 'n/a': '·' };

const answerWords = (a: AnswerSide | null) => {
  if (!a) return 'not in this report';
  return a.status === 'answered' ? a.labels.join(', ') : STATUS_WORDS[a.status];
};

const title = (d: ReportDiff, area: string) => d.areaTitles[area] ?? area;
const dates = (d: ReportDiff) => `${d.old.generatedAt.slice(0, 10)} → ${d.new.generatedAt.slice(0, 10)}`;
const gateWord = (passed: boolean) => (passed ? 'passed' : 'failed');

export function renderDiff(diff: ReportDiff, format: DiffFormat, options: { style: Style }): string {
  return format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff, options);
}

export function renderDiffText(d: ReportDiff, options: { style: Style }): string {
  const c = options.style;
  const tone = (n: number | null) => (n === null || n === 0 ? c.dim : n > 0 ? c.green : c.red);
  const label = (t: string) => c.bold(t.padEnd(9));
  const out: string[] = [];
  out.push(c.bold(fit(`${s(d.project ?? 'project')} · ${dates(d)}`, WIDTH)));
  if (d.old.rubric !== d.new.rubric) out.push(c.yellow(fit(`rubric changed: ${s(d.old.rubric)} → ${s(d.new.rubric)}`, WIDTH)));
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

export function renderDiffMarkdown(d: ReportDiff): string {
  const out: string[] = [];
  out.push(`# Readiness change: ${md(d.project ?? 'project')}`, '', `From the report of ${d.old.generatedAt.slice(0, 10)} to the report of ${d.new.generatedAt.slice(0, 10)}.`, '');
  if (d.old.rubric !== d.new.rubric) out.push(`> The rubric changed: ${md(d.old.rubric)} → ${md(d.new.rubric)}. Scores may not be comparable.`, '');
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
