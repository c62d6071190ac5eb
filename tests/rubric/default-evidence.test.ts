// The built-in rubric's probes against two small repositories: a mature model service and a
// notebook-only pilot. The probes must suggest the answers such repositories deserve, and raise a
// contradiction where an answer claims what the repository does not show, or denies what it does.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRubricFile } from '../../src/load/load-rubric.js';
import { scanRepository } from '../../src/evidence/scan.js';
import { suggestAnswers } from '../../src/core/evidence.js';
import { findContradictions } from '../../src/core/contradictions.js';
import type { Answers } from '../../src/core/answers.js';
import { tempProject } from '../helpers/cli.js';

const rubric = await loadRubricFile(join(import.meta.dirname, '../../rubrics/default.yaml'));

const service = tempProject({
  'pyproject.toml': [
    '[project]',
    'name = "press-risk"',
    'version = "2.3.0"',
    'dependencies = ["fastapi>=0.110", "pandera==0.20.4", "onnxruntime==1.18.0", "skl2onnx==1.17.0",',
    '  "mlflow==2.14.1", "evidently==0.4.33", "prometheus-client==0.20.0", "dagster==1.7.10"]',
    '',
  ].join('\n'),
  'poetry.lock': '# locked\n',
  'requirements-dev.txt': 'pytest==8.2.0\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
  '.github/workflows/release.yml': [
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: pytest',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: docker build -t press-risk .',
    '      - run: docker push registry.example.com/press-risk',
    '  deploy:',
    '    environment: production',
    '    steps:',
    '      - run: helm upgrade --install press-risk charts/press-risk',
    '',
  ].join('\n'),
  'src/press_risk/features.py': 'def rolling_mean(x):\n    return x\n',
  'src/press_risk/schema.py': 'import pandera.pandas as pa\n\nclass Readings(pa.DataFrameModel):\n    pressure: float\n',
  'src/press_risk/train.py': 'import mlflow\nfrom skl2onnx import convert_sklearn\n\nwith mlflow.start_run():\n    mlflow.log_metric("auc", 0.9)\n',
  'src/press_risk/serve.py': 'import onnxruntime\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post("/predict")\ndef predict(x: dict):\n    return x\n',
  'src/press_risk/drift.py': 'from evidently import Report\nfrom evidently.presets import DataDriftPreset\n\nreport = Report([DataDriftPreset()])\n',
  'tests/test_features.py': 'from press_risk.features import rolling_mean\n\ndef test_rolling_mean():\n    assert rolling_mean(3) == 3\n',
  '.github/CODEOWNERS': '* @plant-analytics\n',
  'api/openapi.yaml': 'openapi: 3.1.0\n',
  'models/press-risk.onnx': 'onnx',
  'docs/MODEL_CARD.md': '# Model card\n',
  'notebooks/exploration.ipynb': '{}\n',
  'dvc.yaml': 'stages: {}\n',
});

const pilot = tempProject({
  'churn_01_load.ipynb': '{}\n',
  'churn_02_features.ipynb': '{}\n',
  'requirements.txt': 'pandas\nscikit-learn\nlightgbm\n',
  'model_final_v3.pkl': 'pickle',
});

const serviceEvidence = await scanRepository(service, rubric);
afterAll(() => {
  for (const dir of [service, pilot, ...made]) rmSync(dir, { recursive: true, force: true });
});
const made: string[] = [];
const pilotEvidence = await scanRepository(pilot, rubric);
const answers = (table: Record<string, string>): Answers =>
  Object.fromEntries(Object.entries(table).map(([id, c]) => [id, { choice: [c] }]));

describe('default rubric probes on a mature model service', () => {
  const suggested = suggestAnswers(rubric, serviceEvidence);

  it.each([
    ['packaging', 'container-ci'],
    ['release-process', 'cd'],
    ['dependencies', 'locked'],
    ['production-code', 'package'],
    ['code-review', 'owners'],
    ['model-format', 'standard'],
    ['data-validation', 'automated'],
    ['documentation', 'model-card'],
    ['feature-tests', 'unit-tests'],
    ['interface', 'documented'],
    ['model-monitoring', 'inputs-automated'],
    ['model-lineage', 'registry'],
  ])('suggests %s: %s', (question, option) => {
    expect(suggested[question]?.option).toBe(option);
  });

  it('never suggests what files cannot show: upkeep, quality tracking, versioned contracts, sponsors', () => {
    // a model card file does not show that it is kept current; Evidently does not show that
    // quality is tracked against outcomes; nothing in a repository shows who sponsors the project
    expect(suggested.documentation?.option).not.toBe('maintained');
    expect(suggested['model-monitoring']?.option).not.toBe('full');
    expect(suggested.interface?.option).not.toBe('versioned');
    expect(suggested.sponsor).toBeUndefined();
    expect(suggested['data-access']).toBeUndefined();
  });

  it('flags answers that deny what the repository shows', () => {
    const found = findContradictions(rubric, answers({ packaging: 'none', 'release-process': 'manual-copy', 'feature-tests': 'none' }), serviceEvidence);
    expect(found.map((c) => `${c.question}:${c.code}`).sort()).toEqual([
      'feature-tests:ANSWER_DENIES_EVIDENCE',
      'packaging:ANSWER_DENIES_EVIDENCE',
      'release-process:ANSWER_DENIES_EVIDENCE',
    ]);
  });

  it('accepts the honest answers without contradictions', () => {
    const honest = answers({ packaging: 'container-ci', 'release-process': 'cd', dependencies: 'locked', 'production-code': 'package', 'code-review': 'owners', 'feature-tests': 'comprehensive', 'model-format': 'standard' });
    expect(findContradictions(rubric, honest, serviceEvidence)).toEqual([]);
  });
});

describe('default rubric probes on a notebook-only pilot', () => {
  const suggested = suggestAnswers(rubric, pilotEvidence);

  it('suggests the notebook answers and nothing the pilot lacks', () => {
    expect(suggested['production-code']?.option).toBe('notebooks');
    expect(suggested['model-format']?.option).toBe('ad-hoc');
    expect(suggested.packaging).toBeUndefined();
    expect(suggested['release-process']).toBeUndefined();
  });

  it('never holds the silence of a probe against a claim: no CI file may mean CI elsewhere', () => {
    const claims = answers({ packaging: 'container-ci', 'release-process': 'cd', 'feature-tests': 'unit-tests', 'code-review': 'owners', dependencies: 'locked', 'production-code': 'package' });
    expect(findContradictions(rubric, claims, pilotEvidence).filter((c) => c.code === 'ANSWER_LACKS_EVIDENCE')).toEqual([]);
  });

  it('holds a claim of deployment against CI that was read and neither deploys nor publishes, naming it', async () => {
    const dir = tempProject({ '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n' });
    made.push(dir);
    const found = findContradictions(rubric, answers({ 'release-process': 'cd' }), await scanRepository(dir, rubric));
    expect(found.map((c) => [c.code, c.paths])).toEqual([['ANSWER_LACKS_EVIDENCE', ['.github/workflows/ci.yml:3']]]);
  });

  it('suggests "unpinned" for requirements without pins', () => {
    expect(suggested.dependencies?.option).toBe('unpinned');
  });

  it('does not hold an honest notebook pilot to evidence it need not have', () => {
    const honest = answers({ packaging: 'none', 'release-process': 'manual-copy', 'feature-tests': 'none', 'code-review': 'none', dependencies: 'unpinned', 'production-code': 'notebooks', 'data-validation': 'ad-hoc' });
    expect(findContradictions(rubric, honest, pilotEvidence)).toEqual([]);
  });

  it('catches a claim of no environment file when there is one', () => {
    const found = findContradictions(rubric, answers({ dependencies: 'implicit' }), pilotEvidence);
    expect(found.map((c) => c.code)).toEqual(['ANSWER_DENIES_EVIDENCE']);
  });
});
