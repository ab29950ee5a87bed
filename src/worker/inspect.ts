/**
 * Answers the page's `inspect` requests between training chunks: one arm's item vectors read
 * back and mapped to 2-D (PCA, kept stable from one refresh to the next per arm), a user's
 * neighbourhood ranked exactly as the evaluator ranks it, an item's nearest items, a new user's
 * retrieval from the user tower, and the vectors for the Embedding Projector. A request it cannot
 * answer (an unknown arm or user, an arm without towers) gets a message saying why, never a
 * failure of the run.
 */
import * as tf from '@tensorflow/tfjs';
import { oracleRanking, rankByVectors } from '../eval/evaluate';
import { MAX_K } from '../eval/metrics';
import { pca2, project, StableMap } from '../eval/projection';
import { topKRows } from '../eval/topk';
import type { Text } from '../lesson/types';
import type { Arm } from '../train/arm';
import type { World } from '../world/types';
import type { InspectRequest, Inspection, ItemMeta, ItemNeighbours, Neighbourhood, OwnUserResult } from './inspection';

/** Items a new user may like: enough to mark on the map, few enough to list. */
export const MAX_LIKES = 20;

export interface InspectScope {
  world?: World;
  run: number;
  /** The run's arm by id (undefined: not created, e.g. never switched on). */
  arm(id: string): Arm | undefined;
}

export class Inspector {
  private run = -1;
  private maps = new Map<string, StableMap>();
  private oracle?: { world: World; points: Float32Array; explained: [number, number] };

  async answer(req: InspectRequest, scope: InspectScope): Promise<Inspection> {
    const t0 = performance.now();
    const base = { key: String(req.key ?? ''), armId: String(req.armId ?? ''), step: 0, dim: 0, ms: 0, pcaMs: 0 };
    const fail = (error: Text): Inspection => ({ ...base, error });
    const world = scope.world;
    if (!world) return fail({ en: 'No world yet: wait for the run to start.', zh: '世界尚未生成：请等训练开始。' });
    if (scope.run !== this.run) {
      // A fresh run: new weights, so the last maps say nothing about the new ones.
      this.run = scope.run;
      this.maps.clear();
    }
    const arm = scope.arm(base.armId);
    if (!arm) return fail({ en: `Arm “${base.armId}” is not running: switch it on first.`, zh: `实验组“${base.armId}”未在运行：请先打开它。` });
    if (!arm.hasTowers)
      return fail({
        en: `Arm “${base.armId}” has no towers: early fusion scores each (user, item) pair in one network, so there are no item vectors to map.`,
        zh: `实验组“${base.armId}”没有双塔：前期融合用一个网络给每个（用户，物品）对打分，没有可画的物品向量。`,
      });
    const n = world.config.items;
    const users = world.config.users;
    const bad = badRequest(req, world);
    if (bad) return fail(bad);
    const k = Math.max(1, Math.min(MAX_K, Math.round(Number(req.k) || 50)));

    const itemTensor = arm.itemVectors();
    try {
      const vecs = (await itemTensor.data()) as Float32Array;
      const d = itemTensor.shape[1];
      if (!vecs.every(Number.isFinite))
        return fail({ en: `Arm “${base.armId}” has diverged: its vectors are not numbers.`, zh: `实验组“${base.armId}”已发散：向量不是有限数。` });
      const p0 = performance.now();
      let map = this.maps.get(base.armId);
      if (!map) this.maps.set(base.armId, (map = new StableMap()));
      const proj = map.update(vecs, n, d);
      const pcaMs = performance.now() - p0;
      const cohesion = { head: meanCosine(vecs, d, (i) => world.isHead[i] === 1), tail: meanCosine(vecs, d, (i) => world.isHead[i] === 0), all: meanCosine(vecs, d, () => true) };
      const out: Inspection = { ...base, step: arm.steps, dim: d, items: proj.points, explained: proj.explained, cohesion, ms: 0, pcaMs };
      const onMap = async (ids: Int32Array) => {
        const t = arm.userVectors(ids);
        const data = (await t.data()) as Float32Array;
        t.dispose();
        return project(data, ids.length, d, proj.axes, proj.mean);
      };
      if (req.meta) out.meta = this.metaOf(world);
      if (req.users) out.users = await onMap(Int32Array.from({ length: users }, (_, u) => u));
      if (req.user !== undefined) out.neighbourhood = await neighbourhoodOf(world, arm, req.user, itemTensor, k, await onMap(Int32Array.of(req.user)));
      if (req.item !== undefined) out.neighbours = itemNeighbours(world, vecs, d, req.item, 10);
      if (req.ownUser) out.ownUser = await ownUserOf(arm, req.ownUser, vecs, n, d, k, proj.axes, proj.mean);
      if (req.vectors) out.vectors = vecs;
      out.ms = performance.now() - t0;
      return out;
    } finally {
      itemTensor.dispose();
    }
  }

  private metaOf(world: World): ItemMeta {
    if (this.oracle?.world !== world) {
      const p = pca2(world.itemLatent, world.config.items, world.latentDim);
      this.oracle = { world, points: p.points, explained: p.explained };
    }
    return {
      topics: world.config.topics,
      topic: world.itemTopic,
      head: world.isHead,
      clicks: world.itemTrainClicks,
      popularity: Float32Array.from(world.itemPopularity),
      features: world.itemFeatures,
      fields: world.itemFields.map((f) => ({ name: f.name, slots: f.slots })),
      userFields: world.userFields.map((f) => ({ name: f.name, cardinality: f.cardinality })),
      oracle: this.oracle.points,
      oracleExplained: this.oracle.explained,
    };
  }
}

const isIndex = (v: unknown, size: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < size;

/** What is wrong with a request's ids, in words; undefined when nothing is. */
function badRequest(req: InspectRequest, world: World): Text | undefined {
  const { users, items } = world.config;
  if (req.user !== undefined && !isIndex(req.user, users)) return { en: `There is no user ${req.user}: users are 0…${users - 1}.`, zh: `没有用户 ${req.user}：用户编号为 0…${users - 1}。` };
  if (req.item !== undefined && !isIndex(req.item, items)) return { en: `There is no item ${req.item}: items are 0…${items - 1}.`, zh: `没有物品 ${req.item}：物品编号为 0…${items - 1}。` };
  const own = req.ownUser;
  if (own) {
    const fields = world.userFields;
    const ok = Array.isArray(own.features) && own.features.length === fields.length && own.features.every((v, f) => v === -1 || isIndex(v, fields[f].cardinality));
    if (!ok) return { en: `A new user needs one value per field (${fields.map((f) => `${f.name} 0…${f.cardinality - 1}`).join(', ')}; −1: unknown).`, zh: `新用户的每个字段都需要一个取值（${fields.map((f) => `${f.name} 0…${f.cardinality - 1}`).join('，')}；−1 表示未知）。` };
    if (!Array.isArray(own.likes) || own.likes.length > MAX_LIKES || !own.likes.every((i) => isIndex(i, items)))
      return { en: `Liked items must be up to ${MAX_LIKES} item ids in 0…${items - 1}.`, zh: `喜欢的物品最多 ${MAX_LIKES} 个，编号须在 0…${items - 1} 之间。` };
  }
  return undefined;
}

function slice(csr: World['trainByUser'], u: number): number[] {
  return Array.from(csr.values.subarray(csr.offsets[u], csr.offsets[u + 1]));
}

/** One user's lists, ranked by the same code the evaluator runs: its top-K is the evaluator's. */
async function neighbourhoodOf(world: World, arm: Arm, user: number, items: tf.Tensor2D, k: number, point: Float32Array): Promise<Neighbourhood> {
  const ids = Int32Array.of(user);
  const u = arm.userVectors(ids);
  try {
    const ranked = await rankByVectors(world, ids, u, items);
    const oracle = oracleRanking(world, ids);
    const top = (r: Int32Array) => Array.from(r.subarray(0, k)).filter((i) => i >= 0);
    return { user, point: [point[0], point[1]], train: slice(world.trainByUser, user), heldOut: slice(world.testByUser, user), arm: top(ranked), oracle: top(oracle) };
  } finally {
    u.dispose();
  }
}

/** Mean cosine over distinct pairs of the unit rows that `keep`: (|Σv|² − m) / (m(m − 1)); NaN under two rows. */
export function meanCosine(vecs: Float32Array, d: number, keep: (i: number) => boolean): number {
  const sum = new Float64Array(d);
  let m = 0;
  for (let i = 0; i < vecs.length / d; i++) {
    if (!keep(i)) continue;
    m++;
    for (let j = 0; j < d; j++) sum[j] += vecs[i * d + j];
  }
  const sq = sum.reduce((s, x) => s + x * x, 0);
  return m > 1 ? (sq - m) / (m * (m - 1)) : NaN;
}

/** Top `k` rows of `vecs` ([n × d], unit rows) by dot product with `q`, skipping `skip`. */
function nearest(vecs: ArrayLike<number>, n: number, d: number, q: ArrayLike<number>, k: number, skip?: number[]): number[] {
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += vecs[i * d + j] * q[j];
    scores[i] = s;
  }
  return Array.from(topKRows(scores, 1, n, k, () => skip)).filter((i) => i >= 0);
}

function itemNeighbours(world: World, vecs: Float32Array, d: number, item: number, k: number): ItemNeighbours {
  const n = world.config.items;
  const L = world.latentDim;
  return {
    item,
    arm: nearest(vecs, n, d, vecs.subarray(item * d, (item + 1) * d), k, [item]),
    oracle: nearest(world.itemLatent, n, L, world.itemLatent.subarray(item * L, (item + 1) * L), k, [item]),
  };
}

async function ownUserOf(arm: Arm, own: { features: number[]; likes: number[] }, vecs: Float32Array, n: number, d: number, k: number, axes: Float64Array, mean: Float64Array): Promise<OwnUserResult> {
  const t = arm.newUserVector(Int32Array.from(own.features));
  const q = (await t.data()) as Float32Array;
  t.dispose();
  const ranked = nearest(vecs, n, d, q, MAX_K);
  const point = project(q, 1, d, axes, mean);
  return {
    features: own.features.slice(),
    point: [point[0], point[1]],
    top: ranked.slice(0, k),
    likes: own.likes.map((item) => ({ item, rank: ranked.indexOf(item) + 1 })),
    readsFeatures: arm.spec.model !== 'id-only',
  };
}
