// Content-probe patterns come from rubrics, which may come from the pull request under review, and
// run over every candidate file of a repository that may also be hostile. JavaScript's RegExp
// backtracks: `(a|aa)+$` or `a*a*a*a*b` on a long line takes exponential or high polynomial time,
// and no syntactic check catches every such shape. So patterns run on RE2 (re2js, the pure
// JavaScript port): time linear in the text whatever the pattern, and a syntax without
// back-references or look-around, which are what make linear time impossible. The accepted syntax
// is documented in docs/company-rubrics.md.
import { RE2JS } from 're2js';

export const MAX_PATTERN_LENGTH = 300;

/** A compiled content pattern; `test` answers whether it occurs anywhere in the text. */
export interface ContentPattern {
  readonly source: string;
  test(text: string): boolean;
}

/**
 * Compiles a content-probe pattern (RE2 syntax; `^` and `$` match at line ends; `(?i)` at the
 * start, or anywhere RE2 allows flags, asks for a case-insensitive match). Throws on a bad pattern.
 */
export function compilePattern(pattern: string): ContentPattern {
  const problem = lengthProblem(pattern);
  if (problem) throw new Error(problem);
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, RE2JS.MULTILINE);
  } catch (err) {
    throw new Error(syntaxProblem(pattern, err));
  }
  return { source: pattern, test: (text) => re.test(text) };
}

/** Why a pattern is refused, or undefined when it may run. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const lengthProblem = (pattern: string) => (pattern.length > MAX_PATTERN_LENGTH ? `is longer than ${MAX_PATTERN_LENGTH} characters` : undefined);

function syntaxProblem(pattern: string, err: unknown): string {
  const detail = String((err as Error)?.message ?? err)
    .replace(/^error parsing regexp: /, '')
    .split('\n')[0]!;
  // the two JavaScript habits RE2 leaves out on purpose get a word on why
  const why = /\\[1-9]|\\k</.test(pattern)
    ? ' (RE2 has no back-references: they cannot run in linear time)'
    : /\(\?<?[=!]/.test(pattern)
      ? ' (RE2 has no look-ahead or look-behind: they cannot run in linear time)'
      : '';
  return `is not a valid regular expression in RE2 syntax: ${detail}${why}`;
}

/**
 * One pattern that matches wherever any of `patterns` does, each already accepted by
 * compilePattern (or checked when the vocabulary was built): RE2 tries all alternatives in one linear pass, so a scanner asks a file once
 * instead of once per pattern, and asks the single patterns only on a match.
 */
export function compileAny(patterns: readonly string[]): ContentPattern {
  const source = patterns.map((p) => `(?:${p})`).join('|');
  return lazyPattern(source === '' ? '[^\\s\\S]' : source);
}

/**
 * A pattern that was checked when it was written (the evidence vocabulary is validated by the
 * build) and is compiled the first time it is asked: RE2's compile costs about a third of a
 * millisecond a pattern, and a scan of a small repository asks few of the vocabulary's hundred.
 */
export function lazyPattern(pattern: string): ContentPattern {
  let re: RE2JS | undefined;
  return { source: pattern, test: (text) => (re ??= RE2JS.compile(pattern, RE2JS.MULTILINE)).test(text) };
}
