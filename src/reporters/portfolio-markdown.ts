// The portfolio as GitHub-flavoured markdown, for a steering-meeting page or a wiki.
import { setAsideNote, type Portfolio, type QuestionTally } from '../core/portfolio.js';
import { escapeMarkdown } from '../text/escape.js';
import { plural } from '../core/words.js';

const TOP = 10;

export function renderPortfolioMarkdown(p: Portfolio): string {
  const e = escapeMarkdown;
  const out: string[] = [];
  const rubrics = e(p.comparison.rubrics.map((r) => `${r.id} ${r.version}`).join(', '));
  out.push('# Readiness portfolio', '');
  out.push(`_${plural(p.projects.length, 'project')} · rubric ${rubrics} · as of ${p.generatedAt.slice(0, 10)}_`, '');
  out.push(`**${e(p.headline)}**`, '');
  const setAside = setAsideNote(p);
  if (setAside) out.push(`_${e(setAside)}_`, '');
  if (p.comparison.note) out.push(`> ${e(p.comparison.note)}`, '');

  out.push('## Projects, most ready first', '');
  out.push('| # | Project | Tier | Score | Level | Blockers | Weakest area | Answered | Age (days) |');
  out.push('|--:|---|---|--:|---|--:|---|--:|--:|');
  p.projects.forEach((x, i) => {
    const weakest = x.weakestArea ? `${e(x.weakestArea.title)} (${x.weakestArea.score.toFixed(1)})` : '–';
    const answered = x.answeredShare === null ? '–' : `${Math.round(x.answeredShare * 100)}%`;
    const tier = `${e(x.tier.title)}${x.tier.known ? '' : ' (assumed)'}`;
    const level = `${e(x.level.title)}${x.level.cappedByBlockers ? ' (capped by blockers)' : ''}`;
    out.push(`| ${i + 1} | ${e(x.name)} | ${tier} | ${x.score.toFixed(1)} | ${level} | ${x.blockers} | ${weakest} | ${answered} | ${x.ageDays ?? '?'} |`);
  });
  out.push('');

  out.push('## Tiers and levels', '');
  out.push(`| Tier | Projects | ${p.levels.map((l) => e(l.title)).join(' | ')} |`);
  out.push(`|---|--:|${p.levels.map(() => '--:|').join('')}`);
  for (const t of p.tiers) out.push(`| ${e(t.title)} | ${t.projects} | ${p.levels.map((l) => t.levels[l.id] ?? 0).join(' | ')} |`);
  out.push(`| **All** | **${p.projects.length}** | ${p.levels.map((l) => `**${l.projects}**`).join(' | ')} |`, '');

  out.push('## Weakest area', '');
  out.push('| Area | Weakest in (projects) | Mean score |');
  out.push('|---|--:|--:|');
  for (const a of p.areas) out.push(`| ${e(a.title)} | ${a.weakestIn} | ${a.meanScore === null ? '–' : a.meanScore.toFixed(1)} |`);
  out.push('');

  const areaTitle = new Map(p.areas.map((a) => [a.id, a.title]));
  tally(out, 'Most common blockers', p.blockers, areaTitle);
  tally(out, 'Most common gaps', p.gaps, areaTitle);
  return `${out.join('\n').trimEnd()}\n`;
}

function tally(out: string[], title: string, rows: QuestionTally[], areaTitle: Map<string, string>): void {
  out.push(`## ${title}`, '');
  if (rows.length === 0) {
    out.push('None.', '');
    return;
  }
  out.push('| Question | Area | Projects |');
  out.push('|---|---|--:|');
  for (const t of rows.slice(0, TOP)) out.push(`| ${escapeMarkdown(t.prompt)} (${escapeMarkdown(t.question)}) | ${escapeMarkdown(areaTitle.get(t.area) ?? t.area)} | ${t.projects} |`);
  if (rows.length > TOP) out.push('', `_… and ${rows.length - TOP} more._`);
  out.push('');
}

