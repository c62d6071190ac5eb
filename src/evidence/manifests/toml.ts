// The TOML manifests: pyproject.toml (PEP 621, PEP 735 dependency groups, Poetry, PDM, uv) and
// Pipfile. Parsed with smol-toml; everything outside the dependency tables is ignored.
import { parse } from 'smol-toml';
import { requirementName } from './python.js';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const table = (v: unknown): Table => (isTable(v) ? v : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const names = (specs: string[]) => specs.map(requirementName).filter((n): n is string => n !== undefined);
/** Poetry and Pipfile name packages by key; `python` there is the interpreter, not a package. */
const keys = (t: unknown) => Object.keys(table(t)).filter((k) => k.toLowerCase() !== 'python');

export function parsePyproject(text: string): string[] {
  const doc = parse(text) as Table;
  const project = table(doc.project);
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  const out = names(strings(project.dependencies));
  for (const list of Object.values(table(project['optional-dependencies']))) out.push(...names(strings(list)));
  // PEP 735: a group lists requirement strings and `{include-group = "…"}` tables
  for (const list of Object.values(table(doc['dependency-groups']))) out.push(...names(strings(list)));
  out.push(...keys(poetry.dependencies), ...keys(poetry['dev-dependencies']));
  for (const group of Object.values(table(poetry.group))) out.push(...keys(table(group).dependencies));
  for (const list of Object.values(table(table(tool.pdm)['dev-dependencies']))) out.push(...names(strings(list)));
  out.push(...names(strings(table(tool.uv)['dev-dependencies'])));
  return out;
}

/** Sections of a Pipfile that are not package categories. */
const PIPFILE_META = new Set(['source', 'requires', 'pipenv', 'scripts']);

export function parsePipfile(text: string): string[] {
  const doc = parse(text) as Table;
  return Object.entries(doc)
    .filter(([section, value]) => !PIPFILE_META.has(section) && isTable(value))
    .flatMap(([, value]) => keys(value));
}
