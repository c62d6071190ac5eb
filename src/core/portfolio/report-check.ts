// Whether a parsed JSON file is a project report the portfolio can fold in.
import { REPORT_SCHEMA_VERSION } from '../report.js';
import { isObject } from '../words.js';

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

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
