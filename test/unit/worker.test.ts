/**
 * The worker's driver in Node, through the protocol alone: a lesson's probes reach the page under
 * their names (run probes as `probe` messages, per-arm probes as snapshot series), and nothing of
 * a lesson's probes appears in another lesson's run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import type { Settings } from '../../src/lesson/types';
import type { Command, Snapshot, WorkerMessage } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { SERVING_COST, type ServingCostPoint } from '../../lessons/model/probes';
import { SERVING_SIZES } from '../../src/train/serving-cost';

const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;

let runner: Runner | undefined;
let id = 0;

function start(lessonId: string, overrides: Settings): WorkerMessage[] {
  const lesson = findLesson(lessonId)!;
  const settings: Settings = { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), users: 120, items: 300, clicks: 10, batch: 32, ...overrides };
  const messages: WorkerMessage[] = [];
  runner = new Runner((m) => messages.push(m), { wasmPaths: wasmDir });
  void runner.loop();
  send({ type: 'init', lessonId, settings, arms: lesson.armIds, backends: ['wasm'] });
  return messages;
}

type CommandBody = Command extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;

function send(cmd: CommandBody): void {
  runner!.push({ ...cmd, id: ++id } as Command);
}

async function snapshotWhere(messages: WorkerMessage[], check: (s: Snapshot) => boolean): Promise<Snapshot> {
  const end = Date.now() + 60_000;
  for (;;) {
    const error = messages.find((m) => m.type === 'error');
    if (error) throw new Error(`worker error: ${JSON.stringify(error)}`);
    const hit = messages.findLast((m): m is Extract<WorkerMessage, { type: 'snapshot' }> => m.type === 'snapshot' && check(m.snapshot));
    if (hit) return hit.snapshot;
    if (Date.now() > end) throw new Error('timed out waiting for a snapshot');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(() => {
  runner?.push({ type: 'dispose', id: ++id });
  runner = undefined;
});

describe('the worker runs a lesson’s probes', () => {
  it('per-arm series start at step 0 and grow with each chunk, only on the arms they apply to; run probes arrive by name', async () => {
    const messages = start('bias-correction', {});
    await snapshotWhere(messages, (s) => s.phase === 'ready');
    send({ type: 'step', steps: 6 });
    const s = await snapshotWhere(messages, (x) => x.step >= 6);
    const streaming = s.arms.find((a) => a.id === 'logq-streaming')!;
    const series = streaming.series.estimatorError;
    expect(series[0][0]).toBe(0);
    expect(series.at(-1)![0]).toBe(6);
    expect(series.every(([, v]) => Number.isFinite(v) && v >= 0)).toBe(true);
    // The estimator learns: its error after six steps is below its starting guess's.
    expect(series.at(-1)![1]).toBeLessThan(series[0][1]);
    for (const arm of s.arms.filter((a) => a.id !== 'logq-streaming')) expect(arm.series, arm.id).toEqual({});
    const meanTrueP = messages.find((m) => m.type === 'probe' && m.name === 'meanTrueP');
    expect(meanTrueP && meanTrueP.type === 'probe' && (meanTrueP.value as number)).toBeGreaterThan(0);
    expect(messages.some((m) => m.type === 'probe' && m.name === 'itemFeatures')).toBe(false);
  }, 120_000);

  it('a run probe is sent again for every fresh run (Reset), with that run’s number', async () => {
    const messages = start('self-supervision', { sslBatch: 32 });
    await snapshotWhere(messages, (s) => s.phase === 'ready');
    send({ type: 'reset' });
    const second = await snapshotWhere(messages, (s) => s.phase === 'ready' && s.run === 2);
    const probes = messages.filter((m): m is Extract<WorkerMessage, { type: 'probe' }> => m.type === 'probe');
    expect(probes.map((p) => [p.name, p.run])).toEqual([
      ['itemFeatures', 1],
      ['itemFeatures', 2],
    ]);
    const insight = probes[1].value as { mi: { fields: string[] }; examples: { augmentation: string }[] };
    expect(insight.mi.fields).toHaveLength(7);
    expect(insight.examples.map((e) => e.augmentation)).toEqual(['random-mask', 'correlated-mask', 'dropout']);
    expect(second.arms.every((a) => Object.keys(a.series).length === 0)).toBe(true);
  }, 120_000);

  it('a timing probe (serving cost) is measured in parts after Ready, while the worker is idle; a Play meanwhile trains at once', async () => {
    const messages = start('model', { dim: 24 });
    await snapshotWhere(messages, (s) => s.phase === 'ready');
    const readyAt = messages.findIndex((m) => m.type === 'snapshot' && m.snapshot.phase === 'ready');
    const costs = () => messages.flatMap((m, k) => (m.type === 'probe' && m.name === SERVING_COST ? [{ k, points: m.value as ServingCostPoint[] }] : []));
    await until(() => costs().length > 0);
    // Play after the first part: training starts before the remaining sizes are measured.
    send({ type: 'play' });
    await snapshotWhere(messages, (s) => s.step > 0);
    const trainedAt = messages.findIndex((m) => m.type === 'snapshot' && m.snapshot.step > 0);
    send({ type: 'pause' });
    await until(() => costs().at(-1)!.points.length === SERVING_SIZES.length);
    const all = costs();
    expect(all[0].k).toBeGreaterThan(readyAt);
    expect(all.findIndex((c) => c.k > trainedAt)).toBeGreaterThan(0);
    expect(all.findIndex((c) => c.k > trainedAt)).toBeLessThan(SERVING_SIZES.length);
    // Each part adds the next catalogue size to the ones before.
    expect(all.map((c) => c.points.map((p) => p.items))).toEqual(SERVING_SIZES.map((_, n) => SERVING_SIZES.slice(0, n + 1)));
  }, 120_000);

  it('a lesson evaluated every N steps trains in chunks that end there and is evaluated only there (updates: a day)', async () => {
    const messages = start('updates', { clicks: 24, steps: 72 });
    await snapshotWhere(messages, (s) => s.phase === 'ready');
    expect(messages.some((m) => m.type === 'probe' && m.name === 'dailyOracle')).toBe(true);
    send({ type: 'step', steps: 24 });
    const day1 = await snapshotWhere(messages, (s) => s.step === 24 && s.phase === 'paused');
    send({ type: 'play' });
    const done = await snapshotWhere(messages, (s) => s.phase === 'done');
    expect(day1.arms.every((a) => a.evals.map((e) => e.step).join() === '24')).toBe(true);
    for (const arm of done.arms) expect(arm.evals.map((e) => e.step), arm.id).toEqual([24, 48, 72]);
    // Every snapshot's lockstep position while running sits on the clock; evaluations only at day ends.
    const steps = messages.flatMap((m) => (m.type === 'snapshot' ? m.snapshot.arms.flatMap((a) => a.evals.map((e) => e.step)) : []));
    expect(steps.every((s) => s % 24 === 0)).toBe(true);
  }, 180_000);
});

describe('the worker runs a lesson’s trained probes', () => {
  it('measured on the live arms when the run reaches its target, `{ armId: value }`; a fresh run withdraws them', async () => {
    const messages = start('serving', { steps: 6, sessionLength: 3 });
    await snapshotWhere(messages, (s) => s.phase === 'ready');
    const probes = () => messages.filter((m): m is Extract<WorkerMessage, { type: 'probe' }> => m.type === 'probe');
    // Cleared at the run's start: nothing measured yet.
    expect(probes().every((m) => m.value === undefined)).toBe(true);
    send({ type: 'step', steps: 6 });
    await snapshotWhere(messages, (x) => x.phase === 'done');
    const curve = probes().findLast((m) => m.name === 'recallLatency')!.value as Record<string, unknown>;
    const session = probes().findLast((m) => m.name === 'session')!.value as Record<string, { stored: number[] }>;
    expect(Object.keys(curve)).toEqual(['hnsw']);
    expect(Object.keys(session).sort()).toEqual(['exact', 'hnsw']);
    expect(session.hnsw.stored).toHaveLength(3);
    // A hot knob (efSearch): measured again on the same trained weights — same run, same step.
    const done = await snapshotWhere(messages, (x) => x.phase === 'done');
    const settings = { ...done.settings, efSearch: 3 };
    send({ type: 'configure', settings, arms: ['exact', 'hnsw'] });
    await until(() => messages.some((m) => m.type === 'notice' && m.text.en.includes('measured again, without retraining')));
    const after1 = await snapshotWhere(messages, (x) => x.settings.efSearch === 3);
    expect(after1.run).toBe(done.run);
    expect(after1.step).toBe(done.step);
    const hnsw = after1.arms.find((a) => a.id === 'hnsw')!;
    expect(hnsw.evals.at(-1)!.step).toBe(done.step);
    expect(hnsw.evals.filter((e) => e.step === done.step)).toHaveLength(1);
    const curve2 = probes().findLast((m) => m.name === 'recallLatency')!.value as Record<string, { points: { efSearch: number }[] }>;
    expect(curve2.hnsw.points.some((p) => p.efSearch === 3)).toBe(true);
    const before = probes().length;
    send({ type: 'reset' });
    await snapshotWhere(messages, (x) => x.phase === 'ready' && x.run > 1);
    const after = probes().slice(before).filter((m) => m.name === 'recallLatency' || m.name === 'session');
    expect(after.map((m) => m.value)).toEqual([undefined, undefined]);
  });
});
