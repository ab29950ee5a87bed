import * as tf from '@tensorflow/tfjs';
import { MAX_K } from '../eval/metrics';
import { topKRows } from '../eval/topk';
import type { Settings } from '../lesson/types';
import { FusionNet } from '../model/fusion';
import { Tower } from '../model/tower';
import { Rng } from '../util/rng';
import type { World } from '../world/types';
import { createEncoders, towerShape } from './arm';

export interface ServingCostPoint {
  /** Catalogue size: the world's items repeated as often as needed. */
  items: number;
  /** One query: a user-tower pass, a dot product with every precomputed item vector, the top-K. */
  twoTowerMs: number;
  /** One query: the network over every (user, item) pair (item features included), the top-K. */
  earlyFusionMs: number;
}

export const SERVING_SIZES = [1_000, 3_000, 10_000, 30_000, 100_000];

/**
 * Measures what one retrieval query costs as the catalogue grows, on the running backend, with
 * the lesson's model shapes (weights untrained: the cost does not depend on them). Building the
 * item vectors is not timed — two towers do it offline; early fusion has nothing to build.
 * Each time is the median of `repeats` queries after one warm-up query.
 */
export function measureServingCost(world: World, settings: Settings, sizes = SERVING_SIZES, repeats = 5): ServingCostPoint[] {
  let points: ServingCostPoint[] = [];
  for (const soFar of servingCostParts(world, settings, sizes, repeats)) points = soFar;
  return points;
}

/** The same, one catalogue size at a time: yields the points measured so far (models freed at the end, or on `return`). */
export function* servingCostParts(world: World, settings: Settings, sizes = SERVING_SIZES, repeats = 5): Generator<ServingCostPoint[]> {
  const encoders = createEncoders(world);
  const shape = towerShape(settings);
  const rng = Rng.derive(settings.seed, 'serving-cost');
  const userTower = new Tower(encoders.user.layout, shape, rng);
  const itemTower = new Tower(encoders.item.layout, shape, rng);
  const fusion = new FusionNet(encoders.user.layout, encoders.item.layout, shape, rng);
  const user = Int32Array.of(0);
  const top = new Int32Array(MAX_K);
  const topK = (scores: ArrayLike<number>, n: number) => topKRows(scores, 1, n, Math.min(MAX_K, n), () => undefined, top);
  const points: ServingCostPoint[] = [];
  try {
    for (const n of sizes) {
      const ids = Int32Array.from({ length: n }, (_, i) => i % world.config.items);
      // [dim × items]: stored the way a query multiplies them (an index would hold them likewise).
      const itemVectors = tf.tidy(() => tf.transpose(itemTower.apply(encoders.item.encode(ids))));
      try {
        const twoTowerMs = medianMs(repeats, () => {
          const scores = tf.tidy(() => tf.matMul(userTower.apply(encoders.user.encode(user)), itemVectors));
          topK(scores.dataSync(), n);
          scores.dispose();
        });
        const earlyFusionMs = medianMs(repeats, () => {
          const scores = tf.tidy(() => fusion.scoreAll(encoders.user.encode(user), encoders.item.encode(ids)));
          topK(scores.dataSync(), n);
          scores.dispose();
        });
        points.push({ items: n, twoTowerMs, earlyFusionMs });
      } finally {
        itemVectors.dispose();
      }
      yield points.slice();
    }
  } finally {
    userTower.dispose();
    itemTower.dispose();
    fusion.dispose();
  }
}

function medianMs(repeats: number, query: () => void): number {
  query(); // warm-up: kernels compiled, buffers allocated
  const times = Array.from({ length: repeats }, () => {
    const t0 = performance.now();
    query();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
