// Issue 16, an answer written as a YAML alias: `answers: { a: &x {choice: y}, b: *x }` is one
// node under two keys, so re-answering either in place would change both (or, for an anchored
// shorthand, leave the other pointing at an anchor that is gone). Saving makes the edited answer
// its own node and keeps every other answer exactly as it read.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { editAnswer, ReadinessWriter } from '../../src/write/readiness-writer.js';
import { runAssess } from '../../src/commands/assess.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { FIXTURES, NOW } from '../helpers/rubric.js';
import { answer, ScriptedPrompter } from '../prompt/scripted-prompter.js';
import { tempDirs } from './helpers.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanUp());

const CHANGE = { choice: ['w'], by: 'me' };
const answers = (text: string) => (parse(text) as { answers: Record<string, unknown> }).answers;

// [what, readiness.yaml, the answer re-answered, what every answer reads afterwards]
const CASES: [string, string, string, Record<string, unknown>][] = [
  ['a flow map, re-answering the anchor', 'answers: { a: &x {choice: y}, b: *x }\n', 'a', { a: { choice: 'w', by: 'me' }, b: { choice: 'y' } }],
  ['a flow map, re-answering the alias', 'answers: { a: &x {choice: y}, b: *x }\n', 'b', { a: { choice: 'y' }, b: { choice: 'w', by: 'me' } }],
  ['block maps, re-answering the anchor', 'answers:\n  a: &x\n    choice: y\n    note: kept\n  b: *x\n', 'a', { a: { choice: 'w', note: 'kept', by: 'me' }, b: { choice: 'y', note: 'kept' } }],
  ['block maps, re-answering the alias', 'answers:\n  a: &x\n    choice: y\n  b: *x\n', 'b', { a: { choice: 'y' }, b: { choice: 'w', by: 'me' } }],
  ['an anchored shorthand', 'answers:\n  a: &x y\n  b: *x\n', 'a', { a: { choice: 'w', by: 'me' }, b: 'y' }],
  ['an anchored list', 'answers:\n  a: &x [y, z]\n  b: *x\n', 'a', { a: { choice: 'w', by: 'me' }, b: ['y', 'z'] }],
  ['an alias of a shorthand, re-answered', 'answers:\n  a: &x y\n  b: *x\n', 'b', { a: 'y', b: { choice: 'w', by: 'me' } }],
  ['an anchor inside the answer', 'answers:\n  a:\n    choice: &c y\n    note: mine\n  b:\n    choice: *c\n    note: theirs\n', 'a', { a: { choice: 'w', note: 'mine', by: 'me' }, b: { choice: 'y', note: 'theirs' } }],
  ['an alias whose anchor is outside answers', 'x-defaults: &d\n  choice: y\nanswers:\n  a: *d\n  b: *d\n', 'a', { a: { choice: 'w', by: 'me' }, b: { choice: 'y' } }],
];

describe('saving over an alias or an anchored answer', () => {
  it.each(CASES)('%s', (_, text, id, expected) => {
    const out = editAnswer(text, id, CHANGE);
    expect(answers(out)).toEqual(expected);
  });

  it('changes only the lines of the answer when no alias is involved', () => {
    const text = 'answers:\n  # the anchor is not shared\n  a: &x\n    choice: y\n  b:\n    choice: z\n';
    expect(editAnswer(text, 'a', { choice: ['w'] })).toBe('answers:\n  # the anchor is not shared\n  a: &x\n    choice: w\n  b:\n    choice: z\n');
  });

  it('through the writer, twice in a row', () => {
    const dir = dirs.make({ 'readiness.yaml': 'answers: { a: &x {choice: y}, b: *x }\n' });
    const file = join(dir, 'readiness.yaml');
    const writer = new ReadinessWriter(file, readFileSync(file, 'utf8'), { rubric: 'r', rubricVersion: '1' });
    expect(writer.save('a', { choice: ['w'] })).toBe('saved');
    expect(writer.save('b', { note: 'still y' })).toBe('saved');
    expect(answers(readFileSync(file, 'utf8'))).toEqual({ a: { choice: 'w' }, b: { choice: 'y', note: 'still y' } });
  });
});

describe('ready assess re-answering an answer that is an alias', () => {
  // the mini rubric: quality and owner both have an option `none`
  const MAP = '  quality: &x { choice: none, note: one answer for two }\n  owner: *x\n';
  const SHORTHAND = '  quality: &x none\n  owner: *x\n';
  it.each([
    ['the anchored answer', MAP, 'quality'],
    ['the alias', MAP, 'owner'],
    ['an anchored shorthand', SHORTHAND, 'quality'],
    ['the alias of a shorthand', SHORTHAND, 'owner'],
  ])('re-answering %s keeps the other answer', async (_, shared, changed) => {
    const repo = dirs.make();
    mkdirSync(join(repo, '.git'));
    copyFileSync(join(FIXTURES, 'rubrics/mini.yaml'), join(repo, 'mini.yaml'));
    const file = join(repo, 'readiness.yaml');
    writeFileSync(file, `rubric: mini.yaml\nanswers:\n  consumer: humans\n${shared}  tools: [ci]\n`);
    const moves = [
      answer('consumer', 'humans'),
      answer('quality', changed === 'quality' ? 'automated' : 'none'),
      answer('owner', changed === 'owner' ? 'named' : 'none'),
      answer('tools', 'ci'),
    ];
    const prompter = new ScriptedPrompter(moves);
    let err = '';
    const code = await runAssess(
      { file },
      { prompter, out: () => {}, err: (t) => (err += t), color: false, now: () => NOW, whoAmI: async () => 'Tester' },
    );
    expect(err).toBe('');
    expect(prompter.remaining).toBe(0);
    expect([0, 1]).toContain(code);
    const saved = (await loadReadiness(file)).answers;
    const other = changed === 'quality' ? 'owner' : 'quality';
    expect(saved[changed]!.choice).toEqual([changed === 'quality' ? 'automated' : 'named']);
    expect(saved[other]!.choice).toEqual(['none']);
    if (shared === MAP) expect(saved[other]!.note).toBe('one answer for two');
  });
});
