// What CI systems show next to readiness.yaml: one finding per failed gate term and one per
// blocker, each with a line to point at. GitHub annotations, SARIF and GitLab code quality all
// render this one list, so that they agree on what failed and in which order.
import type { GateFailure, Report } from '../core/report.js';
import { blockerMessage } from '../core/messages.js';
import { stripControl } from '../text/sanitize.js';
import { GATE_TERM_IDS } from '../core/gate-terms.js';
import { BASELINE_TERMS } from '../core/report-schema.js';

export type FindingLevel = 'error' | 'warning';

export type FindingRule = GateFailure['term'] | 'blocker';

/** Every rule a finding can have, in the order CI systems list them: blockers, then the gate's terms. */
export const FINDING_RULES: FindingRule[] = ['blocker', ...GATE_TERM_IDS, ...BASELINE_TERMS];

/** The code CI systems show for a rule, in the one style of finding codes: minScore -> MIN_SCORE. */
export const findingCode = (rule: FindingRule) => rule.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

export interface Finding {
  /** a gate term, or "blocker" for one blocker answer */
  rule: FindingRule;
  /** findingCode(rule): what SARIF, GitLab and annotations name the rule */
  code: string;
  level: FindingLevel;
  /** short heading: the rule and the area or question it is about */
  title: string;
  message: string;
  /** line in readiness.yaml; 1 when the finding is about no particular answer */
  line: number;
  /** identity that survives changes of score and wording, for fingerprints */
  key: string;
  area?: string;
  questions: string[];
}

const levelOf = (level: GateFailure['level']): FindingLevel => (level === 'error' ? 'error' : 'warning');

/** Errors first (CI systems cut the list short), blockers before other terms within each level. */
export function findings(report: Report): Finding[] {
  const blockerGate = report.gate.failures.find((f) => f.term === 'maxBlockers');
  const allowed = report.gate.terms.maxBlockers;
  const nextStep = new Map(report.remediation.map((r) => [r.question, r.summary]));
  const out: Finding[] = report.blockers.map((b) => ({
    rule: 'blocker',
    code: findingCode('blocker'),
    // a blocker the gate allows is still worth a warning: it caps the level
    level: blockerGate ? levelOf(blockerGate.level) : 'warning',
    title: `${findingCode('blocker')} ${b.question}`,
    message: stripControl(
      blockerMessage(b, {
        ...(allowed && { allowed: allowed.value, source: allowed.source }),
        ...(blockerGate?.gateLine !== undefined && { gateLine: blockerGate.gateLine }),
        ...(nextStep.has(b.question) && { nextStep: nextStep.get(b.question)! }),
      }),
    ),
    line: b.line ?? 1,
    key: `blocker/${b.question}/${b.option}`,
    area: b.area,
    questions: [b.question],
  }));
  for (const f of report.gate.failures) {
    // the blockers themselves say it better, each at its own line
    if (f.term === 'maxBlockers' && report.blockers.length > 0) continue;
    // the area or question of a keyed term (minArea, minQuestion) or of baselineArea
    const about = f.area ?? f.question;
    out.push({
      rule: f.term,
      code: findingCode(f.term),
      level: levelOf(f.level),
      title: about === undefined ? findingCode(f.term) : `${findingCode(f.term)} ${about}`,
      message: stripControl(f.message),
      line: f.lines[0] ?? f.gateLine ?? 1,
      key: about === undefined ? f.term : `${f.term}/${about}`,
      ...(f.area !== undefined && { area: f.area }),
      questions: f.questions,
    });
  }
  const rank = (f: Finding) => (f.level === 'error' ? 0 : 2) + (f.rule === 'blocker' ? 0 : 1);
  return out.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}
