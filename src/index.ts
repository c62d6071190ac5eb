// The library entry: the core and the loaders, for teams that build their own tooling.
export { evaluate, conditionHolds, questionScore, levelFor, type EvaluateOptions } from './core/evaluate.js';
export { classifyTier } from './core/tier.js';
export { planRemediation } from './core/remediation.js';
export { resolveGate, applyGate, type GateInput } from './core/gate.js';
export { checkRubric } from './core/rubric-check.js';
export { prepareRubric } from './core/prepare-rubric.js';
export type { Rubric, Question, Option, Gate, Remediation, Probe } from './core/rubric-schema.js';
export type { Answer, Answers } from './core/answers.js';
export type * from './core/report.js';
export { REPORT_SCHEMA_VERSION } from './core/report.js';
export { loadRubric, loadRubricFile, loadRubricChain, type LoadedRubric, type RubricLink } from './io/load-rubric.js';
export { mergeRubricDocuments, type MergedRubric, type Origin } from './core/rubric-merge.js';
export { migrateAnswers, type Migration, type CarriedAnswer, type OrphanedAnswer } from './core/migrate.js';
export { loadReadiness } from './io/load-readiness.js';
export { InputError, UsageError } from './io/errors.js';
export { render } from './reporters/render.js';
