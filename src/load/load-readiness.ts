// Loads readiness.yaml: the rubric it names, its gate and its answers, each answer with its line.
import type { Answers } from '../core/answers.js';
import type { Gate, Rubric } from '../core/rubric-schema.js';
import { normalizeAnswers } from '../core/answers-check.js';
import { migrateAnswers, type Migration } from '../core/migrate.js';
import { Readiness } from '../core/readiness-schema.js';
import { keysAtPath, prepareProblems } from '../core/zod-problems.js';
import { DEFAULT_RUBRIC, loadRubric, namedRubric } from './load-rubric.js';

export { namedRubric };
import { lineOfPath, problemsToError, type YamlFile } from './yaml-lines.js';
import { parseYaml, readYaml } from './read-yaml.js';

export { READINESS_FILE } from './find-readiness.js';

export interface LoadedReadiness {
  file: string;
  yaml: YamlFile;
  project?: string;
  rubricRef: string;
  rubric: Rubric;
  gate?: Gate;
  /** role id -> the people who answer for it, as readiness.yaml names them */
  respondents: Record<string, string[]>;
  answers: Answers;
  /** the rubric version the answers were given against, as readiness.yaml records it */
  answeredVersion?: string;
  /** set when that version is not the rubric's, or when an answer was superseded */
  migration?: Migration;
  /** current question id -> the older id its answer is written under (a writer renames the key when it saves) */
  carriedFrom: Record<string, string>;
  /** the rubric files read: the named one and all it extends (none for a built-in rubric) */
  rubricFiles: string[];
}

export async function loadReadiness(file: string, rubricOverride?: string): Promise<LoadedReadiness> {
  return loadReadinessYaml(await readYaml(file, 'readiness file'), rubricOverride);
}

export interface ReadinessSource {
  /** names the text in messages, such as `readiness.yaml@main` */
  label: string;
  text: string;
  /** where the file sits in the working tree: a rubric path in it is relative to this */
  file: string;
}

/**
 * readiness.yaml as some commit has it. Its rubric is loaded through `rubrics`, so that a history
 * of hundreds of versions naming one rubric loads it once.
 */
export async function loadReadinessText(source: ReadinessSource, rubrics?: Map<string, Promise<Rubric>>, rubricOverride?: string): Promise<LoadedReadiness> {
  const y = await parseYaml(source.label, source.text, 'readiness file');
  return loadReadinessYaml(y, rubricOverride, source.file, rubrics);
}

async function loadReadinessYaml(y: YamlFile, rubricOverride?: string, located: string = y.file, rubrics?: Map<string, Promise<Rubric>>): Promise<LoadedReadiness> {
  const file = y.file;
  const parsed = Readiness.safeParse(y.data);
  if (!parsed.success) throw problemsToError(y, prepareProblems(parsed.error.issues, [], (path) => keysAtPath(Readiness, path)));
  const r = parsed.data;
  const rubricRef = rubricOverride ?? r.rubric ?? DEFAULT_RUBRIC;
  const named = rubricOverride ? { ref: rubricOverride } : namedRubric(file, rubricRef, () => lineOfPath(y, ['rubric']), located);
  let rubricFiles: string[] = [];
  let loading = rubrics?.get(named.ref);
  if (!loading) {
    const chain = loadRubric(named.ref, named);
    // one promise only: a second one derived from it would reject unhandled when the rubric is bad
    loading = chain.then((l) => {
      rubricFiles = l.files ?? [];
      return l.rubric;
    });
    rubrics?.set(named.ref, loading);
  }
  const rubric = await loading;
  const respondents = respondentsOf(y, r.respondents, rubric);
  const answeredVersion = r.rubricVersion === undefined ? undefined : String(r.rubricVersion);
  const migrated = migrateAnswers(rubric, r.answers ?? {}, answeredVersion, (id) => lineOfPath(y, ['answers', id]));
  // a carried answer is checked under its new id, and reported under the id it is written as
  // an own property only: `toString` or `constructor` as a question id must not find Object's methods
  const writtenAs = (id: string) => (Object.hasOwn(migrated.sourceOf, id) ? migrated.sourceOf[id]! : id);
  const { answers, problems } = normalizeAnswers(rubric, migrated.entries, (id) => lineOfPath(y, ['answers', writtenAs(id)]));
  if (problems.length > 0) {
    throw problemsToError(y, problems.map((p) => (p.path[0] === 'answers' && typeof p.path[1] === 'string' ? { ...p, path: ['answers', writtenAs(p.path[1]), ...p.path.slice(2)] } : p)));
  }
  return {
    file,
    yaml: y,
    ...(r.project !== undefined && { project: r.project }),
    rubricRef,
    rubric,
    ...(r.gate !== undefined && { gate: r.gate }),
    respondents,
    answers,
    ...(answeredVersion !== undefined && { answeredVersion }),
    ...(migrated.migration && { migration: migrated.migration }),
    carriedFrom: migrated.sourceOf,
    rubricFiles,
  };
}

/** Names per role, each a list; a role the rubric does not know would silently never be asked. */
function respondentsOf(y: YamlFile, given: Readiness['respondents'], rubric: Rubric): Record<string, string[]> {
  const roles = rubric.roles.map((role) => role.id);
  const out: Record<string, string[]> = {};
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [role, names] of Object.entries(given ?? {})) {
    if (!roles.includes(role)) {
      problems.push({ path: ['respondents', role], message: `unknown role "${role}" in rubric ${rubric.id} (${roles.length > 0 ? `roles: ${roles.join(', ')}` : 'it defines no roles'})` });
    } else out[role] = [...new Set((Array.isArray(names) ? names : [names]).map((n) => n.trim()).filter(Boolean))];
  }
  if (problems.length > 0) throw problemsToError(y, problems);
  return out;
}
