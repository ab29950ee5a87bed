import * as tf from '@tensorflow/tfjs';
import { truthArrays, UserTruth } from '../world/truth';
import type { World } from '../world/types';
import { MAX_K, type Metrics, retrievalMetrics, testHeadShare } from './metrics';
import { CLOSENESS_GROUPS, exposureClosenessGroups, groupRecall, POPULARITY_BUCKETS, popularityGroups } from './breakdown';
import type { Slate } from '../world/slates';
import { SlateAuc, slatesByUser } from './slates';
import { topKRows } from './topk';
import { useValues } from '../model/read';

const USER_BLOCK = 256;

/** What every evaluation of one world shares: who is evaluated, and the reference rankings. */
export interface EvalContext {
  world: World;
  /** Users with at least one held-out click. */
  users: Int32Array;
  /** Held-out slates by user, for slate.auc. */
  slates: Map<number, Slate[]>;
  testHeadShare: number;
  oracle: Metrics;
  popular: Metrics;
  /** Per held-out click (aligned with world.testByUser.values): popularity bucket, closeness to exposures. */
  popularityGroup: Int8Array;
  closenessGroup: Int8Array;
  /** The same breakdowns for the references. */
  oracleDetail: EvalDetail;
  popularDetail: EvalDetail;
}

/** Recall@50 broken down by the click's item popularity and by its closeness to exposed items. */
export interface EvalDetail {
  recallByPopularity: number[];
  recallByCloseness: number[];
}

export function createEvalContext(world: World): EvalContext {
  const users = Int32Array.from(
    Array.from({ length: world.config.users }, (_, u) => u).filter((u) => world.testByUser.offsets[u + 1] > world.testByUser.offsets[u]),
  );
  const slates = slatesByUser(world.heldOutSlates);
  const oracleAuc = new SlateAuc(slates);
  const popularAuc = new SlateAuc(slates);
  const oracle = oracleRanking(world, users, oracleAuc);
  const popular = popularRanking(world, users);
  users.forEach((u) => popularAuc.addUser(u, (i) => world.itemTrainClicks[i]));
  const base = { world, users, popularityGroup: popularityGroups(world), closenessGroup: exposureClosenessGroups(world) };
  return {
    ...base,
    slates,
    testHeadShare: testHeadShare(world.testByUser, users, world.isHead),
    oracle: scoreWith(world, users, oracle, oracleAuc),
    popular: scoreWith(world, users, popular, popularAuc),
    oracleDetail: detailOf(base, oracle),
    popularDetail: detailOf(base, popular),
  };
}

export function detailOf(ctx: Pick<EvalContext, 'world' | 'users' | 'popularityGroup' | 'closenessGroup'>, ranked: Int32Array): EvalDetail {
  const test = ctx.world.testByUser;
  return {
    recallByPopularity: groupRecall(ranked, MAX_K, ctx.users, test, ctx.popularityGroup, POPULARITY_BUCKETS.length),
    recallByCloseness: groupRecall(ranked, MAX_K, ctx.users, test, ctx.closenessGroup, CLOSENESS_GROUPS.length),
  };
}

function excludedFor(world: World, users: Int32Array) {
  const { offsets, values } = world.trainByUser;
  return (r: number) => values.subarray(offsets[users[r]], offsets[users[r] + 1]);
}

function scoreWith(world: World, users: Int32Array, ranked: Int32Array, auc: SlateAuc): Metrics {
  return { ...retrievalMetrics(ranked, MAX_K, users, world.testByUser, world.isHead), 'slate.auc': auc.value() };
}

/** The ceiling: rank by the world's true P(i|u) on the test day (and score its slates by it). */
export function oracleRanking(world: World, users: Int32Array, auc?: SlateAuc): Int32Array {
  const n = world.config.items;
  const out = new Int32Array(users.length * MAX_K);
  const logits = new Float64Array(n);
  const truthBuffers = truthArrays(n);
  const excluded = excludedFor(world, users);
  users.forEach((u, r) => {
    new UserTruth(world, u, truthBuffers).logits(world.config.days - 1, logits);
    auc?.addUser(u, (i) => logits[i]);
    topKRows(logits, 1, n, MAX_K, () => excluded(r), out.subarray(r * MAX_K, (r + 1) * MAX_K));
  });
  return out;
}

/** The popular baseline: the most-clicked training items for everyone. */
export function popularRanking(world: World, users: Int32Array): Int32Array {
  const n = world.config.items;
  const out = new Int32Array(users.length * MAX_K);
  const excluded = excludedFor(world, users);
  users.forEach((_, r) => topKRows(world.itemTrainClicks, 1, n, MAX_K, () => excluded(r), out.subarray(r * MAX_K, (r + 1) * MAX_K)));
  return out;
}

/**
 * Exact top-K over all items for every evaluated user, from any scorer: `scoreBlock(start, size)`
 * returns the scores of users[start .. start+size) against every item ([size × items], made inside
 * a tidy, disposed here). Scores are read back asynchronously one block at a time, the top-K
 * picked on the CPU with training positives excluded, and the held-out slates scored on the way.
 */
export async function rankByScores(
  world: World,
  users: Int32Array,
  blockSize: number,
  scoreBlock: (start: number, size: number) => tf.Tensor2D,
  auc?: SlateAuc,
): Promise<Int32Array> {
  const n = world.config.items;
  const out = new Int32Array(users.length * MAX_K);
  const excluded = excludedFor(world, users);
  for (let start = 0; start < users.length; start += blockSize) {
    const size = Math.min(blockSize, users.length - start);
    const block = tf.tidy(() => scoreBlock(start, size));
    try {
      await useValues(block, (scores) => {
        if (auc) for (let r = 0; r < size; r++) auc.addUser(users[start + r], (i) => scores[r * n + i]);
        topKRows(scores, size, n, MAX_K, (r) => excluded(start + r), out.subarray(start * MAX_K, (start + size) * MAX_K));
      });
    } finally {
      block.dispose();
    }
  }
  return out;
}

/** Two towers: every block is one matmul of user vectors with all item vectors. */
export async function rankByVectors(world: World, users: Int32Array, userVecs: tf.Tensor2D, itemVecs: tf.Tensor2D, auc?: SlateAuc): Promise<Int32Array> {
  const itemsT = tf.transpose(itemVecs) as tf.Tensor2D;
  try {
    return await rankByScores(world, users, USER_BLOCK, (start, size) => tf.matMul(tf.slice(userVecs, [start, 0], [size, -1]), itemsT), auc);
  } finally {
    itemsT.dispose();
  }
}

export function metricsOf(ctx: EvalContext, ranked: Int32Array, auc: SlateAuc): Metrics {
  return scoreWith(ctx.world, ctx.users, ranked, auc);
}
