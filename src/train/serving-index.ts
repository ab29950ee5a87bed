/**
 * Serving from a vector index, measured on an arm's current towers: the item tower's vectors go
 * into the arm's index (built offline), each query runs the user tower on the request and searches.
 */
import { annRecall } from '../serve/measure';
import { buildIndex, type IndexSpec, type SpecIndex } from '../serve/index';
import type { IndexMetricName } from '../eval/metrics';
import type { Arm } from './arm';

/** Queries timed per evaluation: enough for a stable mean, few enough to keep evaluations short. */
export const TIMED_QUERIES = 100;
const K = 10;

/** The arm's item vectors ([items × dim], row i = item i) and the index over them. */
export async function armIndex(arm: Arm, spec: IndexSpec, seed: number): Promise<{ vectors: Float32Array; dim: number; index: SpecIndex }> {
  const t = arm.itemVectors();
  const dim = t.shape[1];
  const vectors = (await t.data()) as Float32Array;
  t.dispose();
  return { vectors, dim, index: buildIndex(spec, vectors, dim, seed) };
}

/** Up to n users spread evenly over `users`. */
export function spread(users: Int32Array, n: number): Int32Array {
  if (users.length <= n) return users;
  return Int32Array.from({ length: n }, (_, k) => users[Math.floor((k * users.length) / n)]);
}

/**
 * `annRecall@10` over the evaluated users (their request vectors at a session's start) and
 * `queryMs`: the mean wall time of TIMED_QUERIES requests, each one user-tower pass read back and
 * one search of the index.
 */
export async function indexMetrics(arm: Arm, spec: IndexSpec, users: Int32Array, seed: number): Promise<Record<IndexMetricName, number>> {
  const { vectors, dim, index } = await armIndex(arm, spec, seed);
  const exact = spec.kind === 'exact' ? index : buildIndex({ kind: 'exact' }, vectors, dim, seed);
  const u = arm.userVectors(users);
  const queries = (await u.data()) as Float32Array;
  u.dispose();
  const recall = annRecall(exact, index, queries, dim, K);
  const timed = spread(users, TIMED_QUERIES);
  let ms = 0;
  for (let r = -1; r < timed.length; r++) {
    // r = −1: a warm-up request (kernels compiled), not timed.
    const t0 = performance.now();
    const q = arm.userVectors(Int32Array.of(timed[Math.max(r, 0)]));
    const data = await q.data();
    q.dispose();
    index.search(data, K);
    if (r >= 0) ms += performance.now() - t0;
  }
  return { 'annRecall@10': recall, queryMs: ms / timed.length };
}
