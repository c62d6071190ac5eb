// Issue 16, linear-time matching: patterns, probe globs and a scanned repository's .gitignore meet
// the inputs that make a backtracking engine take exponential or high polynomial time. The bound
// is each test's timeout (seconds, where a blow-up would take hours), never a timing assertion.
// A property test holds the atomic glob compiler to a plain reference matcher.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePattern } from '../../src/match/pattern.js';
import { compileGlob, GlobIndex } from '../../src/match/glob.js';
import { isIgnored, parseGitignore } from '../../src/evidence/gitignore.js';

const BOUND = { timeout: 10_000 };
const A = (n: number) => 'a'.repeat(n);

describe('content patterns run in linear time', () => {
  it.each([
    ['(a|aa)+$', `${A(100_000)}b`],
    ['a*a*a*a*a*a*a*b', A(1_000_000)],
    ['(a+)+$', `${A(100_000)}!`],
    ['(x+x+)+y', 'x'.repeat(100_000)],
    ['(.*a){12}', A(50_000)],
    ['^(\\w+\\s?)*$', `${'word '.repeat(20_000)}!`],
  ])('%s on a hostile megabyte', BOUND, (pattern, text) => {
    expect(typeof compilePattern(pattern).test(text)).toBe('boolean');
  });
});

describe('globs and .gitignore patterns cannot backtrack', () => {
  it.each([
    ['a*a*a*a*a*a*a*a*a*a*c*b', A(4000)],
    ['**/a*a*a*a*a*a*a*a*a*a*c*b', `${'x/'.repeat(1000)}${A(3000)}`],
    ['x/**/**/**/**/**/**/**/**/**/**/y', `x/${'a/'.repeat(2000)}z`],
    ['**/a/**/a/**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(2000)}c`],
    ['*[ab]*[ab]*[ab]*[ab]*[ab]*c', 'ab'.repeat(2000)],
  ])('probe glob %s', BOUND, (glob, path) => {
    const index = new GlobIndex();
    index.add(glob);
    expect(index.match([path, `${path}/deeper`])[0]).toEqual([]);
  });

  it.each(['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'x/**/**/**/**/**/**/**/**/**/y', '**/**/**/**/a*a*a*a*a*a*b/**'])('.gitignore line %s', BOUND, (line) => {
    const rules = parseGitignore(line, '');
    expect(isIgnored(rules, `x/${A(4000)}`, false)).toBe(false);
    expect(isIgnored(rules, `x/${'a/'.repeat(2000)}z`, true)).toBe(false);
  });

  // a matcher too simple to be wrong (and too slow for real use): segments, then characters
  function reference(glob: string, path: string): boolean {
    const seg = (g: string, s: string): boolean => {
      if (g === '') return s === '';
      if (g[0] === '*') return seg(g.slice(1), s) || (s !== '' && seg(g, s.slice(1)));
      if (s === '') return false;
      return (g[0] === '?' || g[0] === s[0]) && seg(g.slice(1), s.slice(1));
    };
    const segs = (g: string[], p: string[]): boolean => {
      if (g.length === 0) return p.length === 0;
      if (g[0] === '**') {
        // trailing: one or more levels below; elsewhere: zero or more whole directories
        if (g.length === 1) return p.length > 0;
        return segs(g.slice(1), p) || (p.length > 1 && segs(g, p.slice(1)));
      }
      return p.length > 0 && seg(g[0]!, p[0]!) && segs(g.slice(1), p.slice(1));
    };
    return segs(glob.split('/'), path.split('/'));
  }

  it('agrees with the reference matcher on random globs and paths', () => {
    const segment = fc.stringMatching(/^[ab*?]{1,6}$/);
    const glob = fc.array(fc.oneof(segment, fc.constant('**')), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
    const path = fc.array(fc.stringMatching(/^[ab]{1,5}$/), { minLength: 1, maxLength: 6 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(glob, path, (g, p) => {
        const ours = compileGlob(g).some((c) => c.regex.test(p));
        // a lone `**` matches everything, the reference's "one or more levels" aside
        expect(ours).toBe(g === '**' ? true : reference(g, p));
      }),
      { numRuns: 2000 },
    );
  });
});
