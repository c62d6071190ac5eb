// The scanner over a plain-object repository port: no file system, just the rules.
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/rubric-schema.js';
import { evaluateProbes } from '../../src/evidence/scan.js';
import { memoryRepo } from './helpers.js';

/** A rubric with one question holding the given probes (defaults filled in as the schema would). */
function rubricWith(probes: Record<string, unknown>[]): Rubric {
  return {
    questions: [
      {
        id: 'q',
        area: 'a',
        options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }],
        evidence: probes.map((p) => ({ supports: [], contradicts: [], ...(p.kind === 'dependency' && { ecosystem: 'any' }), ...p })),
      },
    ],
  } as unknown as Rubric;
}

const findings = async (files: Record<string, string | Buffer>, probes: Record<string, unknown>[], options = {}) => {
  const repo = memoryRepo(files);
  const evidence = await evaluateProbes(repo, rubricWith(probes), options);
  return { findings: evidence.questions.q!, evidence, reads: repo.reads };
};

describe('evaluateProbes over a plain port', () => {
  it('shows at most five paths, shallow ones first, and says there are more', async () => {
    const files = Object.fromEntries(['a/b/c/x.py', 'x.py', 'a/x.py', 'b/x.py', 'a/b/x.py', 'c/x.py', 'd/x.py'].map((p) => [p, '']));
    const { findings: [f] } = await findings(files, [{ kind: 'file', paths: ['**/*.py'] }]);
    expect(f).toMatchObject({ found: true, paths: ['x.py', 'a/x.py', 'b/x.py', 'c/x.py', 'd/x.py'], more: true });
  });

  it('reads each file once however many content probes look at it', async () => {
    const { findings: fs, reads } = await findings({ 'a.py': 'import fastapi\n', 'b.py': 'import flask\n' }, [
      { kind: 'content', paths: ['*.py'], pattern: 'fastapi' },
      { kind: 'content', paths: ['**/*.py'], pattern: 'flask' },
      { kind: 'content', paths: ['a.py'], pattern: 'nothing' },
    ]);
    expect(fs.map((f) => f.paths)).toEqual([['a.py'], ['b.py'], []]);
    expect(reads.sort()).toEqual(['a.py', 'b.py']);
  });

  it('skips binary files for content probes and reports them', async () => {
    const { findings: [f], evidence } = await findings({ 'requirements.txt': Buffer.from('fastapi==1\n\0\0') }, [
      { kind: 'content', paths: ['requirements.txt'], pattern: 'fastapi' },
      { kind: 'dependency', packages: ['fastapi'] },
    ]);
    expect(f!.found).toBe(false);
    expect(evidence.skipped).toEqual([{ path: 'requirements.txt', reason: 'binary' }]);
  });

  it('stops reading at the budget and marks the results it could not finish', async () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}.py`, 'print(1)\n']));
    const { findings: [f], evidence } = await findings(files, [{ kind: 'content', paths: ['*.py'], pattern: 'absent', absenceContradicts: true }], { maxReadFiles: 3 });
    expect(f).toMatchObject({ found: false, problem: expect.stringMatching(/stopped reading/) });
    expect(evidence.skipped).toEqual([{ path: '.', reason: 'read-limit', detail: expect.stringMatching(/after 3 files .* 1 more left unread/) }]);
  });

  it('follows -r includes inside the repository, and refuses ones that climb out', async () => {
    const { findings: fs, evidence } = await findings(
      {
        'requirements/prod.txt': '-r ../base.in\n-r ../../../etc/passwd\nuvicorn\n',
        'base.in': 'FastAPI==0.110\n',
      },
      [
        { kind: 'dependency', ecosystem: 'python', packages: ['fastapi'] },
        { kind: 'dependency', ecosystem: 'python', packages: ['uvicorn'] },
      ],
    );
    expect(fs.map((f) => f.paths)).toEqual([['base.in'], ['requirements/prod.txt']]);
    expect(evidence.skipped).toEqual([{ path: 'requirements/../../../etc/passwd', reason: 'outside-root', detail: 'named by -r in requirements/prod.txt' }]);
  });

  it('matches each ecosystem by its own name rules, and leaves vendored manifests out', async () => {
    const { findings: fs } = await findings(
      {
        'pyproject.toml': '[project]\ndependencies = ["Great_Expectations"]\n',
        'package.json': '{"dependencies": {"express": "^4"}}',
        'node_modules/x/package.json': '{"dependencies": {"left-pad": "1"}}',
        '.venv/lib/site-packages/p/requirements.txt': 'flask\n',
      },
      [
        { kind: 'dependency', ecosystem: 'python', packages: ['great.expectations'] },
        { kind: 'dependency', ecosystem: 'node', packages: ['great_expectations'] },
        { kind: 'dependency', packages: ['express'] },
        { kind: 'dependency', packages: ['left-pad', 'flask'] },
      ],
    );
    expect(fs.map((f) => [f.found, f.packages])).toEqual([[true, ['great.expectations']], [false, undefined], [true, ['express']], [false, undefined]]);
  });

  it('names a package once however many spellings of it the probe lists', async () => {
    const { findings: [f] } = await findings({ 'requirements.txt': 'great-expectations==0.18\n' }, [{ kind: 'dependency', packages: ['great_expectations', 'great-expectations', 'pandera'] }]);
    expect(f!.packages).toEqual(['great_expectations']);
  });

  it('reports a manifest it cannot parse, and goes on', async () => {
    const { findings: [f], evidence } = await findings({ 'pyproject.toml': '[project\n', 'requirements.txt': 'mlflow\n' }, [{ kind: 'dependency', packages: ['mlflow'] }]);
    expect(f!.paths).toEqual(['requirements.txt']);
    expect(evidence.skipped).toMatchObject([{ path: 'pyproject.toml', reason: 'unparsable' }]);
  });

  it('turns a probe the schema would refuse into a problem on that probe, not a crash', async () => {
    const { findings: fs } = await findings({ 'a.py': '' }, [
      { kind: 'file', paths: ['a[b'] },
      { kind: 'content', paths: ['*.py'], pattern: '(a)\\1' },
      { kind: 'file', paths: ['a.py'] },
    ]);
    expect(fs.map((f) => [f.found, f.problem])).toEqual([
      [false, 'cannot use this probe: has an unclosed "["'],
      [false, expect.stringMatching(/^cannot use this probe: is not a valid regular expression in RE2 syntax/)],
      [true, undefined],
    ]);
  });

  it('does not count a listed path the port cannot find (deleted, or a link out of the root)', async () => {
    const repo = { ...memoryRepo({ Dockerfile: 'FROM x' }), list: () => ['Dockerfile', 'services/Dockerfile'] };
    const evidence = await evaluateProbes(repo, rubricWith([{ kind: 'file', paths: ['**/Dockerfile'] }]));
    expect(evidence.questions.q![0]!.paths).toEqual(['Dockerfile']);
  });

  it('describes probes that have no description of their own', async () => {
    const { findings: fs } = await findings({}, [
      { kind: 'file', paths: ['Dockerfile', '**/Dockerfile'] },
      { kind: 'content', paths: ['*.yml'], pattern: 'docker build' },
      { kind: 'dependency', ecosystem: 'python', packages: ['fastapi', 'flask'] },
      { kind: 'dependency', packages: ['plumber'] },
    ]);
    expect(fs.map((f) => f.description)).toEqual([
      'a file matching "Dockerfile" or "**/Dockerfile"',
      '/docker build/ in "*.yml"',
      'python dependency "fastapi" or "flask"',
      'dependency "plumber"',
    ]);
  });
});
