import { describe, expect, it } from 'vitest';
import { isIgnored, parseGitignore } from '../../src/evidence/gitignore.js';

describe('.gitignore rules', () => {
  const root = parseGitignore(
    ['# comment', '', '*.log', '!keep.log', '/build', 'data/', 'docs/**/*.pdf', '\\#hash', 'trailing   ', 'space\\ ', 'foo/bar'].join('\n'),
    '',
  );
  const sub = parseGitignore('*.tmp\n!important.log\n/local\n', 'pkg');
  const rules = [...root, ...sub];

  it.each([
    ['a.log', false, true],
    ['deep/x/a.log', false, true],
    ['keep.log', false, false],
    ['build', true, true],
    ['src/build', true, false], // anchored to the root
    ['data', true, true],
    ['data', false, false], // "data/" matches directories only
    ['src/data', true, true], // no slash but the trailing one: any depth
    ['docs/a/b/x.pdf', false, true],
    ['docs/x.pdf', false, true],
    ['other/x.pdf', false, false],
    ['#hash', false, true],
    ['trailing', false, true],
    ['space ', false, true],
    ['foo/bar', false, true],
    ['x/foo/bar', false, false], // a middle slash anchors
    ['pkg/a.tmp', false, true],
    ['a.tmp', false, false], // pkg/.gitignore only applies below pkg
    ['pkg/important.log', false, false], // the deeper file re-includes it
    ['pkg/local', true, true],
    ['pkg/sub/local', true, false],
  ])('%s (dir: %s) ignored: %s', (path, isDir, expected) => {
    expect(isIgnored(rules, path, isDir)).toBe(expected);
  });
});
