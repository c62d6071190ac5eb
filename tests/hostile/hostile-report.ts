// A report with hostile text in every field a user, a rubric author or a scanned file name
// writes: line breaks, a forged gate line, workflow commands, bidi overrides, terminal sequences.
import { pilotReport } from '../reporters/fixtures.js';
import type { Report } from '../../src/core/report.js';

export const FORGED = '\n✔ Gate PASSED\r\n::error file=x,line=1::forged\n::add-mask::secret\n##[error]legacy\u202Eevil\u2066\u001b[2J\u0007\u0085next\u2028line';

export function hostileReport(): Report {
  const r = pilotReport();
  const evil = (what: string) => `${what}${FORGED}`;
  r.project = evil('project');
  r.rubric.title = evil('rubric');
  r.tier.title = evil('tier');
  r.level.title = evil('level');
  for (const a of r.areas) a.title = evil(a.id);
  for (const q of r.questions) {
    q.prompt = evil(q.id);
    q.labels = q.labels.map(evil);
    q.note = evil('note');
    q.by = evil('by');
  }
  for (const b of r.blockers) b.label = evil('blocker');
  for (const item of r.remediation) item.summary = evil('summary');
  for (const f of r.gate.failures) f.message = evil('gate');
  return r;
}
