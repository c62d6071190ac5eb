// Answers as the core sees them: already parsed and checked against the rubric by the loader.
export interface Answer {
  /** chosen option ids; one for single-choice questions */
  choice?: string[];
  /** set when the team marked the question not applicable, with its reason */
  notApplicable?: string;
  note?: string;
  by?: string;
  /** ISO date or date-time */
  at?: string;
  /** line of the answer in readiness.yaml, for messages and annotations */
  line?: number;
}

export type Answers = Record<string, Answer>;
