// Loads readiness.yaml: the rubric it names, its gate and its answers, each answer with its line.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Answers } from '../core/answers.js';
import type { Gate, Rubric } from '../core/rubric-schema.js';
import { normalizeAnswers } from '../core/answers-check.js';
import { Readiness } from '../core/readiness-schema.js';
import { prepareProblems } from '../core/zod-problems.js';
import { BUILTIN_PREFIX, DEFAULT_RUBRIC, loadRubric } from './load-rubric.js';
import { lineOfPath, problemsToError, readYamlFile, type YamlFile } from './yaml-file.js';

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
  const y = readYamlFile(file, 'readiness file');
  const parsed = Readiness.safeParse(y.data);
  if (!parsed.success) throw problemsToError(y, prepareProblems(parsed.error.issues));
  const r = parsed.data;
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
