// The terminal summary: fits 80 columns, readable without colour.
import { Chalk } from 'chalk';
import type { Report } from '../core/report.js';
import { stripControl } from './sanitize.js';

const BAR_WIDTH = 20;
const NEXT_STEPS = 5;

export function bar(score: number, width = BAR_WIDTH): string {
  const full = Math.round((score / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export function renderText(report: Report, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const s = stripControl;
  const out: string[] = [];
  const levelIndex = (score: number | null) => (score === null ? -1 : score >= 75 ? 2 : score >= 50 ? 1 : 0);
  const tone = (score: number | null) => [c.red, c.yellow, c.green][levelIndex(score)] ?? c.dim;
  const label = (text: string, width = 10) => c.bold(text.padEnd(width));

  out.push(c.bold(`${s(report.project ?? 'project')} · ${s(report.rubric.title)} ${report.rubric.version}`));
  out.push('');
  out.push(`${label('Tier')}${s(report.tier.title)}`);
  out.push(`${' '.repeat(10)}${c.dim(wrap(s(report.tier.reason), 68).join(`\n${' '.repeat(10)}`))}`);
  const capped = report.level.cappedByBlockers ? c.red(' (capped by blockers)') : '';
  out.push(`${label('Score')}${tone(report.score)(`${report.score.toFixed(1)} / 100`)}  ${c.bold(s(report.level.title))}${capped}`);
  const { summary } = report;
  out.push(`${label('Answers')}${summary.answered} of ${summary.applicable} applicable questions answered` +
    (summary.dontKnow ? `, ${summary.dontKnow} "don't know"` : '') + (summary.notApplicable ? `, ${summary.notApplicable} not applicable` : ''));
  out.push('');
  out.push(c.bold('Areas'));
  for (const a of report.areas) {
    const score = a.score === null ? c.dim('  n/a') : tone(a.score)(a.score.toFixed(1).padStart(5));
    out.push(`  ${s(a.title).padEnd(14).slice(0, 14)} ${a.score === null ? c.dim('░'.repeat(BAR_WIDTH)) : tone(a.score)(bar(a.score))} ${score}  ${c.dim(`${a.answered}/${a.applicable} answered`)}`);
  }
  if (report.blockers.length > 0) {
    out.push('');
    out.push(c.bold.red(`Blockers (${report.blockers.length})`));
    for (const b of report.blockers) out.push(`  ${c.red('✖')} ${b.question}: ${s(b.label)}${b.line ? c.dim(`  line ${b.line}`) : ''}`);
  }
  const steps = report.remediation.slice(0, NEXT_STEPS);
  if (steps.length > 0) {
    out.push('');
    out.push(c.bold(`Next steps (${steps.length} of ${report.remediation.length})`));
    steps.forEach((r, i) => {
      const head = `  ${i + 1}. [${r.effort}] ${s(r.summary)}`;
      out.push(`${r.blocker ? c.red(head) : head}${c.dim(` +${r.impact} pts`)}`);
      out.push(c.dim(`     ${r.area}/${r.question}: ${wrap(s(r.steps[0] ?? ''), 66).join('\n       ')}`));
    });
  }
  out.push('');
  const failures = report.gate.failures;
  const errors = failures.filter((f) => f.level === 'error').length;
  const verdict = report.gate.passed ? c.green.bold('passed') : c.red.bold('failed');
  out.push(`${label('Gate')}${verdict}${failures.length - errors ? c.yellow(` with ${failures.length - errors} warning(s)`) : ''}`);
  for (const f of failures) {
    const mark = f.level === 'error' ? c.red('✖ error') : c.yellow('! warn ');
    out.push(`  ${mark} ${f.term}: ${s(f.message)}`);
  }
  return `${out.join('\n')}\n`;
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
