// The portfolio: many projects' reports in one view, the shape every portfolio renderer reads.
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


/** Below this share of applicable questions answered, a project's weakest area says little: the headline leaves it out. */
export const MIN_ANSWERED_SHARE = 0.5;
