// Finds and reads many JSON reports: files as named, directories searched recursively for *.json,
// and glob patterns (`*`, `**`, `?`) for shells that do not expand them or when quoted. Node 20
// has no fs.glob, and a dependency for three wildcards is not worth its weight.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { reportProblem } from '../core/portfolio.js';
import type { Report } from '../core/report.js';
import { describeFsError } from './yaml-file.js';

/** A report is a few hundred KB at most; anything far larger is not one. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface Skipped {
  file: string;
  reason: string;
}

export type ReadResult = { file: string; report: Report } | ({ report?: undefined } & Skipped);

export const hasGlob = (path: string) => /[*?]/.test(path);

/**
 * The files the paths name, in a stable order and each once, plus the paths that named nothing.
 * A path that exists is taken literally even if it contains a wildcard character.
 */
export function findReportFiles(paths: string[]): { files: string[]; missing: Skipped[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: Skipped[] = [];
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === 'file') add(path);
    else if (kind === 'dir') walkJson(path, add);
    else if (hasGlob(path)) {
      const before = files.length;
      expandGlob(path, add);
      if (files.length === before && !seen.has(resolve(path))) missing.push({ file: path, reason: 'no file or directory matches this pattern' });
    } else missing.push({ file: path, reason: kind === 'missing' ? 'no such file or directory' : kind });
  }
  return { files, missing };
}

/** Reads each file and checks its shape; a bad file yields the reason instead of a report. */
export function* readReports(paths: string[]): Generator<ReadResult> {
  const { files, missing } = findReportFiles(paths);
  yield* missing;
  for (const file of files) yield readReport(file);
}

export function readReport(file: string): ReadResult {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_REPORT_BYTES) return { file, reason: `is ${(size / 1048576).toFixed(0)} MiB, too large for a report` };
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { file, reason: describeFsError(err, 'file') };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { file, reason: jsonError(text, err) };
  }
  const problem = reportProblem(value);
  return problem ? { file, reason: problem } : { file, report: value as Report };
}

/** The project name to use when a report names none: the directory the report sits in. */
export const fallbackProjectName = (file: string) => basename(dirname(resolve(file)));

/** V8's message without the quoted excerpt of the file, plus the line when V8 gives a position. */
function jsonError(text: string, err: unknown): string {
  const message = String((err as Error)?.message ?? err);
  const detail = message
    .replace(/\s*in JSON at position \d+[\s\S]*$/, '')
    .replace(/,\s*(?:\.\.\.)?"[\s\S]*$/, '')
    .trim();
  const position = /position (\d+)/.exec(message);
  let line = '';
  if (position) {
    let n = 1;
    for (let i = 0; i < Number(position[1]) && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    line = `, line ${n}`;
  }
  return `not valid JSON (${detail.slice(0, 80)}${line})`;
}

function kindOf(path: string): 'file' | 'dir' | 'missing' | string {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'not a regular file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : describeFsError(err, 'file');
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    // an unreadable sub-directory holds no report we could read anyway
    return [];
  }
}

/** Symbolic links to directories are not followed: they could lead in circles or out of the tree. */
function isFile(dir: string, d: Dirent): boolean {
  if (d.isFile()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, d.name)).isFile();
  } catch {
    return false;
  }
}

export function walkJson(dir: string, add: (file: string) => void): void {
  for (const d of entries(dir)) {
    if (d.isDirectory()) {
      if (!SKIP_DIRS.has(d.name)) walkJson(join(dir, d.name), add);
    } else if (d.name.toLowerCase().endsWith('.json') && isFile(dir, d)) add(join(dir, d.name));
  }
}

/**
 * `*` and `?` match within one path segment, `**` any number of segments. A matching directory
 * is searched for *.json like a directory named on the command line.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const slashAfter = pattern[i + 2] === '/';
      if (atStart && slashAfter) {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function expandGlob(pattern: string, add: (file: string) => void): void {
  const normalized = pattern.split(sep).join('/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex(hasGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  const rest = segments.slice(firstGlob).join('/');
  const matcher = globToRegExp(rest);
  // without `**` nothing deeper than the pattern's own segments can match
  const maxDepth = rest.includes('**') ? Infinity : segments.length - firstGlob;
  const visit = (dir: string, rel: string, depth: number) => {
    for (const d of entries(dir)) {
      const path = join(dir, d.name);
      const relPath = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (SKIP_DIRS.has(d.name)) continue;
        if (matcher.test(relPath)) walkJson(path, add);
        else if (depth + 1 < maxDepth) visit(path, relPath, depth + 1);
      } else if (matcher.test(relPath) && isFile(dir, d)) add(path);
    }
  };
  visit(base, '', 0);
}
