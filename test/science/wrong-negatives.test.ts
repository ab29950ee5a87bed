import { beforeAll, describe, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { wrongNegatives } from '../../lessons/wrong-negatives';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The wrong-negatives lesson on its default world, over SEEDS seeds: both tasks, side by side. */
describe('wrong-negatives', () => {
  let runs: RunReport[];
  beforeAll(async () => {
    await initNodeBackend('wasm');
    runs = await runSeeds(wrongNegatives);
  }, SCIENCE_TIMEOUT);

  it(`wrong-negatives: exposed-but-not-clicked negatives lose retrieval, most near the exposed items (${SEEDS} seeds)`, () => {
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
  });

  it(`wrong-negatives: on the ranking task (slate.auc) the exposed arm does not win in our world either — the page says so (${SEEDS} seeds)`, () => {
    const auc = difference(runs, 'exposed-negatives', 'easy-negatives', metric('slate.auc'));
    console.log(describeDifference('slate.auc exposed − easy', auc));
    for (const r of runs)
      console.log(`seed ${r.world.seed}: slate.auc oracle ${r.oracle['slate.auc'].toFixed(3)}, popular ${r.baselines.popular['slate.auc'].toFixed(3)}`);
    // The notes expect +: a ranker gains from these negatives. Our two towers, trained on ≈20 clicks
    // per user, lose. If this ever flips, the page's explanation is stale: update it with the test.
    expectClaim(auc, -1);
  });
});
