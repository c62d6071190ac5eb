// Files that ship with `ready` (rubrics, schemas, examples), found from wherever this module runs:
// a bundle in dist/ or, in tests and tooling, the sources in src/io/. Both sit below the package
// root, one or two folders down.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The absolute path of `path` (relative to the package root), or undefined when it is not there. */
export function packageFile(path: string): string | undefined {
  for (const up of ['../', '../../']) {
    const file = fileURLToPath(new URL(up + path, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}
