// What the portfolio keeps of one report: a few facts per project, so that 10,000 reports never
// sit in memory at once.
import type { Report } from '../report.js';
import { isObject } from '../words.js';
import { isNumber, isString } from './report-check.js';

/** The rubric a report was made with, as far as the portfolio needs it. */
export interface RubricCatalog {
  questions: [id: string, prompt: string, area: string][];
  areas: [id: string, title: string][];
  /** the level bands, lowest first; null for reports made before reports carried them */
  levels: { id: string; title: string; min: number }[] | null;
}

/**
 * The few facts of one report that the portfolio uses: small, plain and cloneable, so that worker
 * threads can read and digest files in parallel and send only this.
 */
export interface ReportDigest {
  name: string;
  file: string;
  rubric: { id: string; version: string; title: string };
  /** always set by digestReport; a sender may drop it once it has sent its rubric's catalog */
  catalog?: RubricCatalog;
  tier: { id: string; title: string; known: boolean };
  /** how many questions the rubric leaves out at this tier */
  outOfTier: number;
  /** the rubric's default minimum score for the tier, when the report's gate took it from there */
  tierMinScore: number | null;
  score: number;
  level: { id: string; title: string; cappedByBlockers: boolean };
  /** [level, title, score] seen where no blocker capped it; only when the report has no bands */
  levelSamples: [string, string | null, number][] | null;
  blockers: number;
  blockerQuestions: string[];
  gapQuestions: string[];
  areaScores: [string, number | null][];
  answered: number;
  applicable: number;
  assessedAt: string;
  /** when the report was made: of two reports of one project, the later one counts */
  generatedAt: string;
}

export interface ReportSource {
  file: string;
  /** used when the report names no project: typically the directory the file sits in */
  fallbackName: string;
}

/** Pure: what the portfolio keeps of a report that passed `reportProblem`. */
export function digestReport(report: Report, source: ReportSource): ReportDigest {
  let outOfTier = 0;
  let latestAnswer = '';
  let latestAnswerMs = -Infinity;
  const gapQuestions: string[] = [];
  for (const q of report.questions) {
    if (q.status === 'out-of-tier') outOfTier++;
    if (q.score !== null && q.score < 100) gapQuestions.push(q.id);
    if ((q.status === 'answered' || q.status === 'dont-know') && typeof q.at === 'string') {
      const ms = Date.parse(q.at);
      if (ms > latestAnswerMs) {
        latestAnswerMs = ms;
        latestAnswer = q.at;
      }
    }
  }
  const bands = levelBands(report);
  const minScore = report.gate?.terms?.minScore;
  return {
    name: report.project?.trim() || source.fallbackName,
    file: source.file,
    rubric: { id: report.rubric.id, version: report.rubric.version, title: isString(report.rubric.title) ? report.rubric.title : report.rubric.id },
    catalog: {
      questions: report.questions.map((q) => [q.id, isString(q.prompt) ? q.prompt : q.id, q.area]),
      areas: report.areas.map((a) => [a.id, a.title]),
      levels: bands,
    },
    tier: { id: report.tier.id, title: report.tier.title, known: report.tier.known !== false },
    outOfTier,
    tierMinScore: minScore?.source === 'rubric' && isNumber(minScore.value) ? minScore.value : null,
    score: report.score,
    level: { id: report.level.id, title: report.level.title, cappedByBlockers: report.level.cappedByBlockers === true },
    levelSamples: bands ? null : levelSamples(report),
    blockers: report.blockers.length,
    blockerQuestions: [...new Set(report.blockers.map((b) => b.question))],
    gapQuestions,
    areaScores: report.areas.map((a) => [a.id, a.score]),
    answered: report.summary.answered,
    applicable: report.summary.applicable,
    assessedAt: latestAnswer || report.generatedAt,
    generatedAt: report.generatedAt,
  };
}

function levelBands(report: Report): RubricCatalog['levels'] {
  const bands = (report as Partial<Report>).levels;
  if (!Array.isArray(bands) || !bands.every((l) => isObject(l) && isString(l.id) && isString(l.title) && isNumber(l.min))) return null;
  return bands.some((l) => l.id === report.level.id) ? bands.map(({ id, title, min }) => ({ id, title, min })) : null;
}

/** Without bands, levels are ordered by the scores seen at each: bands are ordered by score. */
function levelSamples(report: Report): NonNullable<ReportDigest['levelSamples']> {
  const samples: NonNullable<ReportDigest['levelSamples']> = report.areas
    .filter((a) => a.score !== null && isString(a.level))
    .map((a) => [a.level!, null, a.score!]);
  samples.push([report.level.id, report.level.title, report.level.cappedByBlockers ? Infinity : report.score]);
  return samples;
}

