// The shape of a rubric that `extends` another: every part optional, list entries keyed by id and
// partial (they merge into the parent's entry with that id, see rubric-merge.ts), plus `remove`.
// The merged result is then validated as a whole against `Rubric`.
import { z } from 'zod';
import { Aggregation, Gate, Option, Question, Remediation, Rubric, TierQuestion } from './rubric-schema.js';

const shape = Rubric.shape;
const idSchema = Question.shape.id;
const patch = <T extends z.ZodObject>(entry: T) => entry.partial().required({ id: true } as never);

const OptionPatch = patch(Option).extend({ remediation: Remediation.partial().optional() });
const QuestionPatch = patch(Question).extend({
  options: z.array(OptionPatch).optional(),
  remediation: Remediation.partial().optional(),
});
const TierQuestionPatch = patch(TierQuestion).extend({
  options: z.array(patch(TierQuestion.shape.options.element)).optional(),
});

export const RemoveSpec = z
  .strictObject({
    questions: z.array(idSchema).optional(),
    areas: z.array(idSchema).optional(),
    roles: z.array(idSchema).optional(),
    tiers: z.array(idSchema).optional(),
    tierQuestions: z.array(idSchema).optional(),
    options: z.record(idSchema, z.array(idSchema)).optional().describe('question id -> option ids to drop'),
  })
  .describe('entries of the parent rubric to drop, by id, before this file merges in');

export const RubricExtension = z.strictObject({
  $schema: shape.$schema,
  extends: z
    .string()
    .min(1)
    .describe('the parent rubric: builtin:ID, a path starting with ./ or ../, or an npm package name'),
  remove: RemoveSpec.optional(),
  id: shape.id,
  version: shape.version,
  title: shape.title.optional(),
  description: z.string().optional(),
  aggregation: Aggregation.optional(),
  areas: z.array(patch(shape.areas.element)).optional(),
  roles: z.array(patch(shape.roles.unwrap().element)).optional(),
  tiers: z.array(patch(shape.tiers.element)).optional(),
  tierQuestions: z.array(TierQuestionPatch).optional(),
  tierRules: shape.tierRules.optional().describe('replaces the parent\'s tier rules wholesale'),
  levels: shape.levels.optional().describe('replaces the parent\'s levels wholesale'),
  blockedLevel: shape.blockedLevel,
  gates: z.record(idSchema, Gate).optional().describe('merged with the parent\'s gates, tier by tier and term by term'),
  questions: z.array(QuestionPatch).optional(),
});

/** What a rubric file may hold: a complete rubric, or one that extends another. */
export const RubricDocument = z.union([RubricExtension, Rubric]);

export type RubricExtension = z.input<typeof RubricExtension>;
