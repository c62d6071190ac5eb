// Files that ship with `ready` (rubrics, schemas, examples), found from wherever this module runs:
// a bundle in dist/ or, in tests and tooling, the sources in src/load/. Both sit below the package
// root, one or two folders down.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the file this module was built into. The CLI bundle is CommonJS and knows its
 * __dirname; elsewhere it comes from import.meta.url (a URL round trip that `ready check`, which
 * asks on every run, is spared).
 */
export const MODULE_DIR: string = typeof __dirname === 'string' ? __dirname : fileURLToPath(new URL('.', import.meta.url));

/** The absolute path of `path` (relative to the package root), or undefined when it is not there. */
export function packageFile(path: string): string | undefined {
  for (const up of ['..', '../..']) {
    const file = resolve(MODULE_DIR, up, path);
    if (existsSync(file)) return file;
  }
  return undefined;
}
