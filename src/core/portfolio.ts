// Many projects' reports in one view: which projects could go to production next, and which
// barrier holds the organisation back most. Pure: reports and the date come in, a Portfolio goes
// out. Reports are folded into a builder one at a time so that 10,000 of them never sit in memory
// at once; only the few facts the portfolio shows are kept per project.
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';
import { isObject, plural } from './words.js';

export const PORTFOLIO_SCHEMA_VERSION = 1;

export interface PortfolioProject {
  name: string;
  file: string;
  /** "id@version" of the rubric the report was made with */
  rubric: string;
  tier: { id: string; title: string; known: boolean };
  score: number;
  level: { id: string; title: string; cappedByBlockers: boolean };
  blockers: number;
  /**
   * the lowest-scoring area among those every report shares (the first in rubric order on a tie);
   * null when every one of them scores full marks or none applies: nothing holds the project back
   */
  weakestArea: { id: string; title: string; score: number } | null;
  /** answered questions (a "don't know" counts as answered) over applicable ones, 0-1 */
  answeredShare: number | null;
  /** the latest answer date, or when the report was made if no answer carries a date */
  assessedAt: string;
  /** whole days from assessedAt to now; null when the date cannot be read */
  ageDays: number | null;
  /** score per shared area id; null where no question of the area applies */
  areas: Record<string, number | null>;
}

export interface QuestionTally {
  question: string;
  prompt: string;
  area: string;
  /** how many projects have it */
  projects: number;
}

export interface Portfolio {
  kind: 'portfolio';
  schemaVersion: typeof PORTFOLIO_SCHEMA_VERSION;
  generatedAt: string;
  /** one sentence: the organisation's data-science bottleneck */
  headline: string;
  /** best first: score, then fewer blockers, then name */
  projects: PortfolioProject[];
  /** least demanding first; levels per tier in the order of `levels` */
  tiers: { id: string; title: string; projects: number; levels: Record<string, number> }[];
  /** least ready first */
  levels: { id: string; title: string; projects: number }[];
  /** the shared areas, in rubric order */
  areas: { id: string; title: string; weakestIn: number; meanScore: number | null }[];
  /** shared questions only, most common first */
  blockers: QuestionTally[];
  gaps: QuestionTally[];
  /** older reports of a project that has a later one: set aside, each project counts once */
  olderReports: number;
  /** projects with fewer answers than MIN_ANSWERED_SHARE of their questions: listed, left out of the headline */
  tooFewAnswers: string[];
  comparison: {
    rubrics: { id: string; version: string; title: string; projects: number }[];
    sharedQuestions: number;
    sharedAreas: number;
    /** says how reports made with different rubrics were compared; null when all share one */
    note: string | null;
  };
}

const DAY_MS = 86_400_000;

/** Below this share of applicable questions answered, a project's weakest area says little: the headline leaves it out. */
export const MIN_ANSWERED_SHARE = 0.5;

/** Of two reports of one project, the later one (by generatedAt; the file name breaks a tie, so arrival order never matters). */
function later(a: ReportDigest, b: ReportDigest): ReportDigest {
  const ta = Date.parse(a.generatedAt);
  const tb = Date.parse(b.generatedAt);
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta > tb ? a : b;
  if (Number.isFinite(ta) !== Number.isFinite(tb)) return Number.isFinite(ta) ? a : b;
  return compare(a.file, b.file) >= 0 ? a : b;
}

/**
 * What is wrong with a parsed JSON file as a report, or null when it has every field the
 * portfolio reads. Cheap on purpose: it checks the fields used, not the whole contract.
 */
export function reportProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a ready report (expected a JSON object)';
  if ((value as { kind?: unknown }).kind === 'portfolio') return 'is a portfolio, not a project report';
  if (!('schemaVersion' in value)) return 'not a ready report (no schemaVersion)';
  if (value.schemaVersion !== REPORT_SCHEMA_VERSION) {
    return `report schemaVersion ${JSON.stringify(value.schemaVersion)} is not supported (expected ${REPORT_SCHEMA_VERSION})`;
  }
  const r = value as Record<string, unknown>;
  const field = (ok: boolean, path: string, expected: string) => (ok ? null : `${path}: expected ${expected}`);
  const first =
    field(r.project === undefined || typeof r.project === 'string', 'project', 'a string') ??
    field(typeof r.generatedAt === 'string', 'generatedAt', 'a date string') ??
    field(isObject(r.rubric) && isString(r.rubric.id) && isString(r.rubric.version), 'rubric', 'an object with id and version') ??
    field(isObject(r.tier) && isString(r.tier.id) && isString(r.tier.title), 'tier', 'an object with id and title') ??
    field(isNumber(r.score), 'score', 'a number') ??
    field(isObject(r.level) && isString(r.level.id) && isString(r.level.title), 'level', 'an object with id and title') ??
    field(isObject(r.summary) && isNumber(r.summary.applicable) && isNumber(r.summary.answered), 'summary', 'an object with applicable and answered counts') ??
    field(Array.isArray(r.areas), 'areas', 'an array') ??
    field(Array.isArray(r.questions), 'questions', 'an array') ??
    field(Array.isArray(r.blockers), 'blockers', 'an array');
  if (first) return first;
  const areas = r.areas as unknown[];
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i];
    if (!isObject(a) || !isString(a.id) || !isString(a.title) || !(a.score === null || isNumber(a.score))) {
      return `areas[${i}]: expected an object with id, title and a score (number or null)`;
    }
  }
  const questions = r.questions as unknown[];
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    if (!isObject(q) || !isString(q.id) || !isString(q.area) || !isString(q.status) || !(q.score === null || isNumber(q.score))) {
      return `questions[${i}]: expected an object with id, area, status and a score (number or null)`;
    }
  }
  const blockers = r.blockers as unknown[];
  for (let i = 0; i < blockers.length; i++) {
    const b = blockers[i];
    if (!isObject(b) || !isString(b.question)) return `blockers[${i}]: expected an object with a question id`;
  }
  return null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

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

interface Entry {
  name: string;
  file: string;
  rubricKey: string;
  tier: PortfolioProject['tier'];
  score: number;
  level: PortfolioProject['level'];
  blockers: number;
  /** indices into the builder's interned question ids */
  blockerQuestions: number[];
  gapQuestions: number[];
  areaScores: [string, number | null][];
  answered: number;
  applicable: number;
  assessedAt: string;
}

interface RubricSeen {
  id: string;
  version: string;
  title: string;
  projects: number;
  catalog: RubricCatalog | null;
}

/**
 * Folds digests in one at a time and builds the portfolio at the end. The result does not depend
 * on the order the digests arrive in (workers finish in any order): every choice between reports
 * goes by the rubric versions, newest first, or by the project order.
 */
export class PortfolioBuilder {
  private readonly entries: Entry[] = [];
  private readonly rubrics = new Map<string, RubricSeen>();
  private readonly questionIndex = new Map<string, number>();
  private readonly tierStats = new Map<string, { outOfTier: number; reports: number; minScoreSum: number; minScores: number }>();
  private readonly sampledLevels = new Map<string, { title: string | null; floor: number }>();
  /** the latest digest of each project; a rubric's catalog travels with the first digest that has it */
  private readonly latest = new Map<string, ReportDigest>();
  private readonly catalogs = new Map<string, RubricCatalog>();
  private olderReports = 0;
  private folded = false;

  /** projects, each counted once */
  get size(): number {
    return this.latest.size;
  }

  add(report: Report, source: ReportSource): void {
    this.addDigest(digestReport(report, source));
  }

  addDigest(d: ReportDigest): void {
    const key = `${d.rubric.id}@${d.rubric.version}`;
    if (d.catalog && !this.catalogs.has(key)) this.catalogs.set(key, d.catalog);
    const seen = this.latest.get(d.name);
    if (seen) this.olderReports++;
    this.latest.set(d.name, seen ? later(seen, d) : d);
  }

  private fold(): void {
    if (this.folded) return;
    this.folded = true;
    for (const d of this.latest.values()) this.foldDigest(d);
  }

  private foldDigest(d: ReportDigest): void {
    const rubricKey = `${d.rubric.id}@${d.rubric.version}`;
    let rubric = this.rubrics.get(rubricKey);
    if (!rubric) {
      rubric = { ...d.rubric, projects: 0, catalog: null };
      this.rubrics.set(rubricKey, rubric);
    }
    rubric.catalog ??= d.catalog ?? this.catalogs.get(rubricKey) ?? null;
    rubric.projects++;

    const tier = this.tierStats.get(d.tier.id) ?? { outOfTier: 0, reports: 0, minScoreSum: 0, minScores: 0 };
    tier.outOfTier += d.outOfTier;
    tier.reports++;
    if (d.tierMinScore !== null) {
      tier.minScoreSum += d.tierMinScore;
      tier.minScores++;
    }
    this.tierStats.set(d.tier.id, tier);

    for (const [id, title, score] of d.levelSamples ?? []) {
      const seen = this.sampledLevels.get(id);
      if (!seen) this.sampledLevels.set(id, { title, floor: score });
      else {
        seen.floor = Math.min(seen.floor, score);
        // the same title whatever the arrival order
        if (title !== null && (seen.title === null || title < seen.title)) seen.title = title;
      }
    }

    this.entries.push({
      name: d.name,
      file: d.file,
      rubricKey,
      tier: d.tier,
      score: d.score,
      level: d.level,
      blockers: d.blockers,
      blockerQuestions: d.blockerQuestions.map((q) => this.intern(q)),
      gapQuestions: d.gapQuestions.map((q) => this.intern(q)),
      areaScores: d.areaScores,
      answered: d.answered,
      applicable: d.applicable,
      assessedAt: d.assessedAt,
    });
  }

  build(options: { now: string }): Portfolio {
    this.fold();
    const nowMs = Date.parse(options.now);
    // newest version of each rubric first: its wording of a question or an area wins
    const rubrics = [...this.rubrics.values()].sort((a, b) => compare(a.id, b.id) || compareVersions(b.version, a.version));
    const catalogs = rubrics.map((r) => {
      if (!r.catalog) throw new Error(`no catalog was sent for rubric ${r.id}@${r.version}`);
      return r.catalog;
    });
    const questionInfo = new Map<string, { prompt: string; area: string; order: number }>();
    const areaTitles = new Map<string, string>();
    for (const c of catalogs) {
      for (const [id, prompt, area] of c.questions) if (!questionInfo.has(id)) questionInfo.set(id, { prompt, area, order: questionInfo.size });
      for (const [id, title] of c.areas) if (!areaTitles.has(id)) areaTitles.set(id, title);
    }
    const questionSets = catalogs.map((c) => new Set(c.questions.map(([id]) => id)));
    const sharedQuestions = new Set([...(questionSets[0] ?? [])].filter((q) => questionSets.every((s) => s.has(q))));
    const sharedIndex = new Set([...sharedQuestions].map((q) => this.intern(q)));
    const sharedAreas = (catalogs[0]?.areas ?? []).map(([id]) => id).filter((id) => catalogs.every((c) => c.areas.some(([a]) => a === id)));

    const projects = this.entries.map((e): PortfolioProject => {
      const scores = new Map(e.areaScores);
      const areas: Record<string, number | null> = {};
      let weakest: PortfolioProject['weakestArea'] = null;
      for (const id of sharedAreas) {
        const score = scores.get(id) ?? null;
        areas[id] = score;
        if (score !== null && score < 100 && (weakest === null || score < weakest.score)) weakest = { id, title: areaTitles.get(id)!, score };
      }
      const assessedMs = Date.parse(e.assessedAt);
      return {
        name: e.name,
        file: e.file,
        rubric: e.rubricKey,
        tier: e.tier,
        score: e.score,
        level: e.level,
        blockers: e.blockers,
        weakestArea: weakest,
        answeredShare: e.applicable > 0 ? Math.round((e.answered / e.applicable) * 1000) / 1000 : null,
        assessedAt: e.assessedAt,
        ageDays: Number.isFinite(assessedMs) && Number.isFinite(nowMs) ? Math.max(0, Math.floor((nowMs - assessedMs) / DAY_MS)) : null,
        areas,
      };
    });
    projects.sort(byReadiness);

    const levels = this.orderedLevels(catalogs, projects).map(({ id, title }) => ({ id, title, projects: 0 }));
    const levelRow = new Map(levels.map((l) => [l.id, l]));
    const tiers = this.orderedTiers().map((id) => ({ id, title: '', projects: 0, levels: {} as Record<string, number> }));
    const tierRow = new Map(tiers.map((t) => [t.id, t]));
    const weakestIn = new Map<string, number>(sharedAreas.map((a) => [a, 0]));
    const areaSums = new Map<string, { sum: number; n: number }>(sharedAreas.map((a) => [a, { sum: 0, n: 0 }]));
    const tooFewAnswers = projects.filter((p) => p.answeredShare !== null && p.answeredShare < MIN_ANSWERED_SHARE).map((p) => p.name);
    const unjudged = new Set(tooFewAnswers);
    for (const p of projects) {
      levelRow.get(p.level.id)!.projects++;
      const tier = tierRow.get(p.tier.id)!;
      tier.title ||= p.tier.title;
      tier.projects++;
      tier.levels[p.level.id] = (tier.levels[p.level.id] ?? 0) + 1;
      // a project with most questions open has no telling weakest area
      if (p.weakestArea && !unjudged.has(p.name)) weakestIn.set(p.weakestArea.id, weakestIn.get(p.weakestArea.id)! + 1);
      for (const id of sharedAreas) {
        const s = p.areas[id];
        if (s !== null && s !== undefined) {
          const acc = areaSums.get(id)!;
          acc.sum += s;
          acc.n++;
        }
      }
    }
    for (const t of tiers) t.levels = Object.fromEntries(levels.filter((l) => t.levels[l.id]).map((l) => [l.id, t.levels[l.id]!]));

    const areas = sharedAreas.map((id) => {
      const acc = areaSums.get(id)!;
      return { id, title: areaTitles.get(id)!, weakestIn: weakestIn.get(id)!, meanScore: acc.n > 0 ? Math.round((acc.sum / acc.n) * 10) / 10 : null };
    });
    const ids = [...this.questionIndex.keys()];
    const tally = (perProject: number[][]): QuestionTally[] => {
      const counts = new Map<number, number>();
      for (const list of perProject) for (const q of list) if (sharedIndex.has(q)) counts.set(q, (counts.get(q) ?? 0) + 1);
      return [...counts.entries()]
        .map(([q, projects]) => ({ id: ids[q]!, projects }))
        .sort((a, b) => b.projects - a.projects || questionInfo.get(a.id)!.order - questionInfo.get(b.id)!.order)
        .map(({ id, projects }) => ({ question: id, prompt: questionInfo.get(id)!.prompt, area: questionInfo.get(id)!.area, projects }));
    };
    const blockers = tally(this.entries.map((e) => e.blockerQuestions));
    const gaps = tally(this.entries.map((e) => e.gapQuestions));
    const comparison = {
      rubrics: rubrics
        .map(({ id, version, title, projects: n }) => ({ id, version, title, projects: n }))
        .sort((a, b) => compare(a.id, b.id) || compareVersions(a.version, b.version)),
      sharedQuestions: sharedQuestions.size,
      sharedAreas: sharedAreas.length,
      note: null as string | null,
    };
    comparison.note = comparisonNote(comparison, questionInfo.size);

    const portfolio: Portfolio = {
      kind: 'portfolio',
      schemaVersion: PORTFOLIO_SCHEMA_VERSION,
      generatedAt: options.now,
      headline: '',
      projects,
      tiers,
      levels,
      areas,
      blockers,
      gaps,
      olderReports: this.olderReports,
      tooFewAnswers,
      comparison,
    };
    portfolio.headline = headline(portfolio);
    return portfolio;
  }

  private intern(id: string): number {
    let i = this.questionIndex.get(id);
    if (i === undefined) {
      i = this.questionIndex.size;
      this.questionIndex.set(id, i);
    }
    return i;
  }

  /** Least ready first: by the rubrics' bands where reports carry them, else by the scores seen. */
  private orderedLevels(catalogs: RubricCatalog[], projects: PortfolioProject[]): { id: string; title: string }[] {
    const levels = new Map<string, { title: string; floor: number }>();
    for (const c of catalogs) {
      for (const l of c.levels ?? []) {
        const seen = levels.get(l.id);
        if (!seen) levels.set(l.id, { title: l.title, floor: l.min });
        else seen.floor = Math.min(seen.floor, l.min);
      }
    }
    for (const [id, s] of this.sampledLevels) {
      const seen = levels.get(id);
      if (!seen) levels.set(id, { title: s.title ?? id, floor: s.floor });
      else if (s.floor < seen.floor) seen.floor = s.floor;
    }
    for (const p of projects) if (!levels.has(p.level.id)) levels.set(p.level.id, { title: p.level.title, floor: Infinity });
    return [...levels.entries()].sort(([a, x], [b, y]) => x.floor - y.floor || compare(a, b)).map(([id, l]) => ({ id, title: l.title }));
  }

  /**
   * Reports do not carry the rubric's tier order, so it is inferred: a less demanding tier leaves
   * more questions out and has a lower default minimum score.
   */
  private orderedTiers(): string[] {
    const key = (id: string) => {
      const t = this.tierStats.get(id)!;
      const minScore = t.minScores > 0 ? t.minScoreSum / t.minScores : Infinity;
      return { outOfTier: t.outOfTier / t.reports, minScore };
    };
    return [...this.tierStats.keys()].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return y.outOfTier - x.outOfTier || x.minScore - y.minScore || compare(a, b);
    });
  }
}

/** Convenience for callers that already hold all reports (tests, small portfolios). */
export function buildPortfolio(reports: { report: Report; source: ReportSource }[], options: { now: string }): Portfolio {
  const builder = new PortfolioBuilder();
  for (const { report, source } of reports) builder.add(report, source);
  return builder.build(options);
}

export function byReadiness(a: PortfolioProject, b: PortfolioProject): number {
  return b.score - a.score || a.blockers - b.blockers || compare(a.name, b.name) || compare(a.file, b.file);
}

// Locale-independent, so that the order is the same on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const d = x !== '' && y !== '' && Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : compare(x, y);
    if (d !== 0) return d;
  }
  return 0;
}


function comparisonNote(c: Omit<Portfolio['comparison'], 'note'>, questionsSeen: number): string | null {
  if (c.rubrics.length < 2) return null;
  const names = c.rubrics.map((r) => `${r.id} ${r.version} (${plural(r.projects, 'project')})`).join(', ');
  return (
    `Reports were made with ${c.rubrics.length} rubric versions: ${names}. ` +
    `Blockers and gaps are compared on the ${plural(c.sharedQuestions, 'question')} they share (of ${questionsSeen} seen), ` +
    `areas on the ${plural(c.sharedAreas, 'area')} they share.`
  );
}

const quote = (t: QuestionTally) => `${t.question} ("${t.prompt}")`;

function headline(p: Portfolio): string {
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
