// The probe kinds and the capability vocabulary's names, once: the rubric schema's discriminated
// union, the report schema, the vocabulary schema and the scanner's registry
// (src/evidence/probes.ts) are all checked against these lists.
export const PROBE_KINDS = ['file', 'content', 'dependency', 'capability', 'import', 'ci', 'pinning', 'secrets'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** The facts a reader of a repository cares about (docs/evidence.md defines each). */
export const CAPABILITIES = [
  'container',
  'ci',
  'tests',
  'dependencies-declared',
  'dependencies-pinned',
  'data-validation',
  'portable-model',
  'serving',
  'monitoring',
  'data-versioning',
  'experiment-tracking',
  'orchestration',
  'codeowners',
  'notebooks',
  'infrastructure-as-code',
  'committed-secrets',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What a step of a CI job does, as the `ci` probe asks for it. */
export const CI_STEP_CLASSES = ['test', 'build-image', 'publish', 'deploy', 'schedule'] as const;
export type CiStepClass = (typeof CI_STEP_CLASSES)[number];
