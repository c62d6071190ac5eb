// The npm package as users get it: `npm pack`, installed into an empty project with no network and
// no dev dependencies, then run as `ready` and imported as a library.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

let project: string;
let files: string[];

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'ready-pack-'));
  // npm test has just built dist/; --ignore-scripts skips the prepack rebuild, the types are built here
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  const out: { filename: string; files: { path: string }[] }[] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], ROOT));
  files = out[0]!.files.map((f) => f.path);
  project = mkdtempSync(join(tmpdir(), 'ready-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-package-lock', join(packDir, out[0]!.filename)], project);
}, 180_000);

describe('the npm package', () => {
  it('holds only what users need', () => {
    const top = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'rubrics', 'schemas']));
    for (const f of files) expect(f).not.toMatch(/^(src|tests|bench|scripts|node_modules)\/|\.ts$(?<!\.d\.ts$)|\.tgz$/);
    expect(files).toContain('dist/rubrics/default.json');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('schemas/readiness.schema.json');
  });

  it('installs without any dependency to download', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['ready-cli']);
  });

  it('runs `ready --version` and `ready check --example` from the installed bin', () => {
    const bin = join(project, 'node_modules/.bin/ready');
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const check = spawnSync(bin, ['check', '--example'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/Tier\s+Medium complexity/);
    const npx = spawnSync('npx', ['--no-install', 'ready', '--help'], { cwd: project, encoding: 'utf8' });
    expect(npx.status).toBe(0);
    expect(npx.stdout).toMatch(/Commands:[\s\S]*check/);
  });

  it('exposes the core as a typed library', () => {
    const script = `
      import { loadRubric, evaluate } from 'ready-cli';
      const { rubric } = await loadRubric('builtin:default');
      const report = evaluate(rubric, { consumer: { choice: ['machines'] }, frequency: { choice: ['batch'] } }, { now: '2026-11-28T00:00:00Z' });
      console.log(JSON.stringify({ tier: report.tier.id, schemaVersion: report.schemaVersion, questions: report.questions.length }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ tier: 'high', schemaVersion: 1 });
    expect(files).toContain('dist/types/index.d.ts');
  });
});
