#!/usr/bin/env node
// Scan benchmark. Generates once, under .bench-tmp/scan-repo/, a git repository of 100,000 listed
// files shaped like a data-science monorepo (Python packages and tests, notebooks, SQL, docs,
// configs, images, a few services with Dockerfiles and pinned requirements, manifests at the root),
// plus data folders, a virtualenv and MLflow runs that .gitignore excludes. Then alternates
//   ready:  node bin/ready.js scan --root REPO --format json > /dev/null
//   floor:  git ls-files > /dev/null; node -e 0
//   and the same listing the scan asks git for (tracked plus untracked, not ignored) plus node -e 0
// (each as `sh -c`), and prints the medians, the ratios and the peak memory.
// Usage: node bench/scan.mjs [runs=9]      Target: ratio <= 1.5, peak memory < 150 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 9);
const repo = join(root, '.bench-tmp/scan-repo');
const VERSION = 'scan-repo v1: 99,500 tracked + 500 untracked';
const TRACKED = 99_500;
const UNTRACKED = 500;
if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('run `npm run build` first');

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
  add('.github/workflows/ci.yml', 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n      - run: docker build -t forecast .\n');
  add('CODEOWNERS', '* @org/forecasting\n');
  add('docs/package.json', '{"devDependencies": {"vitepress": "^1.0.0"}}\n');
  // a few services, each with its own container and pinned requirements
  for (let s = 0; s < 8; s++) {
    add(`services/svc${s}/Dockerfile`, 'FROM python:3.11-slim\n');
    add(`services/svc${s}/requirements.txt`, 'fastapi==0.110.0\nuvicorn==0.29.0\nonnxruntime==1.17.1\n');
    add(`services/svc${s}/app/main.py`, 'from fastapi import FastAPI\napp = FastAPI()\n');
    for (let m = 0; m < 20; m++) add(`services/svc${s}/app/handlers/h${pad(m)}.py`, `def handle_${m}(req):\n    return req\n`);
  }
  for (let t = 0; t < 40; t++) {
    for (let n = 0; n < 100; n++) {
      add(`notebooks/team${pad(t, 2)}/${pad(n)}-analysis.ipynb`, `{"cells": [{"cell_type": "code", "source": ["import pandas as pd  # ${t}/${n}"]}], "nbformat": 4, "nbformat_minor": 5}\n`);
    }
  }
  for (let d = 0; d < 100; d++) for (let q = 0; q < 100; q++) add(`sql/domain${pad(d)}/query${pad(q)}.sql`, `select * from t${d} where id = ${q};\n`);
  for (let d = 0; d < 200; d++) for (let p = 0; p < 40; p++) add(`docs/section${pad(d)}/page${pad(p, 2)}.md`, `# Page ${p}\n`);
  for (let e = 0; e < 50; e++) for (let c = 0; c < 100; c++) add(`configs/env${pad(e, 2)}/service${pad(c)}.yaml`, `replicas: ${c % 5}\n`);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  for (let i = 0; i < 5000; i++) add(`assets/img/${pad(Math.floor(i / 500), 2)}/plot${pad(i, 4)}.png`, png);
  for (let i = 0; i < 3000; i++) add(`pipelines/dags/dag_${pad(i, 4)}.py`, `# schedule: daily\nDAG_ID = "dag_${i}"\n`);
  for (let i = 0; i < 1000; i++) add(`R/analysis_${pad(i, 4)}.R`, `x <- ${i}\n`);
  // Python packages and their tests fill the rest
  let pkg = 0;
  while (tracked < TRACKED) {
    for (let sub = 0; sub < 10 && tracked < TRACKED; sub++) {
      add(`src/forecast_${pad(pkg)}/sub${sub}/__init__.py`, '');
      for (let m = 0; m < 25 && tracked < TRACKED; m++) add(`src/forecast_${pad(pkg)}/sub${sub}/module_${pad(m, 2)}.py`, `def f_${m}(x):\n    return x + ${m}\n`);
      for (let t = 0; t < 10 && tracked < TRACKED; t++) add(`tests/forecast_${pad(pkg)}/sub${sub}/test_${pad(t, 2)}.py`, `def test_${t}():\n    assert True\n`);
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
const commands = {
  ready: `"${node}" "${join(root, 'bin/ready.js')}" scan --root "${repo}" --format json > /dev/null`,
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
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  // without /usr/bin/time, Node cannot see a grandchild's peak memory
  const mb = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, mb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const cmd of Object.values(commands)) run(cmd); // warm the page cache and git's index
const results = { ready: [], floor: [], listing: [] };
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
console.log(`ratio       ${ratio.toFixed(2)}x the floor (target <= 1.5x), ${(ready / listing).toFixed(2)}x the same listing; memory ${memory < 150 ? 'under' : 'OVER'} the 150 MB target`);
if (!hasTime) console.log('(peak memory unknown: install GNU time, /usr/bin/time, to measure it)');
