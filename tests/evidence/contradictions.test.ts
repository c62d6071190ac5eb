// Contradictions and suggestions from plain objects: a rubric fragment, answers, evidence.
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/rubric-schema.js';
import type { Evidence, ProbeFinding } from '../../src/core/evidence.js';
import { findContradictions } from '../../src/core/contradictions.js';
import { suggestAnswers } from '../../src/core/evidence.js';
import { answers } from '../helpers/rubric.js';

const rubric = {
  questions: [
    {
      id: 'packaging',
      area: 'technology',
      type: 'single',
      options: [
        { id: 'container', label: 'A container image', score: 1 },
        { id: 'script', label: 'Scripts', score: 0.5 },
        { id: 'notebook', label: 'A notebook', score: 0 },
        { id: 'dont-know', label: "Don't know", score: 0 },
      ],
    },
    {
      id: 'tools',
      area: 'technology',
      type: 'multiple',
      options: [
        { id: 'ci', label: 'CI', score: 0.5 },
        { id: 'tests', label: 'Tests', score: 0.5 },
        { id: 'lint', label: 'Linting', score: 0.25 },
      ],
    },
  ],
} as unknown as Rubric;

const finding = (f: Partial<ProbeFinding>): ProbeFinding => ({
  index: 0,
  kind: 'file',
  description: 'a probe',
  found: false,
  paths: [],
  more: false,
  supports: [],
  contradicts: [],
  absenceContradicts: false,
  ...f,
});

const evidence = (questions: Record<string, Partial<ProbeFinding>[]>): Evidence => ({
  listing: 'walk',
  files: 10,
  questions: Object.fromEntries(Object.entries(questions).map(([q, fs]) => [q, fs.map((f, index) => finding({ index, ...f }))])),
  skipped: [],
  skippedTotal: 0,
});

const dockerfile = { description: 'a container build file', found: true, paths: ['Dockerfile'], supports: ['container'], contradicts: ['notebook'], absenceContradicts: true };
const noDockerfile = { ...dockerfile, found: false, paths: [] };
// a probe that parsed the CI configurations and found no job that builds an image: a finding
const ciRead = [{ path: '.github/workflows/ci.yml', line: 7, what: 'github-actions: test, lint' }];
const noImageBuild = { kind: 'ci' as const, description: 'a CI job that has a build-image step', supports: ['container'], absenceContradicts: true, looked: ciRead };
const containerfile = { description: 'a Containerfile', supports: ['container'], absenceContradicts: true };

describe('findContradictions', () => {
  it.each([
    ['an answer the evidence supports', { packaging: 'container' }, [dockerfile], []],
    ['an answer that denies what the repository shows', { packaging: 'notebook' }, [dockerfile], ['ANSWER_DENIES_EVIDENCE notebook']],
    ['a claim nothing in the repository shows, where no probe read a place that would show it', { packaging: 'container' }, [noDockerfile], []],
    ['a claim that a probe which read the right place did not find', { packaging: 'container' }, [noDockerfile, noImageBuild], ['ANSWER_LACKS_EVIDENCE container']],
    ['a claim another supporting probe shows, though one read its place in vain', { packaging: 'container' }, [dockerfile, noImageBuild], []],
    ['a claim one of several supporting probes shows', { packaging: 'container' }, [noDockerfile, { ...containerfile, found: true, paths: ['Containerfile'] }], []],
    ['a claim shown by a probe whose absence would mean nothing', { packaging: 'container' }, [noDockerfile, { supports: ['container'], found: true, paths: ['k8s/deploy.yaml'] }], []],
    ['a claim whose only probes say nothing about absence', { packaging: 'script' }, [{ supports: ['script'] }], []],
    ['a claim whose probe could not finish', { packaging: 'container' }, [{ ...noDockerfile, problem: 'the scan stopped reading files' }], []],
    ["\"don't know\"", { packaging: 'dont-know' }, [dockerfile], []],
    ['no answer', {}, [dockerfile], []],
  ])('%s', (_, table, findings, expected) => {
    const found = findContradictions(rubric, answers(table as Record<string, string>), evidence({ packaging: findings }));
    expect(found.map((c) => `${c.code} ${c.option}`)).toEqual(expected);
  });

  it('checks every option of a multiple-choice answer', () => {
    const ev = evidence({ tools: [{ description: 'a CI workflow', supports: ['ci'], absenceContradicts: true, looked: ciRead }, { description: 'a lint config', found: true, paths: ['ruff.toml'], contradicts: ['tests'] }] });
    const found = findContradictions(rubric, answers({ tools: ['ci', 'tests', 'lint'] }), ev);
    expect(found.map((c) => `${c.code} ${c.option}`)).toEqual(['ANSWER_LACKS_EVIDENCE ci', 'ANSWER_DENIES_EVIDENCE tests']);
  });

  it('says what it found and where, with the line of the answer', () => {
    const a = { packaging: { choice: ['notebook'], line: 12 } };
    const why = [{ path: 'Dockerfile', line: 1, what: 'FROM line' }, { path: 'api/Dockerfile', line: 3, what: 'FROM line' }];
    const [denies] = findContradictions(rubric, a, evidence({ packaging: [{ ...dockerfile, paths: ['Dockerfile', 'api/Dockerfile'], why }] }));
    expect(denies).toEqual({
      code: 'ANSWER_DENIES_EVIDENCE',
      question: 'packaging',
      area: 'technology',
      option: 'notebook',
      label: 'A notebook',
      probes: ['a container build file'],
      paths: ['Dockerfile:1', 'api/Dockerfile:3'],
      line: 12,
      message: 'packaging is answered "A notebook" (line 12), but the repository shows Dockerfile:1, api/Dockerfile:3 (a container build file)',
    });
    const [lacks] = findContradictions(rubric, answers({ packaging: 'container' }), evidence({ packaging: [noDockerfile, noImageBuild] }));
    expect(lacks!.message).toBe(
      'packaging is answered "A container image", but .github/workflows/ci.yml:7 was read and shows none (looked for a CI job that has a build-image step)',
    );
  });
});

describe('suggestAnswers', () => {
  it('prefers the option with more probes behind it over one whose own probe found nothing', () => {
    const ci = { description: 'a CI config', found: true, paths: ['.gitlab-ci.yml'], supports: ['script', 'container'] };
    const deploy = { description: 'a container build in CI', supports: ['container'] };
    expect(suggestAnswers(rubric, evidence({ packaging: [ci, deploy] })).packaging!.option).toBe('script');
    expect(suggestAnswers(rubric, evidence({ packaging: [ci, { ...deploy, found: true, paths: ['.gitlab-ci.yml'] }] })).packaging!.option).toBe('container');
  });

  it('suggests the highest-scoring option the repository shows, and says why', () => {
    const ev = evidence({
      packaging: [dockerfile, { description: 'a notebook', found: true, paths: ['a.ipynb'], supports: ['notebook'] }, { description: 'a requirements file', found: true, paths: ['requirements.txt'], supports: ['script'] }],
    });
    // the notebook is also contradicted by the Dockerfile; the container outscores the scripts
    expect(suggestAnswers(rubric, ev)).toEqual({
      packaging: { option: 'container', choice: ['container'], because: ['Dockerfile (a container build file)'] },
    });
  });

  it('suggests every supported option of a multiple-choice question, in rubric order', () => {
    const ev = evidence({
      tools: [
        { description: 'a lint config', found: true, paths: ['ruff.toml'], supports: ['lint'] },
        { description: 'tests', found: true, paths: ['tests/test_a.py'], more: true, supports: ['tests'] },
      ],
    });
    expect(suggestAnswers(rubric, ev).tools).toEqual({
      option: 'tests',
      choice: ['tests', 'lint'],
      because: ['tests/test_a.py, … (tests)', 'ruff.toml (a lint config)'],
    });
  });

  it('suggests nothing where nothing was found or only contradicted options are supported', () => {
    expect(suggestAnswers(rubric, evidence({ packaging: [noDockerfile] }))).toEqual({});
    const ev = evidence({ packaging: [dockerfile, { found: true, paths: ['x'], contradicts: ['container'] }] });
    expect(suggestAnswers(rubric, ev)).toEqual({});
  });

  it('names the packages a dependency probe found', () => {
    const ev = evidence({ packaging: [{ kind: 'dependency', description: 'python dependency "docker"', found: true, paths: ['requirements.txt'], packages: ['docker'], supports: ['container'] }] });
    expect(suggestAnswers(rubric, ev).packaging!.because).toEqual(['docker in requirements.txt (python dependency "docker")']);
  });
});
