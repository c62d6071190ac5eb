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

type Tagged = CompiledGlob & { id: number };

/**
 * Matches many globs against one listing in a single pass. Each path is tested only against the
 * globs that can match it: an exact-path or file-name lookup, an extension lookup, and the few
 * globs that need a full test. That keeps a 100,000-file listing with dozens of probes fast.
 */
export class GlobIndex {
  private readonly byExact = new Map<string, number[]>();
  private readonly byBasename = new Map<string, Tagged[]>();
  private readonly byExt = new Map<string, Tagged[]>();
  private readonly rest: Tagged[] = [];
  private readonly ids = new Map<string, number>();
  private readonly globs: CompiledGlob[][] = [];

  /** Adds a glob (once, however many probes use it) and returns its id. */
  add(source: string): number {
    const known = this.ids.get(source);
    if (known !== undefined) return known;
    const compiled = compileGlob(source);
    const id = this.globs.length;
    this.globs.push(compiled);
    this.ids.set(source, id);
    for (const g of compiled) {
      const tagged: Tagged = { ...g, id };
      const k = g.key;
      if ('exact' in k) push(this.byExact, k.exact, id);
      else if ('basename' in k) push(this.byBasename, k.basename, tagged);
      else if ('ext' in k) push(this.byExt, k.ext, tagged);
      else this.rest.push(tagged);
    }
    return id;
  }

  /** For each glob id, the matching paths in listing order. */
  match(listing: readonly string[]): string[][] {
    const out: string[][] = this.globs.map(() => []);
    const hit = (id: number, path: string) => {
      const list = out[id]!;
      // brace alternatives of one glob may both match a path
      if (list[list.length - 1] !== path) list.push(path);
    };
    const { byExact, byBasename, byExt, rest } = this;
    for (const path of listing) {
      if (byExact.size > 0) {
        const ids = byExact.get(path);
        if (ids) for (const id of ids) hit(id, path);
      }
      const slash = path.lastIndexOf('/');
      const base = slash === -1 ? path : path.slice(slash + 1);
      const named = byBasename.get(base);
      if (named) for (const g of named) if (g.regex.test(path)) hit(g.id, path);
      const dot = base.lastIndexOf('.');
      if (dot !== -1) {
        const byE = byExt.get(base.slice(dot + 1));
        if (byE) for (const g of byE) if (g.regex.test(path)) hit(g.id, path);
      }
      for (const g of rest) {
        const prefix = (g.key as { prefix: string }).prefix;
        if ((prefix === '' || path.startsWith(prefix)) && g.regex.test(path)) hit(g.id, path);
      }
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
