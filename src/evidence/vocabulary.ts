// The evidence vocabulary at run time. The CLI reads dist/vocabulary.json, which the build
// validated and precompiled from vocabulary.yaml; from the sources (tests, tooling) the YAML is
// read and validated here, so that an edit shows at once and never runs unchecked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODULE_DIR, packageFile } from '../load/package-files.js';
import type { Vocabulary } from './vocabulary-schema.js';

export type { Vocabulary };

export const VOCABULARY_SOURCE = 'src/evidence/vocabulary.yaml';

let cached: Vocabulary | undefined;

export async function loadVocabulary(): Promise<Vocabulary> {
  if (cached) return cached;
  const built = join(MODULE_DIR, 'vocabulary.json');
  if (existsSync(built)) return (cached = JSON.parse(readFileSync(built, 'utf8')) as Vocabulary);
  const source = packageFile(VOCABULARY_SOURCE);
  if (!source) throw new Error(`${VOCABULARY_SOURCE} is missing from the package`);
  return (cached = await compileVocabulary(source));
}

/** Reads and validates a vocabulary file; an InputError names the file, line and path of each problem. */
export async function compileVocabulary(file: string): Promise<Vocabulary> {
  const [{ readYamlFile, problemsToError }, { Vocabulary }, { prepareProblems }] = await Promise.all([
    import('../load/yaml-file.js'),
    import('./vocabulary-schema.js'),
    import('../core/zod-problems.js'),
  ]);
  const doc = readYamlFile(file, 'evidence vocabulary');
  const parsed = Vocabulary.safeParse(doc.data);
  if (parsed.success) return parsed.data;
  throw problemsToError(doc, prepareProblems(parsed.error.issues as never).map((p) => ({ path: p.path.map((k) => (typeof k === 'number' ? k : String(k))), message: p.message })));
}
