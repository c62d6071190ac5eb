// Declarations outside Python's own formats: conda's environment.yml (with its pip section),
// package.json, R's DESCRIPTION and renv.lock.
import { parse as parseYaml } from 'yaml';
import { parseRequirements } from './python.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** conda specs (`conda-forge::numpy=1.26`, `scikit-learn>=1.3`) and the requirements under `pip:`. */
export function parseCondaEnvironment(text: string): { packages: string[]; includes: string[] } {
  const doc = parseYaml(text, { maxAliasCount: 100 }) as unknown;
  const packages: string[] = [];
  const includes: string[] = [];
  const deps = isObject(doc) && Array.isArray(doc.dependencies) ? doc.dependencies : [];
  for (const dep of deps) {
    if (typeof dep === 'string') {
      const name = /^(?:[^:\s]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)/.exec(dep.trim())?.[1];
      if (name) packages.push(name);
    } else if (isObject(dep) && Array.isArray(dep.pip)) {
      const pip = parseRequirements(dep.pip.filter((x): x is string => typeof x === 'string').join('\n'));
      packages.push(...pip.packages);
      includes.push(...pip.includes);
    }
  }
  return { packages, includes };
}

const NODE_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

export function parsePackageJson(text: string): string[] {
  const doc = JSON.parse(text) as unknown;
  if (!isObject(doc)) return [];
  return NODE_SECTIONS.flatMap((s) => (isObject(doc[s]) ? Object.keys(doc[s]) : []));
}

/** R's DESCRIPTION (Debian control format): packages under Imports and Depends, without R itself. */
export function parseRDescription(text: string): string[] {
  const fields = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const field = /^([A-Za-z0-9/@._-]+):\s*(.*)$/.exec(line);
    if (field) {
      current = field[1]!;
      fields.set(current, field[2]!);
    } else if (current && /^\s/.test(line)) fields.set(current, `${fields.get(current)} ${line.trim()}`);
  }
  if (!fields.has('Package')) return [];
  return ['Depends', 'Imports']
    .flatMap((f) => (fields.get(f) ?? '').split(','))
    .map((entry) => /^\s*([A-Za-z][A-Za-z0-9.]*)/.exec(entry)?.[1])
    .filter((n): n is string => n !== undefined && n !== 'R');
}

/** renv.lock: every package of the project library, by name. */
export function parseRenvLock(text: string): string[] {
  const doc = JSON.parse(text) as unknown;
  return isObject(doc) && isObject(doc.Packages) ? Object.keys(doc.Packages) : [];
}
