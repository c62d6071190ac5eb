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

/** One path segment (no `/`) to a regular expression source. */
function segmentSource(seg: string, strictClasses: boolean): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '\\') {
      re += escapeRe(seg[++i] ?? '\\');
    } else if (ch === '*') {
      while (seg[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const end = classEnd(seg, i);
      if (end === -1) {
        if (strictClasses) throw new GlobError('has an unclosed "["');
        re += '\\[';
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
      re += negate ? `[^/${inner}]` : `(?!/)[${inner}]`;
      i = end;
    } else re += escapeRe(ch);
  }
  return re;
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

/** Segments to an anchored regular expression source; `**` segments span directories. */
export function segmentsSource(segments: string[], strictClasses = true): string {
  let re = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') {
      // leading or middle: zero or more whole directories; trailing: everything below
      re += last ? (i === 0 ? '.*' : '.+') : '(?:[^/]+/)*';
    } else re += segmentSource(seg, strictClasses) + (last ? '' : '/');
  });
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

/** How one brace alternative of a glob is tested: file name first (cheap), then its directory. */
interface Matcher {
  id: number;
  /** the whole path, for globs ending in `**` */
  full?: RegExp;
  /** sticky: tested on the path from the start of its file name */
  base?: RegExp;
  /** a literal start of the file name or of the path: a cheap test before any regex */
  basePrefix: string;
  baseSuffix: string;
  pathPrefix: string;
  dir: 'any' | 'root' | { exact: string } | { regex: RegExp };
  /** the directory test's answer for the directory being scanned (valid while gen matches) */
  gen: number;
  ok: boolean;
}

const isLiteral = (s: string) => !WILDCARD.test(s) && !s.includes('\\');
const literalPrefix = (s: string) => (s.includes('\\') ? '' : s.slice(0, s.search(/[*?[]|$/)));
const literalSuffix = (s: string) => (s.includes('\\') ? '' : s.slice(Math.max(s.lastIndexOf('*'), s.lastIndexOf('?'), s.lastIndexOf(']')) + 1));

function matcher(id: number, g: CompiledGlob): Matcher {
  const segs = g.pattern.split('/');
  const last = segs[segs.length - 1]!;
  const common = { id, gen: -1, ok: false, basePrefix: '', baseSuffix: '', pathPrefix: '' };
  if (last === '**') return { ...common, full: g.regex, pathPrefix: 'prefix' in g.key ? g.key.prefix : '', dir: 'any' };
  const dirSegs = segs.slice(0, -1);
  const dir: Matcher['dir'] =
    dirSegs.length === 0 ? 'root'
    : dirSegs.every((d) => d === '**') ? 'any'
    : dirSegs.every(isLiteral) ? { exact: dirSegs.join('/') }
    : { regex: new RegExp(segmentsSource([...dirSegs, ''])) };
  const base = new RegExp(`${segmentsSource([last]).slice(1, -1)}$`, 'y');
  return { ...common, base, basePrefix: literalPrefix(last), baseSuffix: literalSuffix(last), dir };
}

/**
 * Matches many globs against one listing in a single pass. A path is tested only against globs
 * that can match it: a lookup by file name, one by extension, and the few globs left. Each test
 * looks at the file name first, without copying it, and asks about the directory once per
 * directory. That keeps a 100,000-file listing with dozens of probes to a few tens of milliseconds.
 */
export class GlobIndex {
  private readonly byBasename = new Map<string, Matcher[]>();
  /** extension length -> [extension, matchers]: compared in place, no string is cut per path */
  private readonly byExt = new Map<number, [string, Matcher[]][]>();
  private readonly rest: Matcher[] = [];
  /** length, first and last character of each file name in byBasename: a lookup needs no copy */
  private readonly baseShapes = new Set<number>();
  private readonly ids = new Map<string, number>();
  private count = 0;

  /** Adds a glob (once, however many probes use it) and returns its id. */
  add(source: string): number {
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
        const sameLength = this.byExt.get(k.ext.length) ?? this.byExt.set(k.ext.length, []).get(k.ext.length)!;
        const entry = sameLength.find(([ext]) => ext === k.ext);
        if (entry) entry[1].push(m);
        else sameLength.push([k.ext, [m]]);
      } else this.rest.push(m);
    }
    return id;
  }

  /** For each glob id, the matching paths in listing order. */
  match(listing: readonly string[]): string[][] {
    const out: string[][] = Array.from({ length: this.count }, () => []);
    const { byBasename, byExt, rest, baseShapes } = this;
    let dir = '';
    let dirEnd = -1; // index of the last "/" of the current directory's paths
    let gen = 0;
    const dirOk = (m: Matcher): boolean => {
      if (m.gen !== gen) {
        m.gen = gen;
        const d = m.dir;
        m.ok = d === 'any' ? true : d === 'root' ? dirEnd === -1 : 'exact' in d ? dir === d.exact : d.regex.test(dirEnd === -1 ? '' : `${dir}/`);
      }
      return m.ok;
    };
    const test = (m: Matcher, path: string, start: number): boolean => {
      if (m.base) {
        if (m.basePrefix !== '' && !path.startsWith(m.basePrefix, start)) return false;
        if (m.baseSuffix !== '' && !path.endsWith(m.baseSuffix)) return false;
        // the directory answer is cached per directory: cheaper than the file-name regex
        if (!dirOk(m)) return false;
        m.base.lastIndex = start;
        return m.base.test(path);
      }
      return (m.pathPrefix === '' || path.startsWith(m.pathPrefix)) && m.full!.test(path);
    };
    const hit = (id: number, path: string) => {
      const list = out[id]!;
      // brace alternatives of one glob may both match a path
      if (list[list.length - 1] !== path) list.push(path);
    };
    for (const path of listing) {
      const slash = path.lastIndexOf('/');
      if (slash !== dirEnd || (slash !== -1 && !path.startsWith(dir))) {
        dir = slash === -1 ? '' : path.slice(0, slash);
        dirEnd = slash;
        gen++;
      }
      const start = slash + 1;
      if (baseShapes.has(shape(path, start))) {
        const named = byBasename.get(start === 0 ? path : path.slice(start));
        if (named) for (const m of named) if (dirOk(m)) hit(m.id, path);
      }
      const dot = path.lastIndexOf('.');
      const byLength = dot > slash ? byExt.get(path.length - dot - 1) : undefined;
      if (byLength) {
        for (const [ext, matchers] of byLength) {
          if (path.startsWith(ext, dot + 1)) for (const m of matchers) if (test(m, path, start)) hit(m.id, path);
        }
      }
      for (const m of rest) if (test(m, path, start)) hit(m.id, path);
    }
    return out;
  }
}

/** Length, first and last character of the text from `start` to the end, as one number. */
const shape = (text: string, start: number) => ((text.length - start) * 65536 + text.charCodeAt(start)) * 65536 + text.charCodeAt(text.length - 1);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
