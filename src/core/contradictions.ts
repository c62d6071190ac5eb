// Answers held against the repository. Two kinds of contradiction:
// - the answer denies what the repository shows: a chosen option is in `contradicts` of a probe
//   that found something;
// - the answer claims what the repository does not show: a chosen option is supported by probes
//   marked `absenceContradicts` that read where the evidence would be (a `ci` probe that parsed
//   the CI configurations and found no deployment step among their jobs), and no probe supporting
//   that option found anything. Silence is never a contradiction: no CI file may mean CI on a
//   platform the vocabulary does not know, or in another repository. Any one supporting probe
//   that finds something is enough.
// Each contradiction names the files and lines it rests on.
import type { Answers } from './answers.js';
import { proofPlace, type Evidence, type ProbeFinding } from './evidence.js';
import type { Rubric } from './rubric-schema.js';
import { contradictionMessage } from './messages.js';

export type { Contradiction, ContradictionCode } from './report.js';
import type { Contradiction, ContradictionCode } from './report.js';

export function findContradictions(rubric: Rubric, answers: Answers, evidence: Evidence): Contradiction[] {
  const out: Contradiction[] = [];
  for (const q of rubric.questions) {
    const choice = answers[q.id]?.choice ?? [];
    const findings = evidence.questions[q.id] ?? [];
    if (choice.length === 0 || findings.length === 0) continue;
    const line = answers[q.id]?.line;
    for (const optionId of choice) {
      const option = q.options.find((o) => o.id === optionId);
      if (!option) continue;
      const base = { question: q.id, area: q.area, option: option.id, label: option.label, ...(line !== undefined && { line }) };
      const add = (code: ContradictionCode, probes: ProbeFinding[], places: string[]) => {
        const facts = { code, ...base, probes: probes.map((p) => p.description), paths: [...new Set(places)].slice(0, 5) };
        out.push({ ...facts, message: contradictionMessage(facts) });
      };

      // the answer denies what a probe found: name the file and line that proved it
      const denying = findings.filter((f) => f.found && f.contradicts.includes(optionId));
      if (denying.length > 0) add('ANSWER_DENIES_EVIDENCE', denying, denying.flatMap((f) => (f.why?.length ? f.why.map(proofPlace) : f.paths)));

      // the answer claims what a probe that read the right place did not find (CI parsed, no
      // deployment step); a probe that could not have seen it, or could not run, proves nothing
      const supporting = findings.filter((f) => f.supports.includes(optionId));
      const expected = supporting.filter((f) => f.absenceContradicts && f.looked && f.looked.length > 0);
      if (expected.length > 0 && !supporting.some((f) => f.found || f.problem)) add('ANSWER_LACKS_EVIDENCE', expected, expected.flatMap((f) => f.looked!.map(proofPlace)));
    }
  }
  return out;
}
