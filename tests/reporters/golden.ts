// Golden files: the expected output of a renderer, checked in. UPDATE_GOLDEN=1 rewrites them;
// review the diff before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/core/report.js';

export const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * The report a golden file is rendered from, frozen as JSON next to it: a change in the engine
 * (a reworded gate message, say) does not move the golden files until they are rewritten.
 */
export function frozenReport(name: string, build: () => Report): Report {
  const file = join(GOLDEN_DIR, 'reports', `${name}.json`);
  if (update || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(build(), null, 2)}\n`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}
