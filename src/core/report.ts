// The JSON report: the one contract between the core and every renderer, and between `check`,
// `diff` and `portfolio`. Bump REPORT_SCHEMA_VERSION on any breaking change to these types.
import type { Effort, GateLevel } from './rubric-schema.js';
import type { Migration } from './migrate.js';
import type { Contradiction } from './contradictions.js';
import type { ProbeFinding } from './evidence.js';

export const REPORT_SCHEMA_VERSION = 1;

export type QuestionStatus =
  | 'answered'
  | 'dont-know'
  | 'unanswered'
  | 'not-applicable' // the team said so, with a reason
  | 'out-of-tier' // the rubric does not ask it at this tier
  | 'condition-unmet'; // its `when` condition does not hold

export interface QuestionResult {
  id: string;
  area: string;
  prompt: string;
  weight: number;
  status: QuestionStatus;
  choice: string[] | null;
  labels: string[];
  /** 0-100; null when the question does not count (not applicable, out of tier, condition unmet) */
  score: number | null;
  blocker: boolean;
  reason?: string;
  note?: string;
  by?: string;
  at?: string;
  line?: number;
  roles: string[];
  /** what the repository scan found for this question's probes (absent with --no-evidence) */
  evidence?: EvidenceItem[];
}

/** One probe's finding, as the report shows it next to the answer. */
export type EvidenceItem = Omit<ProbeFinding, 'index' | 'absenceContradicts'>;

export interface AreaResult {
  id: string;
  title: string;
  weight: number;
  /** 0-100; null when no question of the area applies */
  score: number | null;
  level: string | null;
  applicable: number;
  answered: number;
  unanswered: number;
  dontKnow: number;
}

export interface BlockerResult {
  question: string;
  area: string;
  option: string;
  label: string;
  line?: number;
}

export interface RemediationItem {
  question: string;
  area: string;
  prompt: string;
  status: QuestionStatus;
  summary: string;
  steps: string[];
  effort: Effort;
  references: { title: string; url?: string }[];
  /** 0-1: how far the answer is from full marks */
  gap: number;
  /** points of the overall score that closing the gap would recover */
  impact: number;
  blocker: boolean;
}

export type GateTerm = 'minScore' | 'minArea' | 'maxBlockers' | 'maxUnanswered' | 'maxAgeDays' | 'maxContradictions';
export type GateSource = 'flags' | 'readiness' | 'rubric' | 'default' | 'baseline';
/** The no-regression terms of `ready check --baseline`: the threshold is the baseline's value. */
export type BaselineTerm = 'baselineScore' | 'baselineLevel' | 'baselineArea' | 'baselineBlockers';

export interface GateFailure {
  term: GateTerm | BaselineTerm;
  level: GateLevel;
  source: GateSource;
  threshold: number;
  value: number;
  area?: string;
  questions: string[];
  lines: number[];
  /** the readiness.yaml line that set the threshold, when readiness.yaml set it */
  gateLine?: number;
  message: string;
}

export interface ResolvedTerm {
  value: number;
  level: GateLevel;
  source: GateSource;
}

export interface ResolvedGate {
  minScore?: ResolvedTerm;
  minArea: Record<string, ResolvedTerm>;
  maxBlockers?: ResolvedTerm;
  maxUnanswered?: ResolvedTerm;
  maxAgeDays?: ResolvedTerm;
  maxContradictions?: ResolvedTerm;
}

export interface GateResult {
  passed: boolean;
  terms: ResolvedGate;
  /** errors first, then warnings */
  failures: GateFailure[];
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  project?: string;
  generatedAt: string;
  rubric: {
    id: string;
    version: string;
    title: string;
    aggregation: 'weighted-mean' | 'min';
    /** the rubric version readiness.yaml records its answers against, when it records one */
    answeredVersion?: string;
  };
  tier: { id: string; title: string; reason: string; known: boolean; answers: Record<string, string> };
  score: number;
  level: { id: string; title: string; cappedByBlockers: boolean };
  /** the rubric's level bands, lowest first, so renderers can name and rank an area's level */
  levels: { id: string; title: string; min: number }[];
  areas: AreaResult[];
  questions: QuestionResult[];
  blockers: BlockerResult[];
  remediation: RemediationItem[];
  gate: GateResult;
  summary: { applicable: number; answered: number; unanswered: number; dontKnow: number; notApplicable: number };
  /** set by `ready check --baseline`; its regressions are among gate.failures */
  baseline?: BaselineSummary;
  /** set when the answers were given against another rubric version, or one was superseded */
  migration?: Migration;
  /** answers the repository scan contradicts; absent when the repository was not scanned */
  contradictions?: Contradiction[];
  /** how the repository was scanned; absent with --no-evidence */
  evidence?: EvidenceSummary;
}

export interface EvidenceSummary {
  listing: 'git' | 'walk';
  files: number;
  /** files the scan could not look into (links out of the repository, large or binary files…) */
  skipped: number;
}

export interface BaselineSummary {
  /** the baseline report as named on the command line */
  file: string;
  generatedAt: string;
  score: number;
  level: string;
  /** what could not be compared, such as an area the rubric no longer has */
  notes: string[];
}
