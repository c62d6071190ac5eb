// A parsed YAML file as the loaders see it: its data, and the line of any path inside it. Kept
// free of the `yaml` package so that the fast reader needs nothing heavy.
import { InputError, formatPath } from '../errors.js';

export interface YamlFile {
  file: string;
  text: string;
  data: unknown;
  /** line of the deepest node that exists along `path` (a missing key points at its parent) */
  lineOf(path: readonly (string | number)[]): number;
}

export const lineOfPath = (y: YamlFile, path: readonly (string | number)[]) => y.lineOf(path);

/** One line per problem; an unknown key points at the line of that key, not of the mapping that holds it. */
export function problemsToError(y: YamlFile, problems: { path: (string | number)[]; message: string; keys?: string[] }[]): InputError {
  return new InputError(problems.map((p) => ({ file: y.file, line: y.lineOf(p.keys?.[0] !== undefined ? [...p.path, p.keys[0]] : p.path), path: formatPath(p.path), message: p.message })));
}
