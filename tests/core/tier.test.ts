import { describe, expect, it } from 'vitest';
import { classifyTier, tierCombinations } from '../../src/core/tier.js';
import { loadRubricFile, builtinRubricYaml } from '../../src/load/load-rubric.js';
import { answers } from '../helpers/rubric.js';

const rubric = await loadRubricFile(builtinRubricYaml('default'));

describe('the white paper tiers in the built-in rubric', () => {
  it.each([
    ['a one-off root-cause analysis read by engineers', 'humans', 'once', 'low'],
    ['a nightly sales forecast on a dashboard', 'humans', 'batch', 'medium'],
    ['a real-time IoT monitoring view', 'humans', 'streaming', 'medium'],
    ['a marketing-automation model feeding another system', 'machines', 'batch', 'high'],
    ['a scoring model streaming into an application', 'machines', 'streaming', 'high'],
    // the paper leaves this one open; the rubric decides
    ['a one-off score list loaded into a CRM', 'machines', 'once', 'medium'],
  ])('%s is %s/%s -> %s', (_, consumer, frequency, tier) => {
    const t = classifyTier(rubric, answers({ consumer, frequency }));
    expect(t).toMatchObject({ id: tier, known: true });
    expect(t.reason.length).toBeGreaterThan(10);
  });

  it('assumes the strictest tier while a tier question is unanswered', () => {
    expect(classifyTier(rubric, answers({ consumer: 'humans' }))).toMatchObject({ id: 'high', known: false });
  });

  it('enumerates every combination of tier answers', () => {
    expect(tierCombinations(rubric.tierQuestions)).toHaveLength(6);
  });
});
