// Files as git has them at other commits: `ready history` reads every committed version of
// readiness.yaml, `--baseline-ref` the one at a ref. However long the history, that is one
// `git log` for the list of commits and one `git cat-file --batch` for all the contents, never a
// process per commit. Paths are given relative to the working directory (`REV:./file`), so the
// caller never needs to know where the repository root is.
import { InputError } from '../errors.js';
import { gitSync } from './git.js';
import { MAX_TEXT_BYTES } from './read-text.js';

export interface Commit {
  commit: string;
  /** ISO 8601 author date */
  date: string;
  author: string;
}

export type BatchObject = { spec: string; type: string; content: Buffer } | { spec: string; missing: true };

/** Why git could not answer, in words a user can act on. */
function gitProblem(stderr: string, code: number | null, timedOut: boolean): string {
  if (timedOut) return 'git took too long and was stopped';
  if (code === null) return 'git could not be run (is it installed?)';
  if (/not a git repository/i.test(stderr)) return 'not inside a git repository';
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? `git exited with code ${code}`;
  return line.replace(/^fatal:\s*/, '').trim();
}

/**
 * The commits that changed `file` (relative to `cwd`), oldest first. A file the history never had
 * gives an empty list; a folder that is not in a git repository is an input error.
 */
export function commitsOf(cwd: string, file: string, label: string): Commit[] {
  const SEP = '\x1f';
  // %x00 ends each record, so that an author name holding a newline cannot split one
  const r = gitSync(['log', '--reverse', `--format=%H${SEP}%aI${SEP}%an%x00`, '--', file], { cwd });
  // a repository without a first commit has no history of anything
  if (r.code !== 0 && /does not have any commits yet/.test(r.stderr)) return [];
  if (r.code !== 0) throw new InputError([{ file: label, message: `cannot read its git history: ${gitProblem(r.stderr, r.code, r.timedOut)}` }]);
  return r.stdout
    .toString('utf8')
    .split('\0')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => {
      const [commit = '', date = '', author = ''] = record.split(SEP);
      return { commit, date, author };
    });
}

/** Each spec (`REV`, `REV:./path`) read by one `git cat-file --batch`, in order. */
export function catFiles(cwd: string, specs: string[], label: string): BatchObject[] {
  if (specs.length === 0) return [];
  // a spec is one line of git's input: a newline in a ref or path would start another request
  for (const spec of specs) if (/[\n\r]/.test(spec)) throw new InputError([{ file: label, message: `cannot ask git for "${spec.replace(/[\n\r]/g, ' ')}": it holds a line break` }]);
  const r = gitSync(['cat-file', '--batch'], { cwd, input: `${specs.join('\n')}\n`, maxBuffer: Math.max(256 * 1024 * 1024, specs.length * 64 * 1024) });
  if (r.code !== 0) throw new InputError([{ file: label, message: `cannot read it from git: ${gitProblem(r.stderr, r.code, r.timedOut)}` }]);
  return parseBatch(r.stdout, specs);
}

/** `<oid> <type> <size>\n<content>\n` per object found, `<spec> missing\n` (or ambiguous) per other. */
export function parseBatch(out: Buffer, specs: string[]): BatchObject[] {
  const objects: BatchObject[] = [];
  let at = 0;
  for (const spec of specs) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
    if (!m) {
      objects.push({ spec, missing: true });
      continue;
    }
    const size = Number(m[2]);
    objects.push({ spec, type: m[1]!, content: out.subarray(at, at + size) });
    at += size + 1;
  }
  return objects;
}

/** A blob as text, or why it cannot be read as a readiness file. */
export function blobText(content: Buffer): { text: string } | { problem: string } {
  if (content.length > MAX_TEXT_BYTES) return { problem: `is ${(content.length / 1048576).toFixed(1)} MiB, more than the ${MAX_TEXT_BYTES / 1048576} MiB allowed` };
  if (content.includes(0)) return { problem: 'is a binary file' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '') };
  } catch {
    return { problem: 'is not valid UTF-8 text' };
  }
}

/** The committer date of a commit object's text, as ISO 8601 UTC. */
export function committerDate(commitObject: Buffer): string | undefined {
  const m = /^committer .* (\d+) [+-]\d{4}$/m.exec(commitObject.toString('utf8'));
  return m ? new Date(Number(m[1]) * 1000).toISOString() : undefined;
}
