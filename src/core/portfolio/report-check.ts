// Whether a parsed JSON file is a project report that `portfolio`, `diff` and `check --baseline` can read.
import { REPORT_SCHEMA_VERSION } from '../report.js';
import { isObject } from '../words.js';

/**
 * What is wrong with a parsed JSON file as a report, as `path: expected …`, or null when every
 * field those commands read has its type. Cheap on purpose (a portfolio reads thousands): it checks
 * the fields used, not the whole contract of report-schema.ts.
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
  return (
    field(r.score as number <= 100 && (r.score as number) >= 0, 'score', 'a number from 0 to 100') ??
    // both absent from reports made before they were added; the readers fall back
    (r.levels === undefined ? null : Array.isArray(r.levels) ? each(r.levels, 'levels', levelBand) : 'levels: expected an array') ??
    field(r.gate === undefined || (isObject(r.gate) && typeof r.gate.passed === 'boolean'), 'gate', 'an object with passed (true or false)') ??
    each(r.areas as unknown[], 'areas', area) ??
    each(r.questions as unknown[], 'questions', question) ??
    each(r.blockers as unknown[], 'blockers', blocker)
  );
}

// Each reader (diff, portfolio, --baseline) reads these fields of every entry; a report from this
// schema version always has them, so one of the wrong type is a damaged or hand-made file. What
// the entries refer to (a blocker's question, an area's id) is not checked: reports of different
// rubric versions legitimately differ, and every reader falls back to the id.
type EntryCheck = (v: Record<string, unknown>) => string | null;

const QUESTION_STATUSES = new Set(['answered', 'dont-know', 'unanswered', 'not-applicable', 'out-of-tier', 'condition-unmet']);

const isScore = (v: unknown) => v === null || (isNumber(v) && v >= 0 && v <= 100);
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const isLine = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 1);

/** The first entry that fails, as `path[i]: …` or `path[i].key: …`. */
function each(list: unknown[], path: string, check: EntryCheck): string | null {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) return `${path}[${i}]: expected an object`;
    const problem = check(v);
    if (problem !== null) return `${path}[${i}]${problem}`;
  }
  return null;
}

const need = (ok: boolean, key: string, expected: string) => (ok ? null : `.${key}: expected ${expected}`);

const levelBand: EntryCheck = (l) => need(isString(l.id), 'id', 'a string') ?? need(isString(l.title), 'title', 'a string') ?? need(isNumber(l.min), 'min', 'a number');

const area: EntryCheck = (a) =>
  need(isString(a.id), 'id', 'a string') ??
  need(isString(a.title), 'title', 'a string') ??
  need(isScore(a.score), 'score', 'a number from 0 to 100, or null') ??
  need(a.level === undefined || a.level === null || isString(a.level), 'level', 'a string or null');

const question: EntryCheck = (q) =>
  need(isString(q.id), 'id', 'a string') ??
  need(isString(q.area), 'area', 'a string') ??
  need(isString(q.status) && QUESTION_STATUSES.has(q.status), 'status', `one of ${[...QUESTION_STATUSES].join(', ')}`) ??
  need(isScore(q.score), 'score', 'a number from 0 to 100, or null') ??
  need(q.prompt === undefined || isString(q.prompt), 'prompt', 'a string') ??
  need(q.choice === undefined || q.choice === null || isStrings(q.choice), 'choice', 'a list of option ids, or null') ??
  need(q.labels === undefined || isStrings(q.labels), 'labels', 'a list of strings') ??
  need(q.at === undefined || isString(q.at), 'at', 'a date string') ??
  need(isLine(q.line), 'line', 'a line number');

const blocker: EntryCheck = (b) =>
  need(isString(b.question), 'question', 'a question id') ??
  need(isString(b.option), 'option', 'an option id') ??
  need(isString(b.area), 'area', 'an area id') ??
  need(isString(b.label), 'label', 'a string') ??
  need(isLine(b.line), 'line', 'a line number');

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
