// Answers given against an older rubric version: carried over by `replaces`, reported as orphans
// otherwise (kept, not lost), and still an error when the versions agree (a typo, not a migration).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateAnswers } from '../../src/core/migrate.js';
import { normalizeAnswers } from '../../src/core/answers-check.js';
import { evaluate } from '../../src/core/evaluate.js';
import { planSteps } from '../../src/core/questionnaire.js';
import { loadRubricFile } from '../../src/load/load-rubric.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { InputError } from '../../src/errors.js';
import { tempProject } from '../helpers/cli.js';
import { FIXTURES, NOW } from '../helpers/rubric.js';

const V2 = join(FIXTURES, 'rubrics/extends/base-v2.yaml');
const v2 = () => loadRubricFile(V2);

describe('migrateAnswers', () => {
  it('carries an answer over to the question that replaces it, and lists what is new', async () => {
    const m = migrateAnswers(await v2(), { consumer: 'humans', owner: 'named', quality: { choice: 'automated' } }, '1.0.0', (id) => ({ owner: 4 })[id]);
    expect(m.entries).toEqual({ consumer: 'humans', 'data-owner': 'named', quality: { choice: 'automated' } });
    expect(m.sourceOf).toEqual({ 'data-owner': 'owner' });
    expect(m.migration).toEqual({ answeredVersion: '1.0.0', version: '2.0.0', added: ['lineage'], removed: [], carried: [{ from: 'owner', to: 'data-owner', line: 4 }] });
  });

  it('reports an answer whose question is gone as orphaned, with its choice', async () => {
    const m = migrateAnswers(await v2(), { consumer: 'humans', serving: 'api' }, '1.0.0', () => 7);
    expect(m.entries).toEqual({ consumer: 'humans' });
    expect(m.migration!.removed).toEqual([{ id: 'serving', choice: ['api'], reason: 'question-removed', line: 7 }]);
    expect(m.migration!.added).toEqual(['quality', 'data-owner', 'lineage']);
  });

  it('reports an answer whose option is gone, and asks the question again', async () => {
    const m = migrateAnswers(await v2(), { quality: 'manual', owner: ['none'] }, '1.0.0');
    expect(m.migration!.removed).toEqual([{ id: 'quality', choice: ['manual'], reason: 'option-removed' }]);
    expect(m.migration!.carried).toEqual([{ from: 'owner', to: 'data-owner' }]);
    expect(m.migration!.added).toContain('quality');
  });

  it('does not carry an answer whose option the replacing question lacks', async () => {
    const m = migrateAnswers(await v2(), { owner: 'somebody' }, '1.0.0');
    expect(m.entries).toEqual({});
    expect(m.migration!.removed).toEqual([{ id: 'owner', choice: ['somebody'], reason: 'option-removed', replacedBy: 'data-owner' }]);
  });

  it('keeps the newer answer when both the old and the new id are answered', async () => {
    const m = migrateAnswers(await v2(), { owner: 'none', 'data-owner': 'named' }, undefined);
    expect(m.entries).toEqual({ 'data-owner': 'named' });
    expect(m.migration).toEqual({ answeredVersion: null, version: '2.0.0', added: expect.any(Array), removed: [{ id: 'owner', choice: ['none'], reason: 'superseded', replacedBy: 'data-owner' }], carried: [] });
  });

  it.each([
    ['the same version', '2.0.0'],
    ['no recorded version', undefined],
  ])('with %s, leaves an unknown id to the answer check, which names its line', async (_, version) => {
    const rubric = await v2();
    const m = migrateAnswers(rubric, { serving: 'api', owner: 'named' }, version);
    expect(m.migration).toBeUndefined();
    expect(m.entries).toEqual({ serving: 'api', 'data-owner': 'named' });
    expect(normalizeAnswers(rubric, m.entries, () => 3).problems).toEqual([{ path: ['answers', 'serving'], message: 'unknown question "serving" in rubric base@2.0.0' }]);
  });
});

describe('loadReadiness across a rubric version bump', () => {
  const project = (answers: string, version = '1.0.0') =>
    tempProject({
      'rubric.yaml': readFileSync(V2, 'utf8'),
      'readiness.yaml': `rubric: ./rubric.yaml\nrubricVersion: ${version}\nanswers:\n${answers}`,
    });

  it('carries the answer over: it scores, and --only-unanswered asks only what is new', async () => {
    const dir = project('  consumer: humans\n  owner: named\n  quality: automated\n  serving: api\n');
    const loaded = await loadReadiness(join(dir, 'readiness.yaml'));
    expect(loaded.answeredVersion).toBe('1.0.0');
    expect(loaded.answers['data-owner']).toEqual({ choice: ['named'], line: 5 });
    expect(loaded.carriedFrom).toEqual({ 'data-owner': 'owner' });
    expect(loaded.migration).toEqual({
      answeredVersion: '1.0.0',
      version: '2.0.0',
      added: ['lineage'],
      removed: [{ id: 'serving', choice: ['api'], reason: 'question-removed', line: 7 }],
      carried: [{ from: 'owner', to: 'data-owner', line: 5 }],
    });
    const report = evaluate(loaded.rubric, loaded.answers, { now: NOW });
    expect(report.questions.find((q) => q.id === 'data-owner')).toMatchObject({ status: 'answered', score: 100, line: 5 });
    const plan = planSteps(loaded.rubric, loaded.answers, { onlyUnanswered: true });
    expect(plan.map((s) => s.id)).toEqual(['lineage']);
  });

  it('without `replaces`, the old answer is an orphan in the result, not an error, and the file is untouched', async () => {
    const dir = project('  consumer: humans\n  serving: file\n');
    const before = readFileSync(join(dir, 'readiness.yaml'), 'utf8');
    const loaded = await loadReadiness(join(dir, 'readiness.yaml'));
    expect(loaded.migration!.removed).toEqual([{ id: 'serving', choice: ['file'], reason: 'question-removed', line: 5 }]);
    expect(loaded.answers.serving).toBeUndefined();
    expect(readFileSync(join(dir, 'readiness.yaml'), 'utf8')).toBe(before);
  });

  it('when the version matches, an unknown question is still an error naming its line', async () => {
    const dir = project('  consumer: humans\n  serving: file\n', '2.0.0');
    await expect(loadReadiness(join(dir, 'readiness.yaml'))).rejects.toThrow(new InputError([{ file: join(dir, 'readiness.yaml'), line: 5, path: 'answers.serving', message: 'unknown question "serving" in rubric base@2.0.0' }]));
  });

  it('a carried answer with an unknown option, at the same version, is an error at the old id', async () => {
    const dir = project('  owner: somebody\n', '2.0.0');
    await expect(loadReadiness(join(dir, 'readiness.yaml'))).rejects.toThrow(/readiness\.yaml:4 answers\.owner: "data-owner" has no option "somebody"/);
  });
});
