// Merges a chain of rubric documents (the furthest parent first, the file being loaded last) into
// one document before validation. Every part of the result remembers the document and the path it
// came from, so that a problem found in the merged rubric is reported in the file that introduced
// it, at its line.
//
// Override syntax, as data:
// - scalars (id, version, title, aggregation, blockedLevel, a weight, a score...) replace;
// - mappings (gates, a gate, minArea, minQuestion, a remediation) merge key by key;
// - areas, roles, tiers, tierQuestions, questions and their options are lists keyed by id: an entry
//   whose id exists merges into it, a new id is appended (a new option goes before "dont-know");
// - evidence probes with an id replace the probe with that id, others are appended;
// - every other list (tierRules, levels, steps, references, a question's tiers or roles) and a
//   question's `when` replace wholesale;
// - `remove: { questions: [id], areas: [id], roles, tiers, tierQuestions, options: { question: [id] } }`
//   drops entries before the document's own entries merge in.
import type { Path, Problem } from './rubric-check.js';
import { DONT_KNOW } from './constants.js';

export const EXTENDS_KEY = 'extends';
export const REMOVE_KEY = 'remove';

/** Where a part of the merged document was written: document index in the chain and path in it. */
export interface Origin {
  doc: number;
  path: Path;
}

export interface MergeProblem extends Problem {
  doc: number;
}

export interface MergedRubric {
  data: Record<string, unknown>;
  /** where the node at `path` of the merged document came from */
  locate(path: Path): Origin;
  problems: MergeProblem[];
}

type Plain = Record<string, unknown>;
interface Meta {
  /** the document that introduced the node */
  self: Origin;
  /** the last document that wrote into it: a missing key is blamed on it */
  last: Origin;
  keys: Map<string, Origin>;
  items: Origin[];
}

const KEYED_LISTS = new Set(['areas', 'roles', 'tiers', 'tierQuestions', 'questions', 'tierQuestions.*.options', 'questions.*.options']);
const REPLACED_BY_ID = new Set(['questions.*.evidence']);
const REPLACED = new Set(['questions.*.when']);
const REMOVABLE = ['areas', 'roles', 'tiers', 'tierQuestions', 'questions'] as const;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
// A key such as "__proto__" in a YAML file is data: read and write it as an own property, so that it
// reaches the schema (which refuses it) instead of a prototype.
const own = (o: Plain, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
const set = (o: Plain, k: string, value: unknown) => Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
const idOf = (v: unknown) => (isPlain(v) && typeof v.id === 'string' ? v.id : undefined);

export function mergeRubricDocuments(docs: readonly Plain[]): MergedRubric {
  const meta = new WeakMap<object, Meta>();
  const problems: MergeProblem[] = [];
  const at = (doc: number, path: Path): Origin => ({ doc, path });

  const clone = (value: unknown, origin: Origin): unknown => {
    if (Array.isArray(value)) {
      const out = value.map((v, i) => clone(v, at(origin.doc, [...origin.path, i])));
      meta.set(out, { self: origin, last: origin, keys: new Map(), items: value.map((_, i) => at(origin.doc, [...origin.path, i])) });
      return out;
    }
    if (isPlain(value)) {
      const out: Plain = {};
      const keys = new Map<string, Origin>();
      for (const [k, v] of Object.entries(value)) {
        keys.set(k, at(origin.doc, [...origin.path, k]));
        set(out, k, clone(v, at(origin.doc, [...origin.path, k])));
      }
      meta.set(out, { self: origin, last: origin, keys, items: [] });
      return out;
    }
    return value;
  };

  const mergeObject = (target: Plain, over: Plain, origin: Origin, pattern: string, skip: ReadonlySet<string> = new Set()) => {
    const m = meta.get(target)!;
    m.last = origin;
    for (const [k, v] of Object.entries(over)) {
      if (skip.has(k)) continue;
      const o = at(origin.doc, [...origin.path, k]);
      set(target, k, mergeValue(own(target, k), v, o, pattern ? `${pattern}.${k}` : k));
      m.keys.set(k, o);
    }
  };

  const mergeValue = (base: unknown, over: unknown, origin: Origin, pattern: string): unknown => {
    if (REPLACED.has(pattern)) return clone(over, origin);
    if (Array.isArray(base) && Array.isArray(over) && (KEYED_LISTS.has(pattern) || REPLACED_BY_ID.has(pattern))) {
      mergeList(base, over, origin, pattern);
      return base;
    }
    if (isPlain(base) && isPlain(over)) {
      mergeObject(base, over, origin, pattern);
      return base;
    }
    return clone(over, origin);
  };

  const mergeList = (base: unknown[], over: unknown[], origin: Origin, pattern: string) => {
    const m = meta.get(base)!;
    m.last = origin;
    const seen = new Set<string>();
    over.forEach((item, j) => {
      const o = at(origin.doc, [...origin.path, j]);
      const id = idOf(item);
      if (id !== undefined && seen.has(id)) {
        problems.push({ doc: o.doc, path: [...o.path, 'id'], message: `duplicate id "${id}" in this list` });
        return;
      }
      if (id !== undefined) seen.add(id);
      const index = id === undefined ? -1 : base.findIndex((b) => idOf(b) === id);
      if (index >= 0 && REPLACED_BY_ID.has(pattern)) {
        base[index] = clone(item, o);
        m.items[index] = o;
      } else if (index >= 0 && isPlain(item)) {
        mergeObject(base[index] as Plain, item, o, `${pattern}.*`);
        m.items[index] = o;
      } else {
        // "Don't know" stays the last answer offered, also when a parent was normalised
        const beforeDontKnow = pattern.endsWith('options') && idOf(base[base.length - 1]) === DONT_KNOW;
        const insertAt = beforeDontKnow ? base.length - 1 : base.length;
        base.splice(insertAt, 0, clone(item, o));
        m.items.splice(insertAt, 0, o);
      }
    });
  };

  const applyRemove = (target: Plain, remove: unknown, doc: number) => {
    const report = (path: Path, message: string) => problems.push({ doc, path: [REMOVE_KEY, ...path], message });
    if (!isPlain(remove)) return report([], 'expected a mapping such as { questions: [id, ...] }');
    const drop = (list: unknown, ids: unknown, path: Path, what: string, where: string) => {
      if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) return report(path, `expected a list of ${what} ids`);
      if (!Array.isArray(list)) return report(path, `there are no ${what}s to remove`);
      const m = meta.get(list)!;
      ids.forEach((id, k) => {
        const index = list.findIndex((b) => idOf(b) === id);
        if (index < 0) return report([...path, k], `no ${what} "${id}" to remove${where}`);
        list.splice(index, 1);
        m.items.splice(index, 1);
      });
    };
    for (const [key, ids] of Object.entries(remove)) {
      if ((REMOVABLE as readonly string[]).includes(key)) {
        drop(target[key], ids, [key], key === 'tierQuestions' ? 'tier question' : key.replace(/s$/, ''), ' in the rubric it extends');
      } else if (key === 'options') {
        if (!isPlain(ids)) {
          report([key], 'expected a mapping of question id to option ids, such as { data-access: [one-off] }');
          continue;
        }
        for (const [qid, optionIds] of Object.entries(ids)) {
          const question = [target.questions, target.tierQuestions].flatMap((l) => (Array.isArray(l) ? l : [])).find((q) => idOf(q) === qid);
          if (!isPlain(question)) report([key, qid], `no question "${qid}" in the rubric it extends`);
          else drop(question.options, optionIds, [key, qid], 'option', ` from "${qid}"`);
        }
      } else report([key], `cannot remove "${key}" (can remove: ${[...REMOVABLE, 'options'].join(', ')})`);
    }
  };

  const last = docs.length - 1;
  const data = clone(withoutChainKeys(docs[0] ?? {}), at(0, [])) as Plain;
  for (let d = 1; d < docs.length; d++) {
    const doc = docs[d]!;
    for (const key of ['id', 'version'] as const) {
      if (typeof doc[key] !== 'string' && typeof doc[key] !== 'number') {
        problems.push({ doc: d, path: [key], message: `a rubric that extends another needs its own ${key}` });
      }
    }
    if (doc[REMOVE_KEY] !== undefined) applyRemove(data, doc[REMOVE_KEY], d);
    mergeObject(data, doc, at(d, []), '', new Set([EXTENDS_KEY, REMOVE_KEY]));
  }
  // The version of an extending rubric moves when any rubric in its chain moves, so that answers
  // recorded against it notice a new release of the built-in rubric too.
  if (docs.length > 1) data.version = chainVersion(docs);
  meta.get(data)!.self = at(last, []);

  const locate = (path: Path): Origin => {
    let node: unknown = data;
    let best: Origin = at(last, []);
    let depth = 0;
    for (let i = 0; i < path.length; i++) {
      const m = typeof node === 'object' && node !== null ? meta.get(node) : undefined;
      if (!m) break;
      const key = path[i]!;
      const o = typeof key === 'number' ? m.items[key] : m.keys.get(key);
      if (!o) return at(m.last.doc, [...m.last.path, ...path.slice(i)]);
      best = o;
      depth = i + 1;
      node = typeof key === 'number' ? (node as unknown[])[key] : own(node as Plain, key);
    }
    return at(best.doc, [...best.path, ...path.slice(depth)]);
  };
  return { data, locate, problems };
}

function withoutChainKeys(doc: Plain): Plain {
  const { [EXTENDS_KEY]: _e, [REMOVE_KEY]: _r, ...rest } = doc;
  return rest;
}

/** `1.2.0+default.0.3.0`: the child's own version, then each parent's id and version. */
export function chainVersion(docs: readonly Plain[]): string {
  const last = docs[docs.length - 1]!;
  const parents = docs.slice(0, -1).reverse().map((d) => `${String(d.id)}.${String(d.version)}`);
  return [String(last.version), ...parents].join('+');
}
