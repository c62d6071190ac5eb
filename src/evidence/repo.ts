// The one view of a repository that probes get (publint's vfs idea): the file listing, and the
// bytes of a file. Only node-repo.ts touches the file system; tests hand in plain objects.
import type { SkipReason, SkippedFile } from '../core/evidence.js';

export interface RepoPort {
  /** repository-relative posix paths of the files, listed once */
  list(): readonly string[];
  /** the bytes of a file, or undefined when it is missing, too large, or may not be read */
  read(path: string): Buffer | undefined;
  /** the size in bytes, or undefined when the path does not lead to something inside the repository */
  size(path: string): number | undefined;
  /** what the port refused to read, and why */
  skipped?(): readonly SkippedFile[];
}

/** Content probes and manifest parsers look at this much of a file at most. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** A NUL byte this early marks a binary file, as git's own heuristic does. */
export const BINARY_SNIFF_BYTES = 8192;

export const isBinary = (buf: Buffer) => buf.subarray(0, BINARY_SNIFF_BYTES).includes(0);

/** Collects skipped files once per path and reason (or per `key`, for entries updated in place). */
export class SkipLog {
  private readonly byKey = new Map<string, SkippedFile>();
  readonly entries: SkippedFile[] = [];

  add(path: string, reason: SkipReason, detail?: string, key = `${reason}\0${path}`): SkippedFile {
    const known = this.byKey.get(key);
    if (known) return known;
    const entry: SkippedFile = { path, reason, ...(detail !== undefined && { detail }) };
    this.byKey.set(key, entry);
    this.entries.push(entry);
    return entry;
  }
}

/** `a/b/../c` -> `a/c`; undefined when the path climbs out of the repository. */
export function normalizeRepoPath(path: string): string | undefined {
  if (path.startsWith('/') || path.includes('\0')) return undefined;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length === 0 ? undefined : out.join('/');
}
