/**
 * Looking inside the towers, in Node: a user's neighbourhood lists are the evaluator's own top-K
 * for that user (the arm's and the oracle's), a new user's retrieval reads the user tower with the
 * ID unknown, bad requests get a message and leave the run alone, tensors do not leak, and the
 * worker answers `inspect` through the protocol between training chunks.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { biasCorrection } from '../../lessons/bias-correction';
import { model } from '../../lessons/model';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { oracleRanking } from '../../src/eval/evaluate';
import { MAX_K } from '../../src/eval/metrics';
import { knobsOf } from '../../src/lesson/knobs';
import type { LessonDef, Settings } from '../../src/lesson/types';
import { Experiment } from '../../src/train/experiment';
import { generateWorld } from '../../src/world/generate';
import { Inspector, type InspectScope, meanCosine } from '../../src/worker/inspect';
import type { Command, WorkerMessage } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';

const tiny = { seed: 5, users: 120, items: 300, clicksPerUser: 10 };

function settingsFor(lesson: LessonDef): Settings {
  return { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), batch: 32 };
}

function experiment(lesson: LessonDef, ids: string[]) {
  const world = generateWorld(tiny);
  const settings = settingsFor(lesson);
  const ex = new Experiment(world, lesson.arms(settings).filter((a) => ids.includes(a.id)), settings);
  const scope: InspectScope = { world, run: 1, arm: (id) => ex.arms.find((a) => a.id === id) };
  return { world, ex, scope };
}

describe('the inspector', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('a user’s neighbourhood lists equal the evaluator’s top-K for that user (arm and oracle), with their clicks', async () => {
    const { world, ex, scope } = experiment(biasCorrection, ['logq']);
    await ex.train(20);
    const arm = ex.arms[0];
    const users = ex.evalContext.users;
    const ranked = await arm.rank(users);
    const oracle = oracleRanking(world, users);
    const inspector = new Inspector();
    for (const r of [0, 7, users.length - 1]) {
      const u = users[r];
      for (const k of [10, 50]) {
        const a = await inspector.answer({ key: 'n', armId: 'logq', k, user: u }, scope);
        expect(a.error).toBeUndefined();
        const n = a.neighbourhood!;
        expect(n.arm).toEqual(Array.from(ranked.subarray(r * MAX_K, r * MAX_K + k)));
        expect(n.oracle).toEqual(Array.from(oracle.subarray(r * MAX_K, r * MAX_K + k)));
        const { offsets, values } = world.testByUser;
        expect(n.heldOut).toEqual(Array.from(values.subarray(offsets[u], offsets[u + 1])));
        expect(n.heldOut.length).toBeGreaterThan(0);
        expect(n.train.length).toBeGreaterThan(0);
        // Training clicks are excluded from the top-K, as in the evaluation.
        expect(n.arm.some((i) => n.train.includes(i))).toBe(false);
      }
    }
    ex.dispose();
  }, 120_000);

  it('maps every item (and user) to 2-D, adds the oracle’s map on request, and keeps tensors flat', async () => {
    const { world, ex, scope } = experiment(biasCorrection, ['in-batch', 'logq']);
    await ex.train(5);
    const inspector = new Inspector();
    const first = await inspector.answer({ key: 'm', armId: 'in-batch', k: 50, meta: true, users: true, item: 3, vectors: true, ownUser: { features: [1, 2, 0], likes: [4, 5] } }, scope);
    expect(first.items).toHaveLength(2 * world.config.items);
    expect(first.users).toHaveLength(2 * world.config.users);
    expect(first.meta!.oracle).toHaveLength(2 * world.config.items);
    expect(first.meta!.topic).toHaveLength(world.config.items);
    expect(first.vectors).toHaveLength(world.config.items * first.dim);
    expect(first.explained![0]).toBeGreaterThanOrEqual(first.explained![1]);
    expect(first.neighbours!.arm).toHaveLength(10);
    expect(first.neighbours!.arm).not.toContain(3);
    expect(first.neighbours!.oracle).not.toContain(3);
    expect(first.items!.every(Number.isFinite)).toBe(true);
    for (const c of Object.values(first.cohesion!)) expect(Math.abs(c)).toBeLessThanOrEqual(1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await ex.train(2);
      await inspector.answer({ key: 'm', armId: i % 2 ? 'logq' : 'in-batch', k: 50, users: true, user: ex.evalContext.users[i], item: i, ownUser: { features: [0, -1, 2], likes: [] } }, scope);
    }
    expect(tf.memory().numTensors).toBe(before);
    ex.dispose();
  }, 120_000);

  it('your own user: the tower reads features with the ID unknown, returns K items and where the liked ones rank', async () => {
    const { ex, scope } = experiment(model, ['two-tower', 'id-only']);
    await ex.train(10);
    const inspector = new Inspector();
    const ask = (armId: string, features: number[]) => inspector.answer({ key: 'o', armId, k: 10, ownUser: { features, likes: [0, 1, 2] } }, scope);
    const a = (await ask('two-tower', [0, 0, 0])).ownUser!;
    const b = (await ask('two-tower', [5, 11, 2])).ownUser!;
    expect(a.top).toHaveLength(10);
    expect(new Set(a.top).size).toBe(10);
    expect(a.readsFeatures).toBe(true);
    expect(a.likes.map((l) => l.item)).toEqual([0, 1, 2]);
    for (const l of a.likes) expect(l.rank === 0 || a.top.indexOf(l.item) === l.rank - 1 || l.rank > 10).toBe(true);
    // Different features, a different vector (and here a different point on the map).
    expect(b.point).not.toEqual(a.point);
    // IDs only: every new user is the unknown ID, whatever the features say.
    const c = (await ask('id-only', [0, 0, 0])).ownUser!;
    const d = (await ask('id-only', [5, 11, 2])).ownUser!;
    expect(c.readsFeatures).toBe(false);
    expect(d.top).toEqual(c.top);
    expect(d.point).toEqual(c.point);
    ex.dispose();
  }, 120_000);

  it('meanCosine: the mean cosine over distinct pairs of unit rows', () => {
    const s = Math.SQRT1_2;
    // Rows: x, x, y, (x+y)/√2 — pairs among the first three: cos 1, 0, 0 → 1/3.
    const v = Float32Array.from([1, 0, 1, 0, 0, 1, s, s]);
    expect(meanCosine(v, 2, (i) => i < 3)).toBeCloseTo(1 / 3, 6);
    expect(meanCosine(v, 2, (i) => i === 2 || i === 3)).toBeCloseTo(s, 6);
    expect(meanCosine(v, 2, (i) => i === 0)).toBeNaN();
  });

  it('a bad request gets a message saying why, and nothing else', async () => {
    const { ex, scope } = experiment(model, ['two-tower', 'early-fusion']);
    const inspector = new Inspector();
    const error = async (req: Parameters<Inspector['answer']>[0]) => {
      const a = await inspector.answer(req, scope);
      expect(a.items).toBeUndefined();
      return a.error?.en ?? '';
    };
    expect(await error({ key: 'x', armId: 'early-fusion', k: 10 })).toMatch(/no towers/);
    expect(await error({ key: 'x', armId: 'nope', k: 10 })).toMatch(/not running/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, user: 10_000 })).toMatch(/no user 10000/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, user: 1.5 })).toMatch(/no user/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, item: -1 })).toMatch(/no item/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, ownUser: { features: [0, 0], likes: [] } })).toMatch(/one value per field/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, ownUser: { features: [0, 99, 0], likes: [] } })).toMatch(/one value per field/);
    expect(await error({ key: 'x', armId: 'two-tower', k: 10, ownUser: { features: [0, 0, 0], likes: [100_000] } })).toMatch(/Liked items/);
    expect((await inspector.answer({ key: 'x', armId: 'two-tower', k: 10 }, { ...scope, world: undefined })).error?.en).toMatch(/No world/);
    ex.dispose();
  }, 120_000);
});

const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
let runner: Runner | undefined;

afterEach(() => {
  runner?.push({ type: 'dispose', id: 999 });
  runner = undefined;
});

describe('the worker answers inspect', () => {
  it('between chunks, with the id of the request, and a bad one leaves the run as it was', async () => {
    const messages: WorkerMessage[] = [];
    runner = new Runner((m) => messages.push(m), { wasmPaths: wasmDir });
    void runner.loop();
    const settings = { ...settingsFor(biasCorrection), users: 120, items: 300, clicks: 10, seed: 5 };
    let id = 0;
    const send = (c: Command extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never) => runner!.push({ ...c, id: ++id } as Command);
    const wait = async <T>(find: () => T | undefined): Promise<T> => {
      const end = Date.now() + 60_000;
      for (;;) {
        const hit = find();
        if (hit) return hit;
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    send({ type: 'init', lessonId: 'bias-correction', settings, arms: ['in-batch', 'logq'], backends: ['wasm'] });
    await wait(() => messages.find((m) => m.type === 'snapshot' && m.snapshot.phase === 'ready'));
    send({ type: 'play' });
    send({ type: 'inspect', request: { key: 'a', armId: 'logq', k: 10, meta: true, user: 0 } });
    const answer = await wait(() => messages.find((m): m is Extract<WorkerMessage, { type: 'inspection' }> => m.type === 'inspection' && m.id === id));
    expect(answer.inspection.key).toBe('a');
    expect(answer.inspection.items).toHaveLength(600);
    send({ type: 'inspect', request: { key: 'b', armId: 'logq-streaming', k: 10 } });
    const bad = await wait(() => messages.find((m): m is Extract<WorkerMessage, { type: 'inspection' }> => m.type === 'inspection' && m.id === id));
    expect(bad.inspection.error?.en).toMatch(/not running/);
    const stepsNow = () => messages.findLast((m): m is Extract<WorkerMessage, { type: 'snapshot' }> => m.type === 'snapshot')?.snapshot.step ?? 0;
    const at = stepsNow();
    await wait(() => (stepsNow() > at + 2 ? true : undefined));
    expect(messages.some((m) => m.type === 'error')).toBe(false);
  }, 120_000);
});
