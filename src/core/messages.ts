// All wording of findings in one place, so that every renderer says the same thing.
import type { BaselineTerm, BlockerResult, GateFailure, GateSource, GateTerm, QuestionStatus } from './report.js';
import type { Contradiction } from './contradictions.js';
import { plural } from './words.js';
import { GATE_TERM_IDS, termSpec } from './gate-terms.js';

type FailureFacts = Omit<GateFailure, 'message' | 'term'> & { term: GateTerm };
type LineOf = (question: string) => number | undefined;
type StatusOf = (question: string) => QuestionStatus | undefined;

const MAX_NAMED = 5;

/** "a (line 4), b, c and 3 more": the questions behind a finding, with their readiness.yaml lines. */
export function namedQuestions(questions: readonly string[], lineOf: LineOf = () => undefined): string {
  const named = questions.slice(0, MAX_NAMED).map((q) => {
    const line = lineOf(q);
    return line === undefined ? q : `${q} (line ${line})`;
  });
  const more = questions.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

/** Where a threshold came from, so that nobody has to guess which layer of the gate to edit. */
export function sourceLabel(source: GateSource, gateLine?: number): string {
  switch (source) {
    case 'flags':
      return 'set on the command line';
    case 'readiness':
      return `set in readiness.yaml${gateLine !== undefined ? ` line ${gateLine}` : ''}`;
    case 'rubric':
      return "the rubric's default for this tier";
    case 'default':
      return 'the default';
    case 'baseline':
      return 'the baseline';
  }
}


/** Why a question scores what it does, when its answer alone does not say: unanswered, "don't know". */
// "of 1": the report's tables show a question's score out of 100, its minimum is on the 0..1 of
// the rubric's option scores, and the words say which
function questionScoreWords(question: string, value: number, lineOf?: LineOf, statusOf?: StatusOf): string {
  const line = lineOf?.(question);
  const subject = `question "${question}"${line === undefined ? '' : ` (line ${line})`}`;
  const status = statusOf?.(question);
  if (status === 'unanswered') return `${subject} is unanswered, which scores ${value} of 1`;
  if (status === 'dont-know') return `${subject} is answered "${STATUS_WORDS['dont-know']}", which scores ${value} of 1`;
  return `${subject} scores ${value} of 1`;
}

export function gateMessage(f: FailureFacts, lineOf?: LineOf, statusOf?: StatusOf): string {
  const list = namedQuestions(f.questions, lineOf);
  const behind = (label: string) => (list ? `; ${label}: ${list}` : '');
  // the term's own name, so that a reader knows which key of the gate to look up or change
  const from = `(${f.term}, ${sourceLabel(f.source, f.gateLine)})`;
  switch (f.term) {
    case 'minScore':
      return `overall score ${f.value} is below the minimum ${f.threshold} ${from}${behind('largest gaps')}`;
    case 'minArea':
      return `area "${f.area}" scores ${f.value}, below the minimum ${f.threshold} ${from}${behind('largest gaps')}`;
    case 'minQuestion':
      // the question and its line are the whole story: no list of questions behind it
      return `${questionScoreWords(f.question ?? f.questions[0] ?? '', f.value, lineOf, statusOf)}, below the minimum ${f.threshold} ${from}`;
    case 'maxBlockers':
      return `${plural(f.value, 'blocker')}, more than the ${f.threshold} allowed ${from}${behind('blocked by')}`;
    case 'maxUnanswered':
      return `${plural(f.value, 'question')} unanswered, more than the ${f.threshold} allowed ${from}${behind('unanswered')}`;
    case 'maxAgeDays':
      return `the oldest answer is ${plural(f.value, 'day')} old, more than the ${f.threshold} allowed ${from}${behind('stale')}`;
    case 'maxContradictions':
      return `${plural(f.value, 'answer')} contradicted by the repository, more than the ${f.threshold} allowed ${from}${behind('contradicted')}`;
  }
}

export interface PointsLost {
  question: string;
  before: number;
  after: number;
  line?: number;
}

export interface RegressionFacts {
  term: BaselineTerm;
  /** date of the baseline report */
  since: string;
  before: string | number;
  after: string | number;
  area?: string;
  lost: PointsLost[];
  newBlockers: BlockerResult[];
  cappedByBlockers?: boolean;
}

const lostList = (lost: PointsLost[]) => {
  const named = lost.slice(0, MAX_NAMED).map((p) => `${p.question} ${p.before}→${p.after}${p.line !== undefined ? ` (line ${p.line})` : ''}`);
  return named.length === 0 ? '' : `; answers that lost points: ${named.join(', ')}${lost.length > named.length ? ` and ${lost.length - named.length} more` : ''}`;
};

export function regressionMessage(r: RegressionFacts): string {
  const since = `since the baseline of ${r.since} (${r.term})`;
  switch (r.term) {
    case 'baselineScore':
      return `overall score dropped from ${r.before} to ${r.after} ${since}${lostList(r.lost)}`;
    case 'baselineLevel':
      return `level dropped from ${r.before} to ${r.after} ${since}${r.cappedByBlockers ? ' (capped by blockers)' : ''}${lostList(r.lost)}`;
    case 'baselineArea':
      return `area "${r.area}" dropped from ${r.before} to ${r.after} ${since}${lostList(r.lost)}`;
    case 'baselineBlockers': {
      const named = r.newBlockers.slice(0, MAX_NAMED).map((b) => `${b.question} is "${b.label}"${b.line !== undefined ? ` (line ${b.line})` : ''}`);
      const more = r.newBlockers.length - named.length;
      return `${plural(r.newBlockers.length, 'new blocker')} ${since}: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    }
  }
}

/** One blocker on its own, as CI annotations show it next to the answer. */
export function blockerMessage(b: BlockerResult, gate: { allowed?: number; source?: GateSource; gateLine?: number; nextStep?: string }): string {
  const allowed = gate.allowed === undefined ? '' : ` (maxBlockers: ${gate.allowed} allowed, ${sourceLabel(gate.source ?? 'default', gate.gateLine)})`;
  return `${b.question} is answered "${b.label}", which rules out production whatever the score${allowed}${gate.nextStep ? `; next step: ${gate.nextStep}` : ''}`;
}

/** What each rule checks, for SARIF rule descriptions and summaries. */
export function ruleDescription(rule: string): string {
  const known: Record<string, string> = {
    ...Object.fromEntries(GATE_TERM_IDS.map((t) => [t, termSpec(t).rule])),
    blocker: 'No answer rules out production whatever the score (a blocker).',
    baselineScore: 'The overall score does not drop below the baseline report.',
    baselineLevel: 'The readiness level does not drop below the baseline report.',
    baselineArea: 'No area scores lower than in the baseline report.',
    baselineBlockers: 'No blocker appears that the baseline report did not have.',
  };
  return known[rule] ?? `Readiness gate term ${rule}.`;
}

/** Where a rule's threshold comes from and how a finding of it goes away, for SARIF's rule help. */
export function ruleHelp(rule: string): string {
  if (rule === 'blocker') {
    return 'The rubric marks some options of a question as blockers: answered that way, the project cannot go to production, and the readiness level is capped. Change what the answer describes and answer again with `ready assess`; `gate.maxBlockers` in readiness.yaml (or --max-blockers) allows some, and `level: warn` reports them without failing.';
  }
  if (rule.startsWith('baseline')) {
    return 'Compared with the report given to `ready check --baseline FILE` (or readiness.yaml as of `--baseline-ref REF`): the finding goes away when the project is back where the baseline was. `ready diff OLD.json NEW.json` shows every change.';
  }
  if ((GATE_TERM_IDS as string[]).includes(rule)) {
    const term = rule as GateTerm;
    return `Set by \`gate.${term}\` in readiness.yaml, by the rubric's default gate for the tier, or by ${termSpec(term).flag}; \`level: warn\` reports it without failing. \`ready report\` lists the remediation plan, largest gains first.`;
  }
  return 'See `ready report` for the remediation plan.';
}

/** An answer held against the repository (src/core/contradictions.ts). */
export function contradictionMessage(c: Omit<Contradiction, 'message'>): string {
  const answered = `${c.question} is answered "${c.label}"${c.line !== undefined ? ` (line ${c.line})` : ''}`;
  if (c.code === 'ANSWER_DENIES_EVIDENCE') return `${answered}, but the repository shows ${c.paths.join(', ')} (${c.probes.join('; ')})`;
  const read = c.paths.length > 0 ? `${c.paths.join(', ')} ${c.paths.length === 1 ? 'was' : 'were'} read and show${c.paths.length === 1 ? 's' : ''} none` : 'nothing in the repository shows it';
  return `${answered}, but ${read} (looked for ${c.probes.join('; ')})`;
}

/** Each status of a question in words, as every report format shows it. */
export const STATUS_WORDS: Record<QuestionStatus, string> = {
  answered: 'answered',
  'dont-know': "don't know",
  unanswered: 'unanswered',
  'not-applicable': 'not applicable',
  'out-of-tier': 'not asked at this tier',
  'condition-unmet': 'does not apply',
};
