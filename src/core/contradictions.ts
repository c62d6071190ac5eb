// Answers held against the repository. Two kinds of contradiction:
// - the answer denies what the repository shows: a chosen option is in `contradicts` of a probe
//   that found something;
// - the answer claims what the repository does not show: a chosen option is supported by probes
//   marked `absenceContradicts`, and no probe supporting that option found anything. Any one
//   supporting probe that finds something is enough: a container may be built from a Dockerfile
//   or a Containerfile, and the rubric may probe for both.
import type { Answers } from './answers.js';
import type { Evidence, ProbeFinding } from './evidence.js';
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
      const add = (code: ContradictionCode, probes: ProbeFinding[]) => {
        const facts = {
          code,
          ...base,
          probes: probes.map((p) => p.description),
          paths: [...new Set(probes.flatMap((p) => p.paths))].slice(0, 5),
        };
        out.push({ ...facts, message: contradictionMessage(facts) });
      };

      const denying = findings.filter((f) => f.found && f.contradicts.includes(optionId));
      if (denying.length > 0) add('ANSWER_DENIES_EVIDENCE', denying);

      const supporting = findings.filter((f) => f.supports.includes(optionId));
      const expected = supporting.filter((f) => f.absenceContradicts);
      // a probe that could not run proves no absence
      if (expected.length > 0 && !supporting.some((f) => f.found || f.problem)) add('ANSWER_LACKS_EVIDENCE', expected);
    }
  }
  return out;
}
