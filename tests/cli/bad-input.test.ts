// Every bad input gets exit code 2 and one line naming the file and line; no stack trace; the file
// is left as it was.
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync, writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const RUBRIC_OK = readFileSync(join(import.meta.dirname, '../fixtures/rubrics/mini.yaml'), 'utf8');

const cases: [string, Record<string, string>, string[], RegExp][] = [
  ['not YAML', { 'readiness.yaml': 'answers: [unclosed\n  consumer: : :\n' }, [], /^ready: readiness\.yaml:\d+: /],
  ['an empty file', { 'readiness.yaml': '' }, [], /^ready: readiness\.yaml:1: is empty, expected a readiness file$/],
  ['a comment-only file', { 'readiness.yaml': '# nothing yet\n' }, [], /^ready: readiness\.yaml:1: is empty/],
  ['a list at the top', { 'readiness.yaml': '- a\n- b\n' }, [], /^ready: readiness\.yaml:1: expected a mapping of keys to values at the top, found a list$/],
  [
    'a YAML alias bomb',
    { 'readiness.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n' },
    [],
    /^ready: readiness\.yaml: cannot be read: .*alias/i,
  ],
  ['duplicate keys', { 'readiness.yaml': 'answers:\n  consumer: humans\n  consumer: machines\n' }, [], /^ready: readiness\.yaml:3: Map keys must be unique/],
  ['an unknown question', { 'readiness.yaml': 'answers:\n  consumer: humans\n  data-quallity: automated\n' }, [], /^ready: readiness\.yaml:3 answers\.data-quallity: unknown question "data-quallity" in rubric default@/],
  ['an unknown option', { 'readiness.yaml': 'answers:\n  consumer: humanz\n' }, [], /^ready: readiness\.yaml:2 answers\.consumer: "consumer" has no option "humanz" \(options: humans, machines\)$/],
  ['two choices on a single-choice question', { 'readiness.yaml': 'answers:\n  consumer: [humans, machines]\n' }, [], /^ready: readiness\.yaml:2 answers\.consumer: "consumer" takes one choice, got 2$/],
  ['a wrong type', { 'readiness.yaml': 'answers:\n  consumer:\n    choice: 5\n' }, [], /^ready: readiness\.yaml:3 answers\.consumer\.choice: expected string or list, received number$/],
  ['an unknown top-level key', { 'readiness.yaml': 'answer:\n  consumer: humans\n' }, [], /^ready: readiness\.yaml:1: unknown key "answer" \(did you mean "answers"\?\)$/],
  ['a bad date', { 'readiness.yaml': 'answers:\n  consumer: { choice: humans, at: yesterday }\n' }, [], /^ready: readiness\.yaml:2 answers\.consumer\.at: /]
  ,['a number where a gate term goes', { 'readiness.yaml': 'gate:\n  minScore: high\n' }, [], /^ready: readiness\.yaml:2 gate\.minScore: expected number or mapping, received string$/],
  ['a missing rubric file', { 'readiness.yaml': 'rubric: ./nope.yaml\nanswers: {}\n' }, [], /^ready: .*nope\.yaml: no such rubric$/],
  ['an unknown built-in rubric', { 'readiness.yaml': 'rubric: builtin:nope\n' }, [], /^ready: builtin:nope: no such built-in rubric \(built-in: default/],
  ['a rubric score of 1.5', { 'r.yaml': RUBRIC_OK.replace('score: 0.5\n', 'score: 1.5\n'), 'readiness.yaml': 'rubric: r.yaml\n' }, [], /^ready: .*r\.yaml:\d+ questions\[0\]\.options\[1\]\.score: must be between 0 and 1$/],
  ['duplicate question ids in a rubric', { 'r.yaml': RUBRIC_OK.replace('- id: owner', '- id: quality'), 'readiness.yaml': 'rubric: r.yaml\n' }, [], /r\.yaml:\d+ questions\[1\]\.id: duplicate question id "quality"/],
  ['a when cycle in a rubric', { 'r.yaml': RUBRIC_OK.replace('    tiers: [high]\n', '    tiers: [high]\n    when: { question: latency, in: ["yes"] }\n'), 'readiness.yaml': 'rubric: r.yaml\n' }, [], /r\.yaml:\d+ questions\[3\]\.when: "when" conditions form a cycle: serving -> latency -> serving/],
  ['a bad --min-score', { 'readiness.yaml': 'answers: {}\n' }, ['--min-score', '101'], /^ready: --min-score: expected a number from 0 to 100, got "101"$/],
  ['an unknown --min-area area', { 'readiness.yaml': 'answers: {}\n' }, ['--min-area', 'dta=50'], /^ready: --min-area: unknown area "dta" \(did you mean "data"\?\) \(areas: data, humans, organization, technology\)$/],
  ['a missing readiness file', {}, [], /^ready: readiness\.yaml: no such readiness file; run `ready assess`/],
];

describe('ready check on bad input', () => {
  it.each(cases)('%s', async (_, files, args, message) => {
    const dir = tempProject(files);
    const before = Object.fromEntries(Object.keys(files).map((f) => [f, readFileSync(join(dir, f))]));
    const r = await runCli(['check', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(dir, f)).equals(bytes)).toBe(true);
  });

  it('prints the stack trace only with --debug', async () => {
    const dir = tempProject({ 'readiness.yaml': '' });
    expect((await runCli(['check', '--debug'], { cwd: dir })).stderr).toMatch(/\n\s+at /);
  });

  it('refuses a directory, a binary file and a huge file', async () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'readiness.yaml'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0xff]));
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 6 * 1024 * 1024);
    expect(await runCli(['check'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'ready: readiness.yaml: is a directory, expected a readiness file\n' });
    expect(await runCli(['check', '-f', 'bin.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'ready: bin.yaml: is a binary file, expected a readiness file\n' });
    expect((await runCli(['check', '-f', 'huge.yaml'], { cwd: dir })).stderr).toMatch(/^ready: huge\.yaml: is 6\.0 MiB, more than the 5 MiB allowed/);
  });

  it('reports every problem of a rubric, one line each', async () => {
    const bad = RUBRIC_OK.replace('score: 0.5\n', 'score: 1.5\n').replace('- id: owner', '- id: quality');
    const dir = tempProject({ 'r.yaml': bad });
    const r = await runCli(['rubric', 'validate', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1); // zod fails first; meaning is checked once the shape is right
    const dir2 = tempProject({ 'r.yaml': RUBRIC_OK.replace('- id: owner', '- id: quality').replace('area: tech\n    prompt: How are', 'area: tek\n    prompt: How are') });
    const r2 = await runCli(['rubric', 'validate', 'r.yaml'], { cwd: dir2 });
    expect(r2.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ready: r\.yaml:\d+ questions\[1\]\.id: duplicate question id "quality"$/),
      expect.stringMatching(/^ready: r\.yaml:\d+ questions\[3\]\.area: unknown area "tek" \(areas: data, tech\)$/),
    ]);
  });
});

describe('an output that would overwrite an input', () => {
  it.each([
    ['check', '--format', 'json', '-o', 'readiness.yaml'],
    ['report', '--format', 'markdown', '-o', './readiness.yaml'],
    ['check', '--rubric', 'r.yaml', '-o', 'r.yaml'],
  ])('ready %s … is refused and the file is left as it was', async (...args) => {
    const files = { 'readiness.yaml': '# our answers\nanswers:\n  consumer: humans\n', 'r.yaml': readFileSync(join(import.meta.dirname, '../fixtures/rubrics/mini.yaml'), 'utf8') };
    const dir = tempProject(files);
    const r = await runCli([...args, '--no-evidence'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ready: --output .*: that is a file this command reads; write the output elsewhere\n$/);
    for (const [f, text] of Object.entries(files)) expect(readFileSync(join(dir, f), 'utf8')).toBe(text);
  });

  it('ready diff refuses to write over one of the reports it compares', async () => {
    const dir = tempProject({ 'readiness.yaml': 'answers:\n  consumer: humans\n' });
    expect((await runCli(['check', '--no-evidence', '--format', 'json', '-o', 'a.json'], { cwd: dir })).code).toBe(1);
    const before = readFileSync(join(dir, 'a.json'), 'utf8');
    const r = await runCli(['diff', 'a.json', 'a.json', '-o', 'a.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(before);
  });
});

describe('gate flags out of range', () => {
  it.each([
    [['--max-age-days', '0'], 'ready: --max-age-days: expected a whole number of at least 1, got "0"'],
    [['--max-blockers', '1.5'], 'ready: --max-blockers: expected a whole number of at least 0, got "1.5"'],
    [['--min-score', 'abc'], 'ready: --min-score: expected a number from 0 to 100, got "abc"'],
  ])('%j', async (flags, message) => {
    const dir = tempProject({ 'readiness.yaml': 'answers: {}\n' });
    const r = await runCli(['check', '--no-evidence', ...flags], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });
});
