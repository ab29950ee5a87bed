import { beforeAll, describe, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { wrongNegatives } from '../../lessons/wrong-negatives';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The wrong-negatives lesson's claim on its default world, over SEEDS seeds; differences printed with their spread. */
describe('wrong-negatives', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it(`wrong-negatives: exposed-but-not-clicked negatives lose recall, most near the exposed items (${SEEDS} seeds)`, async () => {
    const runs = await runSeeds(wrongNegatives);
    const recall = difference(runs, 'exposed-negatives', 'easy-negatives', metric('recall@50'));
    console.log(describeDifference('recall@50 exposed − easy', recall));
    const byCloseness = (g: number) => (r: RunReport, arm: string) => r.arms.find((a) => a.id === arm)!.detail!.recallByCloseness[g];
    const far = difference(runs, 'exposed-negatives', 'easy-negatives', byCloseness(0));
    const near = difference(runs, 'exposed-negatives', 'easy-negatives', byCloseness(2));
    console.log(describeDifference('recall@50 on clicks far from exposed items, exposed − easy', far));
    console.log(describeDifference('recall@50 on clicks near exposed items, exposed − easy', near));
    expectClaim(recall, -1);
    // The loss concentrates on clicks near what the user was shown: a larger drop there.
    expectClaim({ mean: near.mean - far.mean, diffs: near.diffs.map((n, i) => n - far.diffs[i]) }, -1);
  }, SCIENCE_TIMEOUT);
});
