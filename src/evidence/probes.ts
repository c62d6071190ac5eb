// The probe kinds. Each is a small object: what it is, how it describes a probe, which globs it
// needs matched against the listing, and one function that answers the probe from the context.
// Probes never list the repository themselves: the scanner matches every glob in one pass.
import type { Probe } from '../core/rubric-schema.js';
import { MAX_FINDING_PATHS, MAX_PROOFS, type Proof, type SkipReason } from '../core/evidence.js';
import { moduleWithin } from './code-text.js';
import { distributionOf, type RepoFacts } from './facts.js';
import { normalizePython } from './manifests/python.js';
import { share } from './pinning.js';
import type { Vocabulary } from './vocabulary-schema.js';
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
  /** the repository read for meaning, once per scan (kinds capability, import, ci, pinning, secrets) */
  facts(): { facts: RepoFacts; vocabulary: Vocabulary };
  skip(path: string, reason: SkipReason, detail?: string, key?: string): void;
}

export interface ProbeOutcome {
  paths: string[];
  more: boolean;
  packages?: string[];
  problem?: string;
  why?: Proof[];
  looked?: Proof[];
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

/** An outcome made of proofs: their paths, shallow first, and the proofs themselves. */
function proven(why: readonly Proof[], extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  const paths = [...new Set(why.map((p) => p.path))];
  return { paths: paths.slice(0, MAX_FINDING_PATHS), more: paths.length > MAX_FINDING_PATHS, why: why.slice(0, MAX_PROOFS), ...extra };
}

const INCOMPLETE = 'the scan stopped reading files before it had looked at every candidate';
/** A probe that found nothing in an incomplete reading says so, rather than claiming absence. */
const unfinished = (o: ProbeOutcome, facts: RepoFacts): ProbeOutcome => (o.paths.length === 0 && facts.incomplete ? { ...o, problem: INCOMPLETE } : o);

export const capabilityProbe: ProbeKind<Of<'capability'>> = {
  kind: 'capability',
  describe: (p) => `capability ${p.capability}`,
  globs: () => [],
  run(p, ctx) {
    const { facts } = ctx.facts();
    return unfinished(proven(facts.capabilities[p.capability].why), facts);
  },
};

export const importProbe: ProbeKind<Of<'import'>> = {
  kind: 'import',
  describe: (p) => `code importing ${quoted(p.packages)}`,
  globs: () => [],
  run(p, ctx) {
    const { facts, vocabulary } = ctx.facts();
    const wanted = p.packages.map((n) => ({ n, dist: normalizePython(n) }));
    const why: Proof[] = [];
    const packages = new Set<string>();
    for (const [module, sites] of facts.imports) {
      const dist = distributionOf(module, vocabulary);
      const hit = wanted.find((w) => moduleWithin(module, w.n) || dist === w.dist);
      if (!hit) continue;
      packages.add(hit.n);
      // `from a.b import c` names a.b and a.b.c on one line: one proof
      for (const site of sites) if (!why.some((w) => w.path === site.path && w.line === site.line)) why.push(site);
    }
    const sorted = why.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
    return unfinished(proven(sorted, packages.size > 0 ? { packages: [...packages] } : {}), facts);
  },
};

export const ciProbe: ProbeKind<Of<'ci'>> = {
  kind: 'ci',
  describe: (p) => (p.step ? `a CI job that has a ${p.step} step` : 'a CI configuration'),
  globs: () => [],
  run(p, ctx) {
    const { facts } = ctx.facts();
    const configs = facts.ci;
    if (!p.step) return unfinished(proven(configs.map((c) => ({ path: c.path, line: c.jobs[0]?.line ?? 1, what: `${c.platform} configuration` }))), facts);
    const why: Proof[] = [];
    for (const c of configs) {
      if (p.step === 'schedule') {
        if (c.schedule) why.push({ path: c.path, line: c.schedule.line, what: `runs on a schedule: ${c.schedule.what}` });
        continue;
      }
      for (const job of c.jobs) for (const s of job.steps) if (s.class === p.step) why.push({ path: c.path, line: s.line, what: `job ${job.name}: ${s.what}` });
    }
    // the CI files it parsed are where such a step would be: their silence is a finding
    const looked = configs.map((c) => ({ path: c.path, line: c.jobs[0]?.line ?? 1, what: `${c.platform}: ${c.jobs.map((j) => j.name).join(', ')}` }));
    return unfinished(proven(why, looked.length > 0 ? { looked: looked.slice(0, MAX_PROOFS) } : {}), facts);
  },
};

export const pinningProbe: ProbeKind<Of<'pinning'>> = {
  kind: 'pinning',
  describe: (p) => {
    const t = p.threshold === 'all' ? 'all' : `${Math.round(p.threshold * 100)}%`;
    return p.expect === 'pinned' ? `dependencies pinned (${t} exact, or a lock file)` : `dependencies declared without pins (under ${t} exact, no lock file)`;
  },
  globs: () => [],
  run(p, ctx) {
    const { facts } = ctx.facts();
    const threshold = p.threshold === 'all' ? 1 : p.threshold;
    const decl = facts.declarations.filter((d) => d.ecosystem !== 'node');
    const specs = decl.flatMap((d) => d.specs);
    const pins = { declared: specs.length, exact: specs.filter((s) => s.exact).length };
    const pinned = facts.locks.length > 0 || (pins.declared > 0 && share(pins) >= threshold);
    const looked = decl.map((d) => ({ path: d.path, line: d.specs[0]?.line ?? 1, what: `${d.specs.filter((s) => s.exact).length} of ${d.specs.length} pinned exactly` }));
    if (p.expect === 'pinned') {
      if (!pinned) return unfinished({ paths: [], more: false, ...(looked.length > 0 && { looked: looked.slice(0, MAX_PROOFS) }) }, facts);
      const why = facts.locks.length > 0 ? facts.locks.map((path) => ({ path, what: 'a lock file' })) : looked.map((l) => ({ ...l, what: `${l.what} (${pins.exact} of ${pins.declared} in all)` }));
      return proven(why);
    }
    if (pinned || pins.declared === 0) return unfinished({ paths: [], more: false }, facts);
    // the first unpinned line of each manifest
    const why = decl.flatMap((d) => {
      const loose = d.specs.find((s) => !s.exact);
      return loose ? [{ path: d.path, ...(loose.line !== undefined && { line: loose.line }), what: `${loose.name} not pinned exactly (${pins.exact} of ${pins.declared} pinned in all)` }] : [];
    });
    return proven(why);
  },
};

export const secretsProbe: ProbeKind<Of<'secrets'>> = {
  kind: 'secrets',
  describe: () => 'credentials committed to the repository',
  globs: () => [],
  run(_p, ctx) {
    const { facts } = ctx.facts();
    return unfinished(proven(facts.secrets), facts);
  },
};

/** The scanner's code for each kind of core/probe-kinds.ts; the type makes a missing kind a compile error. */
export const PROBE_KIND_CODE: { [K in Probe['kind']]: ProbeKind<Of<K>> } = {
  file: fileProbe,
  content: contentProbe,
  dependency: dependencyProbe,
  capability: capabilityProbe,
  import: importProbe,
  ci: ciProbe,
  pinning: pinningProbe,
  secrets: secretsProbe,
};

/** Kinds answered from the repository read for meaning (src/evidence/facts.ts). */
export const READS_MEANING = new Set<Probe['kind']>(['capability', 'import', 'ci', 'pinning', 'secrets']);

export function probeKind<P extends Probe>(probe: P): ProbeKind<P> {
  return PROBE_KIND_CODE[probe.kind] as unknown as ProbeKind<P>;
}
