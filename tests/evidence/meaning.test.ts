// The probe kinds that read meaning (capability, import, ci, pinning, secrets) over a plain
// repository port: each case is a tiny repository and what a reader of it would say.
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/rubric-schema.js';
import { Probe } from '../../src/core/rubric-schema.js';
import { evaluateProbes } from '../../src/evidence/scan.js';
import { githubWorkflow, gitlabJob } from '../../src/commands/init.js';
import { memoryRepo } from './helpers.js';

/** A rubric with one question holding the given probes, defaults filled in by the real schema. */
const rubricWith = (probes: Record<string, unknown>[]): Rubric =>
  ({
    questions: [{ id: 'q', area: 'a', options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }], evidence: probes.map((p) => Probe.parse(p)) }],
  }) as unknown as Rubric;

async function run(files: Record<string, string>, probes: Record<string, unknown>[] = []) {
  const repo = memoryRepo(files);
  const evidence = await evaluateProbes(repo, rubricWith(probes), { capabilities: true });
  return { evidence, findings: evidence.questions.q ?? [], caps: evidence.capabilities!, reads: repo.reads };
}

const notebook = (cells: [type: 'code' | 'markdown', source: string][]) =>
  JSON.stringify({ cells: cells.map(([cell_type, source]) => ({ cell_type, source: source.split(/(?<=\n)/) })), metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);

describe('CI configurations, by place and by content', () => {
  const azure = 'trigger:\n  branches:\n    include: [main]\npool:\n  vmImage: ubuntu-latest\nstages:\n- stage: Deploy\n  jobs:\n  - job: rollout\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        inlineScript: |\n          az ml model deploy -n churn\n    - script: kubectl apply -f k8s/\n';
  const cloudBuild = "steps:\n- name: 'gcr.io/cloud-builders/docker'\n  args: ['build', '-t', 'gcr.io/p/app', '.']\n- name: python:3.11\n  entrypoint: pytest\n";

  it.each([
    ['Azure Pipelines under .pipelines/', { '.pipelines/cd.yml': azure }, '.pipelines/cd.yml'],
    ['Google Cloud Build under another name', { 'build/model-deployment.yaml': cloudBuild }, 'build/model-deployment.yaml'],
    ['GitLab CI', { '.gitlab-ci.yml': 'test:\n  script:\n    - pytest\n' }, '.gitlab-ci.yml'],
    ['a Jenkinsfile', { Jenkinsfile: "pipeline {\n  stages {\n    stage('test') { steps { sh 'pytest' } }\n  }\n}\n" }, 'Jenkinsfile'],
  ])('finds %s', async (_, files, path) => {
    const { caps } = await run(files);
    expect(caps.ci).toMatchObject({ found: true, paths: [path] });
  });

  it('is not fooled by YAML that only looks like CI, nor by .github files that are not workflows', async () => {
    const { caps } = await run({
      '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug\nbody:\n  - type: textarea\n',
      '.github/dependabot.yml': 'version: 2\nupdates: []\n',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {}\n',
      'conf/params.yml': 'steps:\n  - 10\n  - 20\n',
    });
    expect(caps.ci.found).toBe(false);
  });

  it('classifies steps: deploy, build and test with their lines, and documentation publishing is no deployment', async () => {
    const docs = 'on: [push]\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mkdocs gh-deploy --force\n';
    const { findings } = await run({ '.pipelines/cd.yml': azure, 'build/cloudbuild-app.yaml': cloudBuild, '.github/workflows/docs.yml': docs }, [
      { kind: 'ci', step: 'deploy' },
      { kind: 'ci', step: 'build-image' },
      { kind: 'ci', step: 'test' },
    ]);
    const [deploy, build, test] = findings;
    expect(deploy!.why!.map((p) => `${p.path}:${p.line}`)).toEqual(['.pipelines/cd.yml:14', '.pipelines/cd.yml:15']);
    expect(deploy!.why![0]!.what).toMatch(/^job rollout: az ml model deploy/);
    expect(build!.paths).toEqual(['build/cloudbuild-app.yaml']);
    expect(test!.why).toEqual([{ path: 'build/cloudbuild-app.yaml', line: 5, what: expect.stringMatching(/pytest/) }]);
  });

  it('sees a schedule, and says which CI it read when no job deploys', async () => {
    const nightly = 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python train.py\n';
    const { findings } = await run({ '.github/workflows/nightly.yml': nightly }, [{ kind: 'ci', step: 'schedule' }, { kind: 'ci', step: 'deploy', absenceContradicts: true, supports: ['yes'] }]);
    expect(findings[0]!.why).toEqual([{ path: '.github/workflows/nightly.yml', line: 2, what: 'runs on a schedule: schedule:' }]);
    expect(findings[1]).toMatchObject({ found: false, looked: [{ path: '.github/workflows/nightly.yml', line: 5, what: 'github-actions: train' }] });
  });

  it("never counts the workflow `ready init --ci` writes, by content, wherever it lies", async () => {
    const { caps } = await run({
      '.github/workflows/readiness.yml': githubWorkflow('readiness.yaml'),
      '.github/workflows/gate.yml': githubWorkflow('ml/readiness.yaml').replace(/^# .*\n/gm, ''),
      '.gitlab/readiness.gitlab-ci.yml': gitlabJob('readiness.yaml'),
      'readiness.yaml': 'rubric: builtin:default\nanswers: {}\n',
    });
    expect(caps.ci.found).toBe(false);
  });
});

describe('imports, as Python, notebooks and R load them', () => {
  it('maps import names to distributions and finds aliased platform SDKs', async () => {
    const { findings } = await run(
      {
        'train.py': 'import numpy as np\nfrom sklearn.linear_model import Ridge\n',
        'pipeline.py': 'from google.cloud import aiplatform as vertex_ai\n\nvertex_ai.init(project="p")\n',
        'report.R': 'library(dplyr)\nx <- pointblank::create_agent(df)\n',
      },
      [{ kind: 'import', packages: ['scikit-learn'] }, { kind: 'import', packages: ['google-cloud-aiplatform'] }, { kind: 'import', packages: ['pointblank', 'dplyr'] }],
    );
    expect(findings.map((f) => f.why?.map((p) => `${p.path}:${p.line}`))).toEqual([['train.py:2'], ['pipeline.py:1'], ['report.R:1', 'report.R:2']]);
    expect(findings[0]!.packages).toEqual(['scikit-learn']);
  });

  it('reads only the code cells of a notebook, and names the line of the notebook file', async () => {
    const nb = notebook([['markdown', 'We could use mlflow one day.\n'], ['code', 'import pandas as pd\nimport mlflow\n']]);
    const { findings, caps } = await run({ 'explore.ipynb': nb, 'notes.ipynb': notebook([['markdown', 'import wandb\n']]) }, [{ kind: 'import', packages: ['mlflow'] }, { kind: 'import', packages: ['wandb'] }]);
    const line = nb.split('\n').findIndex((l) => l.includes('import mlflow')) + 1;
    expect(findings[0]!.why).toEqual([{ path: 'explore.ipynb', line, what: 'imports mlflow' }]);
    expect(findings[1]!.found).toBe(false);
    expect(caps.notebooks.paths).toEqual(['explore.ipynb', 'notes.ipynb']);
  });
});

describe('pinning', () => {
  const partly = ['pandas==2.2.2', 'numpy==1.26.4', 'scikit-learn==1.5.0', 'mlflow==2.14.0', 'fastapi', 'uvicorn>=0.29', 'pydantic~=2.7', 'azureml-sdk==1.27.*', 'requests', 'boto3', 'pyyaml'].join('\n');

  it('4 of 11 pinned is unpinned, and says which line is not', async () => {
    const { findings, caps } = await run({ 'requirements.txt': partly }, [{ kind: 'pinning' }, { kind: 'pinning', expect: 'unpinned', supports: ['no'] }]);
    expect(caps['dependencies-pinned'].found).toBe(false);
    expect(findings[0]).toMatchObject({ found: false, looked: [{ path: 'requirements.txt', line: 1, what: '4 of 11 pinned exactly' }] });
    expect(findings[1]!.why).toEqual([{ path: 'requirements.txt', line: 5, what: 'fastapi not pinned exactly (4 of 11 pinned in all)' }]);
  });

  it('counts every manifest: a pinned file beside an unpinned one is not pinned', async () => {
    const pinned = 'a==1.0.0\nb==2.0.0\nc==3.0.0\nd==4.0.0\ne==5.0.0\n';
    const { caps } = await run({ 'requirements.txt': pinned, 'serving/requirements.txt': 'flask\ngunicorn\n' });
    expect(caps['dependencies-pinned'].found).toBe(false);
    expect((await run({ 'requirements.txt': pinned })).caps['dependencies-pinned'].found).toBe(true);
  });

  it.each([
    ['poetry.lock', { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\npandas = "^2"\n', 'poetry.lock': '[[package]]\nname = "pandas"\n' }, true],
    ['pip-compile output with hashes', { 'requirements.txt': 'pandas==2.2.2 \\\n    --hash=sha256:abc\n' }, true],
    ['dvc.lock, which locks data, not dependencies', { 'requirements.txt': 'pandas\n', 'dvc.lock': 'schema: "2.0"\nstages: {}\n' }, false],
    ["conda's =3.4, which means 3.4.*", { 'conda.yaml': 'name: x\ndependencies:\n  - python=3.11\n  - scikit-learn=1.4\n  - pip:\n    - mlflow==2.14.0\n' }, false],
    ["conda's full versions and builds", { 'env/train.yml': 'channels: [conda-forge]\ndependencies:\n  - numpy=1.26.4\n  - pandas=2.2.2=py311_0\n' }, true],
  ])('%s', async (_, files, pinned) => {
    expect((await run(files)).caps['dependencies-pinned'].found).toBe(pinned);
  });

  it('"all" asks for every pin', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => `p${i}==1.0.${i}`).join('\n');
    const { findings } = await run({ 'requirements.txt': `${nine}\nlast>=1\n` }, [{ kind: 'pinning', threshold: 'all' }, { kind: 'pinning', threshold: 0.9 }]);
    expect(findings.map((f) => f.found)).toEqual([false, true]);
  });
});

describe('committed secrets', () => {
  const key = `AKIA${'7Q2R4T6Y8U1I3O5P'}`;
  const value = 'f3a9c2e71b4d8a06c5e2f19b7d3a8c4e6b0d2f17';

  it('names the file, the line and the kind of credential, never the value', async () => {
    const { evidence, findings } = await run({ '.env': `DEBUG=1\nAWS_ACCESS_KEY_ID=${key}\nAPI_TOKEN=${value}\n` }, [{ kind: 'secrets' }]);
    expect(findings[0]!.why).toEqual([
      { path: '.env', line: 2, what: 'an AWS access key id' },
      { path: '.env', line: 3, what: 'a value for API_TOKEN' },
    ]);
    const all = JSON.stringify(evidence);
    expect(all).not.toContain(key);
    expect(all).not.toContain(value);
  });

  it.each([
    ['an empty value', 'SP_APP_SECRET=\n'],
    ['a placeholder', 'API_KEY=your_api_key_here\nJWT_SECRET_KEY = "your_jwt_secret_key_here"\n'],
    ['a reference', 'password: ${DB_PASSWORD}\ntoken: "{{ secrets.TOKEN }}"\n'],
    ['a short demo password', 'POSTGRES_PASSWORD: example123\n'],
    ["AWS's documented sample key", 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'],
    ['a key name that is not a key', 'feature_store_table_primary_keys = "customer_id_2024_v1_primary"\n'],
  ])('%s is not a secret', async (_, text) => {
    expect((await run({ 'config/settings.yaml': text }, [{ kind: 'secrets' }])).caps['committed-secrets'].found).toBe(false);
  });
});

describe('capabilities where names vary', () => {
  it.each([
    ['container', { 'Dockerfile-app': 'FROM python:3.12\n' }, true],
    ['container', { 'docker/Dockerfile.gpu': '# gpu\nFROM nvidia/cuda:12.4\n' }, true],
    ['container', { 'docs/Dockerfile.md': 'Write a Dockerfile with FROM python.\n' }, false],
    ['tests', { 'data/data_test.py': 'import pandas as pd\n\ndef test_schema():\n    assert list(load().columns) == COLUMNS\n' }, true],
    ['tests', { 'src/tests/etl_tests.py': 'from etl import run\n' }, true],
    ['tests', { 'tests/test_placeholder.py': 'import pytest\n\n@pytest.mark.xfail\ndef test_that_you_wrote_tests():\n    assert False, "No tests written"\n' }, false],
    ['dependencies-declared', { 'pyproject.toml': '[tool.black]\nline-length = 100\n[tool.pytest.ini_options]\naddopts = "-q"\n' }, false],
    ['dependencies-declared', { 'ci_dependencies.yml': 'name: ci\ndependencies:\n  - python=3.8\n  - pip:\n    - pytest==7.1\n' }, true],
    ['data-validation', { 'setup.py': 'setup(install_requires=["tensorflow-data-validation==1.14"])\n', 'src/validate.py': 'import tensorflow_data_validation as tfdv\n' }, true],
    ['portable-model', { 'train.py': 'import mlflow\nmlflow.sklearn.log_model(model, "model")\n' }, true],
    ['portable-model', { 'train.py': 'import joblib\njoblib.dump(model, "model.pkl")\n' }, false],
    ['experiment-tracking', { 'train.py': 'from dvclive import Live\nwith Live() as live:\n    live.log_metric("acc", 1)\n' }, true],
    ['orchestration', { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n', 'src/pipeline_registry.py': 'from kedro.pipeline import Pipeline\n' }, false],
    ['orchestration', { 'dags/train.py': 'from airflow import DAG\nwith DAG("train") as dag:\n    pass\n' }, true],
    ['infrastructure-as-code', { 'infra/stack.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n' }, true],
    ['infrastructure-as-code', { 'terraform.tfvars': 'region = "eu"\n' }, false],
    ['codeowners', { '.github/CODEOWNERS': '# owners\n* @org/ml\n' }, true],
    ['codeowners', { 'CODEOWNERS': '# nobody yet\n' }, false],
  ])('%s in %j: %s', async (capability, files, found) => {
    const { caps } = await run(files as Record<string, string>);
    expect(caps[capability as keyof typeof caps].found).toBe(found);
  });
});

describe('never evidence', () => {
  it("ignores installed packages, virtualenvs of any name, vendored trees, template payload and ready's own files", async () => {
    const { caps } = await run({
      'node_modules/x/Dockerfile': 'FROM node\n',
      'myenv/pyvenv.cfg': 'home = /usr/bin\n',
      'myenv/Lib/tests/test_x.py': 'def test_x():\n    assert 1\n',
      'third_party/lib/.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: pytest\n',
      '{{ cookiecutter.repo_name }}/requirements.txt': 'pandas==2.2.2\n',
      'template/Dockerfile.tmpl': 'FROM python\n',
      'readiness.yaml': 'answers: {}\n',
    });
    expect(Object.entries(caps).filter(([, c]) => c.found).map(([k]) => k)).toEqual([]);
  });
});

describe('one read per file', () => {
  it('reads each file once, however many probes and capabilities look at it', async () => {
    const files = {
      'requirements.txt': 'fastapi==0.110.0\n',
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n@app.post("/predict")\ndef p():\n    return 1\n',
      '.github/workflows/ci.yml': 'on: [push]\njobs:\n  t:\n    steps:\n      - run: pytest\n',
    };
    const { reads } = await run(files, [
      { kind: 'content', paths: ['**/*.py'], pattern: 'FastAPI' },
      { kind: 'content', paths: ['.github/workflows/*.yml'], pattern: 'pytest' },
      { kind: 'dependency', packages: ['fastapi'] },
      { kind: 'import', packages: ['fastapi'] },
      { kind: 'capability', capability: 'serving' },
      { kind: 'ci', step: 'test' },
      { kind: 'pinning' },
      { kind: 'secrets' },
    ]);
    expect([...reads].sort()).toEqual(Object.keys(files).sort());
  });
});

describe('vocabulary globs over many paths', () => {
  it('match by their literal part first without losing a path a class or a wildcard allows', async () => {
    const { caps } = await run({ 'ops/grafana/dashboards/model.json': '{}', 'grafana/alerts.yml': 'groups: []\n', 'Dockerfile.gpu': 'FROM x\n' });
    expect(caps.monitoring.paths).toEqual(['grafana/alerts.yml', 'ops/grafana/dashboards/model.json']);
    expect(caps.container.paths).toEqual(['Dockerfile.gpu']);
  });
});
