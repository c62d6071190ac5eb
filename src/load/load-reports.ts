// Finds and reads many JSON reports: files as named, directories searched recursively for *.json,
// and glob patterns (`*`, `**`, `?`) for shells that do not expand them or when quoted. Node 20
// has no fs.glob, and a dependency for three wildcards is not worth its weight.
//
// Parsing is most of the work (10,000 reports are hundreds of MB of JSON), so large portfolios are
// read by worker threads running this same module; each sends back only the small digest of a
// report. The module is imported lazily and imports nothing heavy, so that a worker starts fast.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { digestReport, reportProblem, type ReportDigest } from '../core/portfolio.js';
import type { Report } from '../core/report.js';
import { describeFsError, readBounded } from './read-text.js';
import { compileGlob, expandBraces, globProblem } from '../match/glob.js';

/** A report is a few hundred KB at most; anything far larger is not one. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface Skipped {
  file: string;
  reason: string;
}

export type ReadResult = { file: string; report: Report } | ({ report?: undefined } & Skipped);

export const hasGlob = (path: string) => /[*?[{]/.test(path);

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
      const problem = globProblem(splitGlob(path).rest);
      if (problem) {
        missing.push({ file: path, reason: `is not a usable pattern: it ${problem}` });
        continue;
      }
      expandGlob(path, add);
      if (files.length === before && !seen.has(resolve(path))) missing.push({ file: path, reason: 'no file or directory matches this pattern' });
    } else missing.push({ file: path, reason: kind === 'missing' ? 'no such file or directory' : kind });
  }
  return { files, missing };
}

export type DigestResult = { digest: ReportDigest } | { skipped: Skipped };

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 300;
const MAX_THREADS = 4;
const BATCH = 50;
const WORKER_FLAG = 'readyReportDigester';

/**
 * Reads, checks and digests every report the paths name; digests go to `onDigest` as they come
 * (in no particular order), and the files skipped come back in the order they were found.
 */
export async function digestReports(paths: string[], onDigest: (d: ReportDigest) => void, options: { threads?: number } = {}): Promise<Skipped[]> {
  const { files, missing } = findReportFiles(paths);
  const skipped: { index: number; skip: Skipped }[] = [];
  const onSkip = (index: number, skip: Skipped) => skipped.push({ index, skip });
  const threads = options.threads ?? defaultThreads(files.length);
  if (threads > 1) await digestInWorkers(files, threads, onDigest, onSkip);
  else {
    files.forEach((file, index) => {
      const r = digestFile(file);
      if ('digest' in r) onDigest(r.digest);
      else onSkip(index, r.skipped);
    });
  }
  return [...missing, ...skipped.sort((a, b) => a.index - b.index).map((s) => s.skip)];
}

export function digestFile(file: string): DigestResult {
  const r = readReport(file);
  return r.report ? { digest: digestReport(r.report, { file, fallbackName: fallbackProjectName(file) }) } : { skipped: { file, reason: r.reason } };
}

// Workers load this module's built file; from TypeScript sources (tests) they could not.
const canUseWorkers = () => import.meta.url.endsWith('.js');

function defaultThreads(files: number): number {
  if (files < PARALLEL_MIN_FILES || !canUseWorkers()) return 1;
  return Math.min(MAX_THREADS, availableParallelism());
}

function digestInWorkers(files: string[], threads: number, onDigest: (d: ReportDigest) => void, onSkip: (index: number, s: Skipped) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let next = 0;
    let inFlight = 0;
    let done = false;
    const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: true } }));
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolvePromise();
    };
    const send = (w: Worker) => {
      if (next >= files.length) return;
      const start = next;
      next = Math.min(files.length, next + BATCH);
      inFlight++;
      w.postMessage({ start, files: files.slice(start, next) });
    };
    for (const w of workers) {
      w.on('message', (msg: { start: number; results: DigestResult[] }) => {
        inFlight--;
        msg.results.forEach((r, i) => ('digest' in r ? onDigest(r.digest) : onSkip(msg.start + i, r.skipped)));
        send(w);
        if (inFlight === 0) finish();
      });
      w.on('error', finish);
      w.on('exit', (code) => {
        if (!done) finish(new Error(`a report reader thread stopped early (exit code ${code})`));
      });
      // two batches each, so that a worker has work while the main thread merges its last result
      send(w);
      send(w);
    }
    if (inFlight === 0) finish();
  });
}

/** The worker side: digest each batch; a rubric's catalog is sent with its first report only. */
function serveAsWorker(): void {
  const sent = new Set<string>();
  parentPort!.on('message', ({ start, files }: { start: number; files: string[] }) => {
    const results = files.map((file) => {
      const r = digestFile(file);
      if ('digest' in r) {
        const key = `${r.digest.rubric.id}@${r.digest.rubric.version}`;
        if (sent.has(key)) delete r.digest.catalog;
        else sent.add(key);
      }
      return r;
    });
    parentPort!.postMessage({ start, results });
  });
}

export function readReport(file: string): ReadResult {
  let text: string;
  try {
    text = readBounded(file, MAX_REPORT_BYTES, 'file').toString('utf8');
  } catch (err) {
    return { file, reason: (err as Error).message };
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
 * A glob on the command line in the dialect of probe globs (src/match/glob.ts): `*` and `?`
 * within one path segment, `**` any number of segments, `[a-z]` classes and `{a,b}`
 * alternatives. A matching directory is searched for *.json like a directory named on the
 * command line.
 */
export function matchesGlob(pattern: string): (path: string) => boolean {
  const alternatives = compileGlob(pattern).map((g) => g.regex);
  return (path) => alternatives.some((re) => re.test(path));
}

/** The literal folder a pattern starts from, and the glob below it. */
function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split(sep).join('/').split('/');
  const firstGlob = segments.findIndex(hasGlob);
  const baseSegments = segments.slice(0, firstGlob);
  return { base: baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/', rest: segments.slice(firstGlob).join('/') };
}

function expandGlob(pattern: string, add: (file: string) => void): void {
  const { base, rest } = splitGlob(pattern);
  const matches = matchesGlob(rest);
  // without `**` nothing deeper than the longest alternative's segments can match
  const maxDepth = rest.includes('**') ? Infinity : Math.max(...expandBraces(rest).map((alt) => alt.split('/').length));
  const visit = (dir: string, rel: string, depth: number) => {
    for (const d of entries(dir)) {
      const path = join(dir, d.name);
      const relPath = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (SKIP_DIRS.has(d.name)) continue;
        if (matches(relPath)) walkJson(path, add);
        else if (depth + 1 < maxDepth) visit(path, relPath, depth + 1);
      } else if (matches(relPath) && isFile(dir, d)) add(path);
    }
  };
  visit(base, '', 0);
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) serveAsWorker();
