// git as a reader, never a runner: every git process `ready` starts comes from here. The
// repository under review may set configuration that makes git run a program (core.fsmonitor,
// hooks, an external diff, textconv and filter drivers, a pager); command-line `-c` outranks the
// repository's own .git/config, so each call switches those off. Each call has a timeout, and a
// process still running when `ready` exits is killed with it.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

// a listing of 100,000 files takes a tenth of a second: this only ends a git that is stuck (a FIFO
// where it reads an ignore file), after which the directory walk lists the tree
export const GIT_TIMEOUT_MS = 10_000;

const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.editor=false',
  'core.sshCommand=false',
  'core.askPass=false',
  'credential.helper=',
  'diff.external=',
  'protocol.allow=never',
].flatMap((c) => ['-c', c]);

/** The environment of every git call: no locks taken, plain bytes, and the caller's repository variables gone. */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_EXTERNAL_DIFF: '' };
  // set by git hooks; the working directory, not the caller's repository, decides what git reads
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT']) delete env[name];
  return env;
}

/** git's arguments with the configuration that runs programs switched off. */
export const safeGitArgs = (args: readonly string[]) => ['--no-pager', ...SAFE_CONFIG, ...args];

const running = new Set<{ kill: (signal?: NodeJS.Signals) => boolean }>();
let exitHook = false;
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * A signal that ends `ready` ends its git processes too: otherwise a git blocked on a FIFO in the
 * repository would run on after `ready` is gone. The signal then does what it would have done
 * (ends the process), unless someone else listens for it (the questionnaire handles Ctrl-C).
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const c of running) c.kill('SIGKILL');
  if (process.listenerCount(signal) === 1) {
    for (const s of SIGNALS) process.off(s, onSignal);
    process.kill(process.pid, signal);
  }
}

function track(child: { kill: (signal?: NodeJS.Signals) => boolean }): () => void {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }
  if (running.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  running.add(child);
  return () => {
    running.delete(child);
    if (running.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}

export interface GitResult {
  /** null when git could not run, timed out or was killed */
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/** Runs git to the end and returns its output; never throws. `input` is written to its stdin. */
export function gitSync(args: readonly string[], options: { cwd: string; timeoutMs?: number; maxBuffer?: number; input?: string }): GitResult {
  const r = spawnSync('git', safeGitArgs(args), {
    cwd: options.cwd,
    env: gitEnv(),
    windowsHide: true,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(options.input !== undefined && { input: options.input }),
    timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.error ? null : r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? '', timedOut };
}

/**
 * Starts git with its output streamed, for listings too large to wait for. The process is killed
 * after the timeout and when `ready` exits; `done` resolves when it has ended.
 */
export function gitStream(
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number },
): { child: ChildProcessByStdio<null, Readable, Readable>; done: Promise<{ code: number | null; timedOut: boolean }> } | undefined {
  let child: ChildProcessByStdio<null, Readable, Readable>;
  try {
    child = spawn('git', safeGitArgs(args), { cwd: options.cwd, env: gitEnv(), windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
  const untrack = track(child);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? GIT_TIMEOUT_MS);
  timer.unref();
  const done = new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
    let failed = false;
    child.on('error', () => {
      failed = true;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      untrack();
      resolve({ code: failed || timedOut ? null : code, timedOut });
    });
  });
  return { child, done };
}
