// The types of the JSON report, inferred from its one definition in report-schema.ts. The import
// is type-only: nothing of zod loads with this module.
import type { z } from 'zod';
import type * as S from './report-schema.js';

export { REPORT_SCHEMA_VERSION } from './report-version.js';
export type { GateTerm } from './gate-terms.js';

export type Report = z.output<typeof S.ReportSchema>;
export type QuestionStatus = z.output<typeof S.QuestionStatusSchema>;
export type QuestionResult = Report['questions'][number];
/** One probe's finding, as the report shows it next to the answer. */
export type EvidenceItem = NonNullable<QuestionResult['evidence']>[number];
export type AreaResult = Report['areas'][number];
export type BlockerResult = Report['blockers'][number];
export type RemediationItem = Report['remediation'][number];
export type GateResult = Report['gate'];
export type GateFailure = GateResult['failures'][number];
export type ResolvedGate = GateResult['terms'];
export type ResolvedTerm = NonNullable<ResolvedGate['minScore']>;
export type GateSource = ResolvedTerm['source'];
/** The no-regression terms of `ready check --baseline`: the threshold is the baseline's value. */
export type BaselineTerm = Exclude<GateFailure['term'], S.GateTermId>;
export type BaselineSummary = NonNullable<Report['baseline']>;
export type EvidenceSummary = NonNullable<Report['evidence']>;
export type Contradiction = NonNullable<Report['contradictions']>[number];
export type ContradictionCode = Contradiction['code'];
export type Migration = NonNullable<Report['migration']>;
export type CarriedAnswer = Migration['carried'][number];
export type OrphanedAnswer = Migration['removed'][number];
