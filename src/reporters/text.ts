// The terminal report: what to read first at the top, the plan below. Every line fits 80 columns,
// and colour only repeats what the words and marks already say.
import type { Style } from './style.js';
import type { Report } from '../core/report.js';
import { stripControl } from '../text/sanitize.js';
import { fit, length, wrap } from '../text/wrap.js';
import { answersSummary, areaTitle, gateCounts, levelRank, levelTitle, nextSteps, planByArea, plural, projectName, reportDate, toneOf, type Tone, pointsGained, formatScore } from './view.js';

export const WIDTH = 80;
const BAR_WIDTH = 16;
/** Width of the "Tier", "Score", … labels on the left of the summary. */
const LABEL = 9;

export function bar(score: number, width = BAR_WIDTH): string {
  const full = Math.round((Math.min(100, Math.max(0, score)) / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const pad = (text: string, width: number) => fit(text, width) + ' '.repeat(Math.max(0, width - length(fit(text, width))));

/** First line after `first`, the rest indented by `indent`, all within WIDTH. */
const hanging = (first: string, text: string, indent = length(first)) =>
  wrap(text, WIDTH - indent).map((l, i) => (i === 0 ? first.padEnd(indent) : ' '.repeat(indent)) + l);

/** `summary` (what `check` prints) stops after the first steps; `full` adds the plan by area. */
export type TextDetail = 'summary' | 'full';

export function renderText(report: Report, options: { style: Style; detail?: TextDetail }): string {
  const c = options.style;
  const s = stripControl;
  const paint = (tone: Tone): Style => ({ bad: c.red, fair: c.yellow, good: c.green, none: c.dim })[tone];
  const levelTone = (levelId: string | null) => paint(toneOf(levelRank(report, levelId)));
  const label = (text: string) => c.bold(text.padEnd(LABEL));
  const indent = ' '.repeat(LABEL);
  const out: string[] = [];

  const about = `${s(report.rubric.title)} ${s(report.rubric.version)} · ${reportDate(report)}`;
  const title = `${s(projectName(report))} · ${about}`;
  // a long project name gets a line of its own rather than cutting off the rubric and date
  if (length(title) <= WIDTH) out.push(c.bold(title));
  else out.push(c.bold(fit(s(projectName(report)), WIDTH)), fit(about, WIDTH));
  out.push('');

  const assumed = report.tier.known ? '' : ' (assumed)';
  out.push(label('Tier') + fit(s(report.tier.title) + assumed, WIDTH - LABEL));
  for (const line of wrap(s(report.tier.reason), WIDTH - LABEL)) out.push(indent + c.dim(line));

  const level = `${s(report.level.title)}${report.level.cappedByBlockers ? ' (capped by blockers)' : ''}`;
  out.push(label('Score') + levelTone(report.level.id)(fit(`${formatScore(report.score)} / 100  ${level}`, WIDTH - LABEL)));

  const { errors, warnings } = gateCounts(report);
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  const verdict = report.gate.passed ? c.green.bold('PASSED') : c.red.bold('FAILED');
  out.push(label('Gate') + verdict + (counts ? `  ${counts}` : ''));
  for (const f of report.gate.failures) {
    const lines = hanging(`${indent}${f.level === 'error' ? '✖' : '!'} `, s(f.message));
    out.push(...lines.map((l) => (f.level === 'error' ? c.red(l) : c.yellow(l))));
  }

  out.push(...hanging(label('Answers'), answersSummary(report), LABEL));
  if (report.evidence) {
    const { files, skipped, listing } = report.evidence;
    const scanned = `${plural(files, 'file')} scanned (${listing === 'git' ? 'git ls-files' : 'directory walk'})${skipped ? `, ${skipped} skipped` : ''}`;
    out.push(...hanging(label('Evidence'), `${scanned}; ${plural(report.contradictions?.length ?? 0, 'contradiction')}`, LABEL));
  }

  if (report.blockers.length > 0) {
    out.push('');
    out.push(c.red.bold(`Blockers (${report.blockers.length}): production is impossible until these change`));
    for (const b of report.blockers) {
      const at = b.line !== undefined ? ` (readiness.yaml line ${b.line})` : '';
      out.push(...hanging('  ✖ ', `${s(areaTitle(report, b.area))} / ${s(b.question)}: "${s(b.label)}"${at}`).map((l) => c.red(l)));
      const prompt = report.questions.find((q) => q.id === b.question)?.prompt;
      if (prompt) out.push(...wrap(s(prompt), WIDTH - 4).map((l) => `    ${c.dim(l)}`));
    }
  }

  const contradictions = report.contradictions ?? [];
  if (contradictions.length > 0) {
    out.push('');
    out.push(c.yellow.bold(`Contradictions (${contradictions.length}): answers the repository does not bear out`));
    for (const k of contradictions) out.push(...hanging('  ! ', s(k.message)).map((l) => c.yellow(l)));
  }

  out.push('');
  out.push(c.bold('Areas'));
  for (const a of report.areas) {
    const title = `  ${pad(s(a.title), 14)} `;
    if (a.score === null) {
      out.push(title + c.dim(`${'·'.repeat(BAR_WIDTH)}   n/a  no question applies at this tier`));
      continue;
    }
    const tone = levelTone(a.level);
    const numbers = `${formatScore(a.score).padStart(5)}  ${pad(s(levelTitle(report, a.level)), 20)}`;
    out.push(`${title}${tone(bar(a.score))} ${tone(numbers)}  ${c.dim(`${a.answered}/${a.applicable} answered`)}`);
  }

  const first = nextSteps(report);
  if (first.length > 0) {
    out.push('');
    out.push(c.bold('Start with'));
    first.forEach((r, i) => {
      const head = hanging(`  ${i + 1}. `, `[${r.effort}] ${s(r.summary)} (${pointsGained(r.impact)}${r.blocker ? ', blocker' : ''})`);
      out.push(...head.map((l) => (r.blocker ? c.red(l) : l)));
      const step = r.steps[0] ? `${s(r.question)}: ${s(r.steps[0])}` : s(r.question);
      out.push(...hanging('     ', step).map((l) => c.dim(l)));
    });
  }

  const plan = planByArea(report);
  if (options.detail === 'summary') {
    if (report.remediation.length > first.length) {
      out.push('');
      out.push(c.dim(`The whole plan (${plural(report.remediation.length, 'step')}): ready report, or --format markdown|html`));
    }
  } else if (plan.length === 0) {
    out.push('');
    out.push(c.green('Nothing left to fix for the questions asked at this tier.'));
  } else {
    out.push('');
    out.push(c.bold(`Remediation plan (${plural(report.remediation.length, 'step')}, effort S/M/L, points gained)`));
    for (const { area, items } of plan) {
      const score = area.score === null ? '' : ` ${formatScore(area.score)}, ${s(levelTitle(report, area.level))}`;
      out.push(fit(`  ${s(area.title)} (${plural(items.length, 'step')}${score ? `;${score}` : ''})`, WIDTH));
      for (const r of items) {
        const mark = r.blocker ? '✖' : '•';
        const head = hanging(`    ${mark} `, `[${r.effort}] ${s(r.summary)} (${pointsGained(r.impact)}${r.blocker ? ', blocker' : ''})`, 6);
        out.push(...head.map((l) => (r.blocker ? c.red(l) : l)));
        out.push(...hanging(' '.repeat(10), `${s(r.question)}: ${s(r.prompt)}`).map((l) => c.dim(l)));
      }
    }
  }
  return `${out.join('\n')}\n`;
}
