// Loads a rubric: a built-in one (precompiled to validated JSON at build time, so no YAML parse
// and no schema validation on the start-up path) or a YAML file, validated with lines. A YAML
// rubric may `extend` another (builtin:ID, a ./path, or an npm package), to any depth: the chain
// is merged (core/rubric-merge.ts) and the result validated as a whole, each problem reported in
// the file that introduced it.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readBounded, pathExists } from './read-text.js';
import { isInside, repositoryRoot } from './repo-root.js';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Rubric } from '../core/rubric-schema.js';
import type { Path, Problem } from '../core/rubric-check.js';
import { EXTENDS_KEY, mergeRubricDocuments } from '../core/rubric-merge.js';
import { InputError, formatPath, type Located } from '../errors.js';
import { didYouMean } from '../core/words.js';
import { lineOfPath, type YamlFile } from './yaml-lines.js';
import { MODULE_DIR, packageFile } from './package-files.js';

export const BUILTIN_PREFIX = 'builtin:';
export const DEFAULT_RUBRIC = `${BUILTIN_PREFIX}default`;
export const BUILTIN_RUBRICS = ['default', 'ml-test-score'] as const;
/** Where a package keeps its rubric when its package.json says nothing (`"ready": { "rubric": "…" }`). */
export const PACKAGE_RUBRIC_FILE = 'rubric.yaml';
const RUBRIC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

export interface RubricLink {
  /** builtin:ID or the file, as shown in messages */
  source: string;
  id: string;
  version: string;
}

export interface LoadedRubric {
  rubric: Rubric;
  /** what the user named: builtin:ID or the file path */
  source: string;
  /** the rubrics it extends, nearest first; empty for a rubric that extends nothing */
  parents: RubricLink[];
  /** the real path of every file of the chain, the rubric's own first: what no output may overwrite */
  files?: string[];
}

interface ChainDoc {
  /** the file (relative to the working directory when inside it) or builtin:ID */
  label: string;
  /** identity for cycle detection: the real path, or builtin:ID */
  key: string;
  data: Record<string, unknown>;
  yaml?: YamlFile;
  dir?: string;
}

/**
 * `root` bounds where the files of the `extends` chain may lie: the repository of the file that
 * named the rubric (by default, the rubric file's own repository).
 */
export async function loadRubric(ref: string = DEFAULT_RUBRIC, options: { root?: string } = {}): Promise<LoadedRubric> {
  if (ref.startsWith(BUILTIN_PREFIX)) return { rubric: await loadBuiltinRubric(ref.slice(BUILTIN_PREFIX.length)), source: ref, parents: [] };
  return { ...(await loadRubricChain(ref, options.root)), source: ref };
}

/**
 * Why a rubric path written in a file (readiness.yaml's `rubric:`, a rubric's `extends:`) may not
 * be read, or undefined when it may. It must be a YAML or JSON file inside the repository: the
 * file that names it comes from the pull request under review, and so would whatever it names.
 */
export function rubricPathProblem(file: string, root: string, written: string): string | undefined {
  if (!RUBRIC_EXTENSIONS.has(extname(file).toLowerCase())) return `"${written}" is not a rubric file (expected .yaml, .yml or .json)`;
  if (!isInside(file, root)) return `"${written}" is outside the repository (${root}); a rubric is a file inside it, builtin:ID or an installed package`;
  return undefined;
}

/**
 * The rubric a readiness file names, resolved (a path there is relative to that file, not to the
 * working directory), with the root its `extends` chain must stay inside. readiness.yaml comes
 * with the pull request, so what it names must lie inside the repository. A rubric given on the
 * command line is not checked this way: whoever runs `ready` chose it. `located` is where the
 * file sits in the working tree when `file` only names it (`readiness.yaml@main`).
 */
export function namedRubric(file: string, ref: string, line: () => number, located = file): { ref: string; root?: string } {
  if (ref.startsWith(BUILTIN_PREFIX)) return { ref };
  const resolved = resolve(dirname(located), ref);
  const root = repositoryRoot(located);
  const problem = rubricPathProblem(resolved, root, ref);
  if (problem) throw new InputError([{ file, line: line(), path: 'rubric', message: problem }]);
  return { ref: resolved, root };
}

export async function loadRubricFile(file: string): Promise<Rubric> {
  return (await loadRubricChain(file)).rubric;
}

export async function loadRubricChain(file: string, root: string = repositoryRoot(file)): Promise<{ rubric: Rubric; parents: RubricLink[]; files: string[] }> {
  const docs = (await readChain(file, root)).reverse(); // the furthest parent first
  // zod is only needed here, off the path of the built-in rubric
  const [{ prepareRubric }, { RubricExtension }, { prepareProblems, keysAtPath }, { Rubric: RubricSchema }] = await Promise.all([
    import('../core/prepare-rubric.js'),
    import('../core/rubric-extension-schema.js'),
    import('../core/zod-problems.js'),
    import('../core/rubric-schema.js'),
  ]);
  // A file with none of a rubric's keys is something else (a secret, a config): its content is
  // never quoted back, not even the names of its keys.
  const rubricKeys = new Set([...Object.keys(RubricSchema.shape), ...Object.keys(RubricExtension.shape)]);
  for (const doc of docs) {
    if (doc.yaml && !Object.keys(doc.data).some((k) => rubricKeys.has(k))) {
      throw new InputError([{ file: doc.label, message: `is not a rubric (it has none of the keys ${['id', 'version', 'areas', 'questions', 'extends'].join(', ')})` }]);
    }
  }
  // An extending file has its own shape (partial entries, `remove`): check it alone first, so that
  // its mistakes come with its own lines.
  const own: Located[] = [];
  for (const doc of docs) {
    if (doc.data[EXTENDS_KEY] === undefined) continue;
    const parsed = RubricExtension.safeParse(doc.data);
    if (!parsed.success) own.push(...prepareProblems(parsed.error.issues, [], (path) => keysAtPath(RubricExtension, path)).map((p) => locate(doc, p.path, p)));
  }
  if (own.length > 0) throw new InputError(own);

  const merged = mergeRubricDocuments(docs.map((d) => d.data));
  if (merged.problems.length > 0) throw new InputError(merged.problems.map((p) => locate(docs[p.doc]!, p.path, p)));
  const { rubric, problems } = prepareRubric(merged.data);
  if (!rubric) {
    const last = docs[docs.length - 1]!;
    await Promise.all(docs.map(withSourceLines));
    throw new InputError(
      problems.map((p) => {
        // an unknown key is shown on its object's path, with the line of the key itself
        const origin = merged.locate(p.keys ? [...p.path, p.keys[0]!] : p.path);
        const doc = docs[origin.doc]!;
        const located = locate(doc, origin.path, p);
        if (p.keys) {
          located.path = formatPath(origin.path.slice(0, -1));
          if (!located.message.includes('did you mean')) located.message += didYouMean(p.keys[0]!, keysAtPath(RubricSchema, p.path) ?? []);
        }
        if (doc !== last) located.message += ` (as extended by ${last.label})`;
        return located;
      }),
    );
  }
  const parents = docs
    .slice(0, -1)
    .reverse()
    .map((d) => ({ source: d.label, id: String(d.data.id), version: String(d.data.version) }));
  const files = docs.flatMap((d) => (d.key.startsWith(BUILTIN_PREFIX) ? [] : [d.key])).reverse();
  return { rubric, parents, files };
}

/**
 * A compiled built-in parent has no lines. Its YAML source ships with the package and has the
 * same paths (compiling only fills in defaults and appends "dont-know"), so errors can point there.
 */
async function withSourceLines(doc: ChainDoc): Promise<void> {
  if (doc.yaml || !doc.key.startsWith(BUILTIN_PREFIX)) return;
  try {
    const source = await yamlDoc(builtinRubricYaml(doc.key.slice(BUILTIN_PREFIX.length)), '');
    if (source.data[EXTENDS_KEY] !== undefined) return;
    doc.yaml = source.yaml;
    doc.label = displayPath(source.yaml!.file);
  } catch {
    // without its source, the error still names the built-in rubric and the path inside it
  }
}

function locate(doc: ChainDoc, path: Path, problem: Pick<Problem, 'message' | 'keys'>): Located {
  const at = problem.keys ? [...path, problem.keys[0]!] : path;
  const line = doc.yaml ? lineOfPath(doc.yaml, at) : undefined;
  return { file: doc.label, ...(line !== undefined && { line }), ...(path.length > 0 && { path: formatPath(path) }), message: problem.message };
}

/** The file and every rubric it extends, the file first. */
async function readChain(file: string, root: string): Promise<ChainDoc[]> {
  const docs: ChainDoc[] = [];
  let doc: ChainDoc = await yamlDoc(file, file);
  for (;;) {
    docs.push(doc);
    const ref = doc.data[EXTENDS_KEY];
    if (ref === undefined) return docs;
    if (typeof ref !== 'string' || ref.trim() === '') {
      throw located(doc, 'expected the rubric to extend: builtin:ID, a path starting with ./ or ../, or a package name');
    }
    const parent = await openParent(ref, doc, root);
    const seen = docs.findIndex((d) => d.key === parent.key);
    if (seen >= 0) throw located(doc, `"extends" forms a cycle: ${[...docs.slice(seen), parent].map((d) => d.label).join(' -> ')}`);
    doc = parent;
  }
}

async function yamlDoc(file: string, label: string): Promise<ChainDoc> {
  // the yaml package is only needed here, off the path of the built-in rubric
  const { readYamlFile } = await import('./yaml-file.js');
  const yaml = readYamlFile(file, 'rubric');
  let key = resolve(file);
  try {
    key = realpathSync(file);
  } catch {}
  return { label, key, data: yaml.data as Record<string, unknown>, yaml, dir: dirname(resolve(file)) };
}

function located(doc: ChainDoc, message: string): InputError {
  const line = doc.yaml ? lineOfPath(doc.yaml, [EXTENDS_KEY]) : undefined;
  return new InputError([{ file: doc.label, ...(line !== undefined && { line }), path: EXTENDS_KEY, message }]);
}

async function openParent(ref: string, child: ChainDoc, root: string): Promise<ChainDoc> {
  if (ref.startsWith(BUILTIN_PREFIX)) {
    const id = ref.slice(BUILTIN_PREFIX.length);
    if (!isBuiltin(id)) throw located(child, `no such built-in rubric "${id}" (built-in: ${BUILTIN_RUBRICS.join(', ')})`);
    const compiled = compiledBuiltin(id);
    // extending a built-in rubric merges onto its compiled, normalised form: the same rubric the
    // CLI scores against
    if (compiled) return { label: ref, key: ref, data: JSON.parse(readFileSync(compiled, 'utf8')) as Record<string, unknown> };
    return { ...(await yamlDoc(builtinRubricYaml(id), displayPath(builtinRubricYaml(id)))), label: ref, key: ref };
  }
  const dir = child.dir ?? process.cwd();
  if (isPathRef(ref)) {
    const file = resolve(dir, ref);
    if (!RUBRIC_EXTENSIONS.has(extname(file).toLowerCase())) throw located(child, `"${ref}" is not a rubric file (expected .yaml, .yml or .json)`);
    if (!pathExists(file)) throw located(child, `no such rubric "${ref}" (looked for ${displayPath(file)})`);
    const problem = rubricPathProblem(file, root, ref);
    if (problem) throw located(child, problem);
    return await yamlDoc(file, displayPath(file));
  }
  const found = resolvePackageRubric(ref, dir);
  if (found === undefined) {
    throw located(child, `cannot find package "${packageName(ref)}" from ${displayPath(dir) || '.'} (is it installed? to extend a file, start its path with ./)`);
  }
  if (!pathExists(found.file)) throw located(child, `package "${packageName(ref)}" has no rubric at ${displayPath(found.file)}`);
  // a package may point only at its own files, links followed, and only at a rubric file
  const packageRoot = realpathSync.native(found.packageDir);
  if (!found.file.startsWith(found.packageDir + sep) || !isInside(found.file, packageRoot)) throw located(child, `package "${packageName(ref)}" points outside itself for its rubric`);
  if (!RUBRIC_EXTENSIONS.has(extname(found.file).toLowerCase())) throw located(child, `package "${packageName(ref)}" names "${displayPath(found.file)}", which is not a rubric file (expected .yaml, .yml or .json)`);
  return await yamlDoc(found.file, displayPath(found.file));
}

const isPathRef = (ref: string) => /^\.\.?([/\\]|$)/.test(ref) || isAbsolute(ref);

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * A package's rubric: `pkg/sub/file.yaml` names a file inside the package; a bare `pkg` uses the
 * `ready.rubric` field of its package.json, else `rubric.yaml` at its root. The package is found
 * the way Node finds it from the extending file's folder (its node_modules, then its parents').
 */
export function resolvePackageRubric(spec: string, fromDir: string): { file: string; packageDir: string } | undefined {
  const name = packageName(spec);
  const sub = spec.slice(name.length + 1);
  const require = createRequire(join(fromDir, 'noop.js'));
  for (const modules of require.resolve.paths(name) ?? []) {
    const packageDir = join(modules, name);
    const manifest = join(packageDir, 'package.json');
    if (!existsSync(manifest)) continue;
    let rel = sub;
    if (!rel) {
      try {
        const field = (JSON.parse(readBounded(manifest, MAX_PACKAGE_JSON_BYTES, 'package.json').toString('utf8')) as { ready?: { rubric?: unknown } }).ready?.rubric;
        rel = typeof field === 'string' ? field : PACKAGE_RUBRIC_FILE;
      } catch {
        rel = PACKAGE_RUBRIC_FILE;
      }
    }
    return { file: resolve(packageDir, rel), packageDir };
  }
  return undefined;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export const isBuiltin = (id: string): id is (typeof BUILTIN_RUBRICS)[number] => (BUILTIN_RUBRICS as readonly string[]).includes(id);

/** The built-in rubric as the build compiled it: next to the bundle, or in dist/ when running from source. */
function compiledBuiltin(id: string): string | undefined {
  const compiled = join(MODULE_DIR, 'rubrics', `${id}.json`);
  return existsSync(compiled) ? compiled : packageFile(`dist/rubrics/${id}.json`);
}

export async function loadBuiltinRubric(id: string): Promise<Rubric> {
  if (!isBuiltin(id)) {
    throw new InputError([{ file: `${BUILTIN_PREFIX}${id}`, message: `no such built-in rubric (built-in: ${BUILTIN_RUBRICS.join(', ')})` }]);
  }
  const compiled = compiledBuiltin(id);
  if (compiled) return JSON.parse(readFileSync(compiled, 'utf8')) as Rubric;
  // running from source (tests, ts tooling): validate the YAML instead
  return loadRubricFile(builtinRubricYaml(id));
}

export function builtinRubricYaml(id: string): string {
  const file = packageFile(`rubrics/${id}.yaml`);
  if (!file) throw new Error(`built-in rubric ${id}.yaml is missing from the package`);
  return file;
}
