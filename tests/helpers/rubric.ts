import { join } from 'node:path';
import { loadRubricFile } from '../../src/load/load-rubric.js';
import type { Answers } from '../../src/core/answers.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures');
export const mini = () => loadRubricFile(join(FIXTURES, 'rubrics/mini.yaml'));
export const NOW = '2026-11-28T12:00:00.000Z';

/** answers from a compact table: id -> option id(s) */
export function answers(table: Record<string, string | string[]>): Answers {
  return Object.fromEntries(Object.entries(table).map(([id, c]) => [id, { choice: Array.isArray(c) ? c : [c] }]));
}
