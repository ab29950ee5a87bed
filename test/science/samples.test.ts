import { beforeAll, describe, expect, it } from 'vitest';
import { biasCorrection } from '../../lessons/bias-correction';
import { negatives } from '../../lessons/negatives';
import { positives } from '../../lessons/positives';
import { wrongNegatives } from '../../lessons/wrong-negatives';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, metric, runSeeds, SEEDS } from '../helpers/science';

/**
 * The sample lessons' claims on their default worlds, each over SEEDS seeds. Every difference is
 * printed with its spread; a claim holds when its mean difference has the claimed sign and no
 * seed contradicts it.
 */
function expectClaim(d: { mean: number; diffs: number[] }, sign: 1 | -1): void {
  expect(Math.sign(d.mean)).toBe(sign);
  for (const x of d.diffs) expect(Math.sign(x)).toBe(sign);
}

describe('sample lessons', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('bias-correction: logQ beats plain in-batch on recall and on head share; the streaming estimator converges', async () => {
    const runs = await runSeeds(biasCorrection);
    const recall = metric('recall@50');
    const headGap = (r: RunReport, arm: string) => Math.abs(metric('headShare@50')(r, arm) - r.test.headShare);
    const logq = difference(runs, 'logq', 'in-batch', recall);
    const streaming = difference(runs, 'logq-streaming', 'in-batch', recall);
    const gap = difference(runs, 'logq', 'in-batch', headGap);
    console.log(describeDifference('recall@50 logq − in-batch', logq));
    console.log(describeDifference('recall@50 logq-streaming − in-batch', streaming));
    console.log(describeDifference('|headShare@50 − test.headShare| logq − in-batch', gap));
    expectClaim(logq, 1);
    expectClaim(streaming, 1);
    expectClaim(gap, -1);
    for (const r of runs) {
      const curve = r.arms.find((a) => a.id === 'logq-streaming')!.estimatorError!;
      console.log(`seed ${r.world.seed}: estimator MAE by step ${curve.map((c) => `${c.step}: ${c.error.toExponential(2)}`).join(', ')}`);
      expect(curve.at(-1)!.error).toBeLessThan(curve[0].error);
    }
  });

  it('negatives: sampling ∝ clicks^0.75 retrieves fewer head items than uniform sampling', async () => {
    const runs = await runSeeds(negatives);
    const head = difference(runs, 'pop-0.75', 'uniform', metric('headShare@50'));
    console.log(describeDifference('headShare@50 pop-0.75 − uniform', head));
    for (const arm of ['pop-0.75', 'in-batch', 'hard-mix'])
      console.log(describeDifference(`recall@50 ${arm} − uniform`, difference(runs, arm, 'uniform', metric('recall@50'))));
    console.log(describeDifference('recall@50.tail pop-0.75 − uniform', difference(runs, 'pop-0.75', 'uniform', metric('recall@50.tail'))));
    expectClaim(head, -1);
  });

  it('wrong-negatives: exposed-but-not-clicked negatives lose recall, most near the exposed items', async () => {
    const runs = await runSeeds(wrongNegatives);
    const recall = difference(runs, 'exposed-negatives', 'easy-negatives', metric('recall@50'));
    console.log(describeDifference('recall@50 exposed − easy', recall));
    const byCloseness = (g: number) => (r: RunReport, arm: string) => r.arms.find((a) => a.id === arm)!.detail!.recallByCloseness[g];
    const far = difference(runs, 'exposed-negatives', 'easy-negatives', byCloseness(0));
    const near = difference(runs, 'exposed-negatives', 'easy-negatives', byCloseness(2));
    console.log(describeDifference('recall@50 on clicks far from exposed items, exposed − easy', far));
    console.log(describeDifference('recall@50 on clicks near exposed items, exposed − easy', near));
    expectClaim(recall, -1);
  });

  it('positives: down-sampling hot clicks lowers the head share of what is retrieved', async () => {
    const runs = await runSeeds(positives);
    const head = difference(runs, 'downsample-head', 'raw', metric('headShare@50'));
    console.log(describeDifference('headShare@50 downsample-head − raw', head));
    console.log(describeDifference('recall@50 downsample-head − raw', difference(runs, 'downsample-head', 'raw', metric('recall@50'))));
    console.log(describeDifference('recall@50.tail downsample-head − raw', difference(runs, 'downsample-head', 'raw', metric('recall@50.tail'))));
    console.log(describeDifference('headShare@50 upsample-tail − raw', difference(runs, 'upsample-tail', 'raw', metric('headShare@50'))));
    expectClaim(head, -1);
  });

  it(`runs ${SEEDS} seeds`, () => expect(SEEDS).toBeGreaterThanOrEqual(3));
});
