// `ready scan` reports every capability of the vocabulary with its proof: in the JSON as a
// top-level `capabilities` object, in the text as the summary it opens with.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/core/probe-kinds.js';
import { githubWorkflow } from '../../src/commands/init.js';
import { runCli, tempProject } from '../helpers/cli.js';

const made: string[] = [];
const project = (files: Record<string, string>) => {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const service = {
  'Dockerfile-app': 'FROM python:3.12-slim\nCOPY . /srv\n',
  '.pipelines/cd.yml': 'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: pytest\n- script: helm upgrade --install churn charts/churn\n',
  'requirements.txt': 'fastapi==0.110.0\nmlflow==2.14.1\n',
  'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post("/predict")\ndef predict(x: dict):\n    return x\n',
  '.env': `API_TOKEN=${'9f8e7d6c5b4a39281706f5e4d3c2b1a0'}\n`,
};

describe('ready scan and the capabilities', () => {
  it('has a top-level capabilities object with every capability, each with its proof', async () => {
    const r = await runCli(['scan', '--format', 'json'], { cwd: project(service) });
    expect(r.code).toBe(0);
    type Found = { found: boolean; paths: string[]; why: { path: string; line?: number; what: string }[] };
    const json = JSON.parse(r.stdout) as { capabilities: Record<(typeof CAPABILITIES)[number], Found> };
    expect(Object.keys(json.capabilities)).toEqual([...CAPABILITIES]);
    expect(json.capabilities.container).toEqual({ found: true, paths: ['Dockerfile-app'], why: [{ path: 'Dockerfile-app', line: 1, what: 'a Dockerfile (FROM line)' }] });
    expect(json.capabilities.ci.paths).toEqual(['.pipelines/cd.yml']);
    expect(json.capabilities.serving.why).toEqual([{ path: 'app/main.py', line: 5, what: 'a web endpoint' }]);
    expect(json.capabilities['committed-secrets'].why).toEqual([{ path: '.env', line: 1, what: 'a value for API_TOKEN' }]);
    expect(r.stdout).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    expect(json.capabilities.codeowners).toEqual({ found: false, paths: [], why: [] });
  });

  it('opens the text with the summary, one capability a line, with the file and line', async () => {
    const r = await runCli(['scan'], { cwd: project(service), env: { NO_COLOR: '1' } });
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Capabilities');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('  ✔ container               Dockerfile-app:1 (a Dockerfile (FROM line))');
    const summary = lines.slice(at + 1, lines.indexOf('', at));
    expect(summary.filter((l) => /^  [✔·] /.test(l)).map((l) => l.slice(4).split(' ')[0])).toEqual([...CAPABILITIES]);
    expect(r.stdout).toContain('  · codeowners              not found');
    expect(r.stdout).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  });

  it("does not take ready's own readiness.yaml and CI workflow for the project's", async () => {
    const r = await runCli(['scan', '--format', 'json'], {
      cwd: project({ 'readiness.yaml': 'answers: {}\n', '.github/workflows/readiness.yml': githubWorkflow('readiness.yaml'), 'model.py': 'import sklearn\n' }),
    });
    const json = JSON.parse(r.stdout) as { capabilities: Record<string, { found: boolean }> };
    expect(Object.entries(json.capabilities).filter(([, c]) => c.found).map(([k]) => k)).toEqual([]);
  });
});
