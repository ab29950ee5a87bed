import { beforeAll, describe, expect, it } from 'vitest';
import { model } from '../../lessons/model';
import { SERVING_COST, type ServingCostPoint } from '../../lessons/model/probes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, difference, expectClaim, metric, runSeeds, SCIENCE_TIMEOUT, SEEDS } from '../helpers/science';

/** Least-squares slope of log(y) against log(x). */
function logLogSlope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const cov = lx.reduce((s, x, i) => s + (x - mx) * (ly[i] - my), 0);
  const varX = lx.reduce((s, x) => s + (x - mx) ** 2, 0);
  return cov / varX;
}

/** The model lesson on its default world, over SEEDS seeds. */
describe('model', () => {
  let runs: RunReport[];
  beforeAll(async () => {
    await initNodeBackend('wasm');
    runs = await runSeeds(model);
  }, SCIENCE_TIMEOUT);

  it(`model: two towers and early fusion beat the popular baseline; features help the tail — two towers beat IDs alone on tail recall@50 (${SEEDS} seeds)`, () => {
    for (const r of runs) {
      console.log(`seed ${r.world.seed}: popular ${r.baselines.popular['recall@50'].toFixed(3)}, oracle ${r.oracle['recall@50'].toFixed(3)}`);
      for (const a of r.arms)
        console.log(`  ${a.id.padEnd(13)} recall@50 ${a.metrics['recall@50'].toFixed(3)}  tail ${a.metrics['recall@50.tail'].toFixed(3)}  head ${a.metrics['recall@50.head'].toFixed(3)}  headShare ${a.metrics['headShare@50'].toFixed(2)}`);
      for (const id of ['two-tower', 'early-fusion']) expect(metric('recall@50')(r, id), `${id}, seed ${r.world.seed}`).toBeGreaterThan(r.baselines.popular['recall@50']);
    }
    const tail = difference(runs, 'two-tower', 'id-only', metric('recall@50.tail'));
    console.log(describeDifference('recall@50.tail two-tower − id-only', tail));
    console.log(describeDifference('recall@50 early-fusion − two-tower', difference(runs, 'early-fusion', 'two-tower', metric('recall@50'))));
    console.log(describeDifference('recall@50 id-only − two-tower', difference(runs, 'id-only', 'two-tower', metric('recall@50'))));
    expectClaim(tail, 1);
  });

  it('model: early fusion’s cost per query grows with the catalogue, and so does its factor over two towers', () => {
    const points = runs[0].probes![SERVING_COST] as ServingCostPoint[];
    for (const p of points) console.log(`${String(p.items).padStart(7)} items: two towers ${p.twoTowerMs.toFixed(2)} ms, early fusion ${p.earlyFusionMs.toFixed(2)} ms (×${(p.earlyFusionMs / p.twoTowerMs).toFixed(1)})`);
    const large = points.filter((p) => p.items >= 3000);
    const slope = logLogSlope(large.map((p) => p.items), large.map((p) => p.earlyFusionMs));
    console.log(`early fusion: log-log slope ${slope.toFixed(2)} over ${large.map((p) => p.items).join(', ')} items`);
    // Linear in the catalogue (slope 1); a guard far from noise, not a time.
    expect(slope).toBeGreaterThan(0.6);
    const ratio = (p: ServingCostPoint) => p.earlyFusionMs / p.twoTowerMs;
    expect(ratio(points.at(-1)!)).toBeGreaterThan(ratio(points[0]));
    expect(ratio(points.at(-1)!)).toBeGreaterThan(10);
  });
});
