// The portfolio in the terminal: the headline first, then one line per project, then the tallies.
import type { Style } from './style.js';
import { setAsideNote, type Portfolio, type QuestionTally } from '../core/portfolio.js';
import { stripControl as s } from '../text/sanitize.js';
import { wrap } from '../text/wrap.js';
import { clip, plural } from '../core/words.js';

const TOP = 5;

export function renderPortfolioText(p: Portfolio, options: { style: Style }): string {
  const c = options.style;
  const tone = (score: number) => (score >= 75 ? c.green : score >= 50 ? c.yellow : c.red);
  const out: string[] = [];
  const rubrics = p.comparison.rubrics.map((r) => `${s(r.id)} ${s(r.version)}`).join(', ');
  out.push(c.bold(`Portfolio: ${plural(p.projects.length, 'project')} · rubric ${rubrics} · as of ${p.generatedAt.slice(0, 10)}`));
  out.push('');
  out.push(...wrap(s(p.headline), 78));
  const setAside = setAsideNote(p);
  if (setAside) out.push(...wrap(setAside, 78).map((l) => c.dim(l)));
  if (p.comparison.note) out.push(...wrap(s(p.comparison.note), 78).map((l) => c.yellow(l)));
  out.push('');

  out.push(c.bold('Projects, most ready first'));
  const nameWidth = Math.min(24, Math.max(7, ...p.projects.map((x) => s(x.name).length)));
  const tierWidth = Math.min(10, Math.max(4, ...p.tiers.map((t) => s(t.id).length)));
  const levelWidth = Math.min(12, Math.max(5, ...p.levels.map((l) => s(l.id).length)));
  const rank = String(p.projects.length).length;
  out.push(
    c.dim(
      `  ${'#'.padStart(rank)}  ${'Project'.padEnd(nameWidth)}  ${'Tier'.padEnd(tierWidth)}  Score  ${'Level'.padEnd(levelWidth)}  Blockers  ${'Weakest area'.padEnd(18)}  Answered   Age`,
    ),
  );
  p.projects.forEach((x, i) => {
    const weakest = x.weakestArea ? `${fit(s(x.weakestArea.title), 12)} ${x.weakestArea.score.toFixed(0).padStart(3)}` : '-';
    const answered = x.answeredShare === null ? '-' : `${Math.round(x.answeredShare * 100)}%`;
    const age = x.ageDays === null ? '?' : `${x.ageDays}d`;
    const blockers = String(x.blockers).padStart(8);
    out.push(
      `  ${String(i + 1).padStart(rank)}  ${fit(s(x.name), nameWidth)}  ${fit(s(x.tier.id), tierWidth)}${x.tier.known ? ' ' : c.dim('?')} ` +
        `${tone(x.score)(x.score.toFixed(1).padStart(5))}  ${fit(s(x.level.id), levelWidth)}  ${x.blockers > 0 ? c.red(blockers) : blockers}  ` +
        `${weakest.padEnd(18)}  ${answered.padStart(8)}  ${age.padStart(5)}`,
    );
  });
  if (p.projects.some((x) => !x.tier.known)) out.push(c.dim('  ? tier assumed: a tier question is unanswered'));
  out.push('');

  const levelTitle = new Map(p.levels.map((l) => [l.id, s(l.title)]));
  out.push(c.bold('Tiers'));
  for (const t of p.tiers) {
    const levels = Object.entries(t.levels).map(([id, n]) => `${levelTitle.get(id) ?? s(id)} ${n}`).join(', ');
    out.push(`  ${fit(s(t.title), 20)}  ${String(t.projects).padStart(5)}  ${c.dim(levels)}`);
  }
  out.push(c.bold('Levels'));
  for (const l of p.levels) out.push(`  ${fit(s(l.title), 20)}  ${String(l.projects).padStart(5)}`);
  out.push(c.bold('Weakest area (projects)'));
  for (const a of p.areas) {
    const mean = a.meanScore === null ? '' : c.dim(`  mean score ${a.meanScore.toFixed(1)}`);
    out.push(`  ${fit(s(a.title), 20)}  ${String(a.weakestIn).padStart(5)}${mean}`);
  }
  tally(out, c.bold('Most common blockers (projects)'), p.blockers, c.red);
  tally(out, c.bold('Most common gaps (projects)'), p.gaps, (t) => t);
  return `${out.join('\n')}\n`;
}

function tally(out: string[], title: string, rows: QuestionTally[], paint: (t: string) => string): void {
  out.push(title);
  if (rows.length === 0) out.push('  none');
  for (const t of rows.slice(0, TOP)) out.push(`  ${paint(String(t.projects).padStart(5))}  ${s(t.question)}: ${clip(s(t.prompt), 60)}`);
  if (rows.length > TOP) out.push(`  … and ${rows.length - TOP} more`);
}

const fit = (text: string, width: number) => clip(text, width).padEnd(width);
