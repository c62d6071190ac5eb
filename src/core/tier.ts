// Deployment tier from the tier questions, by the rubric's ordered rules (first match wins).
import type { Rubric, TierRule } from './rubric-schema.js';
import type { Answers } from './answers.js';

export type TierCombo = Record<string, string>;

export function tierCombinations(questions: Rubric['tierQuestions']): TierCombo[] {
  return questions.reduce<TierCombo[]>(
    (combos, q) => combos.flatMap((c) => q.options.map((o) => ({ ...c, [q.id]: o.id }))),
    [{}],
  );
}

export function matchesRule(rule: TierRule, combo: TierCombo): boolean {
  return Object.entries(rule.when).every(([qid, want]) => {
    const got = combo[qid];
    return got !== undefined && (Array.isArray(want) ? want.includes(got) : want === got);
  });
}

export interface TierResult {
  id: string;
  title: string;
  reason: string;
  /** false when a tier question is unanswered and the strictest tier was assumed */
  known: boolean;
  answers: TierCombo;
}

export function classifyTier(rubric: Rubric, answers: Answers): TierResult {
  const combo: TierCombo = {};
  const missing: string[] = [];
  for (const q of rubric.tierQuestions) {
    const choice = answers[q.id]?.choice?.[0];
    if (choice === undefined) missing.push(q.id);
    else combo[q.id] = choice;
  }
  const titleOf = (id: string) => rubric.tiers.find((t) => t.id === id)?.title ?? id;
  if (missing.length === 0) {
    const rule = rubric.tierRules.find((r) => matchesRule(r, combo));
    if (rule) return { id: rule.tier, title: titleOf(rule.tier), reason: rule.reason, known: true, answers: combo };
  }
  // Not knowing how the output is used is no excuse for a lighter gate: assume the strictest tier.
  const strictest = rubric.tiers[rubric.tiers.length - 1]!;
  return {
    id: strictest.id,
    title: strictest.title,
    reason: `Tier question${missing.length > 1 ? 's' : ''} ${missing.join(', ')} unanswered: assuming the most demanding tier.`,
    known: false,
    answers: combo,
  };
}
