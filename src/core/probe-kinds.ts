// The probe kinds, once: the rubric schema's discriminated union, the report schema and the
// scanner's registry (src/evidence/probes.ts) are all checked against this list.
export const PROBE_KINDS = ['file', 'content', 'dependency'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
