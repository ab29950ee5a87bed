/**
 * Arms across shards: the coordinator routes commands, merges the shards' messages into what one
 * runner would say, and keeps the shards in lockstep. With fake shards (the routing and merging,
 * exactly) and with real runners in-process (a lesson trained over two shards ends with the
 * same numbers, arm for arm, as in one runner).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import type { Settings } from '../../src/lesson/types';
import { Coordinator, lockstepSlack, type ShardPort } from '../../src/worker/coordinator';
import type { ArmSnapshot, Command, Snapshot, WorkerMessage } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';

const ARMS = ['a', 'b', 'c', 'd'];

interface Fake {
  sent: Command[];
  say(m: WorkerMessage): void;
  terminated: boolean;
}

function fakes(count: number): { out: WorkerMessage[]; shards: Fake[]; coordinator: Coordinator } {
  const out: WorkerMessage[] = [];
  const shards: Fake[] = [];
  const coordinator = new Coordinator(
    (m) => out.push(m),
    (onMessage) => {
      const fake: Fake = { sent: [], say: onMessage, terminated: false };
      shards.push(fake);
      return { send: (c) => fake.sent.push(c), terminate: () => (fake.terminated = true) } satisfies ShardPort;
    },
    count,
  );
  return { out, shards, coordinator };
}

function arm(id: string, steps: number, enabled = true): ArmSnapshot {
  return { id, enabled, steps, loss: [], evals: [], trainSeconds: 1, stepsPerSecond: steps, series: {} };
}

function snap(phase: Snapshot['phase'], arms: ArmSnapshot[], run = 1, target = 100): Snapshot {
  const step = Math.min(...arms.map((a) => a.steps));
  return { run, phase, step, target, arms, stepsPerSecond: 10, evalSeconds: 0, lastEvalSeconds: 0, settings: { steps: target } };
}

function init(c: Coordinator, arms = ARMS): void {
  c.push({ type: 'init', id: 1, lessonId: 'x', settings: { steps: 100 }, arms, backends: ['wasm'], lessonArms: ARMS });
}

const last = <T extends WorkerMessage['type']>(out: WorkerMessage[], type: T) => (vi.advanceTimersByTime(1000), out).findLast((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);

describe('the coordinator (fake shards)', () => {
  // Running snapshots are merged at most every 200 ms: the tests move the clock on.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('spreads the enabled arms over the shards and sends each shard only its own; a newly enabled arm goes to the emptier shard', () => {
    const { shards, coordinator } = fakes(2);
    init(coordinator, ['a', 'b', 'c']);
    expect(shards).toHaveLength(2);
    expect(shards.map((s) => (s.sent[0] as Extract<Command, { type: 'init' }>).arms)).toEqual([['a', 'c'], ['b']]);
    coordinator.push({ type: 'configure', id: 2, settings: { steps: 100 }, arms: ['a', 'b', 'c', 'd'] });
    expect(shards.map((s) => (s.sent.at(-1) as Extract<Command, { type: 'configure' }>).arms)).toEqual([['a', 'c'], ['b', 'd']]);
    // An arm keeps its shard when switched off and on again (its weights live there).
    coordinator.push({ type: 'configure', id: 3, settings: { steps: 100 }, arms: ['b', 'c'] });
    coordinator.push({ type: 'configure', id: 4, settings: { steps: 100 }, arms: ['a', 'b', 'c'] });
    expect(shards.map((s) => (s.sent.at(-1) as Extract<Command, { type: 'configure' }>).arms)).toEqual([['a', 'c'], ['b']]);
  });

  it('never starts more shards than the lesson has arms', () => {
    const { shards, coordinator } = fakes(8);
    init(coordinator);
    expect(shards).toHaveLength(4);
  });

  it('routes an inspection to the arm’s shard and a sweep to one shard; run-wide commands reach all', () => {
    const { shards, coordinator } = fakes(2);
    init(coordinator);
    coordinator.push({ type: 'inspect', id: 5, request: { key: 'k', armId: 'b', k: 10 } });
    coordinator.push({ type: 'sweep', id: 6, key: 's', knob: 'lr', values: [0.1], arms: ['a'] });
    coordinator.push({ type: 'play', id: 7 });
    expect(shards[0].sent.map((c) => c.type)).toEqual(['init', 'sweep', 'play']);
    expect(shards[1].sent.map((c) => c.type)).toEqual(['init', 'inspect', 'play']);
    coordinator.push({ type: 'dispose', id: 8 });
    expect(shards.every((s) => s.terminated && s.sent.at(-1)!.type === 'dispose')).toBe(true);
  });

  it('merges the shards’ snapshots into one with every arm in the lesson’s order, at the slowest shard’s step', () => {
    const { out, shards, coordinator } = fakes(2);
    init(coordinator);
    shards[0].say({ type: 'snapshot', id: 1, snapshot: snap('ready', [arm('a', 0), arm('c', 0)]) });
    shards[1].say({ type: 'snapshot', id: 1, snapshot: snap('ready', [arm('b', 0), arm('d', 0)]) });
    const ready = last(out, 'snapshot')!.snapshot;
    expect(ready.arms.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(ready.phase).toBe('ready');
    coordinator.push({ type: 'play', id: 2 });
    shards[0].say({ type: 'snapshot', id: 2, snapshot: snap('done', [arm('a', 100), arm('c', 100)]) });
    shards[1].say({ type: 'snapshot', id: 2, snapshot: snap('running', [arm('b', 98), arm('d', 98)]) });
    // Running until every shard is done; the run's step is the slowest shard's.
    let merged = last(out, 'snapshot')!.snapshot;
    expect([merged.phase, merged.step]).toEqual(['running', 98]);
    shards[1].say({ type: 'snapshot', id: 2, snapshot: snap('done', [arm('b', 100), arm('d', 100)]) });
    merged = last(out, 'snapshot')!.snapshot;
    expect([merged.phase, merged.step]).toEqual(['done', 100]);
    // A shard whose arms are all switched off says nothing about the run's phase.
    shards[1].say({ type: 'snapshot', id: 3, snapshot: snap('paused', [arm('b', 100, false), arm('d', 100, false)]) });
    expect(last(out, 'snapshot')!.snapshot.phase).toBe('done');
    // A shard still on the previous run: its arms wait until it has rebuilt.
    shards[0].say({ type: 'snapshot', id: 4, snapshot: snap('ready', [arm('a', 0), arm('c', 0)], 2) });
    expect(last(out, 'snapshot')!.snapshot.arms.map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('holds back a shard that runs ahead of the slowest, and lets it go once the other caught up', () => {
    const { out, shards, coordinator } = fakes(2);
    init(coordinator);
    coordinator.push({ type: 'play', id: 2 });
    const slack = lockstepSlack(100);
    shards[0].say({ type: 'snapshot', id: 2, snapshot: snap('running', [arm('a', 10), arm('c', 10)]) });
    shards[1].say({ type: 'snapshot', id: 2, snapshot: snap('running', [arm('b', 10 + slack + 1), arm('d', 10 + slack + 1)]) });
    expect(shards[1].sent.at(-1)!.type).toBe('pause');
    expect(shards[0].sent.at(-1)!.type).toBe('play');
    // The held shard's own "paused" does not pause the run.
    shards[1].say({ type: 'snapshot', id: 0, snapshot: snap('paused', [arm('b', 10 + slack + 1), arm('d', 10 + slack + 1)]) });
    expect(last(out, 'snapshot')!.snapshot.phase).toBe('running');
    shards[0].say({ type: 'snapshot', id: 2, snapshot: snap('running', [arm('a', 10 + slack), arm('c', 10 + slack)]) });
    expect(shards[1].sent.at(-1)!.type).toBe('play');
    // The user's pause reaches every shard and ends the hold.
    coordinator.push({ type: 'pause', id: 3 });
    expect(shards.map((s) => s.sent.at(-1)!.type)).toEqual(['pause', 'pause']);
  });

  it('joins per-arm probes of the shards, says the world’s messages once and a shared notice once', () => {
    const { out, shards, coordinator } = fakes(2);
    init(coordinator);
    shards[0].say({ type: 'probe', id: 0, run: 1, name: 'curve', value: { a: 1, c: 3 }, perArm: true });
    shards[1].say({ type: 'probe', id: 0, run: 1, name: 'curve', value: { b: 2 }, perArm: true });
    expect(last(out, 'probe')!.value).toEqual({ a: 1, c: 3, b: 2 });
    // A fresh run withdraws the values; what a shard measures for it stands alone.
    shards[0].say({ type: 'probe', id: 0, run: 2, name: 'curve', value: undefined, perArm: true });
    expect(last(out, 'probe')).toMatchObject({ run: 2, value: undefined });
    shards[1].say({ type: 'probe', id: 0, run: 2, name: 'curve', value: { b: 5 }, perArm: true });
    expect(last(out, 'probe')).toMatchObject({ run: 2, value: { b: 5 } });
    const before = out.length;
    for (const s of shards) {
      s.say({ type: 'probe', id: 0, run: 2, name: 'world', value: 7 });
      s.say({ type: 'ready', id: 0, run: 2, world: {} as never, baselines: {} as never });
      s.say({ type: 'notice', id: 0, text: { en: 'Restarted', zh: '重新开始' }, level: 'info' });
    }
    expect(out.slice(before).map((m) => m.type)).toEqual(['probe', 'ready', 'notice']);
  });
});

const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;

/** Trains a lesson to its target through `post`-driven runners: `shards` of them behind a coordinator, or one alone. */
async function trainToDone(lessonId: string, overrides: Settings, shards: number): Promise<{ done: Snapshot; phases: string[] }> {
  const lesson = findLesson(lessonId)!;
  const settings: Settings = { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), users: 120, items: 300, clicks: 10, batch: 32, ...overrides };
  const snapshots: Snapshot[] = [];
  const runners: Runner[] = [];
  const post = (m: WorkerMessage) => {
    if (m.type === 'error') throw new Error(m.message);
    if (m.type === 'snapshot') snapshots.push(m.snapshot);
  };
  const coordinator = new Coordinator(
    post,
    (onMessage) => {
      const runner = new Runner(onMessage, { wasmPaths: wasmDir });
      runners.push(runner);
      void runner.loop();
      return { send: (c) => runner.push(c), terminate: () => undefined };
    },
    shards,
  );
  let id = 0;
  coordinator.push({ type: 'init', id: ++id, lessonId, settings, arms: lesson.armIds, backends: ['wasm'], lessonArms: lesson.armIds });
  const until = async (check: () => boolean) => {
    const end = Date.now() + 120_000;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out; last phase ${snapshots.at(-1)?.phase}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await until(() => snapshots.at(-1)?.phase === 'ready' && snapshots.at(-1)!.arms.length === lesson.armIds.length);
  coordinator.push({ type: 'play', id: ++id });
  await until(() => snapshots.at(-1)?.phase === 'done');
  coordinator.push({ type: 'dispose', id: ++id });
  return { done: snapshots.at(-1)!, phases: [...new Set(snapshots.map((s) => s.phase))] };
}

describe('the coordinator (runners in-process)', () => {
  it('a lesson trained over two shards ends where one runner ends it: same arms, same steps, same metrics', async () => {
    const one = await trainToDone('training-modes', { steps: 30 }, 1);
    const two = await trainToDone('training-modes', { steps: 30 }, 2);
    expect(two.phases).toEqual(['ready', 'running', 'done']);
    expect(two.done.arms.map((a) => a.id)).toEqual(one.done.arms.map((a) => a.id));
    for (const [k, a] of two.done.arms.entries()) {
      const b = one.done.arms[k];
      expect(a.steps, a.id).toBe(30);
      expect(a.evals.at(-1)!.step, a.id).toBe(30);
      expect(a.evals.at(-1)!.metrics, a.id).toEqual(b.evals.at(-1)!.metrics);
    }
  }, 240_000);
});
