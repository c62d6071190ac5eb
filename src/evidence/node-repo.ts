// The Node implementation of the repository port. It lists once (git where it can, else the
// walk) and guards every read: the real path of each file must lie inside the real root, so a
// link cannot lead a probe to /etc; large files and anything but regular files are refused.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SkippedFile } from '../core/evidence.js';
import { listGit, type Listing, type OnPaths } from './list-git.js';
import { walk, errCode } from './walk.js';
import { MAX_FILE_BYTES, normalizeRepoPath, SkipLog, type RepoPort } from './repo.js';

export interface OpenOptions {
  /** files larger than this are never read (default 1 MiB) */
  maxFileBytes?: number;
  /** the listing stops here; memory stays bounded on a pathological tree (default 2,000,000) */
  maxFiles?: number;
  /** false: walk even inside a git work tree */
  git?: boolean;
  /** parts of a git listing as they arrive (a directory walk hands on nothing: use `list()`) */
  onPaths?: OnPaths;
}

export interface NodeRepository extends RepoPort {
  /** the real path of the root */
  root: string;
  listing: 'git' | 'walk';
  skipped(): readonly SkippedFile[];
}

const MAX_FILES = 2_000_000;

export async function openRepository(root: string, options: OpenOptions = {}): Promise<NodeRepository> {
  const realRoot = realpathSync.native(resolve(root));
  if (!statSync(realRoot).isDirectory()) throw Object.assign(new Error(`${root} is not a directory`), { code: 'ENOTDIR' });
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const log = new SkipLog();

  let listing: Listing | undefined = options.git === false ? undefined : await listGit(realRoot, options.onPaths);
  const mode = listing ? 'git' : 'walk';
  if (!listing) {
    const walked = walk(realRoot, maxFiles);
    if (walked.truncated) log.add('.', 'read-limit', `the listing stopped at ${maxFiles} files`, 'listing-limit');
    listing = walked;
  } else if (listing.files.length > maxFiles) {
    listing.files.length = maxFiles;
    log.add('.', 'read-limit', `the listing stopped at ${maxFiles} files`, 'listing-limit');
  }
  const { files, rawNames } = listing;
  for (const s of listing.skipped) log.add(s.path, s.reason, s.detail);

  const rootPrefix = Buffer.from(realRoot === '/' ? '/' : `${realRoot}/`);
  const inside = (real: Buffer) => real.length > rootPrefix.length && real.subarray(0, rootPrefix.length).equals(rootPrefix);

  /** The real path of a repository file, or undefined (with the reason logged) when it may not be used. */
  const resolveInside = (path: string): Buffer | undefined => {
    const rel = normalizeRepoPath(path);
    if (rel === undefined) {
      log.add(path, 'outside-root', 'the path leaves the repository');
      return undefined;
    }
    const raw = rawNames.get(rel);
    const abs = raw ? Buffer.concat([rootPrefix, raw]) : Buffer.from(`${rootPrefix}${rel}`);
    let real: Buffer;
    try {
      real = realpathSync.native(abs, { encoding: 'buffer' });
    } catch (err) {
      const code = errCode(err);
      if (code === 'ELOOP' || isLink(abs)) log.add(rel, 'broken-link', code);
      else if (code !== 'ENOENT' && code !== 'ENOTDIR') log.add(rel, 'unreadable', code);
      // else: listed by git but deleted from the work tree since
      return undefined;
    }
    if (!inside(real)) {
      log.add(rel, 'outside-root', `links to ${real.toString('utf8')}`);
      return undefined;
    }
    return real;
  };

  return {
    root: realRoot,
    listing: mode,
    list: () => files,
    size(path) {
      const real = resolveInside(path);
      if (!real) return undefined;
      try {
        return statSync(real).size;
      } catch (err) {
        log.add(path, 'unreadable', errCode(err));
        return undefined;
      }
    },
    read(path) {
      const real = resolveInside(path);
      if (!real) return undefined;
      try {
        const st = statSync(real);
        // opening a FIFO would wait for a writer forever
        if (!st.isFile()) return void log.add(path, 'not-a-file');
        if (st.size > maxBytes) return void log.add(path, 'too-large', `${formatBytes(st.size)}, more than the ${formatBytes(maxBytes)} read`);
        return readFileSync(real);
      } catch (err) {
        return void log.add(path, 'unreadable', errCode(err));
      }
    },
    skipped: () => log.entries,
  };
}

function isLink(abs: Buffer): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${n} B`;
}
