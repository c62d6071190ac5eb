// The probe kinds. Each is a small object: what it is, how it describes a probe, which globs it
// needs matched against the listing, and one function that answers the probe from the context.
// Probes never list the repository themselves: the scanner matches every glob in one pass.
import type { Probe } from '../core/rubric-schema.js';
import { MAX_FINDING_PATHS, type SkipReason } from '../core/evidence.js';
import { compilePattern } from '../match/pattern.js';
import type { RepoPort } from './repo.js';
import { normalizePackage, type Ecosystem } from './manifests/index.js';

export interface DependencyIndex {
  /** ecosystem -> normalised package name -> manifests that declare it */
  declared: Map<Ecosystem, Map<string, string[]>>;
}

export interface ProbeContext {
  repo: RepoPort;
  /** the listed paths that match a glob, in listing order */
  matches(glob: string): readonly string[];
  /** a file as text; undefined when missing, too large, binary or beyond the read budget */
  text(path: string): string | undefined;
  /** true once the read budget is spent: results that needed more reads are incomplete */
  readBudgetSpent(): boolean;
  dependencies(): DependencyIndex;
  skip(path: string, reason: SkipReason, detail?: string, key?: string): void;
}

export interface ProbeOutcome {
  paths: string[];
  more: boolean;
  packages?: string[];
  problem?: string;
}

export interface ProbeKind<P extends Probe = Probe> {
  kind: P['kind'];
  describe(probe: P): string;
  globs(probe: P): string[];
  run(probe: P, ctx: ProbeContext): ProbeOutcome;
}

type Of<K extends Probe['kind']> = Extract<Probe, { kind: K }>;

/** Paths of several globs, each once, shallow first. */
function candidates(globs: string[], ctx: ProbeContext): readonly string[] {
  const lists = globs.map((g) => ctx.matches(g));
  return sortShallowFirst(lists.length === 1 ? lists[0]! : [...new Set(lists.flat())]);
}

export function sortShallowFirst(paths: readonly string[]): string[] {
  // a bucket per depth keeps this linear and stable on a 100,000-path match
  const buckets: string[][] = [];
  for (const p of paths) (buckets[depthOf(p)] ??= []).push(p);
  return buckets.flatMap((b) => b ?? []);
}

const depthOf = (p: string) => {
  let d = 0;
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) d++;
  return d;
};

/**
 * The `take` shallowest paths of several lists, without sorting them all: a probe shows a few
 * paths, and `**\/*.py` may match 60,000. Stable: shallow first, then list and listing order.
 */
export function shallowest(lists: readonly (readonly string[])[], take: number): { paths: string[]; all: boolean } {
  const counts: number[] = [];
  let total = 0;
  for (const list of lists) {
    for (const p of list) {
      const d = depthOf(p);
      counts[d] = (counts[d] ?? 0) + 1;
      total++;
    }
  }
  if (total <= take) return { paths: [...new Set(sortShallowFirst(lists.flat()))], all: true };
  // the depth at which `take` paths are reached: every shallower path, and the first ones at it
  let deepest = 0;
  let above = 0;
  while (above + (counts[deepest] ?? 0) < take) above += counts[deepest++] ?? 0;
  let atDeepest = take - above;
  const picked: string[] = [];
  for (const list of lists) {
    for (const p of list) {
      const d = depthOf(p);
      if (d < deepest || (d === deepest && atDeepest-- > 0)) picked.push(p);
    }
  }
  return { paths: [...new Set(sortShallowFirst(picked))], all: false };
}

const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(' or ');

export const fileProbe: ProbeKind<Of<'file'>> = {
  kind: 'file',
  describe: (p) => `a file matching ${quoted(p.paths)}`,
  globs: (p) => p.paths,
  run(p, ctx) {
    // a listed path must still lead somewhere inside the repository: a link out of it, or a file
    // deleted since it was committed, does not count
    const verified = (paths: readonly string[]) => {
      const out: string[] = [];
      for (const path of paths) {
        if (ctx.repo.size(path) !== undefined) out.push(path);
        if (out.length > MAX_FINDING_PATHS) break;
      }
      return out;
    };
    // the shallowest few, with spares for paths that fail; all of them only when the spares run out
    const pick = shallowest(p.paths.map((g) => ctx.matches(g)), 4 * (MAX_FINDING_PATHS + 1));
    let paths = verified(pick.paths);
    if (paths.length <= MAX_FINDING_PATHS && !pick.all) paths = verified(candidates(p.paths, ctx));
    return { paths: paths.slice(0, MAX_FINDING_PATHS), more: paths.length > MAX_FINDING_PATHS };
  },
};

export const contentProbe: ProbeKind<Of<'content'>> = {
  kind: 'content',
  describe: (p) => `/${p.pattern}/ in ${quoted(p.paths)}`,
  globs: (p) => p.paths,
  run(p, ctx) {
    const regex = compilePattern(p.pattern);
    const paths: string[] = [];
    for (const path of candidates(p.paths, ctx)) {
      const text = ctx.text(path);
      if (text !== undefined && regex.test(text)) {
        paths.push(path);
        if (paths.length > MAX_FINDING_PATHS) break;
      } else if (ctx.readBudgetSpent()) {
        return { paths, more: false, problem: 'the scan stopped reading files before it had looked at every candidate' };
      }
    }
    return { paths: paths.slice(0, MAX_FINDING_PATHS), more: paths.length > MAX_FINDING_PATHS };
  },
};

const ECOSYSTEMS: Ecosystem[] = ['python', 'node', 'r'];

export const dependencyProbe: ProbeKind<Of<'dependency'>> = {
  kind: 'dependency',
  describe: (p) => `${p.ecosystem === 'any' ? '' : `${p.ecosystem} `}dependency ${quoted(p.packages)}`,
  globs: () => [],
  run(p, ctx) {
    const { declared } = ctx.dependencies();
    const ecosystems = p.ecosystem === 'any' ? ECOSYSTEMS : [p.ecosystem];
    const packages: string[] = [];
    const manifests = new Set<string>();
    // a rubric may list spellings of one package ("great_expectations", "great-expectations"): name it once
    const named = new Set<string>();
    for (const name of p.packages) {
      for (const eco of ecosystems) {
        const key = normalizePackage(eco, name);
        const where = declared.get(eco)?.get(key);
        if (!where) continue;
        if (!named.has(`${eco}:${key}`)) packages.push(name);
        named.add(`${eco}:${key}`);
        for (const m of where) manifests.add(m);
      }
    }
    const paths = sortShallowFirst([...manifests]);
    return {
      paths: paths.slice(0, MAX_FINDING_PATHS),
      more: paths.length > MAX_FINDING_PATHS,
      ...(packages.length > 0 && { packages }),
    };
  },
};

/** The scanner's code for each kind of core/probe-kinds.ts; the type makes a missing kind a compile error. */
export const PROBE_KIND_CODE: { [K in Probe['kind']]: ProbeKind<Of<K>> } = { file: fileProbe, content: contentProbe, dependency: dependencyProbe };

export function probeKind<P extends Probe>(probe: P): ProbeKind<P> {
  return PROBE_KIND_CODE[probe.kind] as unknown as ProbeKind<P>;
}
