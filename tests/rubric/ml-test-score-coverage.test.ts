// Where the built-in rubric asks each of the 28 tests of Google's ML Test Score (Breck et al.,
// 2017). Each row names the questions that cover the test and words their prompt, help or options
// must use, so that a rewording cannot silently drop a test. "partly" marks a test that the
// questions touch without asking it in full.
import { describe, expect, it } from 'vitest';
import { builtinRubricYaml, loadRubricFile } from '../../src/load/load-rubric.js';

const rubric = await loadRubricFile(builtinRubricYaml('default'));

type Row = [test: string, name: string, questions: string[], words: RegExp, coverage: 'full' | 'partly'];
const ML_TEST_SCORE: Row[] = [
  ['D1', 'feature expectations are captured in a schema', ['data-validation'], /schema/i, 'full'],
  ['D2', 'all features are beneficial', ['feature-value'], /ablation|earns its place/i, 'full'],
  ['D3', 'no feature costs too much', ['feature-value'], /cost/i, 'full'],
  ['D4', 'features adhere to meta-level requirements', ['feature-value', 'personal-data', 'data-licences'], /may use|allowed sources|forbidden/i, 'full'],
  ['D5', 'the data pipeline has appropriate privacy controls', ['data-security', 'personal-data'], /role-based access|pseudonym/i, 'full'],
  ['D6', 'new features can be added quickly', ['release-process'], /new feature can reach production in days/i, 'partly'],
  ['D7', 'all input feature code is tested', ['feature-tests'], /unit tests/i, 'full'],
  ['M1', 'model specs are reviewed and submitted', ['code-review', 'model-lineage'], /review[\s\S]*code commit/i, 'full'],
  ['M2', 'offline and online metrics correlate', ['business-goal'], /offline metric/i, 'full'],
  ['M3', 'all hyperparameters have been tuned', ['model-selection'], /hyperparameter/i, 'full'],
  ['M4', 'the impact of model staleness is known', ['retraining-policy'], /staleness/i, 'full'],
  ['M5', 'a simpler model is not better', ['model-selection', 'model-validation'], /simple baseline/i, 'full'],
  ['M6', 'model quality is sufficient on important data slices', ['model-validation', 'acceptance-criteria'], /segment/i, 'full'],
  ['M7', 'the model is tested for considerations of inclusion', ['fairness'], /groups/i, 'full'],
  ['I1', 'training is reproducible', ['reproducible-training'], /same result|reproduc/i, 'full'],
  ['I2', 'model specs are unit tested', ['model-tests'], /training run[\s\S]*loss/i, 'full'],
  ['I3', 'the ML pipeline is integration tested', ['model-tests'], /end to end|end-to-end/i, 'full'],
  ['I4', 'model quality is validated before serving', ['model-validation'], /blocks/i, 'full'],
  ['I5', 'the model is debuggable', ['model-lineage', 'explainability'], /single case|questioned case/i, 'partly'],
  ['I6', 'models are canaried before serving', ['staged-rollout'], /canary/i, 'full'],
  ['I7', 'serving models can be rolled back', ['rollback'], /roll(ing)? back/i, 'full'],
  ['Mo1', 'dependency changes result in notification', ['data-ownership'], /notification|before a change/i, 'full'],
  ['Mo2', 'data invariants hold in training and serving inputs', ['data-validation'], /live input/i, 'full'],
  ['Mo3', 'training and serving are not skewed', ['training-serving-skew'], /same code/i, 'full'],
  ['Mo4', 'models are not too stale', ['retraining-policy'], /older than allowed|maximum age/i, 'full'],
  ['Mo5', 'the model is numerically stable', ['model-tests'], /NaN/, 'full'],
  ['Mo6', 'computing performance has not regressed', ['service-monitoring', 'performance-fit'], /regression|latency/i, 'full'],
  ['Mo7', 'prediction quality has not regressed', ['model-monitoring'], /quality/i, 'full'],
];

describe('ML Test Score coverage of the built-in rubric', () => {
  it('maps all 28 tests, 7 per section', () => {
    expect(ML_TEST_SCORE).toHaveLength(28);
    for (const prefix of ['D', 'M', 'I', 'Mo']) expect(ML_TEST_SCORE.filter(([t]) => t.replace(/\d+$/, '') === prefix)).toHaveLength(7);
  });

  it.each(ML_TEST_SCORE)('%s (%s) is asked by %j', (_test, _name, ids, words) => {
    const text = ids
      .map((id) => {
        const q = rubric.questions.find((x) => x.id === id);
        expect(q, id).toBeDefined();
        return [q!.prompt, q!.help, ...q!.options.map((o) => o.label), ...(q!.remediation?.steps ?? [])].join(' ');
      })
      .join(' ');
    expect(text).toMatch(words);
  });

  it('covers at least 24 of the 28 tests in full', () => {
    expect(ML_TEST_SCORE.filter((r) => r[4] === 'full').length).toBeGreaterThanOrEqual(24);
  });
});
