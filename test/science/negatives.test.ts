import { beforeAll, describe, expect, it } from 'vitest';
import { knobsOf } from '../../src/lesson/knobs';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { Settings } from '../../src/lesson/types';
import { runLesson } from '../../src/train/runLesson';
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

  it('negatives: in this world, recall falls as the share of hard negatives grows (seed 7)', async () => {
    const settings: Settings = Object.fromEntries(knobsOf(negatives).map((k) => [k.id, k.default]));
    const recallAt = async (hardShare: number) => {
      const r = await runLesson(negatives, { settings: { ...settings, hardShare }, armIds: ['hard-mix'], backend: 'wasm' });
      return r.arms[0].metrics['recall@50'];
    };
    const sweep: [number, number][] = [];
    for (const share of [0, 0.5, 1]) sweep.push([share, await recallAt(share)]);
    console.log(`hard-mix recall@50 by hard share: ${sweep.map(([s, r]) => `${s * 100}%: ${r.toFixed(3)}`).join(', ')}`);
    expect(sweep[1][1]).toBeLessThan(sweep[0][1]);
    expect(sweep[2][1]).toBeLessThan(sweep[1][1]);
  }, SCIENCE_TIMEOUT);
});
