// A misspelt key inside one of several shapes (a `when` condition is one of four) is one line
// that names the key and what it should be, not a line for each shape it failed to be.
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const rubric = (when: string) => `extends: builtin:default
id: acme
version: 1.0.0
title: Acme
questions:
  - id: dpia2
    area: data
    prompt: Was a DPIA done?
    when: ${when}
    remediation: { summary: Do one, steps: [Run a DPIA], effort: M }
    options:
      - { id: done, label: Done, score: 1 }
      - { id: no, label: No, score: 0 }
`;

describe('errors inside a union of shapes', () => {
  it.each([
    ['{ questoin: personal-data, in: [none-confirmed] }', /^ready: r\.yaml:9 questions\[0\]\.when: unknown key "questoin" \(did you mean "question"\?\)$/],
    ['{ not: { questoin: personal-data, in: [none-confirmed] } }', /^ready: r\.yaml:9 questions\[0\]\.when\.not: unknown key "questoin" \(did you mean "question"\?\)$/],
    ['{ al: [{ question: personal-data, in: [none-confirmed] }] }', /^ready: r\.yaml:9 questions\[0\]\.when: unknown key "al" \(did you mean "all"\?\)$/],
  ])('when: %s is one line', async (when, message) => {
    const dir = tempProject({ 'r.yaml': rubric(when) });
    const r = await runCli(['rubric', 'validate', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
  });
});
