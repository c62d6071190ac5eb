// No-regression gating: compares a report with an earlier one (the baseline) and adds a gate
// failure for everything that got worse. Pure: both reports come in as data.
import type { BlockerResult, GateFailure, Report } from './report.js';
import { regressionMessage, type PointsLost, type RegressionFacts } from './messages.js';

/** The parts of an earlier report the comparison reads; a report from an older `ready` may lack the rest. */
export interface BaselineReport {
  generatedAt: string;
  rubric: { id: string; version: string };
  score: number;
  level: { id: string; title: string };
  areas: { id: string; title: string; score: number | null }[];
  questions: { id: string; area: string; score: number | null }[];
  blockers: { question: string; option?: string }[];
}

const blockerKey = (b: { question: string; option?: string }) => `${b.question}=${b.option ?? ''}`;

/** Answers that score lower than in the baseline, the largest drop first. */
function pointsLost(current: Report, baseline: BaselineReport, area?: string): PointsLost[] {
  const before = new Map(baseline.questions.map((q) => [q.id, q.score]));
  const lost: PointsLost[] = [];
  for (const q of current.questions) {
    if (area !== undefined && q.area !== area) continue;
    const was = before.get(q.id);
    if (typeof was === 'number' && q.score !== null && q.score < was) {
      lost.push({ question: q.id, before: was, after: q.score, ...(q.line !== undefined && { line: q.line }) });
    }
  }
  return lost.sort((a, b) => b.before - b.after - (a.before - a.after));
}

export function compareWithBaseline(current: Report, baseline: BaselineReport, file: string): Report {
  const since = baseline.generatedAt.slice(0, 10);
  const notes: string[] = [];
  const regressions: GateFailure[] = [];
  const regress = (facts: Omit<RegressionFacts, 'since' | 'lost' | 'newBlockers'> & { lost?: PointsLost[]; newBlockers?: BlockerResult[] }, threshold: number, value: number) => {
    const full: RegressionFacts = { since, lost: [], newBlockers: [], ...facts };
    const questions = full.newBlockers.length > 0 ? full.newBlockers.map((b) => b.question) : full.lost.map((p) => p.question);
    const lines = (full.newBlockers.length > 0 ? full.newBlockers : full.lost).map((x) => x.line).filter((l): l is number => l !== undefined);
    regressions.push({
      term: facts.term,
      level: 'error',
      source: 'baseline',
      threshold,
      value,
      ...(facts.area !== undefined && { area: facts.area }),
      questions: [...new Set(questions)],
      lines: [...new Set(lines)],
      message: regressionMessage(full),
    });
  };

  const rubricNow = `${current.rubric.id}@${current.rubric.version}`;
  const rubricThen = `${baseline.rubric.id}@${baseline.rubric.version}`;
  if (rubricNow !== rubricThen) notes.push(`the baseline was scored with rubric ${rubricThen}, this report with ${rubricNow}; scores may move for that reason alone`);

  if (current.score < baseline.score) {
    regress({ term: 'baselineScore', before: baseline.score, after: current.score, lost: pointsLost(current, baseline) }, baseline.score, current.score);
  }

  const order = current.levels.map((l) => l.id);
  const then = order.indexOf(baseline.level.id);
  const now = order.indexOf(current.level.id);
  if (then === -1) {
    notes.push(`the baseline's level "${baseline.level.id}" is not a level of rubric ${rubricNow}; levels not compared`);
  } else if (now < then) {
    regress(
      { term: 'baselineLevel', before: baseline.level.title, after: current.level.title, cappedByBlockers: current.level.cappedByBlockers, lost: pointsLost(current, baseline) },
      then,
      now,
    );
  }

  for (const was of baseline.areas) {
    const area = current.areas.find((a) => a.id === was.id);
    if (!area) {
      notes.push(`area "${was.id}" (${was.title}) is in the baseline but not in rubric ${rubricNow}; not compared`);
    } else if (was.score !== null && area.score === null) {
      notes.push(`area "${was.id}" scored ${was.score} in the baseline and has no applicable question now; not compared`);
    } else if (was.score !== null && area.score !== null && area.score < was.score) {
      regress({ term: 'baselineArea', area: was.id, before: was.score, after: area.score, lost: pointsLost(current, baseline, was.id) }, was.score, area.score);
    }
  }

  const known = new Set(baseline.blockers.map(blockerKey));
  const newBlockers = current.blockers.filter((b) => !known.has(blockerKey(b)));
  if (newBlockers.length > 0) regress({ term: 'baselineBlockers', before: 0, after: newBlockers.length, newBlockers }, 0, newBlockers.length);

  // errors first, as applyGate orders them; a stable sort keeps each group in its order
  const failures = [...current.gate.failures, ...regressions].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return {
    ...current,
    gate: { ...current.gate, passed: current.gate.passed && regressions.length === 0, failures },
    baseline: { file, generatedAt: baseline.generatedAt, score: baseline.score, level: baseline.level.id, notes },
  };
}
