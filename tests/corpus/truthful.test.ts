// The issue that started the capability work: on Microsoft's MLOpsPython reference (CI/CD in Azure
// DevOps under .pipelines/), a team that answered "CI/CD" was told nothing in the repository shows
// it. Here the built-in rubric's probes run over the corpus fixture of that repository: truthful
// answers raise no contradiction, and each false claim is contradicted with its file and line.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluateProbes } from '../../src/evidence/scan.js';
import { findContradictions } from '../../src/core/contradictions.js';
import { loadBuiltinRubric } from '../../src/load/load-rubric.js';
import type { Answers } from '../../src/core/answers.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error: a plain ES module shared with the confusion script, without types
import { fixturePort } from '../../scripts/corpus-port.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/corpus/microsoft--MLOpsPython');

// what a team that knows the repository would answer, read from its tree
const TRUTHFUL: Record<string, string> = {
  consumer: 'machines',
  frequency: 'batch',
  'product-kind': 'model',
  'release-process': 'cd',
  'data-preparation': 'pipeline',
  'production-code': 'scripts',
  dependencies: 'unpinned',
  packaging: 'container-ci',
  'feature-tests': 'unit-tests',
  'model-lineage': 'registry',
  'model-monitoring': 'none',
  'service-monitoring': 'manual',
  'code-review': 'on-request',
  'data-validation': 'automated',
  'model-format': 'pickle-pinned',
  interface: 'documented',
  documentation: 'readme',
  'training-serving-skew': 'shared-code',
  'reproducible-training': 'automated',
  'serving-security': 'managed',
  explainability: 'none',
  fairness: 'not-checked',
};

const answers = (choices: Record<string, string>): Answers =>
  Object.fromEntries(Object.entries(choices).map(([id, choice], i) => [id, { choice: [choice], line: i + 2 }])) as Answers;

async function contradictions(choices: Record<string, string>) {
  const rubric = await loadBuiltinRubric('default');
  const evidence = await evaluateProbes(fixturePort(FIXTURE), rubric, { capabilities: true });
  return findContradictions(rubric, answers(choices), { ...evidence, listing: 'walk' });
}

describe('MLOpsPython, the Azure DevOps reference', () => {
  it('raises no contradiction on a truthful readiness.yaml', async () => {
    expect((await contradictions(TRUTHFUL)).map((c) => c.message)).toEqual([]);
  });

  it('contradicts each false claim, naming the files that show otherwise', async () => {
    const found = await contradictions({ ...TRUTHFUL, 'release-process': 'manual-copy', dependencies: 'implicit', packaging: 'none' });
    expect(found.map((c) => c.question).sort()).toEqual(['dependencies', 'packaging', 'release-process']);
    expect(found.find((c) => c.question === 'release-process')!.message).toMatch(/\.pipelines\/[\w-]+\.yml:\d+/);
  });
});
