// Loads a rubric: a built-in one (precompiled to validated JSON at build time, so no YAML parse
// and no schema validation on the start-up path) or a YAML file, validated with lines.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rubric } from '../core/rubric-schema.js';
import { InputError } from './errors.js';
import { problemsToError, readYamlFile } from './yaml-file.js';

export const BUILTIN_PREFIX = 'builtin:';
export const DEFAULT_RUBRIC = `${BUILTIN_PREFIX}default`;
export const BUILTIN_RUBRICS = ['default'] as const;

export interface LoadedRubric {
  rubric: Rubric;
  /** what the user named: builtin:ID or the file path */
  source: string;
}

export async function loadRubric(ref: string = DEFAULT_RUBRIC): Promise<LoadedRubric> {
  if (ref.startsWith(BUILTIN_PREFIX)) return { rubric: await loadBuiltinRubric(ref.slice(BUILTIN_PREFIX.length)), source: ref };
  return { rubric: await loadRubricFile(ref), source: ref };
}

export async function loadRubricFile(file: string): Promise<Rubric> {
  const y = readYamlFile(file, 'rubric');
  // zod is only needed here, off the path of the built-in rubric
  const { prepareRubric } = await import('../core/prepare-rubric.js');
  const { rubric, problems } = prepareRubric(y.data);
  if (!rubric) throw problemsToError(y, problems);
  return rubric;
}

export async function loadBuiltinRubric(id: string): Promise<Rubric> {
  if (!(BUILTIN_RUBRICS as readonly string[]).includes(id)) {
    throw new InputError([{ file: `${BUILTIN_PREFIX}${id}`, message: `no such built-in rubric (built-in: ${BUILTIN_RUBRICS.join(', ')})` }]);
  }
  const compiled = fileURLToPath(new URL(`./rubrics/${id}.json`, import.meta.url));
  if (existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as Rubric;
  // running from source (tests, ts tooling): validate the YAML instead
  return loadRubricFile(builtinRubricYaml(id));
}

export function builtinRubricYaml(id: string): string {
  for (const rel of ['../rubrics/', '../../rubrics/']) {
    const file = fileURLToPath(new URL(`${rel}${id}.yaml`, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(`built-in rubric ${id}.yaml is missing from the package`);
}
