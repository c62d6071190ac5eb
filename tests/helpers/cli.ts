// Two ways to run `ready` in tests. `runCli` runs the CLI's `main` in this process, from the
// sources, with the working directory, environment, stdout and stderr of a real run: fast enough
// for every behaviour test. `runBinary` spawns the built binary (npm test builds first) the way a
// user or CI would: kept for the tests that prove the wiring (the launcher, the bundle, pipes,
// signals, terminals, the Node.js versions of tests/e2e).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../src/cli.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/ready.js');
/** The Node.js that runs the binary: this one, or another given by READY_TEST_NODE (tests/e2e on 22, 24, 26). */
export const NODE = process.env.READY_TEST_NODE || process.execPath;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

const baseEnv = (extra: RunOptions['env']) => {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, GITLAB_CI: undefined, CI: 'true', ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
};

export function runBinary(args: string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(NODE, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: baseEnv(opts.env) as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A run of the binary that also lists every module of dist/ it loads, with the heavy libraries each holds. */
export function runWithModuleLog(args: string[], opts: RunOptions = {}): RunResult & { modules: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'ready-modules-')), 'modules.log');
  writeFileSync(log, '');
  const r = runBinary(args, { ...opts, env: { ...opts.env, READY_MODULE_LOG: log, NODE_OPTIONS: `--import ${join(ROOT, 'tests/helpers/log-modules.mjs')}` } });
  return { ...r, modules: readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('MODULE ')) };
}

/** One in-process run at a time: they share the process's directory, environment and streams. */
let queue: Promise<unknown> = Promise.resolve();

export function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const run = queue.then(() => runInProcess(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: string[], opts: RunOptions): Promise<RunResult> {
  if (opts.input) throw new Error('runCli: stdin input needs runBinary');
  const savedEnv = process.env;
  const savedCwd = process.cwd();
  const out = process.stdout.write;
  const err = process.stderr.write;
  let stdout = '';
  let stderr = '';
  process.env = baseEnv(opts.env) as NodeJS.ProcessEnv;
  process.chdir(opts.cwd ?? ROOT);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await main(args);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.env = savedEnv;
    process.chdir(savedCwd);
    process.exitCode = undefined;
  }
}

/** A fresh directory holding the given files (path -> content), in `parent` (default: the test run's temporary folder). */
export function tempProject(files: Record<string, string> = {}, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'ready-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
