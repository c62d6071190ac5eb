// The shape of readiness.yaml. Whether its answers fit the rubric is checked by answers-check.ts.
import { z } from 'zod';
import { Gate } from './rubric-schema.js';

const id = z.string().min(1);

export const AnswerEntry = z.union([
  // shorthand for hand-written files: `consumer: humans`, `tools: [a, b]`
  id,
  z.array(id).min(1),
  z.strictObject({
    choice: z.union([id, z.array(id).min(1)]).optional(),
    notApplicable: z.string().min(1, 'needs a reason').optional(),
    note: z.string().optional(),
    by: z.string().optional(),
    at: z
      .union([z.iso.date(), z.iso.datetime({ offset: true }), z.date()], { error: 'expected a date (2026-11-28) or date-time (2026-11-28T10:00:00Z)' })
      .optional(),
  }),
]);

export const Readiness = z.strictObject({
  $schema: z.string().optional(),
  project: z.string().min(1).optional(),
  rubric: z.string().min(1).optional(),
  rubricVersion: z.union([z.string(), z.number()]).optional(),
  gate: Gate.optional(),
  answers: z.record(z.string(), AnswerEntry.nullable()).nullable().default({}),
});

export type Readiness = z.output<typeof Readiness>;
export type AnswerEntry = z.output<typeof AnswerEntry>;
