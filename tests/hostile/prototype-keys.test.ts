// Issue 16, the names JavaScript objects already have. `__proto__` as a key would set an object's
// prototype (or vanish when a schema copies it), so an answer, a gate minimum, a respondent or a
// rubric's tier gate written under it was silently ignored: it is refused, with its line, wherever
// it appears, by the fast reader (which leaves it to the full parser) and the full parser alike.
// `constructor`, `prototype` and the other names of Object.prototype are ordinary ids: never
// inherited, never missing, the same through both readers.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSimpleYaml, PATH_SEP } from '../../src/load/yaml-fast.js';
import { parseYaml } from '../../src/load/read-yaml.js';
import { parseYamlText } from '../../src/load/yaml-file.js';
import { InputError } from '../../src/errors.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectCleanErrors, snapshot, tempDirs } from './helpers.js';

const MINI = readFileSync(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'), 'utf8');
const dirs = tempDirs();
afterAll(() => dirs.cleanUp());

const RESERVED = /"__proto__" cannot be used as a key \(JavaScript reserves it\)/;

async function refusal(file: string, text: string): Promise<string> {
  const err = await parseYaml(file, text, 'readiness file').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).message;
}

describe('the fast reader', () => {
  it.each([
    ['at the top', '__proto__: x\n'],
    ['under answers', 'answers:\n  consumer: humans\n  __proto__:\n    choice: x\n'],
    ['deep inside', 'gate:\n  minArea:\n    __proto__: 50\n'],
  ])('leaves __proto__ %s to the full parser', (_, text) => {
    expect(parseSimpleYaml(text)).toBeNull();
  });

  it('keeps constructor and prototype as own keys, with their lines', () => {
    const fast = parseSimpleYaml('answers:\n  constructor: x\n  prototype:\n    choice: y\n')!;
    const answers = fast.data.answers as Record<string, unknown>;
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.keys(answers)).toEqual(['constructor', 'prototype']);
    expect(answers.constructor).toBe('x');
    expect(fast.lines.get(['answers', 'prototype', 'choice'].join(PATH_SEP))).toBe(4);
  });
});

describe('the full parser', () => {
  it.each([
    ['a block map (the fast reader declined)', 'answers:\n  consumer: humans\n  __proto__:\n    choice: x\n', 3, 'answers.__proto__'],
    ['a flow map', 'answers: { consumer: humans, __proto__: x }\n', 1, 'answers.__proto__'],
    ['a quoted key', 'answers:\n  consumer: humans\n  "__proto__": x\n', 3, 'answers.__proto__'],
    ['inside a list', 'questions:\n  - id: a\n  - id: b\n    __proto__: { x: 1 }\n', 4, 'questions[1].__proto__'],
    ['an anchored copy', 'x: &a { __proto__: 1 }\ny: *a\n', 1, 'x.__proto__'],
  ])('refuses __proto__ in %s, at its line', async (_, text, line, path) => {
    const message = await refusal('readiness.yaml', text);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^readiness\\.yaml:${line} ${path.replace(/[.[\]]/g, '\\$&')}: `));
    expect(message).toMatch(RESERVED);
  });

  it('reads constructor and prototype as the fast reader does', () => {
    const text = 'answers:\n  constructor: x\n  prototype:\n    choice: y\n';
    const full = parseYamlText('r.yaml', text, 'readiness file');
    expect(full.data).toEqual(parseSimpleYaml(text)!.data);
    expect(Object.getPrototypeOf((full.data as { answers: object }).answers)).toBe(Object.prototype);
    expect(full.lineOf(['answers', 'prototype', 'choice'])).toBe(4);
  });
});

describe('ready check', () => {
  const project = (files: Record<string, string>) => dirs.make({ 'mini.yaml': MINI, ...files });
  const refused = async (files: Record<string, string>, line: RegExp) => {
    const dir = project(files);
    const before = snapshot(dir);
    const r = await runCli(['check', '--no-evidence'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expectCleanErrors(r);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).toMatch(RESERVED);
    expect(snapshot(dir)).toEqual(before);
  };

  it.each([
    ['an answer', 'rubric: mini.yaml\nanswers:\n  consumer: humans\n  __proto__:\n    choice: none\n', /^ready: readiness\.yaml:4 answers\.__proto__: /],
    ['an area minimum', 'rubric: mini.yaml\ngate:\n  minArea:\n    __proto__: 50\nanswers:\n  consumer: humans\n', /^ready: readiness\.yaml:4 gate\.minArea\.__proto__: /],
    ['a respondent', 'rubric: mini.yaml\nrespondents:\n  __proto__: [someone]\nanswers:\n  consumer: humans\n', /^ready: readiness\.yaml:3 respondents\.__proto__: /],
  ])('refuses __proto__ as %s in readiness.yaml', async (_, readiness, line) => {
    await refused({ 'readiness.yaml': readiness }, line);
  });

  it.each([
    ['a tier gate', MINI.replace('  high: { minScore: 60 }', '  __proto__: { minScore: 60 }'), /^ready: \S*r\.yaml:26 gates\.__proto__: /],
    ['a tier rule condition', MINI.replace('when: { consumer: humans }', 'when: { __proto__: humans }'), /^ready: \S*r\.yaml:18 tierRules\[0\]\.when\.__proto__: /],
  ])('refuses __proto__ as %s in a rubric', async (_, rubric, line) => {
    await refused({ 'r.yaml': rubric, 'readiness.yaml': 'rubric: r.yaml\nanswers:\n  consumer: humans\n' }, line);
  });

  // the mini rubric with its owner question named `constructor` and its data area `prototype`
  const OWN = MINI.replace(/\bowner\b/g, 'constructor').replace('id: data,', 'id: prototype,').replace(/area: data/g, 'area: prototype');
  const report = async (readiness: string) => {
    const dir = project({ 'own.yaml': OWN, 'readiness.yaml': readiness });
    const r = await runCli(['check', '--no-evidence', '--format', 'json'], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    return JSON.parse(r.stdout) as { questions: { id: string; status: string }[]; gate: { terms: { minArea: Record<string, unknown> } } };
  };
  const status = (r: Awaited<ReturnType<typeof report>>, id: string) => r.questions.find((q) => q.id === id)?.status;

  it.each([
    ['block style (the fast reader)', 'rubric: own.yaml\nanswers:\n  consumer: humans\n'],
    ['flow style (the full parser)', 'rubric: own.yaml\nanswers: { consumer: humans }\n'],
  ])('a question named constructor is unanswered until answered, in %s', async (_, readiness) => {
    expect(status(await report(readiness), 'constructor')).toBe('unanswered');
    const answered = readiness.replace('consumer: humans', readiness.includes('{') ? 'consumer: humans, constructor: none' : 'consumer: humans\n  constructor: none');
    expect(status(await report(answered), 'constructor')).toBe('answered');
  });

  it('an area named prototype takes its gate minimum like any other', async () => {
    const r = await report('rubric: own.yaml\ngate:\n  minArea:\n    prototype: 50\nanswers:\n  consumer: humans\n');
    expect(Object.keys(r.gate.terms.minArea)).toEqual(['prototype']);
  });

  it.each(['constructor', 'prototype'])('%s where the rubric has no such id is an unknown id, at its line', async (id) => {
    const dir = project({ 'readiness.yaml': `rubric: mini.yaml\ngate:\n  minArea:\n    ${id}: 50\nanswers:\n  consumer: humans\n` });
    const r = await runCli(['check', '--no-evidence'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^ready: readiness\\.yaml:4 gate\\.minArea\\.${id}: unknown area "${id}"`));
  });
});
