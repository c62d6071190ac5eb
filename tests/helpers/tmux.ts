// `ready` driven the way a person drives it: the built binary in a pseudo-terminal (tmux), keys
// sent one step at a time, the screen read back. Every wait polls the screen or a file with a
// deadline; nothing sleeps for a fixed time. Each test file gets a private tmux server, so that
// parallel runs and the user's own sessions are never touched; call `stopTmux` in afterAll.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `ready-tmux-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
export const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const WAIT_MS = 10_000;

export interface Run {
  name: string;
  screen(): string;
  waitFor(pattern: RegExp): Promise<string>;
  keys(...keys: string[]): void;
  exitCode(): Promise<number>;
}

let sessions = 0;
let serverReady = false;

export function stopTmux(): void {
  if (hasTmux && serverReady) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
}

/** Starts `ready ARGS` in a fresh pane whose shell writes the exit code to a file afterwards. */
export function startReady(dir: string, args: string[], options: { env?: string; columns?: number; joinWrapped?: boolean } = {}): Run {
  if (!serverReady) {
    // an idle session keeps the server up, and exited panes stay readable until the test reads them
    tmux('new-session', '-d', '-s', 'idle');
    tmux('set-option', '-g', 'remain-on-exit', 'on');
    serverReady = true;
  }
  const name = `s${++sessions}`;
  const exitFile = join(dir, `.exit-${name}.txt`);
  const command = `trap '' HUP; cd ${sh(dir)} && env -u CI ${options.env ?? 'NO_COLOR=1'} ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}; echo $? > ${sh(exitFile)}`;
  tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 110), '-y', '50', `sh -c ${sh(command)}`);
  // joinWrapped: lines the terminal wrapped read back as one, for tests about words, not layout
  const screen = () => tmux('capture-pane', '-p', ...(options.joinWrapped ? ['-J'] : []), '-S', '-200', '-t', name);
  const poll = async <T>(what: string, probe: () => T | undefined): Promise<T> => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  return {
    name,
    screen,
    waitFor: (pattern) =>
      poll(String(pattern), () => {
        const text = screen();
        return pattern.test(text) ? text : undefined;
      }),
    keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    exitCode: () => poll('the exit code', () => (existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim() !== '' ? Number(readFileSync(exitFile, 'utf8').trim()) : undefined)),
  };
}
