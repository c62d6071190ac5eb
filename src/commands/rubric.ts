// `ready rubric list|show|validate|schema`: rubric tooling for authors and for teams choosing one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rubric } from '../core/rubric-schema.js';
import { InputError, UsageError, formatPath } from '../errors.js';
import { checkRubricWarnings } from '../core/rubric-check.js';
import {
  BUILTIN_PREFIX,
  BUILTIN_RUBRICS,
  DEFAULT_RUBRIC,
  builtinRubricYaml,
  isBuiltin,
  loadBuiltinRubric,
  loadRubric,
  loadRubricChain,
  namedRubric,
  type LoadedRubric,
  type RubricLink,
} from '../load/load-rubric.js';
import { packagedSchema, schemaComment } from '../write/schema-ref.js';
import { readYamlFile } from '../load/yaml-file.js';
import { writeOutput } from '../write/write-output.js';
import { writeStdout } from '../terminal/stdout.js';
import { stripControl } from '../text/sanitize.js';
import { renderRubricOutline, renderRubricYaml } from '../reporters/rubric-outline.js';

const READINESS_FILE = 'readiness.yaml';

export async function validate(path: string | undefined): Promise<void> {
  const ref = path ?? DEFAULT_RUBRIC;
  // a built-in rubric is validated from its YAML source, not trusted from its compiled form
  const file = ref.startsWith(BUILTIN_PREFIX) ? builtinSource(ref.slice(BUILTIN_PREFIX.length)) : ref;
  const { rubric, parents } = await loadRubricChain(file);
  writeStdout(
    stripControl(
      `${ref}: valid rubric ${rubric.id}@${rubric.version} ` +
        `(${rubric.areas.length} areas, ${rubric.questions.length} questions, ${rubric.tierRules.length} tier rules)` +
        (parents.length > 0 ? `, extends ${describeParents(parents)}` : ''),
    ) + '\n',
  );
  // what a rubric may do but should not (core/rubric-check.ts): said, with exit 0
  for (const w of checkRubricWarnings(rubric)) process.stderr.write(stripControl(`ready: warning: ${ref} ${formatPath(w.path)}: ${w.message}`).replace(/[\r\n]+/g, ' ') + '\n');
}

function builtinSource(id: string): string {
  if (!isBuiltin(id)) throw new UsageError(`no such built-in rubric "${id}" (built-in: ${BUILTIN_RUBRICS.join(', ')})`);
  return builtinRubricYaml(id);
}

export async function schema(opts: { for: 'rubric' | 'readiness' }): Promise<void> {
  // the schemas are generated from the zod schemas at build time and ship in schemas/
  const file = packagedSchema(opts.for);
  if (!file) throw new UsageError(`the ${opts.for} schema is missing from the package; rebuild with npm run build`);
  writeStdout(readFileSync(file, 'utf8'));
}

interface InUse {
  /** the readiness file that names the rubric */
  file: string;
  ref: string;
  rubric?: { id: string; version: string; title: string; questions: number; parents: RubricLink[] };
  /** why the rubric could not be loaded */
  problem?: string;
}

/** The rubric named by a readiness file, read leniently: `list` must work while answers are broken. */
async function rubricInUse(file: string): Promise<InUse | undefined> {
  if (!existsSync(file)) return undefined;
  let ref = DEFAULT_RUBRIC;
  try {
    const named = (readYamlFile(file, 'readiness file').data as { rubric?: unknown }).rubric;
    if (typeof named === 'string' && named !== '') ref = named;
  } catch (err) {
    if (err instanceof InputError) return { file, ref, problem: err.problems[0]?.message ?? err.message };
    throw err;
  }
  try {
    const named = namedRubric(file, ref, () => 1);
    const loaded = await loadRubric(named.ref, named);
    const r = loaded.rubric;
    return { file, ref, rubric: { id: r.id, version: r.version, title: r.title, questions: r.questions.length, parents: loaded.parents } };
  } catch (err) {
    if (err instanceof InputError) return { file, ref, problem: err.message.split('\n')[0]! };
    throw err;
  }
}

export async function list(opts: { format: 'text' | 'json'; file?: string }): Promise<void> {
  const readiness = opts.file ?? READINESS_FILE;
  const inUse = await rubricInUse(readiness);
  const builtins = await Promise.all(
    BUILTIN_RUBRICS.map(async (id) => {
      const r = await loadBuiltinRubric(id);
      return { id, ref: `${BUILTIN_PREFIX}${id}`, version: r.version, title: r.title, aggregation: r.aggregation, areas: r.areas.length, questions: r.questions.length, inUse: inUse?.ref === `${BUILTIN_PREFIX}${id}` };
    }),
  );
  if (opts.format === 'json') {
    writeOutput(`${JSON.stringify({ builtin: builtins, inUse: inUse ?? null }, null, 2)}\n`);
    return;
  }
  const out = ['Built-in rubrics'];
  const idWidth = Math.max(...builtins.map((b) => b.id.length));
  const versionWidth = Math.max(...builtins.map((b) => b.version.length));
  for (const b of builtins) {
    out.push(`  ${b.inUse ? '*' : ' '} ${b.id.padEnd(idWidth)}  ${b.version.padEnd(versionWidth)}  ${String(b.questions).padStart(3)} questions  ${b.title}`);
  }
  out.push('');
  if (!inUse) out.push(`No ${readiness} here: \`ready assess\` starts one with ${DEFAULT_RUBRIC}.`);
  else if (inUse.problem) out.push(`In use by ${inUse.file}: ${inUse.ref} (cannot be loaded: ${inUse.problem})`);
  else if (inUse.ref.startsWith(BUILTIN_PREFIX)) out.push(`In use by ${inUse.file}: ${inUse.ref} (marked *)`);
  else {
    const r = inUse.rubric!;
    out.push(`In use by ${inUse.file}: ${inUse.ref}`);
    out.push(`  ${r.id} ${r.version} · ${r.title} · ${r.questions} questions${r.parents.length > 0 ? ` · extends ${describeParents(r.parents)}` : ''}`);
  }
  writeOutput(`${out.map(stripControl).join('\n')}\n`);
}

export function describeParents(parents: RubricLink[]): string {
  return parents.map((p) => `${p.source} (${p.id} ${p.version})`).join(', which extends ');
}

export async function show(ref: string | undefined, opts: { format: 'outline' | 'yaml' | 'json'; file?: string }): Promise<void> {
  const loaded = await loadShown(ref, opts.file ?? READINESS_FILE);
  const { rubric } = loaded;
  switch (opts.format) {
    case 'json':
      writeOutput(`${JSON.stringify(rubric, null, 2)}\n`);
      return;
    case 'yaml':
      // pointed at from a file saved in the working directory, the usual place for `> acme.yaml`
      writeOutput(renderRubricYaml(rubric, { schemaComment: schemaComment('rubric', join(process.cwd(), `${rubric.id}.yaml`)), origin: describeOrigin(loaded) }));
      return;
    case 'outline':
      writeOutput(renderRubricOutline(rubric, { origin: describeOrigin(loaded) }));
  }
}

function describeOrigin(loaded: LoadedRubric): string {
  return loaded.parents.length > 0 ? `${loaded.source}, which extends ${describeParents(loaded.parents)}` : loaded.source;
}

/** `show` takes builtin:ID, a bare built-in id (unless a file has that name), or a path. */
async function loadShown(ref: string | undefined, readiness: string): Promise<LoadedRubric & { rubric: Rubric }> {
  if (ref === undefined) {
    const inUse = await rubricInUse(readiness);
    if (inUse?.problem) throw new InputError([{ file: inUse.file, message: `its rubric ${inUse.ref} cannot be loaded: ${inUse.problem}` }]);
    const named = inUse?.ref ?? DEFAULT_RUBRIC;
    const resolved = namedRubric(readiness, named, () => 1);
    return { ...(await loadRubric(resolved.ref, resolved)), source: named };
  }
  if (!ref.startsWith(BUILTIN_PREFIX) && isBuiltin(ref) && !existsSync(ref)) return loadRubric(`${BUILTIN_PREFIX}${ref}`);
  return loadRubric(ref);
}
