// Lists a git work tree the way git sees it: tracked files plus untracked files that no ignore
// rule excludes. Git does the .gitignore work far faster than we could. A large repository gets two
// processes side by side: the tracked files arrive at once from the index and are handed on in
// parts while the other process still walks the work tree for untracked ones, so that matching
// overlaps with the walk. A small one (most) gets one process, which starts sooner: a second
// process costs about 10 ms, more than the overlap saves.
import { gitStream } from '../load/git.js';
import { gitMarker } from '../load/repo-root.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBounded } from '../load/read-text.js';
import type { SkippedFile } from '../core/evidence.js';
import { decodeName } from './names.js';

export interface Listing {
  files: string[];
  /** the real bytes of names that are not valid UTF-8, by their shown name */
  rawNames: Map<string, Buffer>;
  skipped: SkippedFile[];
}

/** Called with each part of the listing as it arrives, in listing order. */
export type OnPaths = (paths: readonly string[]) => void;

const TRACKED = ['ls-files', '-z', '--cached'];
const UNTRACKED = ['ls-files', '-z', '--others', '--exclude-standard'];
// both in one run; -t tags each name: `? ` for an untracked file, a letter for a tracked one
const BOTH = ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard'];
/** An index up to this size (about 10,000 files) is listed by one process. */
export const ONE_PROCESS_MAX_INDEX_BYTES = 1024 * 1024;

/** The listing, or undefined when the root is not in a git work tree or git cannot run. */
export async function listGit(root: string, onPaths?: OnPaths, options: { oneProcessMaxIndexBytes?: number } = {}): Promise<Listing | undefined> {
  // starting git costs tens of milliseconds to learn what a few stats tell
  const marker = gitMarker(root);
  if (marker === undefined || !plainGitDir(marker)) return undefined;
  const rawNames = new Map<string, Buffer>();
  if (indexBytes(marker) <= (options.oneProcessMaxIndexBytes ?? ONE_PROCESS_MAX_INDEX_BYTES)) return listInOneRun(root, rawNames, onPaths);
  // parts as they arrive, joined once at the end: no path is copied one by one
  const tracked: (readonly string[])[] = [];
  const untracked: (readonly string[])[] = [];
  let trackedDone = false;
  const oncePerPath = conflictStagesOnce();
  const tracking = run(root, TRACKED, rawNames, (paths) => {
    const fresh = oncePerPath(paths);
    tracked.push(fresh);
    if (fresh.length > 0) onPaths?.(fresh);
  });
  const walking = run(root, UNTRACKED, rawNames, (paths) => {
    untracked.push(paths);
    // listing order is tracked files first: untracked ones wait until those are all handed on
    if (trackedDone) onPaths?.(paths);
  });
  const t = await tracking;
  trackedDone = true;
  // untracked files that arrived before the tracked ones were all handed on
  if (t) for (const part of untracked) onPaths?.(part);
  const u = await walking;
  if (!t || !u) return undefined;
  return { files: ([] as string[]).concat(...tracked, ...untracked), rawNames, skipped: parseWarnings(u.stderr) };
}

// found by the same rule that bounds where rubrics may come from
export { gitMarker };

/**
 * Whether the files git opens first are regular files. git opens .git/HEAD, config and index
 * without a timeout of its own; a FIFO there (a pull request can commit none, but a hostile
 * checkout or a build step can make one) would block it. The walk lists such a tree instead.
 */
function plainGitDir(marker: string): boolean {
  let dir = marker;
  try {
    if (statSync(marker).isFile()) {
      // a linked work tree or submodule: `gitdir: <path>` names the real one
      const line = /^gitdir: (.+)$/m.exec(readBounded(marker, 64 * 1024, 'file').toString('utf8'));
      if (!line) return false;
      dir = resolve(dirname(marker), line[1]!.trim());
    }
  } catch {
    return false;
  }
  for (const name of ['HEAD', 'config', 'index', 'commondir', 'info/exclude']) {
    try {
      if (!statSync(join(dir, name)).isFile()) return false;
    } catch {
      // missing is fine: an empty repository has no index, most have no info/exclude
    }
  }
  return true;
}

/** The size of the index, a measure of how many files are tracked; Infinity when it is elsewhere. */
function indexBytes(marker: string): number {
  try {
    return statSync(join(marker, 'index')).size;
  } catch {
    // a .git file (linked work tree, submodule) keeps its index elsewhere; an empty repository has none
    return existsSync(join(marker, 'HEAD')) ? 0 : Infinity;
  }
}

/** Tracked and untracked files from one `git ls-files -t`, in the order the two-process listing gives. */
async function listInOneRun(root: string, rawNames: Map<string, Buffer>, onPaths?: OnPaths): Promise<Listing | undefined> {
  const tagged: (readonly string[])[] = [];
  const r = await run(root, BOTH, rawNames, (paths) => tagged.push(paths));
  if (!r) return undefined;
  const staged: string[] = [];
  const untracked: string[] = [];
  for (const part of tagged) {
    for (const name of part) {
      const path = name.slice(2);
      const raw = rawNames.get(name);
      if (raw) {
        rawNames.delete(name);
        rawNames.set(path, raw.subarray(2));
      }
      (name.startsWith('? ') ? untracked : staged).push(path);
    }
  }
  const tracked = conflictStagesOnce()(staged);
  if (tracked.length > 0) onPaths?.(tracked);
  if (untracked.length > 0) onPaths?.(untracked);
  return { files: [...tracked, ...untracked], rawNames, skipped: parseWarnings(r.stderr) };
}

/**
 * Git lists an unmerged path once per conflict stage, one after the other: a filter that keeps the
 * first of each run, across the parts it is handed, and copies a part only when it has a repeat.
 */
function conflictStagesOnce(): (paths: readonly string[]) => readonly string[] {
  let last: string | undefined;
  return (paths) => {
    const before = last;
    last = paths[paths.length - 1] ?? last;
    const repeats = (p: string, i: number) => p === (i === 0 ? before : paths[i - 1]);
    return paths.some(repeats) ? paths.filter((p, i) => !repeats(p, i)) : paths;
  };
}

/** Runs one `git ls-files -z`, handing on its paths as they arrive; undefined when git fails. */
function run(root: string, args: string[], rawNames: Map<string, Buffer>, onPaths: OnPaths): Promise<{ stderr: string } | undefined> {
  const git = gitStream(args, { cwd: root });
  if (!git) return Promise.resolve(undefined);
  const split = nulSplitter(rawNames);
  const stderr: Buffer[] = [];
  git.child.stdout.on('data', (chunk: Buffer) => {
    const paths = split(chunk);
    if (paths.length > 0) onPaths(paths);
  });
  git.child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return git.done.then(({ code }) => (code !== 0 ? undefined : { stderr: Buffer.concat(stderr).toString('utf8') }));
}

/** Splits NUL-terminated names across chunk boundaries; names that are not UTF-8 keep their bytes. */
export function nulSplitter(rawNames: Map<string, Buffer>): (chunk: Buffer) => string[] {
  let carry: Buffer | undefined;
  return (chunk) => {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = buf.lastIndexOf(0);
    if (end === -1) {
      carry = buf;
      return [];
    }
    carry = end + 1 < buf.length ? Buffer.from(buf.subarray(end + 1)) : undefined;
    // a NUL never falls inside a UTF-8 sequence, so the part up to the last one decodes whole
    const text = buf.toString('utf8', 0, end);
    if (!text.includes('\uFFFD')) return text.split('\0');
    const paths: string[] = [];
    for (let start = 0, at = buf.indexOf(0); at !== -1 && at <= end; start = at + 1, at = buf.indexOf(0, start)) {
      const bytes = buf.subarray(start, at);
      const { name, exact } = decodeName(bytes);
      if (!exact) rawNames.set(name, Buffer.from(bytes));
      paths.push(name);
    }
    return paths;
  };
}

/** `git ls-files --others` warns about directories it cannot open and goes on; so do we. */
function parseWarnings(stderr: string): SkippedFile[] {
  const out: SkippedFile[] = [];
  for (const m of stderr.matchAll(/could not open directory '(.*)': (.*)$/gm)) out.push({ path: m[1]!, reason: 'unreadable', detail: m[2]! });
  return out;
}
