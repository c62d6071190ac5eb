// The portfolio's sentences: the headline, the note on compared rubric versions, the set-aside line.
import { plural } from '../words.js';
import { MIN_ANSWERED_SHARE, type Portfolio, type QuestionTally } from './types.js';

export function comparisonNote(c: Omit<Portfolio['comparison'], 'note'>, questionsSeen: number): string | null {
  if (c.rubrics.length < 2) return null;
  const names = c.rubrics.map((r) => `${r.id} ${r.version} (${plural(r.projects, 'project')})`).join(', ');
  return (
    `Reports were made with ${c.rubrics.length} rubric versions: ${names}. ` +
    `Blockers and gaps are compared on the ${plural(c.sharedQuestions, 'question')} they share (of ${questionsSeen} seen), ` +
    `areas on the ${plural(c.sharedAreas, 'area')} they share.`
  );
}

const quote = (t: QuestionTally) => `${t.question} ("${t.prompt}")`;

export function headline(p: Portfolio): string {
  const total = p.projects.length - p.tooFewAnswers.length;
  if (total === 0) return `No project has answered ${Math.round(MIN_ANSWERED_SHARE * 100)}% of its questions yet: too few answers to judge where the organisation stands.`;
  const most = Math.max(0, ...p.areas.map((a) => a.weakestIn));
  const worst = p.areas.filter((a) => a.weakestIn === most && most > 0);
  let area: string;
  if (worst.length === 0) area = `No area could be compared across the ${plural(total, 'project')}`;
  else if (worst.length === 1) area = `${worst[0]!.title} is the organisation's data-science bottleneck: the weakest area in ${most} of ${plural(total, 'project')}`;
  else {
    const names = `${worst.slice(0, -1).map((a) => a.title).join(', ')} and ${worst[worst.length - 1]!.title}`;
    area = `${names} are the organisation's data-science bottleneck: each the weakest area in ${most} of ${plural(total, 'project')}`;
  }
  const blocker = p.blockers[0];
  const gap = p.gaps[0];
  const then = blocker
    ? `; the most common blocker is ${quote(blocker)}, in ${plural(blocker.projects, 'project')}`
    : gap
      ? `; no project has a blocker, and the most common gap is ${quote(gap)}, in ${plural(gap.projects, 'project')}`
      : '; no project has a blocker or a gap';
  const left = p.tooFewAnswers.length;
  const leftOut = left > 0 ? ` ${plural(left, 'project')} with fewer than ${Math.round(MIN_ANSWERED_SHARE * 100)}% of ${left === 1 ? 'its' : 'their'} questions answered ${left === 1 ? 'is' : 'are'} left out of this: too few answers to judge.` : '';
  return `${area}${then}.${leftOut}`;
}

/** The line every format prints under the headline when reports were set aside. */
export function setAsideNote(p: Pick<Portfolio, 'olderReports'>): string | null {
  return p.olderReports > 0 ? `Each project counts once, with its latest report; ${plural(p.olderReports, 'older report')} set aside.` : null;
}

