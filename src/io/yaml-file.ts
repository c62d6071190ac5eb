// Reads a YAML file defensively and maps paths inside the document back to line numbers.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError, formatPath } from './errors.js';

/** Larger inputs are refused: no rubric or readiness.yaml is anywhere near this. */
export const MAX_YAML_BYTES = 5 * 1024 * 1024;

export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  data: unknown;
  lines: LineCounter;
}

export function readTextFile(file: string, what = 'file'): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError([{ file, message: `is a directory, expected a ${what}` }]);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([{ file, message: describeFsError(err, what) }], { cause: err });
  }
  if (size > MAX_YAML_BYTES) throw new InputError([{ file, message: `is ${(size / 1048576).toFixed(1)} MiB, more than the ${MAX_YAML_BYTES / 1048576} MiB allowed for a ${what}` }]);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new InputError([{ file, message: describeFsError(err, what) }], { cause: err });
  }
  if (buf.includes(0)) throw new InputError([{ file, message: `is a binary file, expected a ${what}` }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new InputError([{ file, message: 'is not valid UTF-8 text' }], { cause: err });
  }
}

export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return `is a directory, expected a ${what}`;
  return (err as Error)?.message ?? String(err);
}

export function readYamlFile(file: string, what = 'YAML file'): YamlFile {
  const text = readTextFile(file, what);
  const lines = new LineCounter();
  // uniqueKeys and a low alias budget keep duplicate keys and "billion laughs" files out
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => ({ file, line: lineAt(e.pos[0]), message: e.message.split('\n')[0]! })));
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new InputError([{ file, line: 1, message: `is empty, expected a ${what}` }]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new InputError([{ file, message: `cannot be read: ${(err as Error).message} (too many YAML aliases?)` }], { cause: err });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError([{ file, line: 1, message: `expected a mapping of keys to values at the top, found ${Array.isArray(data) ? 'a list' : typeof data}` }]);
  }
  return { file, text, doc, data, lines };
}

/** The line of the deepest node that exists along `path` (a missing key points at its parent). */
export function lineOfPath(y: YamlFile, path: readonly (string | number)[]): number {
  let node: unknown = y.doc.contents;
  let line = node && (node as Node).range ? y.lines.linePos((node as Node).range![0]).line : 1;
  for (const key of path) {
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key);
      keyNode = pair?.key;
      next = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    else break;
    const at = (next as Node | undefined)?.range ?? (keyNode as Node | undefined)?.range;
    if (!at) break;
    line = y.lines.linePos(at[0]).line;
    node = next;
  }
  return line;
}

export function problemsToError(y: YamlFile, problems: { path: (string | number)[]; message: string }[]): InputError {
  return new InputError(problems.map((p) => ({ file: y.file, line: lineOfPath(y, p.path), path: formatPath(p.path), message: p.message })));
}
