// Loads readiness.yaml: the rubric it names, its gate and its answers, each answer with its line.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Answers } from '../core/answers.js';
import type { Gate, Rubric } from '../core/rubric-schema.js';
import { normalizeAnswers } from '../core/answers-check.js';
import type { Readiness } from '../core/readiness-schema.js';
import { isPlainReadiness } from '../core/readiness-guard.js';
import { BUILTIN_PREFIX, DEFAULT_RUBRIC, loadRubric } from './load-rubric.js';
import { lineOfPath, problemsToError, type YamlFile } from './yaml-lines.js';
import { readYaml } from './read-yaml.js';

export const READINESS_FILE = 'readiness.yaml';

export interface LoadedReadiness {
  file: string;
  yaml: YamlFile;
  project?: string;
  rubricRef: string;
  rubric: Rubric;
  gate?: Gate;
  answers: Answers;
}

export async function loadReadiness(file: string, rubricOverride?: string): Promise<LoadedReadiness> {
  const y = await readYaml(file, 'readiness file');
  const r = isPlainReadiness(y.data) ? y.data : await validateWithZod(y);
  const rubricRef = rubricOverride ?? r.rubric ?? DEFAULT_RUBRIC;
  // a rubric path in readiness.yaml is relative to that file, not to the working directory
  const resolved = rubricOverride || rubricRef.startsWith(BUILTIN_PREFIX) || isAbsolute(rubricRef) ? rubricRef : resolve(dirname(file), rubricRef);
  const { rubric } = await loadRubric(resolved);
  const { answers, problems } = normalizeAnswers(rubric, r.answers ?? {}, (id) => lineOfPath(y, ['answers', id]));
  if (problems.length > 0) throw problemsToError(y, problems);
  return {
    file,
    yaml: y,
    ...(r.project !== undefined && { project: r.project }),
    rubricRef,
    rubric,
    ...(r.gate !== undefined && { gate: r.gate }),
    answers,
  };
}

/** The slow path: zod decides, and its issues become lines. Loaded only when the guard declines. */
async function validateWithZod(y: YamlFile): Promise<Readiness> {
  const [{ Readiness }, { prepareProblems }] = await Promise.all([import('../core/readiness-schema.js'), import('../core/zod-problems.js')]);
  const parsed = Readiness.safeParse(y.data);
  if (!parsed.success) throw problemsToError(y, prepareProblems(parsed.error.issues));
  return parsed.data;
}
