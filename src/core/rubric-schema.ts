// The rubric format as a zod schema. Shape only: the meaning (references, duplicates, cycles,
// tier-rule coverage) is checked by rubric-check.ts, which returns problems instead of throwing.
import { z } from 'zod';
import { globProblem } from '../match/glob.js';
import { patternProblem } from '../match/pattern.js';
import { KEYED_TERMS, rangeWords, SCALAR_TERMS, type KeyedTerm, type ScalarTerm, type TermSpec } from './gate-terms.js';
import type { Gate as GateShape } from './readiness-schema.js';
import { CAPABILITIES, CI_STEP_CLASSES, type ProbeKind } from './probe-kinds.js';


export { DONT_KNOW } from './constants.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_"');

const score01 = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const Effort = z.enum(['S', 'M', 'L']);
export const Risk = z.enum(['low', 'medium', 'high']);
export const Aggregation = z.enum(['weighted-mean', 'min']);

export const Reference = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

export const Remediation = z.strictObject({
  summary: z.string().min(1),
  steps: z.array(z.string().min(1)).min(1, 'needs at least one step'),
  effort: Effort,
  references: z.array(Reference).default([]),
});

export const Option = z.strictObject({
  id,
  label: z.string().min(1),
  score: score01,
  risk: Risk.optional(),
  blocker: z.boolean().optional(),
  remediation: Remediation.optional(),
});

export type Condition =
  | { question: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: id, in: z.array(id).min(1) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

// Probes are declarative by design: a rubric can name paths, patterns and packages, never a
// command. Paths are relative to the repository root and may not climb out of it.
const repoPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a path inside the repository (no leading "/", no "..")',
  })
  .refine((p) => p.startsWith('/') || p.split('/').includes('..') || globProblem(p) === undefined, {
    error: (issue) => `glob ${globProblem(String(issue.input))}`,
  });

const probeCommon = {
  id: id.optional(),
  description: z.string().optional(),
  supports: z.array(id).default([]),
  contradicts: z.array(id).default([]),
  // Most probes only count when they find something: no Dockerfile does not prove there is no
  // container. Set this where absence is telling: an answer claiming an option this probe
  // supports is then a contradiction when no probe supporting that option finds anything, but
  // only if the probe read what would have shown it (a `ci` probe that parsed CI files and found
  // no deployment step); silence about something the scan could not see proves nothing.
  absenceContradicts: z.boolean().optional(),
};

export const Probe = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), paths: z.array(repoPath).min(1), ...probeCommon }),
  z.strictObject({
    kind: z.literal('content'),
    paths: z.array(repoPath).min(1),
    pattern: z
      .string()
      .min(1)
      .refine((p) => patternProblem(p) === undefined, { error: (issue) => `pattern ${patternProblem(String(issue.input))}` }),
    ...probeCommon,
  }),
  z.strictObject({
    kind: z.literal('dependency'),
    packages: z.array(z.string().min(1)).min(1),
    ecosystem: z.enum(['python', 'node', 'r', 'any']).default('any'),
    ...probeCommon,
  }),
  // a capability of the evidence vocabulary (src/evidence/vocabulary.yaml), with its proof
  z.strictObject({ kind: z.literal('capability'), capability: z.enum(CAPABILITIES), ...probeCommon }),
  // code that imports a distribution (`scikit-learn` finds `import sklearn`) or a module
  z.strictObject({
    kind: z.literal('import'),
    packages: z.array(z.string().min(1)).min(1),
    ...probeCommon,
  }),
  // CI configurations, parsed: any of them, or those with a step of a class
  z.strictObject({ kind: z.literal('ci'), step: z.enum(CI_STEP_CLASSES).optional(), ...probeCommon }),
  // the declared dependencies are pinned (at least `threshold` of them exact, or a real lock file),
  // or, with `expect: unpinned`, they are declared and are not
  z.strictObject({
    kind: z.literal('pinning'),
    threshold: z.union([z.literal('all'), z.number().gt(0, 'must be above 0').max(1, 'must be at most 1')]).default(0.9),
    expect: z.enum(['pinned', 'unpinned']).default('pinned'),
    ...probeCommon,
  }),
  // credentials committed to the repository: only their file and line are ever shown
  z.strictObject({ kind: z.literal('secrets'), ...probeCommon }),
]);

// every probe kind has a schema here, and no schema names a kind the scanner does not know
true satisfies [z.output<typeof Probe>['kind']] extends [ProbeKind] ? ([ProbeKind] extends [z.output<typeof Probe>['kind']] ? true : false) : false;

export const Question = z.strictObject({
  id,
  area: id,
  type: z.enum(['single', 'multiple']).default('single'),
  prompt: z.string().min(1),
  help: z.string().default(''),
  weight: z.number().positive('must be greater than 0').default(1),
  tiers: z.array(id).optional(),
  when: Condition.optional(),
  roles: z.array(id).default([]),
  allowNotApplicable: z.boolean().default(false),
  options: z.array(Option).min(2, 'needs at least two options'),
  evidence: z.array(Probe).default([]),
  remediation: Remediation.optional(),
  // ids this question takes over from an earlier version of the rubric: their answers carry over
  replaces: z.union([id, z.array(id).min(1)]).optional(),
});

export const TierQuestion = z.strictObject({
  id,
  prompt: z.string().min(1),
  help: z.string().default(''),
  options: z
    .array(z.strictObject({ id, label: z.string().min(1), help: z.string().optional() }))
    .min(2, 'needs at least two options'),
});

export const TierRule = z.strictObject({
  // question id -> the option ids that match; a question left out matches any answer
  when: z.record(id, z.union([id, z.array(id).min(1)])),
  tier: id,
  reason: z.string().min(1),
});

export const GateLevel = z.enum(['error', 'warn']);

// The same gate as readiness-schema.ts, from the same table of terms: that schema is written with
// zod/mini for start-up, and zod's two forms are kept apart (scripts/build.mjs).
const threshold = (spec: TermSpec) => {
  const range = `must be ${spec.integer ? 'a whole number' : 'a number'} ${rangeWords(spec)}`;
  const n = (spec.integer ? z.int() : z.number()).min(spec.min, range);
  const value = spec.max === Infinity ? n : n.max(spec.max, range);
  return z.union([value, z.strictObject({ value, level: GateLevel.default('error') })]);
};

export const Gate: z.ZodType<GateShape, unknown> = z.strictObject({
  ...(Object.fromEntries(Object.entries(SCALAR_TERMS).map(([term, spec]) => [term, threshold(spec).optional()])) as Record<ScalarTerm, z.ZodOptional<ReturnType<typeof threshold>>>),
  ...(Object.fromEntries(Object.entries(KEYED_TERMS).map(([term, spec]) => [term, z.record(id, threshold(spec)).optional()])) as Record<
    KeyedTerm,
    z.ZodOptional<z.ZodRecord<typeof id, ReturnType<typeof threshold>>>
  >),
});

export const Rubric = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.string().min(1),
  title: z.string().min(1),
  description: z.string().default(''),
  aggregation: Aggregation.default('weighted-mean'),
  areas: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        weight: z.number().positive('must be greater than 0').default(1),
        description: z.string().default(''),
      }),
    )
    .min(1, 'needs at least one area'),
  roles: z.array(z.strictObject({ id, title: z.string().min(1) })).default([]),
  tiers: z
    .array(z.strictObject({ id, title: z.string().min(1), description: z.string().default('') }))
    .min(1, 'needs at least one tier'),
  tierQuestions: z.array(TierQuestion).default([]),
  tierRules: z.array(TierRule).min(1, 'needs at least one tier rule'),
  levels: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        min: z.number().min(0).max(100),
        description: z.string().default(''),
      }),
    )
    .min(1, 'needs at least one level'),
  // The highest level a project with any blocker can reach, whatever its score.
  blockedLevel: id.optional(),
  gates: z.record(id, Gate).default({}),
  questions: z.array(Question).min(1, 'needs at least one question'),
});

export type RubricInput = z.input<typeof Rubric>;
export type Rubric = z.output<typeof Rubric>;
export type Question = z.output<typeof Question>;
export type Option = z.output<typeof Option>;
export type Remediation = z.output<typeof Remediation>;
export type Probe = z.output<typeof Probe>;
export type TierRule = z.output<typeof TierRule>;
export type Effort = z.output<typeof Effort>;
export type Gate = GateShape;
export type GateLevel = z.output<typeof GateLevel>;
