// What decides which questions of the built-in rubric apply: the tier (consumer x frequency), the
// frequency itself (streaming), and the product kind. And the rubric keeps its own rule that only
// a checked negative switches a follow-up off.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { checkRubricWarnings } from '../../src/core/rubric-check.js';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';
import type { Answers } from '../../src/core/answers.js';

const NOW = '2026-11-28T12:00:00.000Z';
const rubric = await loadRubricFile(builtinRubricYaml('default'));
const HIGH_ONLY = ['consumer-contract', 'fallback', 'staged-rollout'];
const STREAMING_ONLY = ['stream-backpressure', 'stream-late-data', 'stream-replay'];
const TRAINED_MODEL = ['feature-value', 'label-quality', 'model-format', 'model-selection', 'model-tests', 'retraining-policy', 'training-serving-skew'];
// judged against outcomes or a previous version; a generative product has its own evaluation
// (explainability too, but only where decisions about people depend on the output: see below)
const MODEL_OR_RULES = ['ground-truth', 'model-monitoring', 'model-validation'];
// anything that computes or decides: not a dashboard of figures
const COMPUTES = ['ai-act-classification', 'human-oversight', 'ml-security', 'model-lineage', 'staged-rollout'];
// every kind has code to test
const EVERY_KIND = ['feature-tests'];
const GENERATIVE = ['genai-cost', 'genai-evaluation', 'llm-version-pinning', 'prompt-injection', 'vendor-terms', 'retrieval-permissions', 'generative-rebuild'];

const asked = (consumer: string, frequency: string, kind: string, impact = 'none-recorded') => {
  const a: Answers = { consumer: { choice: [consumer] }, frequency: { choice: [frequency] }, 'product-kind': { choice: [kind] }, 'decision-impact': { choice: [impact] } };
  return new Set(evaluate(rubric, a, { now: NOW }).questions.filter((q) => q.status === 'unanswered').map((q) => q.id));
};
const has = (set: Set<string>, ids: string[]) => ids.filter((id) => set.has(id)).sort();

describe('the tier changes the questions', () => {
  it('asks the high-tier questions only where software acts on the output', () => {
    const medium = asked('humans', 'batch', 'model');
    const high = asked('machines', 'batch', 'model');
    expect(has(medium, HIGH_ONLY)).toEqual([]);
    expect(has(high, HIGH_ONLY)).toEqual(HIGH_ONLY);
    expect(high.size).toBeGreaterThan(medium.size);
    for (const id of medium) expect(high.has(id), id).toBe(true);
  });

  it('adds the fallback and the staged roll-out, not the consumer contract, where people read output that decisions about people depend on', () => {
    for (const impact of ['people-significant', 'annex-iii', 'not-assessed', 'dont-know']) {
      expect(has(asked('humans', 'batch', 'model', impact), HIGH_ONLY), impact).toEqual(['fallback', 'staged-rollout']);
    }
    expect(has(asked('humans', 'once', 'model', 'people-significant'), HIGH_ONLY)).toEqual([]);
  });

  it('asks about human oversight wherever the output is refreshed, not only where software acts on it', () => {
    expect(asked('humans', 'batch', 'model').has('human-oversight')).toBe(true);
    expect(asked('machines', 'batch', 'model').has('human-oversight')).toBe(true);
    expect(asked('humans', 'once', 'model').has('human-oversight')).toBe(false);
  });

  it('asks the production questions from the medium tier on', () => {
    const low = asked('humans', 'once', 'model');
    const medium = asked('humans', 'batch', 'model');
    for (const id of ['operator', 'incident-management', 'serving-security', 'backup-recovery', 'rollback']) {
      expect(low.has(id), id).toBe(false);
      expect(medium.has(id), id).toBe(true);
    }
  });
});

describe('decisions about people change the questions', () => {
  it('asks explainability only when decision-impact does not record "no decision about a person"', () => {
    expect(asked('machines', 'batch', 'model').has('explainability')).toBe(false);
    for (const impact of ['people-significant', 'annex-iii', 'not-assessed', 'dont-know']) {
      expect(asked('humans', 'batch', 'model', impact).has('explainability'), impact).toBe(true);
      expect(asked('humans', 'batch', 'dashboard', impact).has('explainability'), impact).toBe(false);
    }
  });

  it('asks the GDPR Article 22 question of recurring products unless no decision about a person depends on them', () => {
    expect(asked('machines', 'batch', 'model').has('automated-decision')).toBe(false);
    expect(asked('humans', 'once', 'model', 'people-significant').has('automated-decision')).toBe(false);
    for (const impact of ['people-significant', 'annex-iii', 'not-assessed', 'dont-know']) {
      expect(asked('humans', 'batch', 'model', impact).has('automated-decision'), impact).toBe(true);
      expect(asked('machines', 'batch', 'dashboard', impact).has('automated-decision'), impact).toBe(true);
    }
  });

  it('asks the AI Act classification of a one-off analysis only when decisions about people depend on it', () => {
    expect(asked('humans', 'once', 'model').has('ai-act-classification')).toBe(false);
    for (const impact of ['people-significant', 'annex-iii', 'not-assessed']) {
      expect(asked('humans', 'once', 'model', impact).has('ai-act-classification'), impact).toBe(true);
    }
    expect(asked('machines', 'once', 'model').has('ai-act-classification')).toBe(true);
    expect(asked('humans', 'batch', 'model').has('ai-act-classification')).toBe(true);
    expect(asked('humans', 'once', 'dashboard', 'people-significant').has('ai-act-classification')).toBe(false);
  });
});

describe('streaming changes the questions', () => {
  it.each([['humans'], ['machines']])('asks the streaming questions of %s-consumed products only when data streams', (consumer) => {
    expect(has(asked(consumer, 'batch', 'model'), STREAMING_ONLY)).toEqual([]);
    expect(has(asked(consumer, 'streaming', 'model'), STREAMING_ONLY)).toEqual(STREAMING_ONLY);
  });
});

describe('the product kind changes the questions', () => {
  it.each<[string, string[], string[]]>([
    ['model', [...TRAINED_MODEL, ...MODEL_OR_RULES, ...COMPUTES, ...EVERY_KIND], GENERATIVE],
    ['rules', [...MODEL_OR_RULES, ...COMPUTES, ...EVERY_KIND], [...TRAINED_MODEL, ...GENERATIVE]],
    ['dashboard', EVERY_KIND, [...TRAINED_MODEL, ...MODEL_OR_RULES, ...GENERATIVE, ...COMPUTES]],
    ['generative', [...GENERATIVE, ...COMPUTES, ...EVERY_KIND], [...TRAINED_MODEL, ...MODEL_OR_RULES]],
  ])('a %s product', (kind, yes, no) => {
    const high = asked('machines', 'batch', kind);
    expect(has(high, yes)).toEqual([...yes].sort());
    expect(has(high, no)).toEqual([]);
  });

  it('asks everything while the kind is open', () => {
    const open = evaluate(rubric, { consumer: { choice: ['humans'] }, frequency: { choice: ['batch'] } }, { now: NOW });
    const ids = new Set(open.questions.filter((q) => q.status === 'unanswered').map((q) => q.id));
    expect(has(ids, [...TRAINED_MODEL, ...GENERATIVE])).toEqual([...TRAINED_MODEL, ...GENERATIVE].sort());
  });
});

describe('the built-in rubrics keep their own rule', () => {
  it.each([['default'], ['ml-test-score']] as const)('%s: no follow-up is switched off by a partial or unchecked answer', async (id) => {
    expect(checkRubricWarnings(await loadRubricFile(builtinRubricYaml(id)))).toEqual([]);
  });
});
