// Each kind of override a child rubric can make, merged onto a parent and validated as a whole.
import { describe, expect, it } from 'vitest';
import { mergeRubricDocuments, chainVersion } from '../../src/core/rubric-merge.js';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import type { Rubric } from '../../src/core/rubric-schema.js';

const parent = () => ({
  id: 'parent',
  version: '1.0.0',
  title: 'Parent',
  areas: [
    { id: 'data', title: 'Data' },
    { id: 'tech', title: 'Technology', weight: 2 },
  ],
  tiers: [{ id: 'low', title: 'Low' }, { id: 'high', title: 'High' }],
  tierQuestions: [{ id: 'consumer', prompt: 'Who?', options: [{ id: 'humans', label: 'H' }, { id: 'machines', label: 'M' }] }],
  tierRules: [
    { when: { consumer: 'humans' }, tier: 'low', reason: 'people' },
    { when: { consumer: 'machines' }, tier: 'high', reason: 'software' },
  ],
  levels: [{ id: 'a', title: 'A', min: 0 }, { id: 'b', title: 'B', min: 50 }],
  gates: { high: { minScore: 60, minArea: { data: 50 } } },
  questions: [
    {
      id: 'quality',
      area: 'data',
      prompt: 'Quality?',
      options: [
        { id: 'auto', label: 'Automated', score: 1 },
        { id: 'manual', label: 'By hand', score: 0.5, remediation: { summary: 'Automate it.', steps: ['Write the checks as code.'], effort: 'S' } },
        { id: 'none', label: 'None', score: 0 },
      ],
      remediation: { summary: 'Check quality.', steps: ['List the checks.'], effort: 'M', references: [{ title: 'Paper' }] },
    },
    {
      id: 'serving',
      area: 'tech',
      prompt: 'Serving?',
      when: { question: 'quality', in: ['auto'] },
      evidence: [{ id: 'dockerfile', kind: 'file', paths: ['Dockerfile'], supports: ['api'] }],
      options: [
        { id: 'api', label: 'API', score: 1 },
        { id: 'file', label: 'Files', score: 0.5 },
      ],
      remediation: { summary: 'Serve it.', steps: ['Wrap it.'], effort: 'M' },
    },
  ],
});

const child = (overrides: Record<string, unknown>) => ({ extends: './parent.yaml', id: 'child', version: '0.1.0', ...overrides });

function merged(overrides: Record<string, unknown>, base: object = parent()): Rubric {
  const m = mergeRubricDocuments([base as Record<string, unknown>, child(overrides)]);
  expect(m.problems).toEqual([]);
  const { rubric, problems } = prepareRubric(m.data);
  expect(problems).toEqual([]);
  return rubric!;
}
const question = (r: Rubric, id: string) => r.questions.find((q) => q.id === id)!;
const normalizedParent = () => prepareRubric(parent()).rubric!;

const cases: [string, Record<string, unknown>, (r: Rubric) => void][] = [
  [
    'adds an area',
    { areas: [{ id: 'compliance', title: 'Compliance', weight: 3 }] },
    (r) => expect(r.areas.map((a) => [a.id, a.weight])).toEqual([['data', 1], ['tech', 2], ['compliance', 3]]),
  ],
  [
    'adds a question, with "dont-know"',
    { questions: [{ id: 'owner', area: 'data', prompt: 'Owner?', options: [{ id: 'named', label: 'Named', score: 1 }, { id: 'nobody', label: 'Nobody', score: 0, blocker: true }], remediation: { summary: 'Find one.', steps: ['Ask.'], effort: 'S' } }] },
    (r) => {
      expect(r.questions.map((q) => q.id)).toEqual(['quality', 'serving', 'owner']);
      expect(question(r, 'owner').options.map((o) => o.id)).toEqual(['named', 'nobody', 'dont-know']);
    },
  ],
  [
    'changes an area weight and a question weight',
    { areas: [{ id: 'tech', weight: 5 }], questions: [{ id: 'quality', weight: 4 }] },
    (r) => {
      expect(r.areas.find((a) => a.id === 'tech')).toMatchObject({ title: 'Technology', weight: 5 });
      expect(question(r, 'quality')).toMatchObject({ weight: 4, prompt: 'Quality?' });
    },
  ],
  [
    'changes a gate term and keeps the others',
    { gates: { high: { minScore: 80, minArea: { tech: 40 } }, low: { minScore: 30 } } },
    (r) => expect(r.gates).toEqual({ high: { minScore: 80, minArea: { data: 50, tech: 40 } }, low: { minScore: 30 } }),
  ],
  [
    'replaces the levels wholesale',
    { levels: [{ id: 'red', title: 'Red', min: 0 }, { id: 'amber', title: 'Amber', min: 40 }, { id: 'green', title: 'Green', min: 80 }] },
    (r) => expect(r.levels.map((l) => [l.id, l.min])).toEqual([['red', 0], ['amber', 40], ['green', 80]]),
  ],
  [
    'replaces the tier rules wholesale',
    { tierRules: [{ when: {}, tier: 'high', reason: 'everything is high here' }] },
    (r) => expect(r.tierRules).toEqual([{ when: {}, tier: 'high', reason: 'everything is high here' }]),
  ],
  [
    "replaces an option's score and keeps its label",
    { questions: [{ id: 'quality', options: [{ id: 'manual', score: 0.25 }] }] },
    (r) => {
      expect(question(r, 'quality').options.find((o) => o.id === 'manual')).toMatchObject({ label: 'By hand', score: 0.25 });
      expect(question(r, 'quality').options.map((o) => o.id)).toEqual(['auto', 'manual', 'none', 'dont-know']);
    },
  ],
  [
    "replaces a question's remediation, key by key",
    { questions: [{ id: 'quality', remediation: { summary: 'Use our data-quality platform.', steps: ['Register the tables.', 'Add the checks.'] } }] },
    (r) =>
      expect(question(r, 'quality').remediation).toEqual({ summary: 'Use our data-quality platform.', steps: ['Register the tables.', 'Add the checks.'], effort: 'M', references: [{ title: 'Paper' }] }),
  ],
  [
    "replaces an option's remediation",
    { questions: [{ id: 'quality', options: [{ id: 'manual', remediation: { summary: 'Move the checks to our platform.', effort: 'L' } }] }] },
    (r) => expect(question(r, 'quality').options[1]!.remediation).toMatchObject({ summary: 'Move the checks to our platform.', steps: ['Write the checks as code.'], effort: 'L' }),
  ],
  [
    'removes a question',
    { remove: { questions: ['serving'] } },
    (r) => expect(r.questions.map((q) => q.id)).toEqual(['quality']),
  ],
  [
    'removes an option',
    { remove: { options: { quality: ['manual'] } } },
    (r) => expect(question(r, 'quality').options.map((o) => o.id)).toEqual(['auto', 'none', 'dont-know']),
  ],
  [
    'removes then re-adds a question, which replaces it wholesale',
    { remove: { questions: ['serving'] }, questions: [{ id: 'serving', area: 'tech', prompt: 'How do you serve?', options: [{ id: 'batch', label: 'Batch', score: 1 }, { id: 'none', label: 'Not at all', score: 0 }], remediation: { summary: 'Serve.', steps: ['Do.'], effort: 'S' } }] },
    (r) => {
      expect(question(r, 'serving').options.map((o) => o.id)).toEqual(['batch', 'none', 'dont-know']);
      expect(question(r, 'serving').when).toBeUndefined();
      expect(question(r, 'serving').evidence).toEqual([]);
    },
  ],
  [
    'adds an option before "dont-know"',
    { questions: [{ id: 'quality', options: [{ id: 'vendor', label: 'A vendor checks it', score: 0.75 }] }] },
    (r) => expect(question(r, 'quality').options.map((o) => o.id)).toEqual(['auto', 'manual', 'none', 'vendor', 'dont-know']),
  ],
  [
    "replaces a question's `when` wholesale",
    { questions: [{ id: 'serving', when: { not: { question: 'quality', in: ['none'] } } }] },
    (r) => expect(question(r, 'serving').when).toEqual({ not: { question: 'quality', in: ['none'] } }),
  ],
  [
    'replaces an evidence probe by id and appends one without',
    { questions: [{ id: 'serving', evidence: [{ id: 'dockerfile', kind: 'file', paths: ['docker/Dockerfile'] }, { kind: 'dependency', packages: ['fastapi'], supports: ['api'] }] }] },
    (r) => {
      const probes = question(r, 'serving').evidence;
      expect(probes.map((p) => [p.id, p.kind])).toEqual([['dockerfile', 'file'], [undefined, 'dependency']]);
      expect(probes[0]).toMatchObject({ paths: ['docker/Dockerfile'], supports: [] });
    },
  ],
  [
    'changes top-level settings',
    { title: 'Child', aggregation: 'min', blockedLevel: 'a' },
    (r) => expect(r).toMatchObject({ id: 'child', title: 'Child', aggregation: 'min', blockedLevel: 'a' }),
  ],
];

describe('a child rubric overrides its parent', () => {
  it.each(cases)('%s', (_, overrides, check) => check(merged(overrides)));

  // a built-in parent comes precompiled and normalised (defaults filled in, "dont-know" added)
  it.each(cases)('%s: the same on the normalised parent', (_, overrides) => {
    expect(merged(overrides, normalizedParent())).toEqual(merged(overrides));
  });

  it('names the version after the whole chain', () => {
    expect(merged({}).version).toBe('0.1.0+parent.1.0.0');
    expect(chainVersion([{ id: 'a', version: '1' }, { id: 'b', version: '2' }, { id: 'c', version: '3' }])).toBe('3+b.2+a.1');
  });

  it('keeps a "__proto__" key as data, for the schema to refuse', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "gates": {"__proto__": {"minScore": 1}}}');
    const m = mergeRubricDocuments([parent(), child(hostile)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(m.data, '__proto__')).toBe(true);
    expect(prepareRubric(m.data).problems).toContainEqual(expect.objectContaining({ path: [], message: 'unknown key "__proto__"' }));
  });

  it('leaves the parent document untouched', () => {
    const p = parent();
    const before = structuredClone(p);
    mergeRubricDocuments([p, child({ questions: [{ id: 'quality', weight: 9 }], remove: { questions: ['serving'] } })]);
    expect(p).toEqual(before);
  });
});

describe('merge problems name the document and the path in it', () => {
  const problems = (overrides: Record<string, unknown>) => mergeRubricDocuments([parent(), child(overrides)]).problems;

  it.each([
    ['an unknown question to remove', { remove: { questions: ['nope'] } }, { doc: 1, path: ['remove', 'questions', 0], message: 'no question "nope" to remove in the rubric it extends' }],
    ['an unknown option to remove', { remove: { options: { quality: ['nope'] } } }, { doc: 1, path: ['remove', 'options', 'quality', 0], message: 'no option "nope" to remove from "quality"' }],
    ['options of an unknown question', { remove: { options: { nope: ['a'] } } }, { doc: 1, path: ['remove', 'options', 'nope'], message: 'no question "nope" in the rubric it extends' }],
    ['something that cannot be removed', { remove: { levels: ['a'] } }, { doc: 1, path: ['remove', 'levels'], message: 'cannot remove "levels" (can remove: areas, roles, tiers, tierQuestions, questions, options)' }],
    ['the same new id twice', { areas: [{ id: 'x', title: 'X' }, { id: 'x', title: 'Y' }] }, { doc: 1, path: ['areas', 1, 'id'], message: 'duplicate id "x" in this list' }],
  ])('%s', (_, overrides, expected) => expect(problems(overrides)).toEqual([expected]));

  it('requires an id and a version of an extending rubric', () => {
    const m = mergeRubricDocuments([parent(), { extends: './p.yaml', title: 'No id' }]);
    expect(m.problems.map((p) => [p.doc, p.path.join('.')])).toEqual([[1, 'id'], [1, 'version']]);
  });
});

describe('every part of the merged rubric knows where it came from', () => {
  const m = mergeRubricDocuments([
    parent(),
    child({ questions: [{ id: 'quality', options: [{ id: 'manual', score: 2 }] }, { id: 'new', area: 'data' }] }),
    { extends: './child.yaml', id: 'leaf', version: '1', areas: [{ id: 'tech', weight: 3 }] },
  ]);

  it.each([
    ['a key the child changed', ['questions', 0, 'options', 1, 'score'], { doc: 1, path: ['questions', 0, 'options', 0, 'score'] }],
    ['a key the parent wrote in an entry the child changed', ['questions', 0, 'options', 1, 'label'], { doc: 0, path: ['questions', 0, 'options', 1, 'label'] }],
    ['an entry the child added', ['questions', 2, 'area'], { doc: 1, path: ['questions', 1, 'area'] }],
    ['a key missing from an entry the child added', ['questions', 2, 'prompt'], { doc: 1, path: ['questions', 1, 'prompt'] }],
    ['a grandchild override', ['areas', 1, 'weight'], { doc: 2, path: ['areas', 0, 'weight'] }],
    ['an untouched parent entry', ['questions', 1, 'when', 'question'], { doc: 0, path: ['questions', 1, 'when', 'question'] }],
    ['the top of the document', ['version'], { doc: 2, path: ['version'] }],
  ])('%s', (_, path, origin) => expect(m.locate(path)).toEqual(origin));
});
