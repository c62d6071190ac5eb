// Reads a YAML file defensively and maps paths inside the document back to line numbers.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, InputError } from '../errors.js';
import { readTextFile } from './read-text.js';
import type { YamlFile } from './yaml-lines.js';

// kept here too for the modules that already import them from this file
export { readTextFile, describeFsError, MAX_TEXT_BYTES as MAX_YAML_BYTES } from './read-text.js';
export { lineOfPath, problemsToError, type YamlFile } from './yaml-lines.js';

export function readYamlFile(file: string, what = 'YAML file'): YamlFile {
  return parseYamlText(file, readTextFile(file, what), what);
}

/** The full parser: every YAML feature, and errors with lines. */
export function parseYamlText(file: string, text: string, what: string): YamlFile {
  const lines = new LineCounter();
  // uniqueKeys and a low alias budget keep duplicate keys and "billion laughs" files out
  // logLevel 'error': the library's warnings become our errors below instead of lines on stderr;
  // resolveKnownTags off: `!!binary` and the other YAML 1.1 tags stay plain text, never a Buffer
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error', resolveKnownTags: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new InputError(problems.map((e) => ({ file, line: lineAt(e.pos[0]), message: e.message.split('\n')[0]! })));
  }
  const reserved = reservedKeys(doc.contents);
  if (reserved.length > 0) {
    throw new InputError(reserved.map(({ path, offset }) => ({ file, line: lineAt(offset), path: formatPath(path), message: RESERVED_KEY_MESSAGE })));
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new InputError([{ file, line: 1, message: `is empty, expected a ${what}` }]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000, logLevel: 'error' } as Parameters<typeof doc.toJS>[0]);
  } catch (err) {
    throw new InputError([{ file, message: `cannot be read: ${(err as Error).message} (too many YAML aliases?)` }], { cause: err });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError([{ file, line: 1, message: `expected a mapping of keys to values at the top, found ${Array.isArray(data) ? 'a list' : typeof data}` }]);
  }
  return { file, text, data, lineOf: (path) => lineInDocument(doc, lines, path) };
}

function lineInDocument(doc: Document.Parsed, lines: LineCounter, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let line = node && (node as Node).range ? lines.linePos((node as Node).range![0]).line : 1;
  for (const key of path) {
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key);
      keyNode = pair?.key;
      next = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    else break;
    // a key points at its own line, not at the first line of a nested value
    const at = (keyNode as Node | undefined)?.range ?? (next as Node | undefined)?.range;
    if (!at) break;
    line = lines.linePos(at[0]).line;
    node = next;
  }
  return line;
}


/**
 * `__proto__` as a key: as a plain-object key it would set the object's prototype (or, copied by
 * a schema, vanish), so an answer, a gate area or a rubric's tier gate written under it would be
 * silently ignored. No id of a rubric can be spelt that way, so it is refused wherever it appears.
 * (`constructor`, `prototype` and the other names of Object.prototype are ordinary keys: every
 * lookup of ids uses own properties or Maps.)
 */
export const RESERVED_KEY = '__proto__';
export const RESERVED_KEY_MESSAGE = `"${RESERVED_KEY}" cannot be used as a key (JavaScript reserves it); no rubric id or readiness key is spelt that way`;

function reservedKeys(root: unknown): { path: (string | number)[]; offset: number }[] {
  const found: { path: (string | number)[]; offset: number }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === RESERVED_KEY) found.push({ path: [...path, key], offset: (pair.key as Node).range?.[0] ?? 0 });
        else walk(pair.value, [...path, typeof key === 'number' ? String(key) : String(key ?? '?')]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(root, []);
  return found;
}
