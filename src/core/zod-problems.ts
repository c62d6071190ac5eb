// One line per zod issue, with its path, in the words a rubric author understands.
import type { Problem } from './rubric-check.js';
import { didYouMean } from './words.js';

interface Issue {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  keys?: string[];
  errors?: Issue[][];
  expected?: string;
}

/** The keys a mapping at `path` may have, for "did you mean" after an unknown one. */
export type KeysAt = (path: readonly (string | number)[]) => readonly string[] | undefined;

export function prepareProblems(issues: readonly Issue[], prefix: PropertyKey[] = [], keysAt?: KeysAt): Problem[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    // "Invalid input" for a union says nothing; the branch that got furthest says what is wrong
    if (i.code === 'invalid_union' && i.errors && i.errors.length > 0) {
      const depth = (branch: Issue[]) => Math.max(...branch.map((b) => b.path.length + (b.code === 'invalid_type' ? 0 : 0.5)));
      // of mappings, the shape whose keys the input uses most: `{ questoin: a, in: [b] }` is a
      // misspelt `{ question, in }`, not an `{ all }` with two unknown keys
      const unknownKeys = (branch: Issue[]) => branch.filter((b) => b.code === 'unrecognized_keys' && b.path.length === 0).reduce((n, b) => n + (b.keys?.length ?? 0), 0);
      const best = [...i.errors].sort((a, b) => unknownKeys(a) - unknownKeys(b) || depth(b) - depth(a))[0]!;
      if (best.length > 0 && depth(best) >= 1) return prepareProblems(withoutMissingOfMisspelt(best), path, keysAt);
      if (i.message !== 'Invalid input') return [{ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }];
      const types = i.errors.flat().filter((b) => b.code === 'invalid_type' && b.path.length === 0);
      if (types.length > 0) {
        const received = /received (\w+)/.exec(types[0]!.message)?.[1];
        const expected = [...new Set(types.map((t) => (t.expected === 'array' ? 'list' : t.expected === 'object' ? 'mapping' : t.expected)))];
        return [{ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: `expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}` }];
      }
    }
    const plain = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (i.code === 'unrecognized_keys' && i.keys) {
      // one problem per key, so that each points at its own line and gets its own suggestion
      const known = keysAt?.(plain) ?? [];
      return i.keys.map((k) => ({ path: plain, message: `unknown key "${k}"${didYouMean(k, known.filter((n) => !i.keys!.includes(n)))}`, keys: [k] }));
    }
    return [{ path: plain, message: i.message.replace(/^Invalid input: /, '') }];
  });
}

/**
 * A key misspelt is also a key missing; its "did you mean" says both, so the missing key's own
 * issue ("expected string, received undefined") goes.
 */
function withoutMissingOfMisspelt(branch: Issue[]): Issue[] {
  const unknown = branch.filter((b) => b.code === 'unrecognized_keys');
  if (unknown.length === 0) return branch;
  return branch.filter((b) => {
    const missing = (b.code === 'invalid_type' && /received undefined/.test(b.message)) || b.code === 'invalid_union';
    if (!missing || b.path.length === 0) return true;
    const parent = b.path.slice(0, -1).join('\0');
    return !unknown.some((u) => u.path.join('\0') === parent);
  });
}

interface SchemaLike {
  _zod: { def: { type: string; shape?: Record<string, SchemaLike>; element?: SchemaLike; innerType?: SchemaLike; valueType?: SchemaLike; options?: SchemaLike[]; in?: SchemaLike; getter?: () => SchemaLike } };
}

/** The keys an object schema (zod or zod/mini) allows at `path`, found by walking its definition. */
export function keysAtPath(schema: unknown, path: readonly (string | number)[]): string[] | undefined {
  const objects = (s: SchemaLike | undefined, depth = 0): SchemaLike[] => {
    const def = s?._zod?.def;
    if (!def || depth > 20) return [];
    if (def.type === 'object') return [s!];
    if (def.type === 'union') return (def.options ?? []).flatMap((o) => objects(o, depth + 1));
    const inner = def.innerType ?? def.in ?? def.getter?.();
    return inner ? objects(inner, depth + 1) : [];
  };
  const step = (s: SchemaLike, key: string | number, depth = 0): SchemaLike[] => {
    const def = s._zod.def;
    if (depth > 20) return [];
    if (def.type === 'object') return typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key) ? [def.shape[key]!] : [];
    if (def.type === 'array') return typeof key === 'number' && def.element ? [def.element] : [];
    if (def.type === 'record') return def.valueType ? [def.valueType] : [];
    if (def.type === 'union') return (def.options ?? []).flatMap((o) => step(o, key, depth + 1));
    const inner = def.innerType ?? def.in ?? def.getter?.();
    return inner ? step(inner, key, depth + 1) : [];
  };
  let current: SchemaLike[] = [schema as SchemaLike];
  for (const key of path) current = current.flatMap((s) => (s?._zod ? step(s, key) : []));
  const keys = current.flatMap((s) => objects(s)).flatMap((o) => Object.keys(o._zod.def.shape ?? {}));
  return keys.length > 0 ? [...new Set(keys)] : undefined;
}
