// conda's environment.yml, with its pip section. Loaded only when the repository has one: the
// YAML library stays off the path of every other scan.
import { parse as parseYaml } from 'yaml';
import { parseRequirements } from './python.js';
import { isObject } from '../../core/words.js';


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
