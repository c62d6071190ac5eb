// Every gate term, once. The zod schemas of rubrics and readiness.yaml, the CLI flags, the
// `--fail-on` shorthands, the gate's wording and the SARIF rules all read this table, so that a
// new term is a row here and its check in gate.ts.

export interface TermSpec {
  /** the command-line flag that sets it */
  flag: `--${string}`;
  /** the range a threshold must lie in */
  min: number;
  max: number;
  integer: boolean;
  /** the `--help` line of `ready check` */
  help: string;
  /** the `--help` line of `ready report`, where the gate is only shown */
  reportHelp: string;
  /** what the rule checks, for SARIF and summaries */
  rule: string;
  /** the `--fail-on` word that sets the term to 0 */
  failOn?: string;
  /** a threshold that holds even when nobody sets one */
  default?: number;
}

export const SCALAR_TERMS = {
  minScore: {
    flag: '--min-score',
    min: 0,
    max: 100,
    integer: false,
    help: 'fail when the overall score is below N (0-100)',
    reportHelp: 'gate shown in the report: overall minimum (0-100)',
    rule: 'The overall readiness score is at least the gate minimum.',
  },
  maxBlockers: {
    flag: '--max-blockers',
    min: 0,
    max: Infinity,
    integer: true,
    help: 'fail when there are more than N blockers (default 0)',
    reportHelp: 'gate shown in the report: most blockers allowed (default 0)',
    rule: 'No more blockers than the gate allows.',
    failOn: 'blockers',
    default: 0,
  },
  maxUnanswered: {
    flag: '--max-unanswered',
    min: 0,
    max: Infinity,
    integer: true,
    help: 'fail when more than N applicable questions are unanswered',
    reportHelp: 'gate shown in the report: most unanswered questions allowed',
    rule: 'No more unanswered questions than the gate allows.',
    failOn: 'unanswered',
  },
  maxAgeDays: {
    flag: '--max-age-days',
    min: 1,
    max: Infinity,
    integer: true,
    help: 'fail when an answer is older than N days',
    reportHelp: 'gate shown in the report: oldest answer allowed, in days',
    rule: 'No answer is older than the gate allows.',
  },
  maxContradictions: {
    flag: '--max-contradictions',
    min: 0,
    max: Infinity,
    integer: true,
    help: 'fail when more than N answers are contradicted by the repository',
    reportHelp: 'gate shown in the report: most answers the repository may contradict',
    rule: 'No more answers contradicted by the repository than the gate allows.',
    failOn: 'contradictions',
  },
} as const satisfies Record<string, TermSpec>;

/** The per-area minimum: one threshold per area id, in the range of minScore. */
export const AREA_TERM = {
  flag: '--min-area',
  min: 0,
  max: 100,
  integer: false,
  help: 'fail when an area scores below N; repeatable',
  reportHelp: 'gate shown in the report: an area minimum; repeatable',
  rule: 'Each barrier area scores at least its gate minimum.',
} as const satisfies TermSpec;

export type ScalarTerm = keyof typeof SCALAR_TERMS;
export type GateTerm = ScalarTerm | 'minArea';
export const SCALAR_TERM_IDS = Object.keys(SCALAR_TERMS) as ScalarTerm[];
export const GATE_TERM_IDS: GateTerm[] = [...SCALAR_TERM_IDS, 'minArea'];

/** `--fail-on` words and the term each one sets to 0. */
export const FAIL_ON: Record<string, ScalarTerm> = Object.fromEntries(
  Object.entries(SCALAR_TERMS).flatMap(([term, spec]) => ('failOn' in spec ? [[spec.failOn, term as ScalarTerm]] : [])),
);

export const termSpec = (term: GateTerm): TermSpec => (term === 'minArea' ? AREA_TERM : SCALAR_TERMS[term]);

/** "from 0 to 100", "of at least 1": the range of a term, as messages state it. */
export const rangeWords = (spec: Pick<TermSpec, 'min' | 'max'>) => (spec.max === Infinity ? `of at least ${spec.min}` : `from ${spec.min} to ${spec.max}`);
