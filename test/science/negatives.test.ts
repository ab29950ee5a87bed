import { beforeAll, describe, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { negatives } from '../../lessons/negatives';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The negatives lesson's claim on its default world, over SEEDS seeds; differences printed with their spread. */
describe('negatives', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it(`negatives: sampling ∝ clicks^0.75 retrieves fewer head items than uniform sampling (${SEEDS} seeds)`, async () => {
    const runs = await runSeeds(negatives);
    const head = difference(runs, 'pop-0.75', 'uniform', metric('headShare@50'));
    console.log(describeDifference('headShare@50 pop-0.75 − uniform', head));
    for (const arm of ['pop-0.75', 'in-batch', 'hard-mix'])
      console.log(describeDifference(`recall@50 ${arm} − uniform`, difference(runs, arm, 'uniform', metric('recall@50'))));
    console.log(describeDifference('recall@50.tail pop-0.75 − uniform', difference(runs, 'pop-0.75', 'uniform', metric('recall@50.tail'))));
    expectClaim(head, -1);
  }, SCIENCE_TIMEOUT);
});
