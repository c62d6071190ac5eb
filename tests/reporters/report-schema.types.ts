// Compiled by report-schema.test.ts: a type error here means that the zod schema of the report
// and the Report type have drifted apart. Checked both ways, field by field, optional or not.
import type { z } from 'zod';
import type { ReportSchema } from '../../src/core/report-schema.js';
import type { Report } from '../../src/core/report.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Normalises both sides to plain object types, so that interfaces and inferred types compare. */
type Deep<T> = T extends (infer U)[] ? Deep<U>[] : T extends object ? { [K in keyof T]: Deep<T[K]> } : T;

export const reportTypeMatchesSchema: Equal<Deep<z.output<typeof ReportSchema>>, Deep<Report>> = true;
