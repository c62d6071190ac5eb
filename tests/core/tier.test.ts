import { describe, expect, it } from 'vitest';
import { tierCombinations } from '../../src/core/tier.js';
import { classifyTier } from '../../src/core/evaluate.js';
import { loadRubricFile, builtinRubricYaml } from '../../src/load/load-rubric.js';
import { answers } from '../helpers/rubric.js';

const rubric = await loadRubricFile(builtinRubricYaml('default'));

describe('the white paper tiers in the built-in rubric', () => {
  // the product kind (2.0.0) is asked with the tier questions; it selects questions, not the tier
  it.each([
    ['a one-off root-cause analysis read by engineers', 'humans', 'once', 'rules', 'low'],
    ['a nightly sales forecast on a dashboard', 'humans', 'batch', 'model', 'medium'],
    ['a real-time IoT monitoring view', 'humans', 'streaming', 'dashboard', 'medium'],
    ['a marketing-automation model feeding another system', 'machines', 'batch', 'model', 'high'],
    ['a scoring model streaming into an application', 'machines', 'streaming', 'model', 'high'],
    // the paper leaves this one open; the rubric decides
    ['a one-off score list loaded into a CRM', 'machines', 'once', 'model', 'medium'],
  ])('%s is %s/%s -> %s', (_, consumer, frequency, kind, tier) => {
    for (const productKind of [kind, 'generative']) {
      const t = classifyTier(rubric, answers({ consumer, frequency, 'product-kind': productKind }));
      expect(t).toMatchObject({ id: tier, known: true });
      expect(t.reason.length).toBeGreaterThan(10);
    }
  });

  it('knows the tier while the product kind is open: no tier rule names it (it selects questions instead)', () => {
    expect(classifyTier(rubric, answers({ consumer: 'humans', frequency: 'once' }))).toMatchObject({ id: 'low', known: true, answers: { consumer: 'humans', frequency: 'once' } });
    expect(classifyTier(rubric, answers({ consumer: 'humans', frequency: 'once', 'product-kind': 'rules' })).answers).toEqual({ consumer: 'humans', frequency: 'once', 'product-kind': 'rules' });
  });

  it('assumes the strictest tier while a tier question is unanswered', () => {
    expect(classifyTier(rubric, answers({ consumer: 'humans' }))).toMatchObject({ id: 'high', known: false });
  });

  it('enumerates every combination of tier answers', () => {
    // 2 consumers x 3 frequencies x 4 product kinds
    expect(tierCombinations(rubric.tierQuestions)).toHaveLength(24);
  });
});
