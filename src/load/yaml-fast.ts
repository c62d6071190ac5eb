// A reader for the plain block-style YAML that `ready` itself writes (and most people write by
// hand): nested mappings, lists of scalars, plain and quoted scalars, comments. It exists for
// start-up time: the full `yaml` package costs more to load than `ready check` costs to run
// (measured 2026-12-01, alternated runs of 40 of `check --example`: 37 ms of CPU on Node.js 20
// and 21 ms on Node.js 22 would come back without it).
// It returns null on anything outside that subset (anchors, tags, flow mappings, block scalars,
// multi-line scalars, odd keys…), and the caller falls back to the full parser. Where it does
// answer, it must agree with `yaml` exactly — tests/load/yaml-fast.test.ts holds it to that.

export interface FastYaml {
  data: Record<string, unknown>;
  /** line (1-based) of each key or list item, by path joined with PATH_SEP */
  lines: Map<string, number>;
}

export const PATH_SEP = '\u0000';

const KEY = /^([A-Za-z0-9_$][A-Za-z0-9_.$-]*):(?: +(.*))?$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;
// characters that start something this reader does not handle
const INDICATOR = /^[&*!|>%@`?{\]},#]/;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

interface Frame {
  indent: number;
  value: Record<string, unknown> | unknown[];
  /** the path of `value`, joined with PATH_SEP (the key of `lines`) */
  path: string;
  /** a list written at the same indentation as its key (`key:` then `- a`) */
  flush?: boolean;
}

export function parseSimpleYaml(text: string): FastYaml | null {
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

function parse(text: string): FastYaml {
  if (text.includes('\r') || text.includes('\t')) bail();
  const lines = new Map<string, number>();
  const data: Record<string, unknown> = {};
  const stack: Frame[] = [{ indent: 0, value: data, path: '' }];
  // a key whose value is on the following lines: which container its children open
  let pending: { parent: Record<string, unknown>; key: string; indent: number; path: string } | null = null;
  const rows = text.split('\n');

  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]!;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - content.length;
    if (i === 0 && (content.startsWith('%') || content.startsWith('---'))) bail();
    if (content.startsWith('---') || content.startsWith('...')) bail();
    const isItem = content === '-' || content.startsWith('- ');

    if (pending) {
      if (indent > pending.indent) {
        const value: Frame['value'] = isItem ? [] : {};
        pending.parent[pending.key] = value;
        stack.push({ indent, value, path: pending.path });
      } else if (isItem && indent === pending.indent) {
        const value: unknown[] = [];
        pending.parent[pending.key] = value;
        stack.push({ indent, value, path: pending.path, flush: true });
      } else pending.parent[pending.key] = null;
      pending = null;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1]!.indent) stack.pop();
    // a key at the indentation of a flush list ends that list
    if (!isItem && stack[stack.length - 1]!.flush && indent === stack[stack.length - 1]!.indent) stack.pop();
    const frame = stack[stack.length - 1]!;
    if (indent !== frame.indent) bail();

    if (isItem) {
      if (!Array.isArray(frame.value)) bail();
      const list = frame.value as unknown[];
      const rest = content.slice(2);
      if (rest.trim() === '' || KEY.test(rest) || rest.startsWith('- ') || rest.startsWith('-\n')) bail();
      lines.set(childPath(frame.path, String(list.length)), i + 1);
      list.push(scalarOrFlow(rest));
      continue;
    }
    if (Array.isArray(frame.value)) bail();
    const m = KEY.exec(content);
    if (!m) bail();
    const key = m![1]!;
    if (key === '__proto__' || notPlainKey(key)) bail();
    const map = frame.value as Record<string, unknown>;
    if (Object.hasOwn(map, key)) bail(); // the full parser words the duplicate-key error
    const path = childPath(frame.path, key);
    lines.set(path, i + 1);
    const rest = m![2];
    if (rest === undefined || rest.trim() === '' || rest.trimStart().startsWith('#')) {
      pending = { parent: map, key, indent, path };
      map[key] = null;
    } else map[key] = scalarOrFlow(rest);
  }
  return { data, lines };
}

const childPath = (parent: string, key: string) => (parent === '' ? key : parent + PATH_SEP + key);

// Keys that `yaml` reads as null, a boolean or a number. KEY only lets a number start with a digit,
// so the number patterns need a look only then; this runs for every key of every file.
const NOT_STRING_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
function notPlainKey(key: string): boolean {
  if (NOT_STRING_WORDS.has(key)) return true;
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && (INT.test(key) || FLOAT.test(key) || SPECIAL_NUMBER.test(key));
}

function scalarOrFlow(raw: string): unknown {
  const text = raw.trim();
  if (text.startsWith('[')) return flowList(text);
  return scalar(text, false);
}

/** `[a, "b", 3]` on one line; anything nested goes to the full parser. */
function flowList(text: string): unknown[] {
  const close = text.lastIndexOf(']');
  if (close === -1) bail();
  const after = text.slice(close + 1).trim();
  if (after !== '' && !after.startsWith('#')) bail();
  const inner = text.slice(1, close);
  if (/[[\]{}]/.test(inner)) bail();
  if (inner.trim() === '') return [];
  const items: unknown[] = [];
  let rest = inner;
  while (rest.length > 0) {
    rest = rest.trimStart();
    let token: string;
    if (rest.startsWith('"') || rest.startsWith("'")) {
      const end = quotedEnd(rest);
      token = rest.slice(0, end);
      rest = rest.slice(end).trimStart();
    } else {
      const comma = rest.indexOf(',');
      token = (comma === -1 ? rest : rest.slice(0, comma)).trim();
      rest = comma === -1 ? '' : rest.slice(comma);
      if (token === '' || /[:#]/.test(token)) bail();
    }
    items.push(scalar(token, true));
    if (rest.startsWith(',')) {
      rest = rest.slice(1);
      if (rest.trim() === '') bail(); // a trailing comma: leave its reading to the full parser
    } else if (rest.trim() !== '') bail();
  }
  return items;
}

function quotedEnd(text: string): number {
  const q = text[0]!;
  for (let j = 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") {
        j++;
        continue;
      }
      return j + 1;
    }
  }
  return bail();
}

function scalar(text: string, inFlow: boolean): unknown {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = quotedEnd(text);
    const after = text.slice(end).trim();
    if (after !== '' && !after.startsWith('#')) bail();
    if (after.startsWith('#') && text[end] !== ' ') bail();
    const body = text.slice(1, end - 1);
    if (text[0] === "'") return body.replaceAll("''", "'");
    return body.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? bail());
  }
  // a plain scalar ends at " #" (tabs never get here); a ": " inside it would make it a mapping
  const hash = text.indexOf(' #');
  const plain = (hash === -1 ? text : text.slice(0, hash)).trimEnd();
  if (plain === '' || INDICATOR.test(plain) || plain.startsWith('- ') || plain === '-' || plain.startsWith('"') || plain.startsWith("'")) bail();
  if (plain.includes(': ') || plain.endsWith(':') || (inFlow && /[,[\]{}]/.test(plain))) bail();
  if (NULL.test(plain)) return null;
  if (BOOL.test(plain)) return plain[0] === 't' || plain[0] === 'T';
  if (SPECIAL_NUMBER.test(plain)) bail();
  if (INT.test(plain) || FLOAT.test(plain)) {
    const n = Number(plain);
    // integers beyond 2^53 keep digits in `yaml` only as strings or bigints: not our business
    if (!Number.isFinite(n) || (INT.test(plain) && !Number.isSafeInteger(n))) bail();
    return n;
  }
  return plain;
}
