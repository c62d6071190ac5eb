// The JSON Schemas that ship in schemas/ (generated from zod at build time) against a real JSON
// Schema validator: they accept what zod accepts and refuse what zod refuses, and the files that
// carry a `# yaml-language-server: $schema=…` line validate against the schema that line names.
import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { RubricDocument } from '../../src/core/rubric-extension-schema.js';
import { Readiness } from '../../src/core/readiness-schema.js';
import { schemaOfText } from '../../src/write/schema-ref.js';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

const SCHEMAS = join(ROOT, 'schemas');

// what ajv-formats would check for the formats zod writes into the schemas
const formats = {
  uri: (s: string) => URL.canParse(s),
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};
const validators = new Map<string, ValidateFunction>();
function validatorFor(schemaFile: string): ValidateFunction {
  if (!validators.has(schemaFile)) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, formats });
    validators.set(schemaFile, ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8'))));
  }
  return validators.get(schemaFile)!;
}
const ajvAccepts = (kind: 'rubric' | 'readiness', data: unknown) => validatorFor(join(SCHEMAS, `${kind}.schema.json`))(data);
const zodAccepts = (kind: 'rubric' | 'readiness', data: unknown) => (kind === 'rubric' ? RubricDocument : Readiness).safeParse(data).success;

const yamlOf = (file: string) => parse(readFileSync(file, 'utf8'));
const MINI = yamlOf(join(ROOT, 'tests/fixtures/rubrics/mini.yaml'));
const TEAM = yamlOf(join(ROOT, 'tests/fixtures/rubrics/extends/team.yaml'));
type Doc = Record<string, any>;
const mini = (change: (r: Doc) => void) => {
  const r = structuredClone(MINI);
  change(r);
  return r;
};
const team = (change: (r: Doc) => void) => {
  const r = structuredClone(TEAM);
  change(r);
  return r;
};

const rubricSamples: [string, unknown, boolean][] = [
  ['the mini fixture', MINI, true],
  ['the built-in default rubric', yamlOf(join(ROOT, 'rubrics/default.yaml')), true],
  ['the ML Test Score rubric', yamlOf(join(ROOT, 'rubrics/ml-test-score.yaml')), true],
  ['a rubric with `replaces`', mini((r) => (r.questions[0].replaces = ['old-quality', 'older-quality'])), true],
  ['a gate term with a level', mini((r) => (r.gates.high.minScore = { value: 60, level: 'warn' })), true],
  ['a score of 1.5', mini((r) => (r.questions[0].options[0].score = 1.5)), false],
  ['a missing id', mini((r) => delete r.id), false],
  ['an unknown top-level key', mini((r) => (r.weights = {})), false],
  ['an unknown key in an option', mini((r) => (r.questions[0].options[0].scor = 1)), false],
  ['a single option', mini((r) => (r.questions[1].options = [r.questions[1].options[0]])), false],
  ['an id with capitals', mini((r) => (r.areas[0].id = 'Data')), false],
  ['a numeric version', mini((r) => (r.version = 1)), false],
  ['an unknown aggregation', mini((r) => (r.aggregation = 'median')), false],
  ['an effort of XL', mini((r) => (r.questions[0].remediation.effort = 'XL')), false],
  ['a remediation without steps', mini((r) => (r.questions[0].remediation.steps = [])), false],
  ['a probe of an unknown kind', mini((r) => (r.questions[0].evidence = [{ kind: 'command', run: 'make' }])), false],
  ['`remove` in a complete rubric', mini((r) => (r.remove = { questions: ['quality'] })), false],
  ['a list at the top', [MINI], false],
  // rubrics that extend another
  ['an extending rubric', TEAM, true],
  ['an extending rubric with only an id and a version', { extends: 'builtin:default', id: 'acme', version: '1' }, true],
  ['partial overrides of an option and a remediation', team((r) => (r.questions = [{ id: 'quality', options: [{ id: 'manual', score: 0.25 }], remediation: { summary: 'Ours.' } }])), true],
  ['removals', team((r) => (r.remove = { questions: ['serving'], areas: ['tech'], options: { quality: ['manual'] } })), true],
  ['an extending rubric without a version', team((r) => delete r.version), false],
  ['an unknown key in an override', team((r) => (r.questions = [{ id: 'quality', wieght: 2 }])), false],
  ['an override without an id', team((r) => (r.questions = [{ weight: 2 }])), false],
  ['an option score of 2 in an override', team((r) => (r.questions = [{ id: 'quality', options: [{ id: 'manual', score: 2 }] }])), false],
  ['removing levels', team((r) => (r.remove = { levels: ['a'] })), false],
  ['removing with a string instead of a list', team((r) => (r.remove = { questions: 'serving' })), false],
  ['an empty extends', team((r) => (r.extends = '')), false],
  ['tier rules that are not a list', team((r) => (r.tierRules = { when: {} })), false],
];

const readinessSamples: [string, unknown, boolean][] = [
  ['shorthand answers', { answers: { consumer: 'humans', tools: ['ci', 'docker'] } }, true],
  ['the long form, with a date', { rubric: 'builtin:default', rubricVersion: '1.0.0', answers: { consumer: { choice: 'humans', note: 'n', by: 'Sam', at: '2026-11-28' } } }, true],
  ['a date-time answer', { answers: { consumer: { choice: ['humans'], at: '2026-11-28T10:00:00Z' } } }, true],
  ['a numeric rubric version', { rubricVersion: 2, answers: {} }, true],
  ['an answer not yet given', { answers: { consumer: null } }, true],
  ['not applicable with a reason', { answers: { owner: { notApplicable: 'public data' } } }, true],
  ['a gate with levels', { gate: { minScore: { value: 70, level: 'warn' }, minArea: { data: 50 }, maxAgeDays: 180 }, answers: {} }, true],
  ['no answers at all', { answers: null }, true],
  ['an unknown top-level key', { answer: {} }, false],
  ['a bad date', { answers: { consumer: { choice: 'humans', at: 'yesterday' } } }, false],
  ['a number as a choice', { answers: { consumer: { choice: 5 } } }, false],
  ['not applicable without a reason', { answers: { owner: { notApplicable: '' } } }, false],
  ['an empty list of choices', { answers: { tools: [] } }, false],
  ['a minimum score above 100', { gate: { minScore: 120 } }, false],
  ['an unknown gate term', { gate: { minScores: 50 } }, false],
  ['an unknown key in an answer', { answers: { consumer: { choise: 'humans' } } }, false],
];

describe('the JSON Schemas agree with zod', () => {
  it.each(rubricSamples)('rubric: %s', (_, data, valid) => {
    expect(zodAccepts('rubric', data)).toBe(valid);
    expect(ajvAccepts('rubric', data)).toBe(valid);
  });

  it.each(readinessSamples)('readiness.yaml: %s', (_, data, valid) => {
    expect(zodAccepts('readiness', data)).toBe(valid);
    expect(ajvAccepts('readiness', data)).toBe(valid);
  });

  // refinements a JSON Schema cannot carry: zod refuses these, editors will not flag them
  it.each([
    ['a reference that is not http(s)', mini((r) => (r.questions[0].remediation.references = [{ title: 'T', url: 'ftp://example.com/x' }]))],
    ['a probe path that climbs out of the repository', mini((r) => (r.questions[0].evidence = [{ kind: 'file', paths: ['../secrets'] }]))],
  ])('known gap: %s', (_, data) => {
    expect(zodAccepts('rubric', data)).toBe(false);
    expect(ajvAccepts('rubric', data)).toBe(true);
  });

  it('reports the errors of the shape a file means: complete, or extending', () => {
    const validate = validatorFor(join(SCHEMAS, 'rubric.schema.json'));
    validate(team((r) => (r.questions = [{ id: 'quality', wieght: 2 }])));
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toContain('/questions/0 must NOT have additional properties');
    expect(validate.errors!.some((e) => e.message?.includes("required property 'areas'"))).toBe(false);
  });
});

describe('a YAML file with the schema line validates against the schema it names', () => {
  const withSchemaLine = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter((f) => schemaOfText(readFileSync(f, 'utf8')) !== undefined);

  const files = [...withSchemaLine(join(ROOT, 'rubrics')), ...withSchemaLine(join(ROOT, 'tests/fixtures/rubrics/extends')), ...(existsSync(join(ROOT, 'examples')) ? withSchemaLine(join(ROOT, 'examples')) : [])];

  it('finds the files that carry the line', () => {
    expect(files.map((f) => basename(f))).toEqual(expect.arrayContaining(['default.yaml', 'ml-test-score.yaml', 'base.yaml', 'team.yaml']));
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const schema = resolve(dirname(file), schemaOfText(text)!);
    expect(existsSync(schema)).toBe(true);
    const validate = validatorFor(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the readiness.yaml `ready init` writes names a schema it validates against', async () => {
    const dir = tempProject();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'readiness.yaml'), 'utf8');
    const ref = schemaOfText(text)!;
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${ref}`);
    const schema = /^https:/.test(ref) ? join(SCHEMAS, basename(new URL(ref).pathname)) : resolve(dir, ref);
    expect(basename(schema)).toBe('readiness.schema.json');
    const validate = validatorFor(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the YAML `ready rubric show` writes names the published copy of the same schema', async () => {
    const dir = tempProject({ 'acme.yaml': 'extends: builtin:ml-test-score\nid: acme\nversion: 1.0.0\nremove:\n  questions: [inclusion]\n' });
    const r = await runCli(['rubric', 'show', 'acme.yaml', '--format', 'yaml'], { cwd: dir });
    const url = schemaOfText(r.stdout)!;
    expect(url).toMatch(/^https:\/\/unpkg\.com\/ready-cli@[\w.-]+\/schemas\/rubric\.schema\.json$/);
    // the package ships what the URL names: validate against the local copy
    const validate = validatorFor(join(SCHEMAS, basename(new URL(url).pathname)));
    expect(validate(parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });
});
