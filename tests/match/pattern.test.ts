import { describe, expect, it } from 'vitest';
import { compilePattern, patternProblem } from '../../src/match/pattern.js';
import { decodeName } from '../../src/evidence/names.js';

describe('content patterns', () => {
  it.each(['(a+)+$', '(\\w*)*x', '(?:x|y+)+', '((ab)*c)+', '(a{2,})*', '(.*a){2,}'])('refuses the nested quantifier in %s', (p) => {
    expect(patternProblem(p)).toMatch(/exponential/);
  });

  it.each(['^FROM\\s+python', 'import (fastapi|flask)', '(\\d{1,3}\\.){3}\\d{1,3}', 'torch\\.onnx\\.export\\(', '(?i)prometheus_client', '(ab)?c+'])('accepts %s', (p) => {
    expect(patternProblem(p)).toBeUndefined();
  });

  it('refuses invalid, over-long and back-referencing patterns', () => {
    expect(patternProblem('(')).toMatch(/not a valid regular expression/);
    expect(patternProblem('a'.repeat(301))).toMatch(/longer than 300/);
    expect(patternProblem('(a)\\1')).toMatch(/back-reference/);
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
