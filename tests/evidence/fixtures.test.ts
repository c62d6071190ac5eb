// One test per fixture repository: every probe of the evidence rubric, with what it must find.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { scanRepository } from '../../src/evidence/scan.js';
import { loadBuiltinRubric } from '../../src/load/load-rubric.js';
import { evidenceRubric, foundPaths, REPOS } from './helpers.js';

const rubric = await evidenceRubric();
// the fixtures live inside this repository's git work tree; the walk is what a plain folder gets
const scan = (name: string) => scanRepository(join(REPOS, name), rubric, { git: false });

const NOTHING = {
  'container-file': [],
  'python-manifest': [],
  notebooks: [],
  'ci-config': [],
  'test-files': [],
  'pinned-requirements': [],
  'lock-file': [],
  'python-web': [],
  'r-web': [],
  'validation-library': [],
  'expectation-suites': [],
  'onnx-export': [],
  'onnx-model': [],
  'pickle-dump': [],
  'prometheus-client': [],
  'metrics-endpoint': [],
  'tracking-library': [],
};

describe('fixture repositories', () => {
  it('notebook-only prototype: notebooks and a pickle, nothing else', async () => {
    const evidence = await scan('notebook-prototype');
    expect(evidence.listing).toBe('walk');
    expect(foundPaths(evidence)).toEqual({
      ...NOTHING,
      notebooks: ['notebooks/01-explore.ipynb', 'notebooks/02-model.ipynb'],
      'pickle-dump': ['notebooks/02-model.ipynb'],
    });
    expect(evidence.skipped).toEqual([]);
  });

  it('packaged project: manifests, tests, mlflow declared in pyproject.toml', async () => {
    const evidence = await scan('packaged-project');
    expect(foundPaths(evidence)).toEqual({
      ...NOTHING,
      'python-manifest': ['pyproject.toml', 'requirements.txt'],
      notebooks: ['notebooks/exploration.ipynb'],
      'test-files': ['tests/test_features.py'],
      'tracking-library': ['pyproject.toml'],
    });
    const tracking = evidence.questions.tracking![0]!;
    expect(tracking).toMatchObject({ found: true, packages: ['mlflow'], kind: 'dependency', supports: ['tracked'] });
  });

  it('production-grade service: container, CI, pinned dependencies, FastAPI, great_expectations, ONNX, Prometheus', async () => {
    const evidence = await scan('production-service');
    expect(foundPaths(evidence)).toEqual({
      ...NOTHING,
      'container-file': ['Dockerfile'],
      'python-manifest': ['requirements-dev.txt', 'requirements.txt'],
      'ci-config': ['.github/workflows/ci.yml'],
      'test-files': ['tests/test_api.py'],
      'pinned-requirements': ['requirements-dev.txt', 'requirements.txt'],
      'python-web': ['requirements.txt'],
      'validation-library': ['requirements.txt'],
      'expectation-suites': ['great_expectations/expectations/orders.json'],
      'onnx-export': ['train/export_onnx.py'],
      'onnx-model': ['models/churn.onnx'],
      'prometheus-client': ['requirements.txt'],
      'metrics-endpoint': ['app/main.py', 'tests/test_api.py'],
    });
    const serving = evidence.questions.serving![0]!;
    expect(serving.packages).toEqual(['FastAPI', 'uvicorn']);
    expect(evidence.questions.packaging![0]).toMatchObject({ description: 'a container build file', absenceContradicts: true, more: false });
    expect(evidence.skipped).toEqual([]);
  });

  it('R analysis: plumber declared in DESCRIPTION and renv.lock, renv.lock as the lock file', async () => {
    const evidence = await scan('r-analysis');
    expect(foundPaths(evidence)).toEqual({ ...NOTHING, 'r-web': ['DESCRIPTION', 'renv.lock'], 'lock-file': ['renv.lock'] });
  });

  it('lists every fixture through git as well, with the same findings', async () => {
    for (const name of ['notebook-prototype', 'packaged-project', 'production-service', 'r-analysis']) {
      const viaGit = await scanRepository(join(REPOS, name), rubric);
      const viaWalk = await scan(name);
      expect(viaGit.listing).toBe('git');
      expect(foundPaths(viaGit)).toEqual(foundPaths(viaWalk));
    }
  });

  it("runs the built-in rubric's probes on every fixture without a problem", async () => {
    const builtin = await loadBuiltinRubric('default');
    for (const name of ['notebook-prototype', 'packaged-project', 'production-service', 'r-analysis']) {
      const evidence = await scanRepository(join(REPOS, name), builtin, { git: false });
      for (const q of builtin.questions) {
        const findings = evidence.questions[q.id] ?? [];
        expect(findings).toHaveLength(q.evidence.length);
        for (const f of findings) expect(f.problem, `${name}: ${q.id}[${f.index}]`).toBeUndefined();
      }
    }
  });
});
