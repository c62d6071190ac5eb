// Globs for evidence probes and .gitignore rules, compiled to anchored regular expressions over
// repository-relative posix paths. Pure: the scanner and the rubric checks share it.
//
// Probe globs: `*` and `?` stay inside one path segment, `[a-z]` is a class, `**` as a whole
// segment spans any number of segments, `{a,b}` expands, a trailing `/` means "the folder holds a
// file". Wildcards match dot files too: `**/*.yml` must find `.github/workflows/ci.yml`.

/** More alternatives than this is a rubric bug, not a need. */
export const MAX_BRACE_EXPANSION = 64;
export const MAX_GLOB_LENGTH = 300;

const WILDCARD = /[*?[]/;

/** `{a,b}c` -> `ac`, `bc`; nested braces expand; `\{` is literal; `{x}` without a comma is literal. */
export function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    for (const rest of expandBraces(glob.slice(0, start) + part + glob.slice(end + 1))) {
      out.push(rest);
      if (out.length > MAX_BRACE_EXPANSION) throw new GlobError(`expands to more than ${MAX_BRACE_EXPANSION} patterns`);
    }
  }
  return out;
}

function findBrace(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < glob.length; j++) {
      const ch = glob[j];
      if (ch === '\\') j++;
      else if (ch === '{') depth++;
      else if (ch === ',' && depth === 1) commas.push(j);
      else if (ch === '}' && --depth === 0) {
        if (commas.length === 0) break; // `{x}` is literal text
        const cuts = [i, ...commas, j];
        return { start: i, end: j, parts: cuts.slice(0, -1).map((c, k) => glob.slice(c + 1, cuts[k + 1])) };
      }
    }
    if (depth > 0) throw new GlobError('has an unclosed "{"');
  }
  return undefined;
}

export class GlobError extends Error {}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Capture-group numbers for one regular expression: the atomic steps below refer back to their
 * own group, so a source is numbered as a whole.
 */
interface Groups {
  next: number;
}

/**
 * `(?=(X))\N`: matches what X matches at its first fit and never gives it back. JavaScript has no
 * atomic groups; a look-ahead is atomic, and the back-reference consumes what it captured.
 */
function atomic(groups: Groups, source: () => string): string {
  // numbered before what it holds: a group's number is the place of its opening parenthesis
  const n = groups.next++;
  return `(?=(${source()}))\\${n}`;
}

/**
 * One path segment (no `/`) to a regular expression source. A segment with several `*` is where a
 * backtracking engine blows up (`a*a*a*a*b` against a long name of a's takes time to the power of
 * the stars), so every piece between two stars is matched at its first fit, atomically: the
 * classic wildcard algorithm, correct because each piece has a fixed length, and linear per piece.
 */
function segmentSource(seg: string, strictClasses: boolean, groups: Groups): string {
  const pieces: string[] = [''];
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '\\') {
      pieces[pieces.length - 1] += escapeRe(seg[++i] ?? '\\');
    } else if (ch === '*') {
      while (seg[i + 1] === '*') i++;
      pieces.push('');
    } else if (ch === '?') {
      pieces[pieces.length - 1] += '[^/]';
    } else if (ch === '[') {
      const end = classEnd(seg, i);
      if (end === -1) {
        if (strictClasses) throw new GlobError('has an unclosed "["');
        pieces[pieces.length - 1] += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, end);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      // inside a class only `\`, `]`, `[` and `^` need escaping; `-` keeps making ranges
      let inner = '';
      for (let k = 0; k < body.length; k++) {
        const c = body[k]!;
        if (c === '\\') inner += `\\${body[++k] ?? '\\'}`;
        else inner += c === ']' || c === '[' || c === '^' ? `\\${c}` : c;
      }
      // a class never matches `/`
      pieces[pieces.length - 1] += negate ? `[^/${inner}]` : `(?!/)[${inner}]`;
      i = end;
    } else pieces[pieces.length - 1] += escapeRe(ch);
  }
  if (pieces.length === 1) return pieces[0]!;
  const middle = pieces.slice(1, -1).map((p) => (p === '' ? '' : atomic(groups, () => `[^/]*?${p}`)));
  return `${pieces[0]}${middle.join('')}[^/]*${pieces[pieces.length - 1]}`;
}
/** Index of the `]` closing the class that opens at `start`, or -1. */
function classEnd(seg: string, start: number): number {
  let i = start + 1;
  if (seg[i] === '!' || seg[i] === '^') i++;
  if (seg[i] === ']') i++; // a leading `]` is a member, as in POSIX
  for (; i < seg.length; i++) {
    if (seg[i] === '\\') i++;
    else if (seg[i] === ']') return i;
  }
  return -1;
}

/**
 * Segments to an anchored regular expression source; `**` segments span directories. Runs of `**`
 * are one `**`; between two of them, the segments are placed at their first fit, atomically, as
 * the pieces between stars are inside a segment: any number of `**` stays linear in the path.
 */
export function segmentsSource(segments: string[], strictClasses = true): string {
  const groups: Groups = { next: 1 };
  const segs = segments.filter((seg, i) => !(seg === '**' && segments[i - 1] === '**'));
  // the runs of ordinary segments between `**`s
  const parts: string[][] = [[]];
  for (const seg of segs) {
    if (seg === '**') parts.push([]);
    else parts[parts.length - 1]!.push(seg);
  }
  const run = (part: string[], last: boolean) => part.map((seg, i) => segmentSource(seg, strictClasses, groups) + (last && i === part.length - 1 ? '' : '/')).join('');
  if (parts.length === 1) return `^${run(parts[0]!, true)}$`;
  let re = run(parts[0]!, false);
  for (const part of parts.slice(1, -1)) re += part.length === 0 ? '' : atomic(groups, () => `(?:[^/]+/)*?${run(part, false)}`);
  const tail = parts[parts.length - 1]!;
  // trailing `**`: everything below (the whole path when the glob is only `**`)
  if (tail.length === 0) re += segs.length === 1 ? '.*' : '.+';
  else re += `(?:[^/]+/)*${run(tail, true)}`;
  return `^${re}$`;
}

export interface CompiledGlob {
  /** the glob as written in the rubric */
  source: string;
  /** one brace alternative */
  pattern: string;
  regex: RegExp;
  /** how the scanner narrows the paths it tests: exact path, exact file name, extension, or all */
  key: { exact: string } | { basename: string } | { ext: string } | { prefix: string };
}

/** Compiles a probe glob to one matcher per brace alternative; throws GlobError with the reason. */
export function compileGlob(source: string): CompiledGlob[] {
  if (source.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`);
  if (source.startsWith('/') || source.split('/').includes('..')) throw new GlobError('must stay inside the repository (no leading "/", no "..")');
  return expandBraces(source).map((alt) => {
    const pattern = alt.endsWith('/') ? `${alt}**` : alt;
    const segments = pattern.split('/');
    if (segments.some((s) => s === '' || s === '.')) throw new GlobError('has an empty or "." path segment');
    const regex = new RegExp(segmentsSource(segments));
    return { source, pattern, regex, key: indexKey(segments) };
  });
}

function indexKey(segments: string[]): CompiledGlob['key'] {
  const last = segments[segments.length - 1]!;
  const literal = (s: string) => !WILDCARD.test(s) && !s.includes('\\');
  if (segments.every(literal)) return { exact: segments.join('/') };
  if (last !== '**' && literal(last)) return { basename: last };
  if (last !== '**' && !last.includes('\\')) {
    // the literal tail after the last wildcard, when it holds a dot, fixes the extension
    const tail = last.slice(Math.max(last.lastIndexOf('*'), last.lastIndexOf('?'), last.lastIndexOf(']')) + 1);
    const dot = tail.lastIndexOf('.');
    if (dot !== -1 && !tail.includes('[')) return { ext: tail.slice(dot + 1) };
  }
  const firstWild = segments.findIndex((s) => !literal(s));
  return { prefix: segments.slice(0, firstWild).map((s) => `${s}/`).join('') };
}

/** Why a probe glob cannot be used, or undefined when it is fine. */
export function globProblem(source: string): string | undefined {
  try {
    compileGlob(source);
    return undefined;
  } catch (err) {
    if (err instanceof GlobError || err instanceof SyntaxError) return err.message;
    throw err;
  }
}

const enum Dir {
  Any,
  Root,
  Exact,
  Pattern,
}

/**
 * How one brace alternative of a glob is tested: file name first (cheap), then its directory.
 * A class with every field always set, so that the hot loop sees one object shape.
 */
class Matcher {
  /** the directory test's answer for the directory being scanned (valid while gen matches) */
  gen = -1;
  ok = false;
  constructor(
    readonly id: number,
    /** sticky: tested on the path from the start of its file name; null for globs ending in `**` */
    readonly base: RegExp | null,
    /** the whole path, for globs ending in `**` */
    readonly full: RegExp | null,
    /** literal start and end of the file name, and literal start of the path: cheap tests first */
    readonly basePrefix: string,
    readonly baseSuffix: string,
    readonly pathPrefix: string,
    readonly dir: Dir,
    readonly dirExact: string,
    readonly dirPattern: RegExp | null,
  ) {}
}

const isLiteral = (s: string) => !WILDCARD.test(s) && !s.includes('\\');
const literalPrefix = (s: string) => (s.includes('\\') ? '' : s.slice(0, s.search(/[*?[]|$/)));
const literalSuffix = (s: string) => (s.includes('\\') ? '' : s.slice(Math.max(s.lastIndexOf('*'), s.lastIndexOf('?'), s.lastIndexOf(']')) + 1));

function matcher(id: number, g: CompiledGlob): Matcher {
  const segs = g.pattern.split('/');
  const last = segs[segs.length - 1]!;
  if (last === '**') return new Matcher(id, null, g.regex, '', '', 'prefix' in g.key ? g.key.prefix : '', Dir.Any, '', null);
  const dirSegs = segs.slice(0, -1);
  const base = new RegExp(`${segmentsSource([last]).slice(1, -1)}$`, 'y');
  const make = (dir: Dir, exact = '', pattern: RegExp | null = null) =>
    new Matcher(id, base, null, literalPrefix(last), literalSuffix(last), '', dir, exact, pattern);
  if (dirSegs.length === 0) return make(Dir.Root);
  if (dirSegs.every((d) => d === '**')) return make(Dir.Any);
  if (dirSegs.every(isLiteral)) return make(Dir.Exact, dirSegs.join('/'));
  return make(Dir.Pattern, '', new RegExp(segmentsSource([...dirSegs, ''])));
}

/**
 * Matches many globs against one listing in a single pass. A path is tested only against globs
 * that can match it: a lookup by file name, one by extension, and the few globs left. Each test
 * looks at the file name first, without copying it, and asks about the directory once per
 * directory. That keeps a 100,000-file listing with dozens of probes to a few tens of milliseconds.
 */
export class GlobIndex {
  private readonly byBasename = new Map<string, Matcher[]>();
  /** extension length -> the extensions of that length and their matchers: compared in place, no string is cut per path */
  private readonly byExt = new Map<number, { exts: string[]; matchers: Matcher[][] }>();
  private readonly rest: Matcher[] = [];
  /** length, first and last character of each file name in byBasename: a lookup needs no copy */
  private readonly baseShapes = new Set<number>();
  private readonly ids = new Map<string, number>();
  private count = 0;

  /** Adds a glob (once, however many probes use it) and returns its id. */
  add(source: string): number {
    if (this.found) throw new Error('add every glob before matching');
    const known = this.ids.get(source);
    if (known !== undefined) return known;
    const compiled = compileGlob(source);
    const id = this.count++;
    this.ids.set(source, id);
    for (const g of compiled) {
      const m = matcher(id, g);
      const k = g.key;
      if ('exact' in k || 'basename' in k) {
        const name = g.pattern.slice(g.pattern.lastIndexOf('/') + 1);
        push(this.byBasename, name, m);
        this.baseShapes.add(shape(name, 0));
      } else if ('ext' in k) {
        const sameLength = this.byExt.get(k.ext.length) ?? this.byExt.set(k.ext.length, { exts: [], matchers: [] }).get(k.ext.length)!;
        const at = sameLength.exts.indexOf(k.ext);
        if (at !== -1) sameLength.matchers[at]!.push(m);
        else {
          sameLength.exts.push(k.ext);
          sameLength.matchers.push([m]);
        }
      } else this.rest.push(m);
    }
    return id;
  }

  /** Matches for each glob id so far; `feed` adds to them. */
  private found: string[][] | undefined;
  /** the directory of the last path fed, and a counter that changes with it (see Matcher.gen) */
  private dir = '';
  private dirEnd = -1;
  private gen = 0;

  /** For each glob id, the matching paths of `listing`, in listing order. */
  match(listing: readonly string[]): string[][] {
    this.found = undefined;
    this.feed(listing);
    return this.results();
  }

  /** Matches more paths, as a listing arrives in parts; `results()` then holds every match so far. */
  feed(paths: readonly string[]): void {
    this.found ??= Array.from({ length: this.count }, () => []);
    const { baseShapes, byExt, rest } = this;
    // The loop stays small and every branch calls a method of its own: V8 then optimizes each
    // part on its own, and a branch first taken late (a Dockerfile at path 90,000) only sends its
    // own small method back to the interpreter, not the whole loop.
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const slash = path.lastIndexOf('/');
      if (slash !== this.dirEnd || (slash !== -1 && !path.startsWith(this.dir))) this.enterDirectory(path, slash);
      const start = slash + 1;
      if (baseShapes.has(shape(path, start))) this.byName(path, start);
      const dot = path.lastIndexOf('.');
      if (dot > slash) {
        const sameLength = byExt.get(path.length - dot - 1);
        if (sameLength !== undefined) this.byExtension(sameLength, path, start, dot);
      }
      if (rest.length > 0) this.byRest(path, start);
    }
    // the counter only grows, so a matcher's answer cached in an earlier feed is never reused
    this.gen++;
  }

  private enterDirectory(path: string, slash: number): void {
    this.dir = slash === -1 ? '' : path.slice(0, slash);
    this.dirEnd = slash;
    this.gen++;
  }

  // indexed loops: `for…of` and destructuring cost an iterator per path until V8 optimizes them away
  private byName(path: string, start: number): void {
    const named = this.byBasename.get(start === 0 ? path : path.slice(start));
    if (named === undefined) return;
    for (let i = 0; i < named.length; i++) if (this.dirOk(named[i]!)) this.hit(named[i]!.id, path);
  }

  private byExtension(sameLength: { exts: string[]; matchers: Matcher[][] }, path: string, start: number, dot: number): void {
    const { exts } = sameLength;
    for (let e = 0; e < exts.length; e++) {
      if (!path.startsWith(exts[e]!, dot + 1)) continue;
      const matchers = sameLength.matchers[e]!;
      for (let i = 0; i < matchers.length; i++) if (this.test(matchers[i]!, path, start)) this.hit(matchers[i]!.id, path);
    }
  }

  private byRest(path: string, start: number): void {
    const { rest } = this;
    for (let i = 0; i < rest.length; i++) if (this.test(rest[i]!, path, start)) this.hit(rest[i]!.id, path);
  }

  /** Whether the current directory fits the matcher, asked once per directory. */
  private dirOk(m: Matcher): boolean {
    if (m.gen !== this.gen) {
      m.gen = this.gen;
      const d = m.dir;
      const root = this.dirEnd === -1;
      m.ok = d === Dir.Any ? true : d === Dir.Root ? root : d === Dir.Exact ? this.dir === m.dirExact : m.dirPattern!.test(root ? '' : `${this.dir}/`);
    }
    return m.ok;
  }

  private test(m: Matcher, path: string, start: number): boolean {
    if (m.base !== null) {
      if (m.basePrefix !== '' && !path.startsWith(m.basePrefix, start)) return false;
      if (m.baseSuffix !== '' && !path.endsWith(m.baseSuffix)) return false;
      // the directory answer is cached per directory: cheaper than the file-name regex
      if (!this.dirOk(m)) return false;
      m.base.lastIndex = start;
      return m.base.test(path);
    }
    return (m.pathPrefix === '' || path.startsWith(m.pathPrefix)) && m.full!.test(path);
  }

  private hit(id: number, path: string): void {
    const list = this.found![id]!;
    // brace alternatives of one glob may both match a path
    if (list[list.length - 1] !== path) list.push(path);
  }

  /** For each glob id, the paths fed so far that match it. */
  results(): string[][] {
    return (this.found ??= Array.from({ length: this.count }, () => []));
  }
}

/** Length, first and last character of the text from `start` to the end, as one number. */
// kept below 2^30 so that it stays a small integer: a collision only costs a lookup
const shape = (text: string, start: number) => (((text.length - start) & 0x3ff) << 20) | ((text.charCodeAt(start) & 0x3ff) << 10) | (text.charCodeAt(text.length - 1) & 0x3ff);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
