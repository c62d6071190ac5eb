// `ready scan` and the evidence in `ready check`, run through the built binary.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject, ROOT } from '../helpers/cli.js';

const REPOS = join(ROOT, 'tests/fixtures/repos');
const RUBRIC = join(ROOT, 'tests/fixtures/rubrics/evidence.yaml');

describe('ready scan', () => {
  it('prints each probe with what it found, the suggestions, and exits 0', async () => {
    const r = await runCli(['scan', '--root', join(REPOS, 'production-service'), '--rubric', RUBRIC]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // no spinner: stderr is not a terminal
    expect(r.stdout).toContain(`Evidence in ${join(REPOS, 'production-service')}`);
    expect(r.stdout).toContain('  ✔ a container build file: Dockerfile\n');
    // too long to sit beside its description: on a line of its own
    expect(r.stdout).toContain('  ✔ python dependency "FastAPI" or "flask" or "uvicorn":\n      FastAPI, uvicorn in requirements.txt\n');
    expect(r.stdout).toContain('  · a file matching "**/*.ipynb": nothing found\n');
    expect(r.stdout).toContain('  → suggests container\n');
    expect(r.stdout).toMatch(/Probes {4}12 of 17 found something/);
  });

  it('writes JSON with every finding, the suggestions and the listing', async () => {
    const r = await runCli(['scan', '--root', join(REPOS, 'packaged-project'), '--rubric', RUBRIC, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ root: join(REPOS, 'packaged-project'), rubric: { id: 'evidence', version: '1.0.0' }, listing: 'git', skipped: [], skippedTotal: 0 });
    expect(json.files).toBe(10);
    expect(json.questions.tracking).toEqual([
      expect.objectContaining({ id: 'tracking-library', found: true, paths: ['pyproject.toml'], packages: ['mlflow'] }),
    ]);
    expect(json.suggestions).toEqual({
      packaging: { option: 'script', choice: ['script'], because: ['pyproject.toml, requirements.txt (a file matching "{requirements*.txt,pyproject.toml,setup.py,setup.cfg,environment.yml,Pipfile}")'] },
      tests: { option: 'yes', choice: ['yes'], because: ['tests/test_features.py (a file matching "**/test_*.py" or "**/*_test.py" or "tests/testthat/*.R")'] },
      tracking: { option: 'tracked', choice: ['tracked'], because: ['mlflow in pyproject.toml (dependency "mlflow" or "wandb" or "dvc")'] },
    });
  });

  it('uses the rubric that readiness.yaml in the root names', async () => {
    const dir = tempProject({ 'readiness.yaml': `rubric: ./evidence.yaml\nanswers: {}\n`, 'evidence.yaml': readFileSync(RUBRIC, 'utf8'), Dockerfile: 'FROM python:3.12\n' });
    const json = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.rubric.id).toBe('evidence');
    expect(json.questions.packaging[0]).toMatchObject({ found: true, paths: ['Dockerfile'] });
  });

  it('runs the built-in rubric by default', async () => {
    const r = await runCli(['scan', '--root', join(REPOS, 'notebook-prototype'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rubric.id).toBe('default');
  });

  it('reports what it skipped in a hostile repository, and reads nothing out of it', async () => {
    const dir = tempProject({ 'app.py': 'import fastapi\n' });
    symlinkSync('/etc', join(dir, 'etc-link'));
    symlinkSync('/etc/passwd', join(dir, 'Dockerfile'));
    symlinkSync('loop', join(dir, 'loop'));
    const r = await runCli(['scan', '--root', dir, '--rubric', RUBRIC]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  · a container build file: nothing found\n');
    expect(r.stdout).toMatch(/Skipped \(3\)\n/);
    expect(r.stdout).toMatch(/leads out of the repository +etc-link {2}links to \/etc\n/);
    expect(r.stdout).toMatch(/leads out of the repository +Dockerfile {2}links to \/etc\/passwd\n/);
    expect(r.stdout).toMatch(/broken link +loop {2}ELOOP\n/);
    expect(r.stdout).not.toContain('root:'); // nothing of /etc/passwd
  });

  it.each([
    [['--root', '/nonexistent/repo'], /--root: \/nonexistent\/repo is not a directory/],
    [['--format', 'xml'], /argument 'xml' is invalid/],
    [['--rubric', 'builtin:nope'], /builtin:nope: no such built-in rubric/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const r = await runCli(['scan', ...args], { cwd: join(REPOS, 'r-analysis') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('ready check with evidence', () => {
  // the answers deny the container and the CI the repository has (the silence of a probe that
  // found nothing is never a contradiction: tests/evidence/contradictions.test.ts)
  const project = () => {
    const dir = tempProject({
      'evidence.yaml': readFileSync(RUBRIC, 'utf8'),
      'readiness.yaml': [`rubric: ./evidence.yaml`, 'answers:', '  consumer: humans', '  packaging: notebook', '  ci: none', ''].join('\n'),
      '.github/workflows/ci.yml': 'on: [push]\n',
      Dockerfile: 'FROM python:3.12-slim\n',
    });
    mkdirSync(join(dir, 'src'));
    return dir;
  };

  it('shows the contradictions and the scan, and passes while the gate allows them', async () => {
    const r = await runCli(['check'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Evidence +4 files scanned \(directory walk\); 2 contradictions$/m);
    expect(r.stdout).toContain('Contradictions (2): answers the repository does not bear out');
    // the messages wrap at 80 columns
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('! packaging is answered "Notebooks" (line 4), but the repository shows Dockerfile (a container build file)');
    expect(flat).toContain('! ci is answered "No CI" (line 5), but the repository shows .github/workflows/ci.yml (a CI workflow)');
  });

  it('fails on contradictions with --fail-on contradictions or --max-contradictions', async () => {
    const dir = project();
    const failed = await runCli(['check', '--fail-on', 'contradictions'], { cwd: dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/✖ 2 answers contradicted by the repository, more than the 0 allowed/);
    expect((await runCli(['check', '--max-contradictions', '1'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['check', '--max-contradictions', '2'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['check', '--max-contradictions', '1:warn'], { cwd: dir })).code).toBe(0);
  });

  it('--no-evidence scans nothing: no contradictions, no evidence in the JSON report', async () => {
    const dir = project();
    const text = await runCli(['check', '--no-evidence', '--fail-on', 'contradictions'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('Contradictions');
    expect(text.stdout).not.toMatch(/^Evidence /m);
    const json = JSON.parse((await runCli(['check', '--no-evidence', '--format', 'json'], { cwd: dir })).stdout);
    expect(json).not.toHaveProperty('contradictions');
    expect(json).not.toHaveProperty('evidence');
    const scanned = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: dir })).stdout);
    expect(scanned.contradictions).toHaveLength(2);
    expect(scanned.questions.find((q: { id: string }) => q.id === 'ci').evidence[0]).toMatchObject({ found: true, paths: ['.github/workflows/ci.yml'] });
  });

  it('scans the folder of the readiness file, not the working directory', async () => {
    const dir = project();
    const r = await runCli(['check', '--file', join(dir, 'readiness.yaml'), '--format', 'json'], { cwd: join(REPOS, 'production-service') });
    expect(JSON.parse(r.stdout).contradictions).toHaveLength(2);
  });

  it('rejects a bad --max-contradictions with exit 2', async () => {
    const r = await runCli(['check', '--max-contradictions', 'many'], { cwd: project() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-contradictions: expected a whole number/);
  });
});
