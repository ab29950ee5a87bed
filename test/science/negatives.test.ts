import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { negatives } from '../../lessons/negatives';
import { knobsOf } from '../../src/lesson/knobs';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The negatives lesson's claims on its default world (and its exposure-bias sweep), over SEEDS seeds; differences printed with their spread. */
describe('negatives', () => {
  let defaults: RunReport[];
  beforeAll(async () => {
    await initNodeBackend('wasm');
    defaults = await runSeeds(negatives);
  }, SCIENCE_TIMEOUT);

  it(`negatives: sampling ∝ clicks^0.75 retrieves fewer head items than uniform sampling (${SEEDS} seeds)`, () => {
    const head = difference(defaults, 'pop-0.75', 'uniform', metric('headShare@50'));
    console.log(describeDifference('headShare@50 pop-0.75 − uniform', head));
    for (const arm of ['pop-0.75', 'in-batch', 'hard-mix'])
      console.log(describeDifference(`recall@50 ${arm} − uniform`, difference(defaults, arm, 'uniform', metric('recall@50'))));
    console.log(describeDifference('recall@50.tail pop-0.75 − uniform', difference(defaults, 'pop-0.75', 'uniform', metric('recall@50.tail'))));
    expectClaim(head, -1);
  });

  it(`negatives: hard negatives cut beyond the judged top-50 help — the 50/50 mix beats its easy negatives alone (${SEEDS} seeds)`, () => {
    const gain = difference(defaults, 'hard-mix', 'pop-0.75', metric('recall@50'));
    console.log(describeDifference('recall@50 hard-mix − pop-0.75 (pre-ranking keeps 200 of 400)', gain));
    expectClaim(gain, 1);
  });

  it(`negatives: hard negatives cut inside the judged top-50 hurt — with pre-ranking keeping 25, the mix loses to easy negatives (${SEEDS} seeds)`, async () => {
    const runs = await runSeeds(negatives, { preRanked: 25 }, ['pop-0.75', 'hard-mix']);
    const loss = difference(runs, 'hard-mix', 'pop-0.75', metric('recall@50'));
    console.log(describeDifference('recall@50 hard-mix − pop-0.75 (pre-ranking keeps 25 of 50)', loss));
    expectClaim(loss, -1);
    // The easy arm never reads the pipeline: the cut changes nothing else in the world.
    for (const [k, r] of runs.entries()) expect(metric('recall@50')(r, 'pop-0.75')).toBe(metric('recall@50')(defaults[k], 'pop-0.75'));
  }, SCIENCE_TIMEOUT);

  /**
   * Exposure bias γ of the training log (held-out clicks follow the true preference). Unbiased
   * (γ = 0, the default world: its runs are the ones above), drawing negatives ∝ clicks^0.75 trades
   * recall for the tail; once the log over-represents what the old recommender showed (γ = 1), the
   * same debiasing wins recall@50 outright.
   */
  it(`exposure bias: pop-0.75 − uniform on recall@50 is ≤ 0 on an unbiased log and > 0 at γ = 1 (${SEEDS} seeds)`, async () => {
    expect(knobsOf(negatives).find((k) => k.id === 'exposureBias')!.default).toBe(0);
    const unbiased = difference(defaults, 'pop-0.75', 'uniform', metric('recall@50'));
    const biased = difference(await runSeeds(negatives, { exposureBias: 1 }, ['uniform', 'pop-0.75']), 'pop-0.75', 'uniform', metric('recall@50'));
    console.log(describeDifference('recall@50 pop-0.75 − uniform at γ = 0', unbiased));
    console.log(describeDifference('recall@50 pop-0.75 − uniform at γ = 1', biased));
    expectClaim(unbiased, -1);
    expectClaim(biased, 1);
  }, SCIENCE_TIMEOUT);
});
