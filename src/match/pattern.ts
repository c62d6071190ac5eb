// Content-probe patterns come from rubrics, which are untrusted data. A pattern runs over every
// candidate file, so it is kept short and free of the nested quantifiers that make a backtracking
// engine take exponential time, such as `(a+)+` or `(\w*)*`.

export const MAX_PATTERN_LENGTH = 300;

/** `(?i)` at the start asks for a case-insensitive match, as in most other tools' rule files. */
const CASE_INSENSITIVE = '(?i)';

/** Compiles a content-probe pattern; `^` and `$` match at line ends. Throws on a bad pattern. */
export function compilePattern(pattern: string): RegExp {
  const problem = patternProblem(pattern);
  if (problem) throw new Error(problem);
  return toRegExp(pattern);
}

function toRegExp(pattern: string): RegExp {
  const ci = pattern.startsWith(CASE_INSENSITIVE);
  return new RegExp(ci ? pattern.slice(CASE_INSENSITIVE.length) : pattern, ci ? 'mi' : 'm');
}

/** Why a pattern is refused, or undefined when it may run. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    toRegExp(pattern);
  } catch (err) {
    return `is not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference, which can take exponential time';
  if (hasNestedQuantifier(pattern)) return 'repeats a group that itself repeats (such as "(a+)+"), which can take exponential time';
  return undefined;
}

/** True when a quantified group contains a quantifier: the classic catastrophic-backtracking shape. */
function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it hold a quantifier?
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') groups.push(false);
    else if (ch === ')') {
      const inner = groups.pop() ?? false;
      const repeated = isQuantifier(pattern, i + 1);
      // a bounded outer count such as `(\d{1,3}\.){3}` stays polynomial
      if (inner && repeated && isUnbounded(pattern, i + 1)) return true;
      if ((inner || repeated) && groups.length > 0) groups[groups.length - 1] = true;
    } else if (isQuantifier(pattern, i) && groups.length > 0) groups[groups.length - 1] = true;
  }
  return false;
}

/** A quantifier that allows more than one repetition starts at `i`: `*`, `+`, `{n,}` or `{n,m}` with m > 1. */
function isQuantifier(pattern: string, i: number): boolean {
  const ch = pattern[i];
  if (ch === '*' || ch === '+') return true;
  if (ch !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === '' || Number(m[3]) > 1;
}

function isUnbounded(pattern: string, i: number): boolean {
  const ch = pattern[i];
  return ch === '*' || ch === '+' || /^\{\d+,\}/.test(pattern.slice(i));
}
