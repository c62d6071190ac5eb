// The scanner: every probe of the rubric answered from one listing of the repository. Globs are
// compiled once and matched in one pass; each file is read at most once, and only when a content
// probe or a manifest needs it; reading stops at a budget so that a huge repository stays fast.
import type { Rubric, Probe } from '../core/rubric-schema.js';
import {
  MAX_SKIPPED_SHOWN,
  type Evidence,
  type ProbeFinding,
  type SkippedFile,
} from '../core/evidence.js';
import { GlobIndex } from '../match/glob.js';
import { isBinary, normalizeRepoPath, SkipLog, type RepoPort } from './repo.js';
import { probeKind, READS_MEANING, sortShallowFirst, type DependencyIndex, type ProbeContext } from './probes.js';
import { readFacts, type RepoFacts } from './facts.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';
import { isVendored, MANIFESTS, normalizePackage, REQUIREMENTS, type Ecosystem, type ManifestFormat, type ManifestParser } from './manifests/index.js';
import { formatBytes, openRepository, type OpenOptions } from './node-repo.js';

export interface ScanOptions extends OpenOptions {
  /** content probes and manifests read at most this many files in all (default 5,000) */
  maxReadFiles?: number;
  /** … and at most this many bytes in all (default 64 MiB) */
  maxReadBytes?: number;
  /** how many files are listed so far: called as git's listing arrives, and once it is complete */
  onProgress?(files: number): void;
  /** called once the repository is listed, e.g. to start a spinner on a large one */
  onListed?(files: number): void | Promise<void>;
  /** read the repository for every capability of the vocabulary, whatever the rubric probes */
  capabilities?: boolean;
}

const MAX_READ_FILES = 5000;
const MAX_READ_BYTES = 64 * 1024 * 1024;
/** Texts kept for a second probe over the same file; beyond this they are read again. */
const TEXT_CACHE_BYTES = 16 * 1024 * 1024;
const MAX_MANIFESTS = 500;

/**
 * Lists the repository at `root` and answers every probe of the rubric. Node does not wait for
 * git: it loads the rubric (which may be given as a promise for that reason), compiles the globs,
 * matches the tracked files while git still walks the work tree for untracked ones, and loads the
 * parsers of the manifests it has seen.
 */
export async function scanRepository(root: string, rubric: Rubric | Promise<Rubric>, options: ScanOptions = {}): Promise<Evidence> {
  let prepared: PreparedProbes | undefined;
  const early: (readonly string[])[] = [];
  let listed = 0;
  const onPaths = (paths: readonly string[]) => {
    options.onProgress?.((listed += paths.length));
    if (!prepared) return void early.push(paths);
    prepared.index.feed(paths);
    prepared.preloadParsers();
  };
  const listing = openRepository(root, { ...options, onPaths });
  // a failed listing must not go unhandled while the rubric loads
  listing.catch(() => {});
  prepared = prepareProbes(await rubric);
  for (const paths of early.splice(0)) {
    prepared.index.feed(paths);
    prepared.preloadParsers();
  }
  const repo = await listing;
  options.onProgress?.(repo.list().length);
  await options.onListed?.(repo.list().length);
  // a walk hands on no parts; neither does git when it failed half-way and the walk took over
  const matched = repo.listing === 'git' ? prepared.index.results() : prepared.index.match(repo.list());
  return { listing: repo.listing, ...(await runProbes(prepared, repo, options, matched)) };
}

export const hasProbes = (rubric: Rubric) => rubric.questions.some((q) => q.evidence.length > 0);

/** Answers every probe from the port's one listing. */
export async function evaluateProbes(repo: RepoPort, rubric: Rubric, options: ScanOptions = {}): Promise<Omit<Evidence, 'listing'>> {
  const prepared = prepareProbes(rubric);
  return runProbes(prepared, repo, options, prepared.index.match(repo.list()));
}

interface PreparedProbes {
  rubric: Rubric;
  index: GlobIndex;
  globIds: Map<string, number>;
  /** probes that cannot run, with the reason */
  problems: Map<Probe, string>;
  needsManifests: boolean;
  /** the manifest formats seen so far start loading their parsers (TOML, YAML) */
  preloadParsers(): void;
  parsers: Map<string, Promise<ManifestParser>>;
}

/** Compiles every glob of the rubric once, whichever probes share it. */
function prepareProbes(rubric: Rubric): PreparedProbes {
  const index = new GlobIndex();
  const problems = new Map<Probe, string>();
  const globIds = new Map<string, number>();
  const register = (glob: string) => globIds.set(glob, index.add(glob));
  for (const q of rubric.questions) {
    for (const probe of q.evidence) {
      try {
        probeKind(probe).globs(probe).forEach(register);
      } catch (err) {
        problems.set(probe, `cannot use this probe: ${(err as Error).message}`);
      }
    }
  }
  const needsManifests = rubric.questions.some((q) => q.evidence.some((p) => p.kind === 'dependency'));
  if (needsManifests) for (const m of MANIFESTS) m.globs.forEach(register);
  const parsers = new Map<string, Promise<ManifestParser>>();
  const preloadParsers = () => {
    if (!needsManifests) return;
    const found = index.results();
    for (const m of MANIFESTS) {
      // `-r` may name a requirements file of any name: that parser is always at hand
      if (!parsers.has(m.id) && (m === REQUIREMENTS || m.globs.some((g) => found[globIds.get(g)!]!.length > 0))) {
        parsers.set(m.id, Promise.resolve(m.load()));
      }
    }
  };
  return { rubric, index, globIds, problems, needsManifests, preloadParsers, parsers };
}

async function runProbes(prepared: PreparedProbes, repo: RepoPort, options: ScanOptions, matched: string[][]): Promise<Omit<Evidence, 'listing'>> {
  const { rubric, globIds, problems } = prepared;
  const listing = repo.list();
  prepared.preloadParsers();
  const parsers = new Map(await Promise.all([...prepared.parsers].map(async ([id, p]) => [id, await p] as const)));
  const log = new SkipLog();
  // the files content probes will read stay cached whatever their size, so that the reading for
  // meaning and the probes together read each file once
  const keep = new Set<string>();
  for (const q of rubric.questions) for (const p of q.evidence) if (p.kind === 'content' && !problems.has(p)) for (const g of p.paths) for (const path of matched[globIds.get(g)!] ?? []) keep.add(path);
  const reader = textReader(repo, log, options, keep);
  const wantsFacts = options.capabilities === true || rubric.questions.some((q) => q.evidence.some((p) => READS_MEANING.has(p.kind)));
  let meaning: { facts: RepoFacts; vocabulary: Vocabulary } | undefined;
  if (wantsFacts) {
    const vocabulary = await loadVocabulary();
    const own = listing.some((p) => p.endsWith('pyproject.toml') || p.endsWith('Pipfile'));
    const toml = own ? await import('./manifests/toml.js') : undefined;
    const facts = readFacts(
      { listing, text: reader.text, budgetSpent: reader.spent, ...(toml && { toml: { pyproject: toml.parsePyproject, pipfile: toml.parsePipfile } }) },
      vocabulary,
    );
    meaning = { facts, vocabulary };
  }
  let deps: DependencyIndex | undefined;
  const ctx: ProbeContext = {
    repo,
    matches(glob) {
      const id = globIds.get(glob);
      return id === undefined ? [] : matched[id]!;
    },
    text: reader.text,
    readBudgetSpent: reader.spent,
    dependencies: () => (deps ??= indexDependencies(ctx, parsers)),
    facts: () => {
      if (!meaning) throw new Error('the repository was not read for meaning');
      return meaning;
    },
    skip: (path, reason, detail, key) => void log.add(path, reason, detail, key),
  };

  const questions: Record<string, ProbeFinding[]> = {};
  let done = 0;
  for (const q of rubric.questions) {
    if (q.evidence.length === 0) continue;
    questions[q.id] = q.evidence.map((probe, i) => {
      const kind = probeKind(probe);
      let outcome: ReturnType<typeof kind.run> = { paths: [], more: false };
      let problem = problems.get(probe);
      if (!problem) {
        try {
          outcome = kind.run(probe, ctx);
          problem = outcome.problem;
        } catch (err) {
          problem = `cannot use this probe: ${(err as Error).message}`;
        }
      }
      return {
        index: i,
        ...(probe.id !== undefined && { id: probe.id }),
        kind: probe.kind,
        description: probe.description ?? kind.describe(probe),
        found: outcome.paths.length > 0,
        paths: outcome.paths,
        more: outcome.more,
        ...(outcome.packages && { packages: outcome.packages }),
        ...(outcome.why && outcome.why.length > 0 && { why: outcome.why }),
        ...(outcome.looked && outcome.looked.length > 0 && { looked: outcome.looked }),
        supports: probe.supports,
        contradicts: probe.contradicts,
        absenceContradicts: probe.absenceContradicts === true,
        ...(problem !== undefined && { problem }),
      };
    });
    // let a spinner turn on a large repository
    if ((options.onProgress || options.onListed) && ++done % 8 === 0) await new Promise((r) => setImmediate(r));
  }
  const skipped = mergeSkipped(repo.skipped?.() ?? [], log.entries);
  return {
    files: listing.length,
    questions,
    ...(meaning && { capabilities: meaning.facts.capabilities }),
    skipped: skipped.slice(0, MAX_SKIPPED_SHOWN),
    skippedTotal: skipped.length,
  };
}

function mergeSkipped(a: readonly SkippedFile[], b: readonly SkippedFile[]): SkippedFile[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((s) => {
    const key = `${s.reason}\0${s.path}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Files as text for content probes and manifests, with the binary check, a cache and a budget. */
function textReader(repo: RepoPort, log: SkipLog, options: ScanOptions, keep: ReadonlySet<string>) {
  const maxFiles = options.maxReadFiles ?? MAX_READ_FILES;
  const maxBytes = options.maxReadBytes ?? MAX_READ_BYTES;
  const cache = new Map<string, string | undefined>();
  let files = 0;
  let bytes = 0;
  let cached = 0;
  let spent = false;
  let unread = 0;
  const text = (path: string): string | undefined => {
    if (cache.has(path)) return cache.get(path);
    if (files >= maxFiles || bytes >= maxBytes) {
      spent = true;
      unread++;
      log.add('.', 'read-limit', undefined, 'read-budget').detail =
        `stopped reading after ${files} files (${formatBytes(bytes)}); ${unread} more left unread`;
      return undefined;
    }
    const buf = repo.read(path);
    let result: string | undefined;
    if (buf) {
      files++;
      bytes += buf.length;
      if (isBinary(buf)) log.add(path, 'binary');
      else result = buf.toString('utf8').replace(/^\uFEFF/, '');
    }
    if (result === undefined || keep.has(path) || cached + result.length <= TEXT_CACHE_BYTES) {
      cache.set(path, result);
      cached += result?.length ?? 0;
    }
    return result;
  };
  return { text, spent: () => spent };
}

/** Reads every manifest once (shallow first, vendored folders left out) and indexes what they declare. */
function indexDependencies(ctx: ProbeContext, parsers: Map<string, ManifestParser>): DependencyIndex {
  const declared = new Map<Ecosystem, Map<string, string[]>>();
  const declare = (eco: Ecosystem, name: string, path: string) => {
    const byName = declared.get(eco) ?? declared.set(eco, new Map()).get(eco)!;
    const key = normalizePackage(eco, name);
    const where = byName.get(key);
    if (!where) byName.set(key, [path]);
    else if (!where.includes(path)) where.push(path);
  };
  const queue: { path: string; format: ManifestFormat }[] = [];
  const queued = new Set<string>();
  const enqueue = (path: string, format: ManifestFormat) => {
    if (queued.has(path)) return;
    queued.add(path);
    queue.push({ path, format });
  };
  for (const format of MANIFESTS) {
    for (const glob of format.globs) for (const path of sortShallowFirst(ctx.matches(glob))) if (!isVendored(path)) enqueue(path, format);
  }
  // shallow manifests first: the project's own before nested examples
  queue.sort((a, b) => depth(a.path) - depth(b.path));
  for (let i = 0; i < queue.length; i++) {
    if (i >= MAX_MANIFESTS) {
      ctx.skip('.', 'read-limit', `read the first ${MAX_MANIFESTS} of ${queue.length} dependency manifests`, 'manifest-limit');
      break;
    }
    const { path, format } = queue[i]!;
    const text = ctx.text(path);
    if (text === undefined) continue;
    const parse = parsers.get(format.id);
    if (!parse) continue;
    let parsed: ReturnType<ManifestParser>;
    try {
      parsed = parse(text);
    } catch (err) {
      ctx.skip(path, 'unparsable', firstLine(err));
      continue;
    }
    for (const name of parsed.packages) declare(format.ecosystem, name, path);
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const inc of parsed.includes ?? []) {
      const target = normalizeRepoPath(dir + inc);
      if (target === undefined) ctx.skip(`${dir}${inc}`, 'outside-root', `named by -r in ${path}`);
      else enqueue(target, REQUIREMENTS);
    }
  }
  return { declared };
}

const depth = (p: string) => p.split('/').length;
const firstLine = (err: unknown) => ((err as Error)?.message ?? String(err)).split('\n')[0]!;
