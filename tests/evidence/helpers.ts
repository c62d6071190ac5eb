import { join } from 'node:path';
import type { Evidence } from '../../src/core/evidence.js';
import { loadRubricFile } from '../../src/load/load-rubric.js';
import type { RepoPort } from '../../src/evidence/repo.js';

export const REPOS = join(import.meta.dirname, '../fixtures/repos');
export const evidenceRubric = () => loadRubricFile(join(import.meta.dirname, '../fixtures/rubrics/evidence.yaml'));

/** probe id -> the paths it found (an empty list when it found nothing) */
export function foundPaths(evidence: Evidence): Record<string, string[]> {
  return Object.fromEntries(Object.values(evidence.questions).flat().map((f) => [f.id ?? `#${f.index}`, f.paths]));
}

/** A repository port over plain objects: path -> content. */
export function memoryRepo(files: Record<string, string | Buffer>): RepoPort & { reads: string[] } {
  const reads: string[] = [];
  const buf = (p: string) => (p in files ? Buffer.from(files[p]!) : undefined);
  return {
    reads,
    list: () => Object.keys(files),
    read(path) {
      reads.push(path);
      return buf(path);
    },
    size: (path) => buf(path)?.length,
  };
}
