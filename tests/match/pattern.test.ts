import { describe, expect, it } from 'vitest';
import { compilePattern, patternProblem } from '../../src/match/pattern.js';
import { decodeName } from '../../src/evidence/names.js';

describe('content patterns', () => {
  // RE2 runs these in time linear in the text, so they need no refusing (tests/hostile/ times them)
  it.each([
    ['(a+)+$', false],
    ['(\\w*)*x', false],
    ['(?:x|y+)+', false],
    ['((ab)*c)+', false],
    ['(a{2,})*', true],
    ['(.*a){2,}', true],
    ['(a|aa)+$', false],
  ] as const)('accepts the nested quantifier in %s and answers on a hostile line', (p, found) => {
    expect(patternProblem(p)).toBeUndefined();
    expect(compilePattern(p).test(`${'a'.repeat(50_000)}!`)).toBe(found);
  });

  it.each(['^FROM\\s+python', 'import (fastapi|flask)', '(\\d{1,3}\\.){3}\\d{1,3}', 'torch\\.onnx\\.export\\(', '(?i)prometheus_client', '(ab)?c+'])('accepts %s', (p) => {
    expect(patternProblem(p)).toBeUndefined();
  });

  it('refuses invalid, over-long and back-referencing patterns', () => {
    expect(patternProblem('(')).toMatch(/not a valid regular expression/);
    expect(patternProblem('a'.repeat(301))).toMatch(/longer than 300/);
    expect(patternProblem('(a)\\1')).toMatch(/back-reference/);
    expect(patternProblem('a(?=b)')).toMatch(/look-ahead/);
  });

  it('matches at line starts and honours (?i)', () => {
    expect(compilePattern('^FROM ').test('# base\nFROM python:3.12')).toBe(true);
    expect(compilePattern('(?i)^from ').test('From python')).toBe(true);
    expect(compilePattern('^from ').test('From python')).toBe(false);
  });
});

describe('file names that are not UTF-8', () => {
  it('keeps valid names as they are and shows invalid bytes as \\xNN', () => {
    expect(decodeName(Buffer.from('café.txt'))).toEqual({ name: 'café.txt', exact: true });
    expect(decodeName(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74]))).toEqual({ name: 'caf\\xE9.t', exact: false });
    // a real U+FFFD in a name is valid UTF-8
    expect(decodeName(Buffer.from('a\uFFFDb'))).toEqual({ name: 'a\uFFFDb', exact: true });
    // an overlong encoding of "/" must not decode to "/"
    expect(decodeName(Buffer.from([0xc0, 0xaf])).name).toBe('\\xC0\\xAF');
  });
});
