// Folds report digests into the portfolio. Pure: digests and the date come in, a Portfolio goes
// out, whatever order the digests arrive in.
import type { Report } from '../report.js';
import { digestReport, type ReportDigest, type ReportSource, type RubricCatalog } from './digest.js';
import { MIN_ANSWERED_SHARE, PORTFOLIO_SCHEMA_VERSION, type Portfolio, type PortfolioProject, type QuestionTally } from './types.js';
import { comparisonNote, headline } from './wording.js';

const DAY_MS = 86_400_000;

/** Of two reports of one project, the later one (by generatedAt; the file name breaks a tie, so arrival order never matters). */
function later(a: ReportDigest, b: ReportDigest): ReportDigest {
  const ta = Date.parse(a.generatedAt);
  const tb = Date.parse(b.generatedAt);
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta > tb ? a : b;
  if (Number.isFinite(ta) !== Number.isFinite(tb)) return Number.isFinite(ta) ? a : b;
  return compare(a.file, b.file) >= 0 ? a : b;
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


