// The CI reporters on hand-made reports: workflow-command escaping, GitHub's 10-per-level limit,
// the step summary's 1 MiB limit, and the order of findings.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Report } from '../../src/core/report.js';
import { annotation, escapeData, escapeProperty, fitSummary, renderAnnotations, STEP_SUMMARY_LIMIT } from '../../src/reporters/github.js';
import { findings } from '../../src/reporters/findings.js';
import { renderGitlab } from '../../src/reporters/gitlab.js';
import { answers, mini, NOW } from '../helpers/rubric.js';

const rubric = await mini();

/** A report with `n` blockers: the owner question copied n times, each answered "none". */
function manyBlockers(n: number, level: 'error' | 'warn' = 'error'): Report {
  const owner = rubric.questions.find((q) => q.id === 'owner')!;
  const r = { ...rubric, questions: [...rubric.questions, ...Array.from({ length: n - 1 }, (_, i) => ({ ...owner, id: `owner${i + 2}` }))] };
  const a = answers({ consumer: 'humans', quality: 'automated', tools: ['ci', 'docker'], owner: 'none', ...Object.fromEntries(Array.from({ length: n - 1 }, (_, i) => [`owner${i + 2}`, 'none'])) });
  for (const [i, id] of Object.keys(a).entries()) a[id]!.line = i + 2;
  return evaluate(r, a, { now: NOW, gate: { flags: { maxBlockers: { value: 0, level } } } });
}

describe('workflow command escaping', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a, b: c', 'a, b: c', 'a%2C b%3A c'],
    ['%0A', '%250A', '%250A'],
  ])('%j as data is %j, as a property %j', (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  it('strips terminal control sequences from titles and messages', () => {
    expect(annotation('error', { file: 'r.yaml', line: 3, title: 'x\u001b[31m' }, 'red\u001b[0m text')).toBe('::error file=r.yaml,line=3,title=x::red text');
  });

  it('writes a bare command when there are no properties', () => {
    expect(annotation('notice', {}, 'hello')).toBe('::notice::hello');
  });
});

describe('GitHub annotation limits', () => {
  it('shows every finding when there are at most 10 of a level', () => {
    const lines = renderAnnotations(manyBlockers(10), { file: 'readiness.yaml' }).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => l.startsWith('::error file=readiness.yaml,line='))).toBe(true);
  });

  it('uses the tenth slot to say how many more there are', () => {
    const lines = renderAnnotations(manyBlockers(12), { file: 'readiness.yaml' }).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 9).every((l) => l.includes('title=ready%3A BLOCKER owner'))).toBe(true);
    expect(lines[9]).toBe('::error file=readiness.yaml,title=ready%3A 3 more errors::3 more errors of the readiness gate; the step summary and the log list them all');
  });

  it('counts errors and warnings separately', () => {
    const report = manyBlockers(12, 'warn');
    const withError = evaluate(rubric, answers({ consumer: 'humans' }), { now: NOW, gate: { flags: { minScore: 99 } } });
    const mixed: Report = { ...report, gate: { ...report.gate, failures: [...withError.gate.failures, ...report.gate.failures] } };
    const lines = renderAnnotations(mixed, { file: 'readiness.yaml' }).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error .*title=ready%3A MIN_SCORE::/);
  });
});

describe('findings', () => {
  it('puts error blockers first, then other errors, then warnings', () => {
    const r = evaluate(rubric, answers({ consumer: 'humans', owner: 'none' }), {
      now: NOW,
      gate: { flags: { minScore: { value: 99, level: 'warn' }, maxUnanswered: 0 } },
    });
    expect(findings(r).map((f) => [f.rule, f.level])).toEqual([
      ['blocker', 'error'],
      ['maxUnanswered', 'error'],
      ['minScore', 'warning'],
    ]);
  });

  it('shows a blocker the gate allows as a warning', () => {
    const r = evaluate(rubric, answers({ consumer: 'humans', quality: 'automated', owner: 'none', tools: ['ci', 'docker'] }), { now: NOW, gate: { flags: { maxBlockers: 1 } } });
    expect(r.gate.passed).toBe(true);
    expect(findings(r).map((f) => [f.rule, f.level, f.message])).toEqual([
      ['blocker', 'warning', 'owner is answered "Nobody", which rules out production whatever the score (maxBlockers: 1 allowed, set on the command line); next step: Find a data owner.'],
    ]);
  });
});

describe('GitLab fingerprints', () => {
  it('differ between findings and between readiness files', () => {
    const r = manyBlockers(3);
    const a = JSON.parse(renderGitlab(r, { file: 'a/readiness.yaml' }));
    const b = JSON.parse(renderGitlab(r, { file: 'b/readiness.yaml' }));
    expect(new Set(a.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(3);
    expect(a[0].fingerprint).not.toBe(b[0].fingerprint);
  });
});

describe('fitSummary', () => {
  it('leaves a summary that fits alone', () => {
    expect(fitSummary('# Report\n\nok\n', 100)).toBe('# Report\n\nok\n');
  });

  it('cuts at a line boundary and says so, within the byte budget', () => {
    const text = Array.from({ length: 200 }, (_, i) => `| row ${i} | ${'é'.repeat(20)} |`).join('\n');
    const fitted = fitSummary(text, 2000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(2000);
    expect(fitted).toMatch(/\| row \d+ \| é{20} \|\n\n_The readiness report was cut short/);
    expect(fitted).not.toContain('\uFFFD');
  });

  it('keeps a full-size report under the 1 MiB limit', () => {
    const huge = `# Report\n${'- a line of the remediation plan with ünïcödé\n'.repeat(40_000)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(STEP_SUMMARY_LIMIT);
    expect(Buffer.byteLength(fitSummary(huge, STEP_SUMMARY_LIMIT))).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
  });

  it('writes nothing when earlier steps used up the limit', () => {
    expect(fitSummary('# Report\n', 10)).toBe('# Report\n');
    expect(fitSummary('# Report\nmore than ten bytes\n', 10)).toBe('');
  });
});
