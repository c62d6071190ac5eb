// Every gate term, once. The zod schemas of rubrics and readiness.yaml, the CLI flags, the
// `--fail-on` shorthands, the gate's wording and the SARIF rules all read this table, so that a
// new term is a row here and its check in gate.ts.
import { didYouMean } from './words.js';

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

export interface KeyedTermSpec extends TermSpec {
  /** what a key names, in flags and messages: `--min-area AREA=N`, "unknown area" */
  key: 'area' | 'question';
  /** the rubric's list the keys come from */
  of: 'areas' | 'questions';
}

/**
 * Terms with one threshold per id of the rubric's areas or questions. A rubric's gate and
 * readiness.yaml write them as mappings (`minArea: { data: 60 }`), the command line as a
 * repeatable `--min-area data=60`; a key the rubric does not have is an error.
 */
export const KEYED_TERMS = {
  minArea: {
    flag: '--min-area',
    key: 'area',
    of: 'areas',
    min: 0,
    max: 100,
    integer: false,
    help: 'fail when an area scores below N (0-100); repeatable',
    reportHelp: 'gate shown in the report: an area minimum (0-100); repeatable',
    rule: 'Each barrier area scores at least its gate minimum.',
  },
  minQuestion: {
    flag: '--min-question',
    key: 'question',
    of: 'questions',
    // a question's own scale, the one its option scores are written on in the rubric
    min: 0,
    max: 1,
    integer: false,
    help: "fail when a question scores below N, on the 0-1 scale of the rubric's option scores (unanswered and \"don't know\" score 0); repeatable",
    reportHelp: "gate shown in the report: a question minimum, on the 0-1 scale of the rubric's option scores; repeatable",
    rule: 'Each question with a gate minimum scores at least that minimum.',
  },
} as const satisfies Record<string, KeyedTermSpec>;

export type ScalarTerm = keyof typeof SCALAR_TERMS;
export type KeyedTerm = keyof typeof KEYED_TERMS;
export type GateTerm = ScalarTerm | KeyedTerm;
export const SCALAR_TERM_IDS = Object.keys(SCALAR_TERMS) as ScalarTerm[];
export const KEYED_TERM_IDS = Object.keys(KEYED_TERMS) as KeyedTerm[];
export const GATE_TERM_IDS: GateTerm[] = [...SCALAR_TERM_IDS, ...KEYED_TERM_IDS];

export const isKeyedTerm = (term: string): term is KeyedTerm => Object.hasOwn(KEYED_TERMS, term);

/** `--fail-on` words and the term each one sets to 0. */
export const FAIL_ON: Record<string, ScalarTerm> = Object.fromEntries(
  Object.entries(SCALAR_TERMS).flatMap(([term, spec]) => ('failOn' in spec ? [[spec.failOn, term as ScalarTerm]] : [])),
);

export const termSpec = (term: GateTerm): TermSpec => (isKeyedTerm(term) ? KEYED_TERMS[term] : SCALAR_TERMS[term]);

/** The ids a keyed term may name in this rubric. */
export const keyedIds = (term: KeyedTerm, rubric: Record<KeyedTermSpec['of'], readonly { id: string }[]>) => rubric[KEYED_TERMS[term].of].map((x) => x.id);

/** `unknown question "x" (did you mean "y"?)`: a key that names nothing in the rubric. */
export const unknownKey = (term: KeyedTerm, key: string, ids: readonly string[]) => `unknown ${KEYED_TERMS[term].key} "${key}"${didYouMean(key, ids)}`;

/** The few ids listed to pick from: a list as long as a rubric's questions would bury the message. */
const LISTED_IDS = 12;

/** ` (areas: data, tech)`, or where to look when there are too many to list. */
export function keyList(term: KeyedTerm, ids: readonly string[]): string {
  const { of } = KEYED_TERMS[term];
  return ids.length <= LISTED_IDS ? ` (${of}: ${ids.join(', ')})` : ` (${ids.length} ${of}; \`ready rubric show\` lists them)`;
}

/** "from 0 to 100", "of at least 1": the range of a term, as messages state it. */
export const rangeWords = (spec: Pick<TermSpec, 'min' | 'max'>) => (spec.max === Infinity ? `of at least ${spec.min}` : `from ${spec.min} to ${spec.max}`);
