import type { Csr, World } from '../world/types';
import { DETAIL_K } from './metrics';

/**
 * Recall@50 split by a label of each held-out click. `groupOf[t]` labels the click stored at
 * test.values[t] (−1 = leave out); returns recall per group (NaN for an empty group).
 */
export function groupRecall(ranked: Int32Array, k: number, users: ArrayLike<number>, test: Csr, groupOf: Int8Array, groups: number): number[] {
  const hits = new Float64Array(groups);
  const clicks = new Float64Array(groups);
  const top = new Set<number>();
  for (let r = 0; r < users.length; r++) {
    const u = users[r];
    top.clear();
    for (let j = 0; j < DETAIL_K; j++) top.add(ranked[r * k + j]);
    for (let t = test.offsets[u]; t < test.offsets[u + 1]; t++) {
      const g = groupOf[t];
      if (g < 0) continue;
      clicks[g]++;
      if (top.has(test.values[t])) hits[g]++;
    }
  }
  return Array.from(hits, (h, g) => (clicks[g] > 0 ? h / clicks[g] : Number.NaN));
}

/** Popularity buckets by training-click rank: the top 2%, 2–10%, 10–20%, 20–50%, the rest. */
export const POPULARITY_BUCKETS = [
  { label: 'top 2%', upTo: 0.02 },
  { label: '2–10%', upTo: 0.1 },
  { label: '10–20%', upTo: 0.2 },
  { label: '20–50%', upTo: 0.5 },
  { label: '50–100%', upTo: 1 },
];

export function popularityGroups(world: World): Int8Array {
  const n = world.config.items;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => world.itemTrainClicks[b] - world.itemTrainClicks[a] || a - b);
  const bucketOfItem = new Int8Array(n);
  order.forEach((item, rank) => (bucketOfItem[item] = POPULARITY_BUCKETS.findIndex((b) => rank < b.upTo * n)));
  return Int8Array.from(world.testByUser.values, (item) => bucketOfItem[item]);
}

export const CLOSENESS_GROUPS = ['far from exposed', 'middle', 'near exposed'];

/**
 * How close each held-out click is to what the user was shown and skipped: the largest true
 * affinity ⟨z_test, z_exposed⟩ over the user's exposed-not-clicked items, cut into terciles.
 * Clicks of users with no such exposures are left out.
 */
export function exposureClosenessGroups(world: World): Int8Array {
  const L = world.latentDim;
  const z = world.itemLatent;
  const exposed: number[][] = Array.from({ length: world.config.users }, () => []);
  const ex = world.exposures;
  for (let e = 0; e < ex.user.length; e++) if (!ex.clicked[e]) exposed[ex.user[e]].push(ex.item[e]);
  const { offsets, values } = world.testByUser;
  const closeness = new Float64Array(values.length).fill(Number.NaN);
  for (let u = 0; u < world.config.users; u++) {
    if (!exposed[u].length) continue;
    for (let t = offsets[u]; t < offsets[u + 1]; t++) {
      let best = -Infinity;
      const clicked = values[t] * L;
      for (const e of exposed[u]) {
        let dot = 0;
        const shown = e * L;
        for (let d = 0; d < L; d++) dot += z[clicked + d] * z[shown + d];
        if (dot > best) best = dot;
      }
      closeness[t] = best;
    }
  }
  const sorted = Array.from(closeness).filter((c) => !Number.isNaN(c)).sort((a, b) => a - b);
  const cut1 = sorted[Math.floor(sorted.length / 3)];
  const cut2 = sorted[Math.floor((2 * sorted.length) / 3)];
  return Int8Array.from(closeness, (c) => (Number.isNaN(c) ? -1 : c < cut1 ? 0 : c < cut2 ? 1 : 2));
}
