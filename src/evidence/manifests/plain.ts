// Declarations in JSON and R's DCF format: package.json, R's DESCRIPTION and renv.lock.

import { isObject } from '../../core/words.js';

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
