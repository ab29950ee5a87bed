/**
 * Model updates over simulated days (the notes' 全量更新 / 增量更新). Time runs in served hours:
 * each hour, every user who clicks sends a request, the model in service at that moment retrieves
 * for them (and is judged on what they click — data it has never trained on), then the
 * incremental policies learn from the hour's clicks. Before each day, at night, the full policies
 * train one shuffled epoch over yesterday's clicks.
 *
 *   day 0           every policy: the first model, several shuffled epochs over day 0, all parameters
 *   night before s  full: one shuffled epoch over day s−1 from its previous full model, all parameters
 *                   (in time order instead when settings.shuffleNightly is 0: the notes' comparison)
 *   hour h of s     serve and judge; incremental: learn from hour h's clicks in time order, ID embeddings only
 *
 * `full-and-incremental` keeps its full model apart: each night's full update starts from the
 * previous night's full model, and the day's incremental updates start from the new one (the
 * day's incremental weights are then dropped, as in the notes' picture). `frozen` never updates.
 */
import * as tf from '@tensorflow/tfjs';
import { MAX_K, type Metrics, retrievalMetrics } from '../eval/metrics';
import { topKRows } from '../eval/topk';
import type { Settings } from '../lesson/types';
import { Rng } from '../util/rng';
import { truthArrays, UserTruth } from '../world/truth';
import type { World } from '../world/types';
import type { Arm } from './arm';
import { dayLogOf, type DayLog, type HourQueries } from './day-log';

export type UpdatePolicy = 'full' | 'incremental' | 'full-and-incremental' | 'frozen';

export const HOURS_PER_DAY = 24;
/** Epochs over day 0 for the first model: enough for its recall to level off (measured: 6–10). */
export const FIRST_DAY_EPOCHS = 8;
/** Default clicks per incremental batch: small, as an online learner sees them. */
export const STREAM_BATCH = 32;

/** One served day: the model's retrieval for that day's requests, judged on that day's clicks. */
export interface DayRecord {
  /** The day whose clicks the last full update read (the served day's yesterday). */
  day: number;
  /** The day served and judged. */
  servedDay: number;
  metrics: Metrics;
}

/** Hours a world's log can serve: every day after day 0. */
export function servableHours(world: World): number {
  return (world.config.days - 2) * HOURS_PER_DAY;
}

/** An arm's clock and update policy: `serveHour` runs the next served hour. */
export class DailyUpdates {
  private readonly log: DayLog;
  private readonly rng: Rng;
  private fullState?: tf.Tensor[];
  private day = new ServedDay();
  readonly records: DayRecord[] = [];
  /** Clicks trained on so far (an epoch's clicks count once per epoch). */
  examples = 0;

  constructor(
    private readonly arm: Arm,
    readonly policy: UpdatePolicy,
    private readonly world: World,
    private readonly settings: Settings,
  ) {
    this.log = dayLogOf(world);
    this.rng = Rng.derive(settings.seed, 'days');
  }

  /** The hour about to be served: day ≥ 1, hour 0–23. */
  get clock(): { day: number; hour: number } {
    return { day: 1 + Math.floor(this.arm.steps / HOURS_PER_DAY), hour: this.arm.steps % HOURS_PER_DAY };
  }

  /** Serves one hour (after the night's update at hour 0); returns the mean training loss, if any. */
  async serveHour(): Promise<tf.Scalar | undefined> {
    const { day, hour } = this.clock;
    if (day >= this.log.days) throw new Error(`the log ends on day ${this.log.days - 1}: ${servableHours(this.world)} hours can be served`);
    const losses: tf.Scalar[] = [];
    if (hour === 0) this.night(day, losses);
    await this.judge(day, hour);
    if (this.policy === 'incremental' || this.policy === 'full-and-incremental') this.stream(day, hour, losses);
    this.arm.steps++;
    if (hour === HOURS_PER_DAY - 1) {
      this.records.push({ day: day - 1, servedDay: day, metrics: this.day.metrics(this.world.isHead) });
      this.day = new ServedDay();
    }
    if (!losses.length) return undefined;
    // A running sum, not tf.addN: WebGPU's AddN binds every input at once and fails past 8.
    const mean = tf.tidy(() => tf.div(losses.reduce((sum: tf.Scalar, l) => tf.add(sum, l)), losses.length) as tf.Scalar);
    losses.forEach((l) => l.dispose());
    return mean;
  }

  /** The last finished day's judgement (none before the first day ends). */
  evaluation(): Metrics | undefined {
    return this.records[this.records.length - 1]?.metrics;
  }

  /** The update before day `day` is served. */
  private night(day: number, losses: tf.Scalar[]): void {
    if (day === 1) {
      for (let e = 0; e < FIRST_DAY_EPOCHS; e++) this.epoch(0, losses);
    } else if (this.policy === 'full') {
      this.epoch(day - 1, losses);
    } else if (this.policy === 'full-and-incremental') {
      // (No kept full model after a restore from a checkpoint: the current weights stand in.)
      if (this.fullState) this.restore(this.fullState);
      this.epoch(day - 1, losses);
    } else {
      return;
    }
    if (this.policy === 'full-and-incremental') this.keepFullModel();
  }

  /** One shuffled epoch over a day's clicks, all parameters (the last short batch included). */
  private epoch(day: number, losses: tf.Scalar[]): void {
    const rows = this.log.day(day).slice();
    if (day === 0 || (this.settings.shuffleNightly ?? 1) === 1) this.rng.shuffle(rows);
    for (let start = 0; start < rows.length; start += this.settings.batch) losses.push(this.arm.trainOn(this.batch(rows.subarray(start, start + this.settings.batch))));
  }

  /** The hour's clicks in time order, in small batches: ID embeddings only. */
  private stream(day: number, hour: number, losses: tf.Scalar[]): void {
    const rows = this.log.hour(day, hour);
    const size = this.settings.streamBatch ?? STREAM_BATCH;
    for (let start = 0; start < rows.length; start += size) losses.push(this.arm.trainOn(this.batch(rows.subarray(start, start + size)), 'ids'));
  }

  private batch(rows: Int32Array): { users: Int32Array; items: Int32Array } {
    const { train } = this.world;
    this.examples += rows.length;
    return { users: Int32Array.from(rows, (k) => train.user[k]), items: Int32Array.from(rows, (k) => train.item[k]) };
  }

  /** Retrieval for the hour's requests by the model now in service. */
  private async judge(day: number, hour: number): Promise<void> {
    const queries = this.log.queries(day, hour);
    if (!queries.users.length) return;
    const vecs = this.arm.vectors(queries.users);
    const scores = tf.tidy(() => tf.matMul(vecs.users, tf.transpose(vecs.items)));
    vecs.users.dispose();
    vecs.items.dispose();
    const data = await scores.data();
    scores.dispose();
    this.day.add(queries, rankQueries(data, queries, this.world.config.items));
  }

  private keepFullModel(): void {
    this.fullState?.forEach((t) => t.dispose());
    this.fullState = this.arm.variables.map((v) => tf.clone(v));
  }

  private restore(state: tf.Tensor[]): void {
    this.arm.variables.forEach((v, k) => v.assign(state[k]));
  }

  dispose(): void {
    this.fullState?.forEach((t) => t.dispose());
  }
}

/** Each query's top MAX_K items from its scores [queries × items], its earlier clicks excluded. */
function rankQueries(scores: ArrayLike<number>, q: HourQueries, items: number): Int32Array {
  return topKRows(scores, q.users.length, items, MAX_K, (r) => q.before.values.subarray(q.before.offsets[r], q.before.offsets[r + 1]));
}

/** A day's judged requests, gathered hour by hour. */
class ServedDay {
  private ranked: Int32Array[] = [];
  private clicks: Int32Array[] = [];
  private offsets: number[] = [0];

  add(q: HourQueries, ranked: Int32Array): void {
    this.ranked.push(ranked);
    this.clicks.push(q.clicks.values);
    const base = this.offsets[this.offsets.length - 1];
    for (let r = 1; r < q.clicks.offsets.length; r++) this.offsets.push(base + q.clicks.offsets[r]);
  }

  /** Retrieval metrics over every request of the day (each request counts as one "user" row). */
  metrics(isHead: Uint8Array): Metrics {
    const rows = this.offsets.length - 1;
    const ranked = concat(this.ranked);
    const clicks = { offsets: Int32Array.from(this.offsets), values: concat(this.clicks) };
    const requests = Int32Array.from({ length: rows }, (_, r) => r);
    return { ...retrievalMetrics(ranked, MAX_K, requests, clicks, isHead), 'slate.auc': Number.NaN };
  }
}

function concat(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The ceiling per served day: each request ranked by the true P(i | u, that day), judged like the
 * arms (every day after day 0). One user's truth is prepared once for all their days. Memoized.
 */
export function oracleDays(world: World): DayRecord[] {
  const cached = oracleCache.get(world);
  if (cached) return cached;
  const log = dayLogOf(world);
  const n = world.config.items;
  const hours = Array.from({ length: log.days - 1 }, (_, d) =>
    Array.from({ length: HOURS_PER_DAY }, (_, h) => {
      const queries = log.queries(d + 1, h);
      return { queries, ranked: new Int32Array(queries.users.length * MAX_K) };
    }),
  );
  // Each user's requests, as (served day, hour, row), so their truth is built once.
  const requests = new Map<number, [number, number, number][]>();
  hours.forEach((day, d) =>
    day.forEach(({ queries }, h) =>
      queries.users.forEach((u, r) => {
        if (!requests.has(u)) requests.set(u, []);
        requests.get(u)!.push([d + 1, h, r]);
      }),
    ),
  );
  const logits = new Float64Array(n);
  const truthBuffers = truthArrays(n);
  for (const [user, list] of requests) {
    const truth = new UserTruth(world, user, truthBuffers);
    let day = -1;
    for (const [d, h, r] of list) {
      if (d !== day) truth.logits((day = d), logits);
      const { queries, ranked } = hours[d - 1][h];
      const before = queries.before.values.subarray(queries.before.offsets[r], queries.before.offsets[r + 1]);
      topKRows(logits, 1, n, MAX_K, () => before, ranked.subarray(r * MAX_K, (r + 1) * MAX_K));
    }
  }
  const records = hours.map((day, d) => {
    const served = new ServedDay();
    for (const { queries, ranked } of day) served.add(queries, ranked);
    return { day: d, servedDay: d + 1, metrics: served.metrics(world.isHead) };
  });
  oracleCache.set(world, records);
  return records;
}

const oracleCache = new WeakMap<World, DayRecord[]>();
