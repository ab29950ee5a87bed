import { beforeAll, describe, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { negatives } from '../../lessons/negatives';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/**
 * Exposure bias γ of the training log (held-out clicks follow the true preference). Unbiased
 * (γ = 0), drawing negatives ∝ clicks^0.75 trades recall for the tail; once the log over-represents
 * what the old recommender showed (γ = 1), the same debiasing wins recall@50 outright.
 */
describe('exposure bias', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it(`exposure bias: pop-0.75 − uniform on recall@50 is ≤ 0 on an unbiased log and > 0 at γ = 1 (${SEEDS} seeds)`, async () => {
    const arms = ['uniform', 'pop-0.75'];
    const unbiased = difference(await runSeeds(negatives, { exposureBias: 0 }, arms), 'pop-0.75', 'uniform', metric('recall@50'));
    const biased = difference(await runSeeds(negatives, { exposureBias: 1 }, arms), 'pop-0.75', 'uniform', metric('recall@50'));
    console.log(describeDifference('recall@50 pop-0.75 − uniform at γ = 0', unbiased));
    console.log(describeDifference('recall@50 pop-0.75 − uniform at γ = 1', biased));
    expectClaim(unbiased, -1);
    expectClaim(biased, 1);
  }, SCIENCE_TIMEOUT);
});
