// Loading rubrics that extend others: chains, cycles, missing parents, packages, built-ins, and
// errors reported in the file (and at the line) that introduced them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRubricChain, loadRubric } from '../../src/load/load-rubric.js';
import { InputError } from '../../src/errors.js';
import { tempProject } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/rubric.js';

const DIR = join(FIXTURES, 'rubrics/extends');
const fixture = (name: string) => relative(process.cwd(), join(DIR, name));
const BASE = readFileSync(join(DIR, 'base.yaml'), 'utf8');

async function errorOf(file: string): Promise<string[]> {
  try {
    await loadRubricChain(file);
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('a chain of three rubrics', () => {
  it('merges base <- team <- project', async () => {
    const { rubric, parents } = await loadRubricChain(fixture('project.yaml'));
    expect(rubric.id).toBe('project');
    expect(rubric.title).toBe('Team rubric');
    expect(rubric.version).toBe('0.3.0+team.2.1.0+base.1.0.0');
    expect(rubric.areas.map((a) => [a.id, a.weight])).toEqual([['data', 1], ['tech', 1], ['compliance', 2]]);
    expect(rubric.questions.map((q) => [q.id, q.weight])).toEqual([['quality', 3], ['owner', 1], ['dpo-review', 1]]);
    expect(rubric.gates).toEqual({ high: { minScore: 70, minArea: { data: 50 } } });
    expect(parents).toEqual([
      { source: fixture('team.yaml'), id: 'team', version: '2.1.0' },
      { source: fixture('base.yaml'), id: 'base', version: '1.0.0' },
    ]);
  });

  it('gives the same rubric through loadRubric, with its parents', async () => {
    const loaded = await loadRubric(fixture('project.yaml'));
    expect(loaded.source).toBe(fixture('project.yaml'));
    expect(loaded.parents.map((p) => p.id)).toEqual(['team', 'base']);
  });
});

describe('what stops a chain', () => {
  it('a cycle, listing the chain, at the extends line that closes it', async () => {
    expect(await errorOf(fixture('cycle-a.yaml'))).toEqual([
      `${fixture('cycle-c.yaml')}:4 extends: "extends" forms a cycle: ${['cycle-a', 'cycle-b', 'cycle-c', 'cycle-a'].map((f) => fixture(`${f}.yaml`)).join(' -> ')}`,
    ]);
  });

  it('a rubric extending itself', async () => {
    const dir = tempProject({ 'self.yaml': 'id: self\nversion: "1"\nextends: ./self.yaml\n' });
    expect(await errorOf(join(dir, 'self.yaml'))).toEqual([`${join(dir, 'self.yaml')}:3 extends: "extends" forms a cycle: ${join(dir, 'self.yaml')} -> ${join(dir, 'self.yaml')}`]);
  });

  it('a missing parent, named with the child file and the line of extends', async () => {
    expect(await errorOf(fixture('missing-parent.yaml'))).toEqual([
      `${fixture('missing-parent.yaml')}:4 extends: no such rubric "./no-such-base.yaml" (looked for ${fixture('no-such-base.yaml')})`,
    ]);
  });

  it.each([
    ['an unknown built-in rubric', 'extends: builtin:nope\n', 'no such built-in rubric "nope" (built-in: default, ml-test-score)'],
    ['a file that is not a rubric', 'extends: ./notes.txt\n', '"./notes.txt" is not a rubric file (expected .yaml, .yml or .json)'],
    ['a number', 'extends: 3\n', 'expected the rubric to extend: builtin:ID, a path starting with ./ or ../, or a package name'],
    ['a package that is not installed', 'extends: "@acme/rubrics"\n', 'cannot find package "@acme/rubrics" from'],
  ])('%s', async (_, line, message) => {
    const dir = tempProject({ 'child.yaml': `id: child\nversion: "1"\n${line}` });
    const [first] = await errorOf(join(dir, 'child.yaml'));
    expect(first).toContain(`${join(dir, 'child.yaml')}:3 extends: ${message}`);
  });
});

describe('errors in a merged rubric are reported where they were written', () => {
  it('a bad score in the child: the child file and line', async () => {
    expect(await errorOf(fixture('bad-child.yaml'))).toEqual([`${fixture('bad-child.yaml')}:7 questions[0].options[0].score: must be between 0 and 1`]);
  });

  it('an unknown area in a question the child adds: the child file and line', async () => {
    expect(await errorOf(fixture('bad-child-meaning.yaml'))).toEqual([
      `${fixture('bad-child-meaning.yaml')}:6 questions[0].area: unknown area "governance" (areas: data, tech)`,
    ]);
  });

  it('an unknown key in an override: the line of the key', async () => {
    const dir = tempProject({ 'base.yaml': BASE, 'child.yaml': 'extends: ./base.yaml\nid: c\nversion: "1"\nquestions:\n  - id: owner\n    wieght: 2\n' });
    expect(await errorOf(join(dir, 'child.yaml'))).toEqual([`${join(dir, 'child.yaml')}:6 questions[0]: unknown key "wieght" (did you mean "weight"?)`]);
  });

  it('a parent entry broken by what the child removed: the parent line, naming the child', async () => {
    const dir = tempProject({ 'base.yaml': BASE, 'child.yaml': 'extends: ./base.yaml\nid: c\nversion: "1"\nremove:\n  areas: [tech]\n' });
    const lines = await errorOf(join(dir, 'child.yaml'));
    const serving = BASE.split('\n').findIndex((l) => l.includes('area: tech')) + 1;
    expect(lines).toEqual([`${join(dir, 'base.yaml')}:${serving} questions[2].area: unknown area "tech" (areas: data) (as extended by ${join(dir, 'child.yaml')})`]);
  });

  it('a problem merging: the child line', async () => {
    const dir = tempProject({ 'base.yaml': BASE, 'child.yaml': 'extends: ./base.yaml\nid: c\nversion: "1"\nremove:\n  questions:\n    - owner\n    - ownr\n' });
    expect(await errorOf(join(dir, 'child.yaml'))).toEqual([`${join(dir, 'child.yaml')}:7 remove.questions[1]: no question "ownr" to remove in the rubric it extends`]);
  });
});

describe('extends from a package in node_modules', () => {
  const child = (spec: string) => `extends: "${spec}"\nid: child\nversion: "1"\nquestions:\n  - { id: owner, weight: 2 }\n`;

  it('uses the `ready.rubric` field of package.json, found from the child folder upwards', async () => {
    const dir = tempProject({
      'node_modules/@acme/rubrics/package.json': JSON.stringify({ name: '@acme/rubrics', ready: { rubric: 'rubrics/main.yaml' } }),
      'node_modules/@acme/rubrics/rubrics/main.yaml': BASE.replace('id: base', 'id: acme'),
      'team/child.yaml': child('@acme/rubrics'),
    });
    const { rubric, parents } = await loadRubricChain(join(dir, 'team/child.yaml'));
    expect(parents.map((p) => p.id)).toEqual(['acme']);
    expect(rubric.questions.find((q) => q.id === 'owner')!.weight).toBe(2);
  });

  it('falls back to rubric.yaml at the package root, and takes a file inside the package', async () => {
    const dir = tempProject({
      'node_modules/acme-rubric/package.json': '{"name":"acme-rubric"}',
      'node_modules/acme-rubric/rubric.yaml': BASE.replace('id: base', 'id: root-file'),
      'node_modules/acme-rubric/strict.yaml': BASE.replace('id: base', 'id: strict'),
      'a.yaml': child('acme-rubric'),
      'b.yaml': child('acme-rubric/strict.yaml'),
    });
    expect((await loadRubricChain(join(dir, 'a.yaml'))).parents[0]!.id).toBe('root-file');
    expect((await loadRubricChain(join(dir, 'b.yaml'))).parents[0]!.id).toBe('strict');
  });

  it('refuses a package rubric outside the package', async () => {
    const dir = tempProject({
      'node_modules/sneaky/package.json': JSON.stringify({ name: 'sneaky', ready: { rubric: '../../secret.yaml' } }),
      'secret.yaml': BASE,
      'child.yaml': child('sneaky'),
    });
    expect(await errorOf(join(dir, 'child.yaml'))).toEqual([`${join(dir, 'child.yaml')}:1 extends: package "sneaky" points outside itself for its rubric`]);
  });
});

describe('extends builtin:default', () => {
  it('adds a company question to every built-in one', async () => {
    const builtin = (await loadRubric('builtin:default')).rubric;
    const dir = tempProject({
      'acme.yaml': [
        'extends: builtin:default',
        'id: acme',
        'version: 1.0.0',
        'areas:',
        '  - { id: compliance, title: Compliance }',
        'questions:',
        '  - id: dpo-review',
        '    area: compliance',
        '    prompt: Has the data-protection officer signed off?',
        '    options: [{ id: "yes", label: "Yes", score: 1 }, { id: "no", label: "No", score: 0, blocker: true }]',
        '    remediation: { summary: Ask the DPO., steps: [Book a review.], effort: S }',
        `  - { id: ${builtin.questions[0]!.id}, weight: 5 }`,
        '',
      ].join('\n'),
    });
    const { rubric, parents } = await loadRubricChain(join(dir, 'acme.yaml'));
    expect(rubric.version).toBe(`1.0.0+default.${builtin.version}`);
    expect(parents).toEqual([expect.objectContaining({ id: 'default', version: builtin.version })]);
    expect(rubric.questions.map((q) => q.id)).toEqual([...builtin.questions.map((q) => q.id), 'dpo-review']);
    expect(rubric.questions[0]!.weight).toBe(5);
    expect(rubric.tierRules).toEqual(builtin.tierRules);
  });
});
