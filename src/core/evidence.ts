// What the repository scan found, as the pure core sees it: one finding per probe of the rubric,
// and the files the scan could not look into. Produced by src/evidence/, consumed by evaluate,
// contradictions and the questionnaire's suggested answers.
import type { Question, Rubric } from './rubric-schema.js';

import type { Capability, ProbeKind } from './probe-kinds.js';

export type { Capability, ProbeKind };

/**
 * What proved a finding: the file, the line where it shows (a match, a CI step, a pinned line),
 * and what was seen there in words. For a committed secret `what` names the kind of credential,
 * never its value.
 */
export interface Proof {
  path: string;
  line?: number;
  what: string;
}

/** One capability of the vocabulary: found or not, the proving paths, and the proof line by line. */
export interface CapabilityFinding {
  found: boolean;
  paths: string[];
  why: Proof[];
  /** not found, but the scan stopped reading before it had read every file that could show it */
  incomplete?: true;
}

export interface ProbeFinding {
  /** position of the probe in its question's `evidence` list */
  index: number;
  id?: string;
  kind: ProbeKind;
  description: string;
  found: boolean;
  /** up to MAX_FINDING_PATHS matching paths (for dependencies: the manifests that declare them) */
  paths: string[];
  /** there were more matches than `paths` shows */
  more: boolean;
  /** dependency probes: the packages found */
  packages?: string[];
  /** file and line of what proved the finding (kinds that read meaning) */
  why?: Proof[];
  /**
   * What the probe read that would have shown the evidence, had it been there (the CI
   * configurations a `ci` probe parsed, the manifests a `pinning` probe counted). Only a probe
   * that looked somewhere can contradict an answer by finding nothing: silence proves nothing.
   */
  looked?: Proof[];
  supports: string[];
  contradicts: string[];
  absenceContradicts: boolean;
  /** why the result may be incomplete or the probe could not run */
  problem?: string;
}

export type SkipReason =
  | 'outside-root' // a link that points out of the repository
  | 'broken-link' // a link to nothing, or a link loop
  | 'too-large'
  | 'binary'
  | 'unreadable'
  | 'not-a-file' // a directory, socket, FIFO or device where a file was expected
  | 'unparsable' // a dependency manifest that is not valid TOML, JSON or YAML
  | 'read-limit'; // the scan had read as much as it allows

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
}

export interface Evidence {
  /** how the files were listed */
  listing: 'git' | 'walk';
  files: number;
  /** question id -> one finding per probe, in rubric order */
  questions: Record<string, ProbeFinding[]>;
  /** every capability of the vocabulary, when the scan looked for them */
  capabilities?: Record<Capability, CapabilityFinding>;
  /** at most MAX_SKIPPED_SHOWN entries; skippedTotal counts them all */
  skipped: SkippedFile[];
  skippedTotal: number;
}

export const MAX_FINDING_PATHS = 5;
/** Proof lines kept per finding: enough to convince, few enough to read. */
export const MAX_PROOFS = 5;
export const MAX_SKIPPED_SHOWN = 100;

export interface Suggestion {
  /** the best-supported option: the highest-scoring one the repository shows */
  option: string;
  /** for multiple-choice questions every supported option, else [option] */
  choice: string[];
  /** human-readable reasons: what was found, where */
  because: string[];
}

/** A finding in one line: "Dockerfile, .github/workflows/ci.yml (a container build file)". */
export function findingSummary(f: ProbeFinding): string {
  const where = (f.why?.length ? f.why.map(proofPlace) : f.paths).join(', ') + (f.more ? ', …' : '');
  const what = f.packages?.length ? `${f.packages.join(', ')} in ` : '';
  return `${what}${where} (${f.description})`;
}

/**
 * Answers the evidence points to, for the questionnaire's defaults. An option is a candidate when
 * a probe that found something supports it and no probe that found something contradicts it. The
 * candidate the repository shows best wins: most supporting probes that found something, less
 * those that looked for it and found nothing (a CI config supports "CI" and "CD" alike; no
 * deployment step found tips it to "CI"); then the higher score; then rubric order.
 */
export function suggestAnswers(rubric: Rubric, evidence: Evidence): Record<string, Suggestion> {
  const out: Record<string, Suggestion> = {};
  for (const q of rubric.questions) {
    const findings = evidence.questions[q.id] ?? [];
    if (!findings.some((f) => f.found)) continue;
    const suggestion = suggestFor(q, findings);
    if (suggestion) out[q.id] = suggestion;
  }
  return out;
}

function suggestFor(q: Question, findings: ProbeFinding[]): Suggestion | undefined {
  const found = findings.filter((f) => f.found);
  const missed = findings.filter((f) => !f.found && !f.problem);
  const denied = new Set(found.flatMap((f) => f.contradicts));
  const candidates = q.options
    .map((o, order) => {
      const support = found.filter((f) => f.supports.includes(o.id));
      return { o, order, support, net: support.length - missed.filter((f) => f.supports.includes(o.id)).length };
    })
    .filter((c) => c.support.length > 0 && !denied.has(c.o.id));
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.net - a.net || b.o.score - a.o.score || a.order - b.order);
  const best = candidates[0]!;
  const chosen = q.type === 'multiple' ? candidates.sort((a, b) => a.order - b.order) : [best];
  const because = [...new Set(chosen.flatMap((c) => c.support.map(findingSummary)))];
  return { option: best.o.id, choice: chosen.map((c) => c.o.id), because };
}

/** `path:line`, or the path alone when no line proves it. */
export const proofPlace = (p: Proof) => (p.line === undefined ? p.path : `${p.path}:${p.line}`);
