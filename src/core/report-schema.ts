// The JSON report, the one contract between the core and every renderer and between `check`,
// `diff` and `portfolio`, defined once: report.ts infers the TypeScript types from this schema
// (a type-only import, so zod stays off the start-up path), the build generates
// schemas/report.schema.json from it. `portfolio`, `diff` and `--baseline` check the fields they read
// with the cheaper core/portfolio/report-check.ts, which keeps to these types.
// Bump REPORT_SCHEMA_VERSION on any breaking change.
import { z } from 'zod';
import { Effort, GateLevel } from './rubric-schema.js';
import { GATE_TERM_IDS, KEYED_TERM_IDS, SCALAR_TERM_IDS, type KeyedTerm, type ScalarTerm } from './gate-terms.js';
import { CAPABILITIES, PROBE_KINDS } from './probe-kinds.js';

import { REPORT_SCHEMA_VERSION } from './report-version.js';

export { REPORT_SCHEMA_VERSION };

const score = z.number().min(0).max(100);

/** A file and line that proved a finding; for a committed secret, never the value. */
const ProofSchema = z.strictObject({ path: z.string(), line: z.number().int().optional(), what: z.string() });

const CapabilitySchema = z.strictObject({ found: z.boolean(), paths: z.array(z.string()), why: z.array(ProofSchema), incomplete: z.literal(true).optional() });

export const QuestionStatusSchema = z.enum(['answered', 'dont-know', 'unanswered', 'not-applicable', 'out-of-tier', 'condition-unmet']);

export const QuestionResultSchema = z.strictObject({
  id: z.string(),
  area: z.string(),
  prompt: z.string(),
  weight: z.number(),
  status: QuestionStatusSchema,
  choice: z.array(z.string()).nullable(),
  labels: z.array(z.string()),
  score: score.nullable(),
  blocker: z.boolean(),
  reason: z.string().optional(),
  note: z.string().optional(),
  by: z.string().optional(),
  at: z.string().optional(),
  line: z.number().int().optional(),
  roles: z.array(z.string()),
  evidence: z
    .array(
      z.strictObject({
        id: z.string().optional(),
        kind: z.enum(PROBE_KINDS),
        description: z.string(),
        found: z.boolean(),
        paths: z.array(z.string()),
        more: z.boolean(),
        packages: z.array(z.string()).optional(),
        // the file and line of each proof, and what the probe read that would have shown it
        why: z.array(ProofSchema).optional(),
        looked: z.array(ProofSchema).optional(),
        supports: z.array(z.string()),
        contradicts: z.array(z.string()),
        problem: z.string().optional(),
      }),
    )
    .optional(),
});

export const AreaResultSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  score: score.nullable(),
  level: z.string().nullable(),
  applicable: z.number().int(),
  answered: z.number().int(),
  unanswered: z.number().int(),
  dontKnow: z.number().int(),
});

export const BlockerResultSchema = z.strictObject({
  question: z.string(),
  area: z.string(),
  option: z.string(),
  label: z.string(),
  line: z.number().int().optional(),
});

export const RemediationItemSchema = z.strictObject({
  question: z.string(),
  area: z.string(),
  prompt: z.string(),
  status: QuestionStatusSchema,
  summary: z.string(),
  steps: z.array(z.string()),
  effort: Effort,
  references: z.array(z.strictObject({ title: z.string(), url: z.string().optional() })),
  gap: z.number().min(0).max(1),
  impact: z.number().min(0),
  blocker: z.boolean(),
});

const GateTermSchema = z.enum(GATE_TERM_IDS);
export type GateTermId = z.output<typeof GateTermSchema>;
/** The no-regression terms of `ready check --baseline`. */
export const BASELINE_TERMS = ['baselineScore', 'baselineLevel', 'baselineArea', 'baselineBlockers'] as const;
const BaselineTermSchema = z.enum(BASELINE_TERMS);
const GateSourceSchema = z.enum(['flags', 'readiness', 'rubric', 'default', 'baseline']);

export const GateFailureSchema = z.strictObject({
  term: z.union([GateTermSchema, BaselineTermSchema]),
  level: GateLevel,
  source: GateSourceSchema,
  threshold: z.number(),
  value: z.number(),
  area: z.string().optional(),
  /** the question a minQuestion failure is about */
  question: z.string().optional(),
  questions: z.array(z.string()),
  lines: z.array(z.number().int()),
  gateLine: z.number().int().optional(),
  message: z.string(),
});

const ResolvedTermSchema = z.strictObject({ value: z.number(), level: GateLevel, source: GateSourceSchema });
const KeyedResolvedSchema = z.record(z.string(), ResolvedTermSchema);
// minArea has been in every report since the first; a keyed term added later is there only when
// set, so that a report without it reads, and is written, as before
const keyedResolved = Object.fromEntries(KEYED_TERM_IDS.map((t) => [t, t === 'minArea' ? KeyedResolvedSchema : KeyedResolvedSchema.optional()])) as {
  minArea: typeof KeyedResolvedSchema;
} & Record<Exclude<KeyedTerm, 'minArea'>, z.ZodOptional<typeof KeyedResolvedSchema>>;

export const GateResultSchema = z.strictObject({
  passed: z.boolean(),
  terms: z.strictObject({
    ...(Object.fromEntries(SCALAR_TERM_IDS.map((t) => [t, ResolvedTermSchema.optional()])) as Record<ScalarTerm, z.ZodOptional<typeof ResolvedTermSchema>>),
    ...keyedResolved,
  }),
  failures: z.array(GateFailureSchema),
});

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  project: z.string().optional(),
  generatedAt: z.string(),
  rubric: z.strictObject({ id: z.string(), version: z.string(), title: z.string(), aggregation: z.enum(['weighted-mean', 'min']), answeredVersion: z.string().optional() }),
  tier: z.strictObject({ id: z.string(), title: z.string(), reason: z.string(), known: z.boolean(), answers: z.record(z.string(), z.string()) }),
  score,
  level: z.strictObject({ id: z.string(), title: z.string(), cappedByBlockers: z.boolean() }),
  levels: z.array(z.strictObject({ id: z.string(), title: z.string(), min: z.number() })),
  areas: z.array(AreaResultSchema),
  questions: z.array(QuestionResultSchema),
  blockers: z.array(BlockerResultSchema),
  remediation: z.array(RemediationItemSchema),
  gate: GateResultSchema,
  summary: z.strictObject({
    applicable: z.number().int(),
    answered: z.number().int(),
    unanswered: z.number().int(),
    dontKnow: z.number().int(),
    notApplicable: z.number().int(),
  }),
  baseline: z
    .strictObject({ file: z.string(), generatedAt: z.string(), score: z.number(), level: z.string(), notes: z.array(z.string()) })
    .optional(),
  // answers carried over from an earlier rubric version, and those no question takes any more (core/migrate.ts)
  migration: z
    .strictObject({
      answeredVersion: z.string().nullable(),
      version: z.string(),
      added: z.array(z.string()),
      removed: z.array(
        z.strictObject({
          id: z.string(),
          choice: z.array(z.string()).nullable(),
          reason: z.enum(['question-removed', 'option-removed', 'superseded']),
          replacedBy: z.string().optional(),
          line: z.number().int().optional(),
        }),
      ),
      carried: z.array(z.strictObject({ from: z.string(), to: z.string(), line: z.number().int().optional() })),
    })
    .optional(),
  // answers the repository scan contradicts (core/contradictions.ts), and how it scanned
  contradictions: z
    .array(
      z.strictObject({
        code: z.enum(['ANSWER_DENIES_EVIDENCE', 'ANSWER_LACKS_EVIDENCE']),
        question: z.string(),
        area: z.string(),
        option: z.string(),
        label: z.string(),
        probes: z.array(z.string()),
        paths: z.array(z.string()),
        line: z.number().int().optional(),
        message: z.string(),
      }),
    )
    .optional(),
  evidence: z
    .strictObject({
      listing: z.enum(['git', 'walk']),
      files: z.number().int(),
      skipped: z.number().int(),
      // what the repository shows per capability of the evidence vocabulary, when the scan read for it
      capabilities: z.record(z.enum(CAPABILITIES), CapabilitySchema).optional(),
    })
    .optional(),
});
