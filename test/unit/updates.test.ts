import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { updates } from '../../lessons/updates';
import { hourlyMix } from '../../lessons/updates/probes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { knobsOf } from '../../src/lesson/knobs';
import type { Settings } from '../../src/lesson/types';
import type { Arm } from '../../src/train/arm';
import { featureLayout } from '../../src/model/features';
import { dayLogOf } from '../../src/train/day-log';
import { Experiment } from '../../src/train/experiment';
import { HOURS_PER_DAY, type UpdatePolicy } from '../../src/train/updates';
import { generateWorld } from '../../src/world/generate';
import type { World } from '../../src/world/types';

/** A small world with 4 log days: day 0 makes the first model, days 1–3 are served. */
const small = { seed: 5, users: 200, items: 400, clicksPerUser: 24, days: 5, driftPerDay: 0.15, hourSkew: 0.9 };

function settings(overrides: Settings = {}): Settings {
  const s: Settings = {};
  for (const k of knobsOf(updates)) s[k.id] = k.default;
  return { ...s, batch: 64, steps: 3 * HOURS_PER_DAY, ...overrides };
}

function armOf(world: World, policy: UpdatePolicy, s = settings()): { ex: Experiment; arm: Arm } {
  const spec = updates.arms(s).find((a) => a.update === policy)!;
  const ex = new Experiment(world, [spec], s);
  return { ex, arm: ex.arms[0] };
}

async function values(arm: Arm): Promise<Float32Array[]> {
  return Promise.all(arm.variables.map(async (v) => Float32Array.from(await v.data())));
}

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Topic distribution of a set of log rows. */
function topicMix(world: World, rows: ArrayLike<number>): number[] {
  const mix = new Array<number>(world.config.topics).fill(0);
  for (let k = 0; k < rows.length; k++) mix[world.itemTopic[world.train.item[rows[k]]]] += 1 / rows.length;
  return mix;
}

const totalVariation = (p: number[], q: number[]) => p.reduce((s, x, t) => s + Math.abs(x - q[t]), 0) / 2;

describe('model updates over simulated days', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('orders each day by the hour and serves an hour with only what came before it', () => {
    const world = generateWorld(small);
    const log = dayLogOf(world);
    expect(log.days).toBe(4);
    for (let d = 0; d < log.days; d++) {
      const rows = log.day(d);
      for (let k = 1; k < rows.length; k++) expect(world.train.hour[rows[k]]).toBeGreaterThanOrEqual(world.train.hour[rows[k - 1]]);
      for (const k of rows) expect(world.train.day[k]).toBe(d);
    }
    const q = log.queries(2, 13);
    q.users.forEach((u, r) => {
      const clicks = q.clicks.values.subarray(q.clicks.offsets[r], q.clicks.offsets[r + 1]);
      const before = new Set(q.before.values.subarray(q.before.offsets[r], q.before.offsets[r + 1]));
      const earlier = [...world.train.item.keys()].filter((k) => world.train.user[k] === u && world.train.day[k] * 24 + world.train.hour[k] < 2 * 24 + 13);
      expect(before).toEqual(new Set(earlier.map((k) => world.train.item[k])));
      for (const item of clicks) expect(before.has(item)).toBe(false);
    });
  });

  it('time-ordered batches are biased: early and late hours click different topics, unless the skew is 0', () => {
    const tv = (hourSkew: number) => {
      const world = generateWorld({ ...small, users: 600, hourSkew });
      const log = dayLogOf(world);
      const hours = (from: number) => Array.from({ length: log.days }, (_, d) => Array.from({ length: 6 }, (_, h) => [...log.hour(d, from + h)])).flat(2);
      return { tv: totalVariation(topicMix(world, hours(0)), topicMix(world, hours(12))), spread: hourlyMix(world).spread };
    };
    const skewed = tv(0.9);
    const flat = tv(0);
    // Measured at seed 5: TV 0.63 vs 0.04 and spread 0.59 vs 0.13 (at skew 0 both are sampling noise).
    expect(skewed.tv).toBeGreaterThan(3 * flat.tv);
    expect(skewed.spread).toBeGreaterThan(3 * flat.spread);
  });

  it('an incremental update changes only the ID embeddings: the MLP and the other features stay bit-identical', async () => {
    const world = generateWorld(small);
    const { ex, arm } = armOf(world, 'incremental');
    await ex.train(HOURS_PER_DAY + 1); // day 1 served, and hour 0 of day 2 (no full update: incremental only)
    const before = await values(arm);
    const calls = vi.spyOn(arm, 'trainOn');
    await ex.train(1);
    expect(calls.mock.calls.length).toBeGreaterThan(0);
    expect(calls.mock.calls.every(([, scope]) => scope === 'ids')).toBe(true);
    const after = await values(arm);
    // Each tower's variables start with its embedding table (featureLayout's rows: ID rows first).
    const rows = [featureLayout(world.config.users, world.userFields).rows, featureLayout(world.config.items, world.itemFields).rows];
    const tables = rows.map((n) => arm.variables.findIndex((v) => v.shape[0] === n && v.shape[1] === 16));
    arm.variables.forEach((v, k) => {
      if (!tables.includes(k)) {
        expect(same(before[k], after[k]), `variable ${k} (${v.shape}) changed`).toBe(true);
        return;
      }
      // The table: rows of the ID field may move, every other row stays as it was.
      const E = v.shape[1]!;
      const idRows = (k === tables[0] ? world.config.users : world.config.items) + 1;
      expect(same(before[k].subarray(idRows * E), after[k].subarray(idRows * E))).toBe(true);
      expect(same(before[k].subarray(0, idRows * E), after[k].subarray(0, idRows * E))).toBe(false);
    });
    ex.dispose();
  });

  it('a full update trains once a day, from the previous day’s weights; full + incremental restarts each night from the full model', async () => {
    const world = generateWorld(small);
    const full = armOf(world, 'full');
    const both = armOf(world, 'full-and-incremental');
    await full.ex.train(HOURS_PER_DAY);
    await both.ex.train(HOURS_PER_DAY);
    const endOfDay = await values(full.arm);
    // Day 2, hour 0: the night's full update, then hours 1–23 with no training at all.
    await full.ex.train(1);
    const afterNight = await values(full.arm);
    await full.ex.train(HOURS_PER_DAY - 1);
    expect((await values(full.arm)).every((v, k) => same(v, afterNight[k]))).toBe(true);
    // The night changed the weights but continued from them: a re-initialised model would be
    // uncorrelated with yesterday's (cosine ≈ 0).
    const flat = (vs: Float32Array[]) => Float32Array.from(vs.flatMap((v) => [...v]));
    const [a, b] = [flat(endOfDay), flat(afterNight)];
    const norm = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));
    expect(same(a, b)).toBe(false);
    expect(a.reduce((s, x, i) => s + x * b[i], 0) / (norm(a) * norm(b))).toBeGreaterThan(0.9);
    // The combined arm served day 1 with incremental updates; at night they are dropped and the
    // full update starts from the previous full model, so it serves hour 0 of day 2 with exactly
    // the full arm's weights (same seed, same shuffles). Judging reads the vectors first.
    let atJudge: Float32Array[] | undefined;
    const vectors = both.arm.vectors.bind(both.arm);
    vi.spyOn(both.arm, 'vectors').mockImplementation((users) => {
      atJudge ??= both.arm.variables.map((v) => Float32Array.from(v.dataSync()));
      return vectors(users);
    });
    await both.ex.train(1);
    expect(atJudge!.every((v, k) => same(v, afterNight[k]))).toBe(true);
    expect((await values(both.arm)).every((v, k) => same(v, afterNight[k]))).toBe(false); // then it learned hour 0
    full.ex.dispose();
    both.ex.dispose();
  });

  it('no arm trains on a click before it is judged: nights read earlier days, the stream only the hour just judged', async () => {
    const world = generateWorld(small);
    const time = new Map<string, number>();
    world.train.user.forEach((u, k) => time.set(`${u}:${world.train.item[k]}`, world.train.day[k] * 24 + world.train.hour[k]));
    for (const policy of ['full', 'incremental', 'full-and-incremental'] as const) {
      const { ex, arm } = armOf(world, policy);
      let events: { kind: 'judge' | 'all' | 'ids'; times: number[] }[] = [];
      const trainOn = arm.trainOn.bind(arm);
      vi.spyOn(arm, 'trainOn').mockImplementation((batch, scope = 'all') => {
        events.push({ kind: scope, times: Array.from(batch.users, (u, b) => time.get(`${u}:${batch.items[b]}`)!) });
        return trainOn(batch, scope);
      });
      const vectors = arm.vectors.bind(arm);
      vi.spyOn(arm, 'vectors').mockImplementation((users) => {
        events.push({ kind: 'judge', times: [] });
        return vectors(users);
      });
      let trainedAny = false;
      for (let step = 0; step < 3 * HOURS_PER_DAY; step++) {
        const { day, hour } = arm.daily!.clock;
        events = [];
        await ex.train(1);
        const judged = events.findIndex((e) => e.kind === 'judge');
        expect(judged, `${policy}: day ${day} ${hour}:00 judged once`).toBeGreaterThanOrEqual(0);
        expect(events.filter((e) => e.kind === 'judge')).toHaveLength(1);
        events.forEach((e, k) => {
          if (e.kind === 'all') expect(k < judged && e.times.every((t) => t < day * 24), `${policy}: a night update read day ${day}`).toBe(true);
          if (e.kind === 'ids') expect(k > judged && e.times.every((t) => t === day * 24 + hour), `${policy}: the stream read another hour`).toBe(true);
        });
        trainedAny ||= events.some((e) => e.kind !== 'judge');
      }
      expect(trainedAny).toBe(true);
      ex.dispose();
    }
  });

  it('keeps tf.memory().numTensors flat over served days, and frees everything on dispose', async () => {
    const world = generateWorld(small);
    const start = tf.memory().numTensors;
    const { ex } = armOf(world, 'full-and-incremental');
    await ex.train(HOURS_PER_DAY);
    await ex.evaluate();
    const plateau = tf.memory().numTensors;
    await ex.train(2 * HOURS_PER_DAY);
    await ex.evaluate();
    expect(tf.memory().numTensors).toBe(plateau);
    ex.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
