#!/usr/bin/env node
// Scan benchmark. Generates once, under .bench-tmp/scan-repo/, a git repository of 100,000 listed
// files shaped like a data-science monorepo, with realistic content: Python modules with imports
// and MLflow, FastAPI and Airflow code, notebooks with code cells and outputs, CI workflows and an
// Azure pipeline, pinned and unpinned requirements, tests with assertions, SQL, docs, configs and
// images; plus data folders, a virtualenv and MLflow runs that .gitignore excludes. Then alternates
//   ready:  node bin/ready.js scan --root REPO --format json > /dev/null
//   rg:     ripgrep lists the same files (it honours .gitignore as git does) and searches the ones
//           the scan reads, by the same extensions and names, for the vocabulary's patterns
//   floor:  git ls-files > /dev/null; node -e 0
//   and the same listing the scan asks git for (tracked plus untracked, not ignored) plus node -e 0
// (each as `sh -c`), and prints the medians, the ratios and the peak memory.
// Usage: node bench/scan.mjs [runs=9]      Targets: <= 1.5x the ripgrep floor, peak memory < 150 MB.
// Needs ripgrep (Debian: apt-get install ripgrep) for the ripgrep floor; without it that row is left out.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 9);
const repo = join(root, '.bench-tmp/scan-repo');
const VERSION = 'scan-repo v2: 99,500 tracked + 500 untracked, realistic content';
const TRACKED = 99_500;
const UNTRACKED = 500;
if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('run `npm run build` first');

/** A module as a data-science monorepo holds them: imports, a function, now and then a tracked run. */
function module(pkg, sub, m) {
  const head = 'import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import Ridge\n';
  const tracked = m === 0 ? 'import mlflow\n\n\ndef train(df):\n    with mlflow.start_run():\n        model = Ridge().fit(df.drop(columns="y"), df.y)\n        mlflow.log_metric("r2", model.score(df.drop(columns="y"), df.y))\n        mlflow.sklearn.log_model(model, "model")\n    return model\n' : '';
  return `${head}${tracked}\n\ndef f_${m}(x):\n    \"\"\"Feature ${pkg}.${sub}.${m}.\"\"\"\n    return np.asarray(x) + ${m}\n`;
}

/** A notebook with code cells, a markdown cell and an output, pretty-printed as Jupyter writes it. */
function notebook(t, n) {
  const cell = (type, lines, extra = {}) => ({ cell_type: type, metadata: {}, source: lines, ...extra });
  return `${JSON.stringify(
    {
      cells: [
        cell('markdown', [`# Analysis ${t}/${n}\n`, 'Exploring the weekly extract.']),
        cell('code', ['import pandas as pd\n', 'import matplotlib.pyplot as plt\n', `df = pd.read_parquet("extracts/e${String(n).padStart(3, '0')}.parquet")`], { execution_count: 1, outputs: [] }),
        cell('code', ['df.describe()'], { execution_count: 2, outputs: [{ output_type: 'execute_result', data: { 'text/plain': ['       a    b\n', 'count  3.0  3.0'] }, metadata: {}, execution_count: 2 }] }),
      ],
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`;
}

function generate() {
  rmSync(repo, { recursive: true, force: true });
  const write = (path, content) => {
    const file = join(repo, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  const pad = (n, w = 3) => String(n).padStart(w, '0');
  let tracked = 0;
  const add = (path, content) => {
    write(path, content);
    tracked++;
  };

  // the project's own manifests and infrastructure, at the root
  add('README.md', '# forecasting monorepo\n');
  add('.gitignore', 'data/\n.venv/\nmlruns/\n*.parquet\n__pycache__/\n');
  add('pyproject.toml', '[project]\nname = "forecast"\nversion = "1.0.0"\ndependencies = ["pandas>=2", "scikit-learn>=1.4", "mlflow>=2.10", "great-expectations>=0.18"]\n[project.optional-dependencies]\ntest = ["pytest"]\n');
  add('requirements.txt', 'pandas==2.2.1\nscikit-learn==1.4.2\nmlflow==2.11.1\ngreat-expectations==0.18.12\nfastapi==0.110.0\nprometheus-client==0.20.0\n');
  add('requirements-dev.txt', '-r requirements.txt\npytest==8.1.1\nruff==0.3.4\n');
  add('environment.yml', 'name: forecast\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n      - -r requirements.txt\n');
  add('setup.cfg', '[options]\ninstall_requires =\n    pandas\n');
  add('Dockerfile', 'FROM python:3.11-slim\nCOPY . /srv\nRUN pip install -r /srv/requirements.txt\n');
  add('.github/workflows/ci.yml', 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements-dev.txt\n      - run: pytest -q\n  image:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t forecast .\n      - run: docker push registry.example.com/forecast\n  deploy:\n    needs: image\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install forecast charts/forecast\n');
  add('.github/workflows/docs.yml', 'on: [push]\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mkdocs gh-deploy --force\n');
  add('.pipelines/retrain.yml', 'trigger: none\nschedules:\n- cron: "0 2 * * 1"\n  branches: { include: [main] }\npool:\n  vmImage: ubuntu-latest\nsteps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: python -m pipelines.submit_training\n');
  add('charts/forecast/Chart.yaml', 'apiVersion: v2\nname: forecast\nversion: 1.0.0\n');
  add('infra/main.tf', 'resource "azurerm_resource_group" "rg" {\n  name = "forecast"\n}\n');
  add('CODEOWNERS', '* @org/forecasting\n');
  add('docs/package.json', '{"devDependencies": {"vitepress": "^1.0.0"}}\n');
  // a few services, each with its own container and pinned requirements
  for (let s = 0; s < 8; s++) {
    add(`services/svc${s}/Dockerfile`, 'FROM python:3.11-slim\n');
    add(`services/svc${s}/requirements.txt`, s % 2 ? 'fastapi==0.110.0\nuvicorn==0.29.0\nonnxruntime==1.17.1\n' : 'fastapi>=0.110\nuvicorn\nonnxruntime==1.17.1\nprometheus-client\n');
    add(`services/svc${s}/app/main.py`, 'import onnxruntime as ort\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\nfrom prometheus_client import Counter\n\napp = FastAPI()\nPREDICTIONS = Counter("predictions", "served")\n\n\nclass PredictionRequest(BaseModel):\n    values: list[float]\n\n\n@app.post("/predict")\ndef predict(req: PredictionRequest):\n    PREDICTIONS.inc()\n    return {"score": 0.5}\n');
    for (let m = 0; m < 20; m++) add(`services/svc${s}/app/handlers/h${pad(m)}.py`, `import logging\nfrom typing import Any\n\nlog = logging.getLogger(__name__)\n\n\ndef handle_${m}(req: Any) -> Any:\n    log.info("handling %s", req)\n    return req\n`);
  }
  for (let t = 0; t < 40; t++) {
    for (let n = 0; n < 100; n++) {
      add(`notebooks/team${pad(t, 2)}/${pad(n)}-analysis.ipynb`, notebook(t, n));
    }
  }
  for (let d = 0; d < 100; d++) for (let q = 0; q < 100; q++) add(`sql/domain${pad(d)}/query${pad(q)}.sql`, `select * from t${d} where id = ${q};\n`);
  for (let d = 0; d < 200; d++) for (let p = 0; p < 40; p++) add(`docs/section${pad(d)}/page${pad(p, 2)}.md`, `# Page ${p}\n`);
  for (let e = 0; e < 50; e++) for (let c = 0; c < 100; c++) add(`configs/env${pad(e, 2)}/service${pad(c)}.yaml`, `replicas: ${c % 5}\n`);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  for (let i = 0; i < 5000; i++) add(`assets/img/${pad(Math.floor(i / 500), 2)}/plot${pad(i, 4)}.png`, png);
  for (let i = 0; i < 3000; i++) add(`pipelines/dags/dag_${pad(i, 4)}.py`, `from datetime import datetime\n\nfrom airflow import DAG\nfrom airflow.operators.python import PythonOperator\n\nwith DAG("dag_${i}", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:\n    PythonOperator(task_id="run", python_callable=print)\n`);
  for (let i = 0; i < 1000; i++) add(`R/analysis_${pad(i, 4)}.R`, `x <- ${i}\n`);
  // Python packages and their tests fill the rest
  let pkg = 0;
  while (tracked < TRACKED) {
    for (let sub = 0; sub < 10 && tracked < TRACKED; sub++) {
      add(`src/forecast_${pad(pkg)}/sub${sub}/__init__.py`, '');
      for (let m = 0; m < 25 && tracked < TRACKED; m++) add(`src/forecast_${pad(pkg)}/sub${sub}/module_${pad(m, 2)}.py`, module(pkg, sub, m));
      for (let t = 0; t < 10 && tracked < TRACKED; t++) add(`tests/forecast_${pad(pkg)}/sub${sub}/test_${pad(t, 2)}.py`, `import pytest\n\nfrom forecast_${pad(pkg)}.sub${sub} import module_${pad(t, 2)} as m\n\n\n@pytest.mark.parametrize("x", [0, 1, 2])\ndef test_${t}(x):\n    assert m.f_${t}(x) >= x\n`);
    }
    pkg++;
  }
  const git = (...args) => execFileSync('git', ['-c', 'user.email=bench@example.org', '-c', 'user.name=bench', ...args], { cwd: repo, stdio: 'pipe', maxBuffer: 1 << 30 });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'monorepo');
  // ignored by .gitignore: raw data, parquet extracts, a virtualenv, MLflow runs
  for (let i = 0; i < 20_000; i++) write(`data/raw/batch${pad(Math.floor(i / 1000), 2)}/part${pad(i, 5)}.csv`, 'a,b\n1,2\n');
  for (let i = 0; i < 5000; i++) write(`.venv/lib/python3.11/site-packages/pkg${pad(Math.floor(i / 50))}/m${pad(i % 50, 2)}.py`, '');
  for (let i = 0; i < 2000; i++) write(`mlruns/0/run${pad(i, 4)}/metrics/loss`, '0.1\n');
  for (let i = 0; i < 500; i++) write(`extracts/e${pad(i)}.parquet`, 'PAR1');
  // untracked, not ignored: someone's scratch work
  for (let i = 0; i < UNTRACKED; i++) write(`scratch/try_${pad(i)}.py`, 'print("wip")\n');
  writeFileSync(join(repo, '.git/bench-version'), VERSION);
}

const marker = join(repo, '.git/bench-version');
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== VERSION) {
  process.stderr.write('generating the 100,000-file repository (once; cached in .bench-tmp/scan-repo) …\n');
  generate();
}
const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repo, maxBuffer: 1 << 30 }).toString().split('\0').length - 1;

const node = process.execPath;
const hasTime = existsSync('/usr/bin/time');
const rg = spawnSync('rg', ['--version']).status === 0;
// the vocabulary's patterns (signals, CI steps, credential formats) that ripgrep's syntax takes
const patterns = join(root, '.bench-tmp/scan-patterns.txt');
if (rg) {
  const v = JSON.parse(readFileSync(join(root, 'dist/vocabulary.json'), 'utf8'));
  const all = [
    ...Object.values(v.capabilities).flatMap((c) => c.signals.map((s) => s.pattern).filter(Boolean)),
    ...Object.values(v.ci.steps).flat(),
    ...v.secrets.formats.map((f) => f.pattern),
  ];
  const ok = all.filter((p) => spawnSync('rg', ['-e', p, '--', '/dev/null']).status !== 2);
  writeFileSync(patterns, `${ok.join('\n')}\n`);
}
// the files the scan reads: code, CI and configuration, manifests, Dockerfiles, environment files
const READ_GLOBS = ['*.py', '*.ipynb', '*.R', '*.Rmd', '*.qmd', '*.yml', '*.yaml', '*.json', '*.toml', '*.cfg', '*.txt', '*.md', '*.sh', '*.tf', '*Dockerfile*', '.env*', 'Jenkinsfile', 'CODEOWNERS', '.gitattributes'];
const commands = {
  ready: `"${node}" "${join(root, 'bin/ready.js')}" scan --root "${repo}" --format json > /dev/null`,
  ...(rg && { rg: `rg --no-messages -n --hidden ${READ_GLOBS.map((g) => `-g '${g}'`).join(' ')} -f "${patterns}" . > /dev/null; "${node}" -e 0` }),
  floor: `git ls-files > /dev/null; "${node}" -e 0`,
  // the same listing the scan asks git for: how much of the gap is git's walk for untracked files
  listing: `git ls-files --cached --others --exclude-standard > /dev/null; "${node}" -e 0`,
};

/** One run: wall time in ms and peak resident memory in MB. */
function run(cmd) {
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', cmd], { cwd: repo, encoding: 'utf8' })
    : spawnSync('sh', ['-c', cmd], { cwd: repo, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // ripgrep exits 1 when nothing matches
  if (r.status !== 0 && !(cmd.startsWith('rg ') && r.status === 1)) throw new Error(`${cmd} failed: ${r.stderr}`);
  // without /usr/bin/time, Node cannot see a grandchild's peak memory
  const mb = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, mb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const cmd of Object.values(commands)) run(cmd); // warm the page cache and git's index
const results = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  // alternate, so that a slow moment of the machine hits all alike
  for (const [name, cmd] of Object.entries(commands)) results[name].push(run(cmd));
}

const ready = median(results.ready.map((r) => r.ms));
const floor = median(results.floor.map((r) => r.ms));
const peak = (rs) => Math.max(...rs.map((r) => r.mb));
const ratio = ready / floor;
const memory = peak(results.ready);
console.log(`repository: ${listed.toLocaleString('en')} files listed (tracked + untracked, not ignored); ${runs} runs each`);
console.log(`ready scan  median ${ready.toFixed(0)} ms   peak ${memory.toFixed(0)} MB`);
console.log(`floor       median ${floor.toFixed(0)} ms   peak ${peak(results.floor).toFixed(0)} MB   (git ls-files; node -e 0)`);
const listing = median(results.listing.map((r) => r.ms));
console.log(`same listing median ${listing.toFixed(0)} ms   (git ls-files --cached --others --exclude-standard; node -e 0)`);
if (rg) {
  const floorRg = median(results.rg.map((r) => r.ms));
  console.log(`ripgrep     median ${floorRg.toFixed(0)} ms   peak ${peak(results.rg).toFixed(0)} MB   (the same files searched for the vocabulary's patterns; node -e 0)`);
  console.log(`ratio       ${(ready / floorRg).toFixed(2)}x the ripgrep floor (target <= 1.5x)`);
} else console.log('(ripgrep not installed: no ripgrep floor; Debian: apt-get install ripgrep)');
console.log(`ratio       ${ratio.toFixed(2)}x git ls-files, ${(ready / listing).toFixed(2)}x the same listing; memory ${memory < 150 ? 'under' : 'OVER'} the 150 MB target`);
if (!hasTime) console.log('(peak memory unknown: install GNU time, /usr/bin/time, to measure it)');
