// A fast, conservative acceptance check for readiness.yaml data, so that the usual, valid file is
// read without loading zod. It may reject valid input (zod then decides, and words the errors);
// it must never accept what the zod schema rejects — a property test holds it to that.
import type { Readiness } from './readiness-schema.js';

const TOP = new Set(['$schema', 'project', 'rubric', 'rubricVersion', 'gate', 'answers']);
const ANSWER = new Set(['choice', 'notApplicable', 'note', 'by', 'at']);
const ID = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_Z = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const choiceOk = (v: unknown) => nonEmpty(v) || (Array.isArray(v) && v.length > 0 && v.every(nonEmpty));

function calendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
const dateOk = (v: unknown) =>
  (v instanceof Date && !Number.isNaN(v.getTime())) || (typeof v === 'string' && (calendarDate(v) || (DATE_TIME_Z.test(v) && calendarDate(v.slice(0, 10)))));

function answerOk(v: unknown): boolean {
  if (v === null || choiceOk(v)) return true;
  if (!isObject(v)) return false;
  for (const [k, x] of Object.entries(v)) {
    if (!ANSWER.has(k) || x === undefined) return false;
    if (k === 'choice' && !choiceOk(x)) return false;
    if (k === 'notApplicable' && !nonEmpty(x)) return false;
    if ((k === 'note' || k === 'by') && typeof x !== 'string') return false;
    if (k === 'at' && !dateOk(x)) return false;
  }
  return true;
}

const inRange = (v: unknown, min: number, max: number, integer: boolean) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isSafeInteger(v));

/** A gate term: a number in range, or `{ value, level? }` with one (a missing level means error). */
function termOk(x: unknown, min: number, max: number, integer: boolean): boolean {
  if (inRange(x, min, max, integer)) return true;
  if (!isObject(x) || !inRange(x.value, min, max, integer)) return false;
  return Object.entries(x).every(([k, v]) => k === 'value' || (k === 'level' && (v === 'warn' || v === 'error')));
}

/** The gate terms known today; a newer one goes to zod. */
function gateOk(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'minScore' && termOk(x, 0, 100, false)) continue;
    if ((k === 'maxBlockers' || k === 'maxUnanswered' || k === 'maxContradictions') && termOk(x, 0, Infinity, true)) continue;
    if (k === 'maxAgeDays' && termOk(x, 1, Infinity, true)) continue;
    if (k === 'minArea' && isObject(x) && Object.entries(x).every(([a, n]) => ID.test(a) && termOk(n, 0, 100, false))) continue;
    return false;
  }
  return true;
}

export function isPlainReadiness(data: unknown): data is Readiness {
  if (!isObject(data)) return false;
  for (const [k, v] of Object.entries(data)) {
    if (!TOP.has(k) || v === undefined) return false;
    if (k === '$schema' && typeof v !== 'string') return false;
    if ((k === 'project' || k === 'rubric') && !nonEmpty(v)) return false;
    if (k === 'rubricVersion' && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return false;
    if (k === 'gate' && !gateOk(v)) return false;
    if (k === 'answers' && v !== null && !(isObject(v) && Object.values(v).every(answerOk))) return false;
  }
  return true;
}
