// The `# yaml-language-server: $schema=…` line of the YAML files `ready` writes, so that editors
// (VS Code's YAML extension, JetBrains, Neovim with yaml-language-server) complete and check them.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { VERSION } from '../version.js';
import { packageFile } from '../load/package-files.js';

export type SchemaKind = 'rubric' | 'readiness';
export const PACKAGE_NAME = 'ready-cli';

/** The JSON Schema file shipped with this copy of `ready`, if it is there. */
export function packagedSchema(kind: SchemaKind): string | undefined {
  return packageFile(`schemas/${kind}.schema.json`);
}

/**
 * Where a file at `forFile` should point for its schema. A relative path when `ready` is installed
 * inside the project (its node_modules, or a checkout of `ready` itself), so that the line works
 * offline and follows upgrades; otherwise the published copy of this version's schema, since a
 * path into a global install would break on every other machine the file is committed to.
 */
export function schemaRef(kind: SchemaKind, forFile: string): string {
  const schema = packagedSchema(kind);
  if (schema) {
    const file = resolve(forFile);
    const rel = relative(dirname(file), schema).split(sep);
    const packageRoot = dirname(dirname(schema));
    const inPackage = file.startsWith(packageRoot + sep);
    const inNodeModules = rel[rel.findIndex((p) => p !== '..')] === 'node_modules';
    if (!isAbsolute(rel.join(sep)) && (inPackage || inNodeModules)) return rel.join('/');
  }
  return publishedSchemaUrl(kind);
}

export const publishedSchemaUrl = (kind: SchemaKind, version = VERSION) => `https://unpkg.com/${PACKAGE_NAME}@${version}/schemas/${kind}.schema.json`;

export const schemaComment = (kind: SchemaKind, forFile: string) => `# yaml-language-server: $schema=${schemaRef(kind, forFile)}`;

/** The schema a YAML text points at with its first `$schema=` comment, if any. */
export function schemaOfText(text: string): string | undefined {
  return /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text)?.[1];
}
