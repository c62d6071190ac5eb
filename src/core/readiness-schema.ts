// The shape of readiness.yaml. Every `ready check` validates it, so it is written with zod/mini and
// bundled with its own tree-shaken copy of zod (scripts/build.mjs): about 25 KB to load instead of
// the 415 KB that full zod, which rubrics use, would bring onto the start-up path. The gate terms
// come from the table in gate-terms.ts that rubric-schema.ts reads too. Whether the answers fit the
// rubric is checked by answers-check.ts.
import * as z from 'zod/mini';
// zod/mini leaves messages to a locale; the English one words them as full zod does for rubrics
import en from 'zod/v4/locales/en.js';

z.config(en());
import { KEYED_TERMS, rangeWords, SCALAR_TERMS, type KeyedTerm, type ScalarTerm, type TermSpec } from './gate-terms.js';

const id = z.string().check(z.minLength(1));
const areaId = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_"'));

export const GateLevel = z.enum(['error', 'warn']);

function threshold(spec: TermSpec) {
  const n = spec.integer ? z.int() : z.number();
  const range = `must be ${spec.integer ? 'a whole number' : 'a number'} ${rangeWords(spec)}`;
  const checked = spec.max === Infinity ? n.check(z.gte(spec.min, range)) : n.check(z.gte(spec.min, range), z.lte(spec.max, range));
  return z.union([checked, z.strictObject({ value: checked, level: z._default(GateLevel, 'error') })]);
}
type Threshold = ReturnType<typeof threshold>;

export const Gate = z.strictObject({
  ...(Object.fromEntries(Object.entries(SCALAR_TERMS).map(([term, spec]) => [term, z.optional(threshold(spec))])) as Record<ScalarTerm, z.ZodMiniOptional<Threshold>>),
  ...(Object.fromEntries(Object.entries(KEYED_TERMS).map(([term, spec]) => [term, z.optional(z.record(areaId, threshold(spec)))])) as Record<
    KeyedTerm,
    z.ZodMiniOptional<z.ZodMiniRecord<typeof areaId, Threshold>>
  >),
});

export const AnswerEntry = z.union([
  // shorthand for hand-written files: `consumer: humans`, `tools: [a, b]`
  id,
  z.array(id).check(z.minLength(1)),
  z.strictObject({
    choice: z.optional(z.union([id, z.array(id).check(z.minLength(1))])),
    notApplicable: z.optional(z.string().check(z.minLength(1, 'needs a reason'))),
    note: z.optional(z.string()),
    by: z.optional(z.string()),
    at: z.optional(
      z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.date()], { error: 'expected a date (2026-11-28) or date-time (2026-11-28T10:00:00Z)' }),
    ),
  }),
]);

/** Who answers for a role: `legal-privacy: [Lea Legal, "@lea"]`, or one name as a plain string. */
export const Respondents = z.record(
  areaId,
  z.union([z.string().check(z.minLength(1, 'needs a name')), z.array(z.string().check(z.minLength(1, 'needs a name'))).check(z.minLength(1, 'needs at least one name'))]),
);

export const Readiness = z.strictObject({
  $schema: z.optional(z.string()),
  project: z.optional(z.string().check(z.minLength(1))),
  rubric: z.optional(z.string().check(z.minLength(1))),
  rubricVersion: z.optional(z.union([z.string(), z.number()])),
  gate: z.optional(Gate),
  respondents: z.optional(Respondents),
  answers: z._default(z.nullable(z.record(z.string(), z.nullable(AnswerEntry))), {}),
});

export type Readiness = z.output<typeof Readiness>;
export type AnswerEntry = z.output<typeof AnswerEntry>;
export type Gate = z.output<typeof Gate>;
export type Respondents = z.output<typeof Respondents>;
export type GateLevel = z.output<typeof GateLevel>;
