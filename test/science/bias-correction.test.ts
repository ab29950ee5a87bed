import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { biasCorrection } from '../../lessons/bias-correction';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** The bias-correction lesson's claim on its default world, over SEEDS seeds; differences printed with their spread. */
describe('bias-correction', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it(`bias-correction: logQ beats plain in-batch on recall and on head share; the streaming estimator converges (${SEEDS} seeds)`, async () => {
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
  }, SCIENCE_TIMEOUT);
});
