/**
 * A world kept in the browser's store is the world: a runner that starts from a stored world
 * (a structured clone, as IndexedDB keeps it) evaluates and trains exactly as the runner that
 * built it, and says nothing about generating. A store that fails means building, as before.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import type { Snapshot, WorkerMessage } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { type BuiltWorld, type WorldStore, worldStoreKey } from '../../src/worker/world-store';

const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
const lesson = findLesson('training-modes')!;
const settings = { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), users: 150, items: 300, clicks: 10, batch: 32, steps: 30 };

function memoryStore(): WorldStore & { kept: Map<string, BuiltWorld>; puts: number } {
  const kept = new Map<string, BuiltWorld>();
  const store = {
    kept,
    puts: 0,
    get: async (key: string) => (kept.has(key) ? structuredClone(kept.get(key)) : undefined),
    put: async (key: string, built: BuiltWorld) => {
      store.puts++;
      kept.set(key, structuredClone(built));
    },
  };
  return store;
}

/** Init, then train to the target; returns every message. */
async function run(store: WorldStore | undefined): Promise<WorkerMessage[]> {
  const messages: WorkerMessage[] = [];
  const runner = new Runner((m) => messages.push(m), { wasmPaths: wasmDir }, store);
  const loop = runner.loop();
  runner.push({ type: 'init', id: 1, lessonId: lesson.id, settings, arms: ['listwise', 'pointwise'], backends: ['wasm'], forced: true });
  runner.push({ type: 'play', id: 2 });
  const end = Date.now() + 120_000;
  while (messages.findLast((m) => m.type === 'snapshot')?.snapshot.phase !== 'done') {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
  runner.push({ type: 'dispose', id: 3 });
  await loop;
  return messages;
}

const last = (ms: WorkerMessage[]): Snapshot => ms.findLast((m): m is Extract<WorkerMessage, { type: 'snapshot' }> => m.type === 'snapshot')!.snapshot;
const said = (ms: WorkerMessage[]) => ms.flatMap((m) => (m.type === 'status' ? [m.text.en] : []));
// Evaluated at step 0 and at the target in every run (between, when is a matter of the clock; so are the loss chunks).
const ends = (s: Snapshot) => s.arms.map((a) => ({ id: a.id, evals: a.evals.filter((e) => e.step === 0 || e.step === s.target).map((e) => [e.step, e.metrics]) }));

describe('the world store', () => {
  it('a stored world trains exactly as the built one, without generating', async () => {
    const store = memoryStore();
    const built = await run(store);
    expect(said(built).some((t) => t.startsWith('Generating the world'))).toBe(true);
    expect(store.puts).toBe(1);
    const stored = await run(store);
    expect(said(stored).some((t) => t.startsWith('Generating the world'))).toBe(false);
    expect(store.puts).toBe(1);
    const [a, b] = [last(built), last(stored)];
    expect(b.step).toBe(30);
    expect(ends(b)).toEqual(ends(a));
    expect(ends(a)[0].evals.map(([step]) => step)).toEqual([0, 30]);
    const ready = (ms: WorkerMessage[]) => ms.find((m): m is Extract<WorkerMessage, { type: 'ready' }> => m.type === 'ready')!;
    expect(ready(stored).baselines).toEqual(ready(built).baselines);
  }, 120_000);

  it('a store that fails means building; keys differ with any setting of the world', async () => {
    const failing: WorldStore = { get: () => Promise.reject(new Error('quota')), put: () => Promise.reject(new Error('quota')) };
    const messages = await run(failing);
    expect(last(messages).phase).toBe('done');
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(worldStoreKey({ users: 150 })).not.toBe(worldStoreKey({ users: 151 }));
    expect(worldStoreKey({ users: 150, seed: 7 })).toBe(worldStoreKey({ seed: 7, users: 150 }));
  }, 120_000);
});
