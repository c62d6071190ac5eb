// Saves answers into readiness.yaml, one answer at a time, without disturbing what the team wrote.
//
// yaml's Document API keeps comments, key order and unknown keys, but re-printing a whole document
// also re-spaces comments, re-wraps block scalars and re-indents, which shows up as noise in the
// pull request that commits the file. So the edit is made twice: on the Document (the reference
// result) and as a splice of the few lines that change. The splice is kept only when it parses to
// exactly the reference data; anything unusual (flow maps, odd layouts) gets the Document's text.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isNode, isScalar, isSeq, parseDocument, stringify, visit, YAMLMap, type Document, type Node, type Pair } from 'yaml';
import { InputError } from '../errors.js';
import { writeFileAtomic } from './write-output.js';
import { describeFsError, MAX_TEXT_BYTES, readBounded, ReadRefused } from '../load/read-text.js';

/** A change to one answer: a value sets the field, null removes it, undefined leaves it alone. */
export interface AnswerChange {
  choice?: string[] | null;
  notApplicable?: string | null;
  note?: string | null;
  by?: string | null;
  at?: string | null;
}

const FIELDS = ['choice', 'notApplicable', 'note', 'by', 'at'] as const;
type Field = (typeof FIELDS)[number];

export interface NewFileHeader {
  rubric: string;
  rubricVersion: string;
  /** where editors find the readiness JSON Schema (see schema-ref.ts) */
  schema?: string;
}

export function newReadinessText(h: NewFileHeader): string {
  return [
    ...(h.schema ? [`# yaml-language-server: $schema=${h.schema}`] : []),
    '# How ready this project is for production: answered with `ready assess`, scored by',
    '# `ready check`. Commit it and review changes like code; `ready` keeps your comments and',
    '# key order when it saves answers.',
    `rubric: ${renderScalar(h.rubric)}`,
    `rubricVersion: ${renderScalar(h.rubricVersion)}`,
    'answers:',
    '',
  ].join('\n');
}

const PARSE_OPTIONS = { uniqueKeys: true, keepSourceTokens: false } as const;

/** The text of a readiness file with one answer changed. */
export function editAnswer(text: string, id: string, change: AnswerChange): string {
  return edit(text, (doc) => editDocument(doc, id, change), (source) => spliceAnswer(source, id, change));
}

/** The text with a top-level scalar (such as `rubric:`) set, added before `answers:` when missing. */
export function editTopLevel(text: string, key: string, value: string): string {
  return edit(text, (doc) => doc.set(key, value), (source) => spliceTopLevel(source, key, value));
}

/** The text with the answer recorded under `from` moved to `to`, where it stands (see migrate.ts). */
export function renameAnswer(text: string, from: string, to: string): string {
  const pairOf = (doc: Document) => {
    const answers = doc.get('answers', true);
    return isMap(answers) ? answers.items.find((p) => keyOf(p) === from) : undefined;
  };
  return edit(
    text,
    (doc) => {
      const pair = pairOf(doc);
      if (pair) pair.key = doc.createNode(to);
    },
    (source) => {
      const r = rangeOf(pairOf(parseDocument(source, PARSE_OPTIONS))?.key);
      return r ? `${source.slice(0, r[0])}${renderScalar(to)}${source.slice(r[1])}` : source;
    },
  );
}

/** The splice when it means the same as the Document API's edit, else the Document API's text. */
function edit(text: string, onDocument: (doc: Document) => void, splice: (source: string) => string | null): string {
  const crlf = text.includes('\r\n');
  const source = crlf ? text.replace(/\r\n/g, '\n') : text;
  const reference = parseDocument(source, PARSE_OPTIONS);
  if (reference.errors.length > 0) throw new Error(`cannot edit invalid YAML: ${reference.errors[0]!.message}`);
  onDocument(reference);
  const expected = reference.toJS();
  let out = splice(source);
  if (out === null || !sameData(out, expected)) out = reference.toString({ lineWidth: 0, indent: indentStep(source) });
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

function spliceTopLevel(text: string, key: string, value: string): string | null {
  const top = parseDocument(text, PARSE_OPTIONS).contents;
  if (!isMap(top) || top.flow) return null;
  const pair = top.items.find((p) => keyOf(p) === key);
  if (pair) {
    const r = rangeOf(pair.value);
    if (!isScalar(pair.value) || !r || r[1] <= r[0]) return null;
    return `${text.slice(0, r[0])}${renderScalar(value)}${text.slice(r[1])}`;
  }
  const answers = top.items.find((p) => keyOf(p) === 'answers');
  const line = `${renderScalar(key)}: ${renderScalar(value)}`;
  if (!answers) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
  const at = lineStart(text, rangeOf(answers.key)![0]);
  return `${text.slice(0, at)}${line}\n${text.slice(at)}`;
}

function sameData(text: string, expected: unknown): boolean {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) return false;
  try {
    return isDeepStrictEqual(doc.toJS(), expected);
  } catch {
    // a splice that dropped an anchor leaves an alias to nothing, which yaml reports only here
    return false;
  }
}

function editDocument(doc: Document, id: string, change: AnswerChange): void {
  let answers: unknown = ownCopy(doc, doc.get('answers', true));
  if (!isMap(answers)) {
    answers = new YAMLMap();
    doc.set('answers', answers);
  } else if (answers !== doc.get('answers', true)) doc.set('answers', answers);
  const map = answers as YAMLMap;
  detachAliases(doc, map, false);
  let entry: unknown = map.get(id, true);
  if (isAlias(entry)) {
    entry = ownCopy(doc, entry);
    map.set(id, entry);
  }
  if (isNode(entry)) detachAliases(doc, entry, true);
  if (!isMap(entry)) {
    // shorthand (`consumer: humans`) becomes the long form, which has room for who and when
    const long = new YAMLMap();
    if (entry !== undefined && entry !== null && !(isScalar(entry) && entry.value === null)) long.set('choice', entry);
    map.set(id, long);
    entry = long;
  }
  for (const field of FIELDS) {
    const value = change[field];
    if (value === null) (entry as YAMLMap).delete(field);
    else if (value !== undefined) (entry as YAMLMap).set(field, valueNode(doc, value));
  }
  // nothing left to say about the question: drop the entry rather than keep `id: {}`
  if ((entry as YAMLMap).items.length === 0) map.delete(id);
  if (map.items.length === 0) doc.set('answers', null);
}

// Anchors and aliases: an answer written as `b: *a` shares its node with `a`, so editing either in
// place would change both. The node being edited becomes its own: an alias is replaced by a copy of
// what it stands for, and every alias of the edited node (or of anything inside it) by a copy of
// the node as it was, so that the other answers keep exactly what they said.

/** The node itself, or for an alias a copy of the node it stands for, without anchors. */
function ownCopy(doc: Document, node: unknown): unknown {
  if (!isAlias(node)) return node;
  const target = node.resolve(doc);
  return target ? withoutAnchors(target.clone() as Node) : null;
}

function withoutAnchors<T extends Node>(node: T): T {
  visit(node, (_, n) => {
    if (isNode(n) && !isAlias(n)) delete (n as { anchor?: string }).anchor;
  });
  return node;
}

/** Replaces every alias of `node` (and, when `deep`, of the nodes inside it) by a copy of its target. */
function detachAliases(doc: Document, node: Node, deep: boolean): void {
  const targets = new Set<unknown>([node]);
  if (deep) visit(node, (_, n) => void targets.add(n));
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      return target && targets.has(target) ? withoutAnchors(target.clone() as Node) : undefined;
    },
  });
}

function valueNode(doc: Document, value: string | string[]) {
  if (!Array.isArray(value) || value.length === 1) return doc.createNode(Array.isArray(value) ? value[0] : value);
  const seq = doc.createNode(value);
  seq.flow = true;
  return seq;
}

export function renderScalar(value: string | string[]): string {
  if (Array.isArray(value)) return value.length === 1 ? renderScalar(value[0]!) : `[${value.map(renderScalar).join(', ')}]`;
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  // multi-line text would come out as a block scalar, which needs indenting; a quoted line does not
  return text.includes('\n') ? JSON.stringify(value) : text;
}

// ---- the splice --------------------------------------------------------------------------------

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const i = text.indexOf('\n', pos);
  return i === -1 ? text.length : i;
};
/** End of the last line a node occupies (ranges of block nodes end after their final newline). */
const nodeLineEnd = (text: string, end: number) => (end > 0 && text[end - 1] === '\n' ? end - 1 : lineEnd(text, end));
const pad = (n: number) => ' '.repeat(n);
const keyOf = (p: Pair) => (isScalar(p.key) ? p.key.value : p.key);
const rangeOf = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range;

function indentStep(text: string): number {
  const m = /^( +)\S/m.exec(text);
  return m ? m[1]!.length : 2;
}

function fieldLines(fields: Partial<Record<Field, string | string[]>>, col: number): string[] {
  return FIELDS.filter((f) => fields[f] !== undefined).map((f) => `${pad(col)}${f}: ${renderScalar(fields[f]!)}`);
}

function present(change: AnswerChange): Partial<Record<Field, string | string[]>> {
  return Object.fromEntries(FIELDS.filter((f) => change[f] !== undefined && change[f] !== null).map((f) => [f, change[f]!]));
}

function insertAt(text: string, pos: number, lines: string[]): string {
  const eofWithoutNewline = pos === text.length && !text.endsWith('\n');
  if (pos === text.length && text.endsWith('\n')) return `${text}${lines.join('\n')}\n`;
  return `${text.slice(0, pos)}${eofWithoutNewline || pos < text.length ? '\n' : ''}${lines.join('\n')}${text.slice(pos)}`;
}

/** The edited text with only the answer's lines changed, or null for layouts it does not handle. */
function spliceAnswer(text: string, id: string, change: AnswerChange): string | null {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const top = doc.contents;
  if (!isMap(top) || top.flow) return null;
  const step = indentStep(text);
  const answersPair = top.items.find((p) => keyOf(p) === 'answers');
  const newEntry = (keyCol: number, fieldCol: number) => [`${pad(keyCol)}${renderScalar(id)}:`, ...fieldLines(present(change), fieldCol)];

  if (!answersPair) {
    const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
    return `${body}answers:\n${newEntry(step, 2 * step).join('\n')}\n`;
  }
  const answers = answersPair.value;
  const answersKeyEnd = rangeOf(answersPair.key)![1];
  if (answers === null || (isScalar(answers) && answers.value === null)) {
    const r = rangeOf(answers);
    if (r && r[1] > r[0]) return null; // `answers: ~` or `null`: rare enough for the fallback
    return insertAt(text, lineEnd(text, answersKeyEnd), newEntry(step, 2 * step));
  }
  if (!isMap(answers) || answers.flow || answers.items.length === 0) return null;

  const keyCol = rangeOf(answers.items[0]!.key)![0] - lineStart(text, rangeOf(answers.items[0]!.key)![0]);
  const sample = answers.items.map((p) => p.value).find((v) => isMap(v) && !v.flow && v.items.length > 0) as YAMLMap | undefined;
  const fieldCol = sample ? columnOf(text, rangeOf(sample.items[0]!.key)![0]) : keyCol + step;
  const pair = answers.items.find((p) => keyOf(p) === id);

  if (!pair) {
    const last = answers.items.at(-1)!;
    const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
    return insertAt(text, nodeLineEnd(text, end), newEntry(keyCol, fieldCol));
  }
  const value = pair.value;
  if (isMap(value)) return value.flow ? null : spliceFields(text, id, change);

  // shorthand or empty: rewrite the entry in the long form, keeping a comment at the end of its line
  const keyStart = rangeOf(pair.key)![0];
  const r = rangeOf(value);
  const valueEnd = r && r[1] > r[0] ? r[1] : rangeOf(pair.key)![1];
  const end = nodeLineEnd(text, valueEnd);
  const trailing = isSeq(value) && !value.flow ? '' : text.slice(Math.max(valueEnd, text.indexOf(':', rangeOf(pair.key)![1]) + 1), end);
  const comment = /^\s+#/.test(trailing) ? trailing : '';
  const old = isScalar(value) && value.value !== null ? [String(value.value)] : isSeq(value) ? value.items.map((i) => String(isScalar(i) ? i.value : i)) : undefined;
  const fields = present({ ...(old && { choice: old }), ...change });
  const lines = fieldLines(fields, columnOf(text, keyStart) + (fieldCol - keyCol));
  if (comment && lines.length > 0) lines[0] += comment;
  return `${text.slice(0, keyStart)}${renderScalar(id)}:\n${lines.join('\n')}${text.slice(end)}`;
}

const columnOf = (text: string, pos: number) => pos - lineStart(text, pos);

/** One field at a time, re-reading positions after each, inside an entry already in long form. */
function spliceFields(text: string, id: string, change: AnswerChange): string | null {
  let out = text;
  for (const field of FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    const doc = parseDocument(out, PARSE_OPTIONS);
    const entry = (doc.get('answers', true) as unknown as YAMLMap).get(id, true) as unknown as YAMLMap;
    const pair = entry.items.find((p) => keyOf(p) === field);
    if (!pair) {
      if (value === null) continue;
      if (field === 'choice') {
        // the choice reads best first, as in entries the writer creates
        const first = rangeOf(entry.items[0]!.key)![0];
        out = `${out.slice(0, lineStart(out, first))}${pad(columnOf(out, first))}choice: ${renderScalar(value)}\n${out.slice(lineStart(out, first))}`;
        continue;
      }
      const last = entry.items.at(-1)!;
      const col = columnOf(out, rangeOf(last.key)![0]);
      const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
      out = insertAt(out, nodeLineEnd(out, end), [`${pad(col)}${field}: ${renderScalar(value)}`]);
      continue;
    }
    const keyRange = rangeOf(pair.key)!;
    const r = rangeOf(pair.value);
    if (value === null) {
      if (entry.items.length === 1) {
        const answers = doc.get('answers', true) as unknown as YAMLMap;
        const entryKey = rangeOf(answers.items.find((p) => keyOf(p) === id)!.key)!;
        const end = nodeLineEnd(out, rangeOf(entry)![1]);
        out = out.slice(0, lineStart(out, entryKey[0])) + out.slice(Math.min(end + 1, out.length));
        continue;
      }
      const end = nodeLineEnd(out, r && r[1] > r[0] ? r[1] : keyRange[1]);
      out = out.slice(0, lineStart(out, keyRange[0])) + out.slice(Math.min(end + 1, out.length));
      continue;
    }
    const collection = isMap(pair.value) || isSeq(pair.value);
    if (!r || r[1] <= r[0] || (collection && !(pair.value as YAMLMap).flow)) {
      // empty, or a block collection starting on the next line: put the new value after the colon
      const colon = out.indexOf(':', keyRange[1]);
      const end = r && r[1] > r[0] ? nodeLineEnd(out, r[1]) : colon + 1;
      out = `${out.slice(0, colon + 1)} ${renderScalar(value)}${out.slice(end)}`;
      continue;
    }
    const end = out[r[1] - 1] === '\n' ? r[1] - 1 : r[1];
    out = `${out.slice(0, r[0])}${renderScalar(value)}${out.slice(end)}`;
  }
  return out;
}

/** What a save did: `merged` when someone else had changed the file meanwhile and the answer was added to their version. */
export type SaveOutcome = 'saved' | 'merged';

/**
 * Saves answers to one readiness file, one at a time. Each save holds a lock file next to it (so
 * that two `ready assess` sessions, or a session and an editor's save, cannot interleave), reads
 * what is on disk, and compares it with what this writer last wrote: when someone changed the file
 * meanwhile (another session, an editor, a `git pull`), the answer is applied to their version, so
 * neither side loses anything. A save that fails (a full disk, a file that no longer parses) keeps
 * the answer queued and throws; the next save writes it along with its own. A byte-order mark, the
 * file's permissions and its owner are kept.
 */
export class ReadinessWriter {
  private text: string | null;
  private bom = false;
  private readonly queue: { id: string; change: AnswerChange }[] = [];

  constructor(
    readonly file: string,
    /** the file's text as loaded, or null when it does not exist yet */
    text: string | null,
    private readonly header: NewFileHeader,
    /** top-level keys to set along with the first answer saved, such as a changed `rubric:` */
    private pending: Record<string, string> = {},
    /** question id -> the older id its answer is recorded under; renamed when that answer is saved */
    private readonly carriedFrom: Record<string, string> = {},
  ) {
    this.text = text;
  }

  get written(): boolean {
    return this.text !== null;
  }

  /** The answers given but not yet on disk, oldest first. */
  get unsaved(): readonly { id: string; change: AnswerChange }[] {
    return this.queue;
  }

  save(id: string, change: AnswerChange): SaveOutcome {
    this.queue.push({ id, change });
    return withLock(this.file, () => this.flush());
  }

  private flush(): SaveOutcome {
    const disk = readDisk(this.file);
    let base: string;
    let outcome: SaveOutcome = 'saved';
    if (disk.text === this.text) base = this.text ?? newReadinessText(this.header);
    else if (disk.text === null) {
      throw new InputError([{ file: this.file, message: 'was deleted while `ready assess` was running; not writing it again (your answers are kept: run `ready assess` to start over)' }]);
    } else {
      base = disk.text;
      outcome = 'merged';
    }
    this.bom = disk.text === null ? this.bom : disk.bom;
    let next = base;
    try {
      for (const [key, value] of Object.entries(this.pending)) next = editTopLevel(next, key, value);
      for (const { id, change } of this.queue) {
        const from = this.carriedFrom[id];
        if (from !== undefined) next = renameAnswer(next, from, id);
        next = editAnswer(next, id, change);
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError([{ file: this.file, message: `was changed while \`ready assess\` was running and can no longer be edited (${oneLineOf(err)}); not overwriting it` }], { cause: err });
    }
    writeFileAtomic(this.file, this.bom ? `\uFEFF${next}` : next);
    this.text = next;
    this.pending = {};
    for (const { id } of this.queue) delete this.carriedFrom[id];
    this.queue.length = 0;
    return outcome;
  }
}

/** An unsaved answer as one line of YAML (a flow mapping), for the user to paste under `answers:`. */
export function unsavedLine(id: string, change: AnswerChange): string {
  const fields = FIELDS.filter((f) => change[f] !== undefined && change[f] !== null).map((f) => `${f}: ${JSON.stringify(change[f])}`);
  return `${renderScalar(id)}: { ${fields.join(', ')} }`;
}

const oneLineOf = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0]!;

/** The file as this writer compares it: text without a byte-order mark, and whether it had one. */
function readDisk(file: string): { text: string | null; bom: boolean } {
  let buf: Buffer;
  try {
    buf = readBounded(file, MAX_TEXT_BYTES, 'readiness file');
  } catch (err) {
    if (err instanceof ReadRefused && err.code === 'missing') return { text: null, bom: false };
    throw new InputError([{ file, message: `cannot be read back before saving: ${(err as Error).message}` }], { cause: err });
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  return { text: buf.toString('utf8', bom ? 3 : 0), bom };
}

/** How long a save waits for another one to finish before giving up. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a process that died mid-save (saves take milliseconds). */
const STALE_LOCK_MS = 30_000;

/** Runs `fn` holding `<file>.lock`, created exclusively; a lock whose process is gone is taken over. */
function withLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new InputError([{ file, message: `cannot take the lock ${lock}: ${describeFsError(err, 'file')}` }], { cause: err });
      }
      if (staleLock(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new InputError([{ file, message: `is being saved by another \`ready assess\` (${lock} exists); try again` }]);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function staleLock(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // no such process: it died holding the lock; the lock itself gone: take it
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ESRCH' || code === 'ENOENT';
  }
}
