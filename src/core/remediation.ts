// The remediation plan: blockers first, then the largest weighted gap per unit of effort.
import type { Answers } from './answers.js';
import type { Effort, Rubric } from './rubric-schema.js';
import type { AreaResult, QuestionResult, RemediationItem } from './report.js';

/** Relative cost of each effort size: an L is worth doing first only if it recovers 4x an S. */
export const EFFORT_COST: Record<Effort, number> = { S: 1, M: 2, L: 4 };

export function planRemediation(
  rubric: Rubric,
  questions: QuestionResult[],
  areas: AreaResult[],
  answers: Answers,
): RemediationItem[] {
  const areaWeight = new Map(areas.filter((a) => a.score !== null).map((a) => [a.id, a.weight]));
  const totalAreaWeight = [...areaWeight.values()].reduce((a, b) => a + b, 0);
  const weightInArea = new Map<string, number>();
  for (const q of questions) if (q.score !== null) weightInArea.set(q.area, (weightInArea.get(q.area) ?? 0) + q.weight);

  const items: RemediationItem[] = [];
  for (const q of questions) {
    if (q.score === null || q.score >= 100) continue;
    const rq = rubric.questions.find((r) => r.id === q.id)!;
    const chosen = (answers[q.id]?.choice ?? []).map((c) => rq.options.find((o) => o.id === c));
    // the next step from "done by hand" differs from the next step from "not done"
    const remediation = chosen.find((o) => o?.remediation)?.remediation ?? rq.remediation;
    if (!remediation) continue;
    const gap = 1 - q.score / 100;
    const inArea = q.weight / weightInArea.get(q.area)!;
    // under `min` the overall score is the weakest area's, so an area's points are what counts
    const areaShare = rubric.aggregation === 'min' ? 1 : areaWeight.get(q.area)! / totalAreaWeight;
    items.push({
      question: q.id,
      area: q.area,
      prompt: q.prompt,
      status: q.status,
      summary: remediation.summary,
      steps: remediation.steps,
      effort: remediation.effort,
      references: remediation.references,
      gap: Math.round(gap * 1000) / 1000,
      impact: Math.round(gap * inArea * areaShare * 1000) / 10,
      blocker: q.blocker,
    });
  }
  const order = new Map(questions.map((q, i) => [q.id, i]));
  return items.sort(
    (a, b) =>
      Number(b.blocker) - Number(a.blocker) ||
      b.impact / EFFORT_COST[b.effort] - a.impact / EFFORT_COST[a.effort] ||
      order.get(a.question)! - order.get(b.question)!,
  );
}
