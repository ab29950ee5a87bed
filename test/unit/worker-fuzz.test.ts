/**
 * The worker's gate under generated malformed messages (seeded): wrong types, missing and
 * mistyped fields, settings no knob allows, huge arrays and strings. Each is refused with a
 * reason, none reaches the runner, and a run that is training meanwhile goes on untouched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import type { Command, Snapshot, WorkerMessage } from '../../src/worker/protocol';
import { Runner } from '../../src/worker/runner';
import { KNOB_RANGES } from '../../src/worker/knob-ranges';
import { validateCommand } from '../../src/worker/validate';
import { Fuzz } from '../helpers/fuzz';

const SEED = 16;
const MESSAGES = 400;
const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
const lesson = findLesson('training-modes')!;
const settings = { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), users: 120, items: 300, clicks: 10, batch: 32, steps: 20_000 };

/** One valid command of each type, as the page sends them. */
const VALID: Command[] = [
  { type: 'init', id: 1, lessonId: lesson.id, settings, arms: lesson.armIds, backends: ['wasm'], forced: false },
  { type: 'configure', id: 2, settings, arms: ['listwise'] },
  { type: 'play', id: 3 },
  { type: 'pause', id: 4 },
  { type: 'step', id: 5, steps: 10 },
  { type: 'reset', id: 6 },
  { type: 'sweep', id: 7, key: 'lr', knob: 'lr', values: [0.01, 0.02], arms: ['listwise'] },
  { type: 'cancelSweep', id: 8 },
  { type: 'inspect', id: 9, request: { key: 'map', armId: 'listwise' } as never },
  { type: 'dispose', id: 10 },
];

/** Values that are wrong for any field of the protocol whatever its type (except where noted below). */
function wrongFor(f: Fuzz, value: unknown): unknown {
  const huge = () => Array.from({ length: 100_000 }, (_, i) => i);
  const typed = () => new Float32Array(1_000_000);
  const options: unknown[] = [undefined, null, Number.NaN, Infinity, -Infinity, 1e308, {}, huge(), typed(), f.tenKb(), true, () => 0];
  if (typeof value === 'string') options.push(42, ['a']);
  if (typeof value === 'number') options.push('7', -1, [7]);
  if (Array.isArray(value)) options.push('a,b', { 0: 'a' }, [null], [{}], Array(20).fill('x'));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) options.push([], 'x', { seed: 'x' }, { noSuchKnob: 1 }, { steps: -5 }, { users: 1e308 }, { steps: Number.NaN }, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 1])));
  if (typeof value === 'boolean') options.push('true', 1);
  return f.pick(options);
}

function malformed(f: Fuzz): unknown {
  const r = f.rng.int(10);
  if (r === 0) return f.pick([null, undefined, 0, 42, 'play', '', [], [{ type: 'play', id: 1 }], new Float32Array(1_000_000), true, Symbol.for('x').description]);
  if (r === 1) return { type: f.pick(['explode', 'PLAY', '', 'constructor', '__proto__', f.unicode()]), id: 1 };
  if (r === 2) return { type: f.pick(VALID).type, id: f.pick([Number.NaN, -1, 1.5, '1', null, Infinity, undefined]) };
  const base = structuredClone({ ...f.pick(VALID.filter((c) => !['play', 'pause', 'reset', 'loseBackend', 'cancelSweep', 'dispose'].includes(c.type))) }) as Record<string, unknown>;
  const keys = Object.keys(base).filter((k) => k !== 'forced' && k !== 'id');
  const key = f.pick(keys);
  if (key === 'type') base.type = f.pick([null, 7, 'Init', f.unicode()]);
  else if (f.chance(0.25)) delete base[key];
  else if (key === 'request') base.request = f.pick([null, 'map', [], { key: f.tenKb() }]);
  else base[key] = wrongFor(f, base[key]);
  return base;
}

function snapshotOf(messages: WorkerMessage[]): Snapshot | undefined {
  return messages.findLast((m): m is Extract<WorkerMessage, { type: 'snapshot' }> => m.type === 'snapshot')?.snapshot;
}

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the worker’s gate', () => {
  it('accepts every command the page sends', () => {
    for (const c of VALID) expect(validateCommand(structuredClone({ ...c, request: (c as { request?: unknown }).request }), KNOB_RANGES), c.type).toHaveProperty('command');
  });

  it('the coordinator checks shapes, the shards also ranges: a knob out of range passes the first, not the second', () => {
    const wild = { ...VALID[0], settings: { ...settings, lr: 1e9 } };
    expect(validateCommand(wild, null)).toHaveProperty('command');
    expect(validateCommand(wild, KNOB_RANGES)).toEqual({ reason: expect.stringMatching(/lr=1000000000 is outside/) });
    for (const knobs of [null, KNOB_RANGES]) {
      expect(validateCommand({ ...VALID[0], settings: { ...settings, lr: 'fast' } }, knobs)).toHaveProperty('reason');
      expect(validateCommand({ ...VALID[0], settings: { ...settings, lr: Number.NaN } }, knobs)).toHaveProperty('reason');
    }
  });

  it(`refuses ${MESSAGES} malformed messages (seed ${SEED}) with a reason while a run trains on`, async () => {
    const messages: WorkerMessage[] = [];
    const runner = new Runner((m) => messages.push(m), { wasmPaths: wasmDir });
    const loop = runner.loop();
    let checking = 0;
    const deliver = (data: unknown): string | undefined => {
      const t = performance.now();
      const checked = validateCommand(data, KNOB_RANGES);
      checking += performance.now() - t;
      if ('command' in checked) runner.push(checked.command);
      else return checked.reason;
    };
    deliver(VALID[0]);
    await until('the run to be ready', () => snapshotOf(messages)?.phase === 'ready');
    deliver({ type: 'play', id: 11 });
    await until('training', () => (snapshotOf(messages)?.step ?? 0) > 0);
    const f = new Fuzz(SEED);
    const reasons: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const m = malformed(f);
      const reason = deliver(m);
      expect(reason, `message ${i}: ${String(JSON.stringify(m))?.slice(0, 200)}`).toMatch(/^ignored a .*message: .+/);
      reasons.push(reason!);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    // Checking is cheap even for the huge arrays (refused by their length, never walked).
    expect(checking / MESSAGES).toBeLessThan(1);
    const before = snapshotOf(messages)!.step;
    await until('training to go on', () => snapshotOf(messages)!.step > before + 5);
    expect(snapshotOf(messages)!.phase).toBe('running');
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    // The reasons say what was wrong, briefly.
    expect(new Set(reasons.map((r) => r.replace(/^ignored a (".*" )?message: /, '').split(' ')[0])).size).toBeGreaterThan(8);
    expect(Math.max(...reasons.map((r) => r.length))).toBeLessThan(200);
    runner.push({ type: 'dispose', id: 99 });
    await loop;
  }, 120_000);
});
