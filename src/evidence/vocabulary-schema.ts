// The shape of the evidence vocabulary (vocabulary.yaml), checked like a rubric: every pattern
// must compile in linear time, every glob must be valid, every capability must be there and no
// other. Loaded at build time and by tests; the CLI reads the precompiled JSON without zod.
import { z } from 'zod';
import { CAPABILITIES, CI_STEP_CLASSES } from '../core/probe-kinds.js';
import { globProblem } from '../match/glob.js';
import { patternProblem } from '../match/pattern.js';

/** The readings that are code (src/evidence/detectors.ts); a signal names one by id. */
export const DETECTORS = [
  'dockerfile',
  'compose-build',
  'ci',
  'tests',
  'manifest',
  'pinned',
  'codeowners',
  'notebook',
  'terraform',
  'cloudformation',
  'arm',
  'bicep',
  'pulumi',
  'helm',
  'kubernetes',
  'cdk',
  'secrets',
  'dvc-data',
  'lfs-data',
] as const;
export type Detector = (typeof DETECTORS)[number];

const pattern = z
  .string()
  .min(1)
  .refine((p) => patternProblem(p) === undefined, { error: (issue) => `pattern ${patternProblem(String(issue.input))}` });
const glob = z.string().min(1).refine((g) => globProblem(g) === undefined, { error: (issue) => `glob ${globProblem(String(issue.input))}` });
const moduleName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be a dotted module name');

export const Signal = z
  .strictObject({
    why: z.string().min(1),
    files: z.array(glob).min(1).optional(),
    imports: z.array(moduleName).min(1).optional(),
    pattern: pattern.optional(),
    detector: z.enum(DETECTORS).optional(),
  })
  .refine((s) => s.detector !== undefined || s.files !== undefined || s.imports !== undefined || s.pattern !== undefined, {
    message: 'needs files, imports, a pattern or a detector',
  })
  .refine((s) => s.detector === undefined || (s.files === undefined && s.imports === undefined && s.pattern === undefined), {
    message: 'a detector stands alone: it decides the files itself',
  });

const CapabilityEntry = z.strictObject({
  title: z.string().min(1),
  definition: z.string().min(1),
  signals: z.array(Signal).min(1),
});

export const Vocabulary = z.strictObject({
  version: z.literal(1),
  modules: z.record(moduleName, z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a distribution name in lower case')),
  pinning: z.strictObject({ threshold: z.number().gt(0).max(1), locks: z.array(glob).min(1) }),
  ci: z.strictObject({
    steps: z.strictObject(Object.fromEntries(CI_STEP_CLASSES.filter((c) => c !== 'schedule').map((c) => [c, z.array(pattern).min(1)])) as Record<Exclude<(typeof CI_STEP_CLASSES)[number], 'schedule'>, z.ZodArray<typeof pattern>>),
    'not-deploy': z.array(pattern).default([]),
  }),
  capabilities: z.strictObject(Object.fromEntries(CAPABILITIES.map((c) => [c, CapabilityEntry])) as Record<(typeof CAPABILITIES)[number], typeof CapabilityEntry>),
  secrets: z.strictObject({
    formats: z.array(z.strictObject({ name: z.string().min(1), pattern })).min(1),
    keys: pattern,
  }),
});

export type Vocabulary = z.output<typeof Vocabulary>;
export type Signal = z.output<typeof Signal>;
