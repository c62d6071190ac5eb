// Real git repositories for the team commands: each commit with its own author and date, so that
// history has something to show. Every repository is made under os.tmpdir() and removed by the
// test file that made it (see `cleanup`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, tempProject } from '../helpers/cli.js';

const made: string[] = [];

export function gitRepo(files: Record<string, string> = {}): string {
  const dir = tempProject(files);
  made.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

/** The test's own git settings: none of the machine's configuration, none of a calling hook's repository. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null', ...extra };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv() });
}

/** Writes the files and commits them all as `author` on `date` (ISO). */
export function commit(dir: string, files: Record<string, string>, author = 'Ann Owner', date = '2026-01-01T10:00:00Z', message = 'update'): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  git(dir, 'add', '-A');
  execFileSync('git', ['-c', `user.name=${author}`, '-c', 'user.email=team@example.com', 'commit', '-q', '--allow-empty', '-m', message], {
    cwd: dir,
    env: gitEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  });
  return git(dir, 'rev-parse', 'HEAD').trim();
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** readiness.yaml for the built-in rubric: a medium-tier project with these answers. */
/**
 * A gate: section that lets a half-answered file pass, so that a test sees only what it is about:
 * no minimum score or area, unanswered questions only warned about, and the built-in rubric's
 * per-question floors (minQuestion, every tier's) set to 0.
 */
export function passingGate(): string {
  const rubric = JSON.parse(readFileSync(join(ROOT, 'dist/rubrics/default.json'), 'utf8')) as { gates: Record<string, { minQuestion?: Record<string, unknown> }> };
  const floors = [...new Set(Object.values(rubric.gates).flatMap((g) => Object.keys(g.minQuestion ?? {})))].map((q) => `${q}: 0`).join(', ');
  return `gate:\n  minScore: 0\n  minArea: { data: 0, humans: 0, organization: 0, technology: 0 }\n  minQuestion: { ${floors} }\n  maxUnanswered: { value: 0, level: warn }\n`;
}

export function readiness(answers: Record<string, string>, extra = ''): string {
  const lines = Object.entries({ consumer: 'humans', frequency: 'batch', 'product-kind': 'model', ...answers }).map(([id, choice]) => `  ${id}: ${choice}`);
  return `${extra}answers:\n${lines.join('\n')}\n`;
}
