import { beforeAll, describe, it } from 'vitest';
import { updates } from '../../lessons/updates';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { RunReport } from '../../src/train/runLesson';
import { type ArmValue, describeDifference, difference, expectClaim, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** Days at the end of the log over which drift has acted. */
const LAST_DAYS = 3;

/** Mean recall@50 of the served days (all, or the last `last`). */
const servedRecall =
  (last?: number): ArmValue =>
  (r, armId) => {
    const days = r.arms.find((a) => a.id === armId)!.days!.slice(last ? -last : 0);
    return days.reduce((s, d) => s + d['recall@50'], 0) / days.length;
  };

/** The updates lesson on its default world (10 served days), over SEEDS seeds. */
describe('updates', () => {
  let runs: RunReport[];
  beforeAll(async () => {
    await initNodeBackend('wasm');
    runs = await runSeeds(updates);
    for (const r of runs) {
      console.log(`seed ${r.world.seed}: recall@50 per served day`);
      console.log(`  ${'oracle'.padEnd(21)} ${r.oracle.days!.map((d) => d['recall@50'].toFixed(3)).join(' ')}`);
      for (const a of r.arms) console.log(`  ${a.id.padEnd(21)} ${a.days!.map((d) => d['recall@50'].toFixed(3)).join(' ')}  mean ${servedRecall()(r, a.id).toFixed(4)}`);
    }
  }, SCIENCE_TIMEOUT);

  it(`updates: full + incremental retrieves at least as well as either policy alone, on the mean of the served days (${SEEDS} seeds)`, () => {
    for (const single of ['full', 'incremental']) {
      const d = difference(runs, 'full-and-incremental', single, servedRecall());
      console.log(describeDifference(`mean served recall@50 full-and-incremental − ${single}`, d));
      expectClaim(d, 1);
    }
    console.log(describeDifference('mean served recall@50 incremental − full', difference(runs, 'incremental', 'full', servedRecall())));
  });

  it(`updates: once drift has acted (the last ${LAST_DAYS} days), every policy beats the frozen model (${SEEDS} seeds)`, () => {
    for (const policy of ['full', 'incremental', 'full-and-incremental']) {
      const d = difference(runs, policy, 'frozen', servedRecall(LAST_DAYS));
      console.log(describeDifference(`last ${LAST_DAYS} days recall@50 ${policy} − frozen`, d));
      expectClaim(d, 1);
    }
  });
});
