// `ready rubric validate` says when a company rubric lets an unchecked answer switch follow-ups
// off (core/rubric-check.ts checkRubricWarnings), and still accepts it: exit 0.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

describe('ready rubric validate, warnings', () => {
  it('warns on stderr, one line, when an option below full credit skips a follow-up', async () => {
    const r = await runCli(['rubric', 'validate', join(ROOT, 'tests/fixtures/rubrics/skips-on-assumption.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid rubric acme@1\.0\.0\+default\.2\.\d+\.\d+/);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ready: warning: .*skips-on-assumption\.yaml questions\[\d+\]\.when: "has-pii" answered "assumed-none" \(score 0\.5\) switches "dpia" off/),
    ]);
  });

  it('has nothing to say about the built-in rubrics', async () => {
    for (const ref of ['builtin:default', 'builtin:ml-test-score']) {
      const r = await runCli(['rubric', 'validate', ref]);
      expect(r.code, ref).toBe(0);
      expect(r.stderr, ref).toBe('');
    }
  });
});
