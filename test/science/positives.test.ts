import { beforeAll, describe, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { positives } from '../../lessons/positives';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The positives lesson's claim on its default world, over SEEDS seeds; differences printed with their spread. */
describe('positives', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it(`positives: down-sampling hot clicks lowers the head share of what is retrieved (${SEEDS} seeds)`, async () => {
    const runs = await runSeeds(positives);
    const head = difference(runs, 'downsample-head', 'raw', metric('headShare@50'));
    console.log(describeDifference('headShare@50 downsample-head − raw', head));
    console.log(describeDifference('recall@50 downsample-head − raw', difference(runs, 'downsample-head', 'raw', metric('recall@50'))));
    console.log(describeDifference('recall@50.tail downsample-head − raw', difference(runs, 'downsample-head', 'raw', metric('recall@50.tail'))));
    console.log(describeDifference('headShare@50 upsample-tail − raw', difference(runs, 'upsample-tail', 'raw', metric('headShare@50'))));
    expectClaim(head, -1);
  }, SCIENCE_TIMEOUT);
});
