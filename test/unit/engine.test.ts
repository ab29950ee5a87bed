import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { biasCorrection } from '../../lessons/bias-correction';
import { knobsOf } from '../../src/lesson/knobs';
import { trainingModes } from '../../lessons/training-modes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { Settings } from '../../src/lesson/types';
import { Experiment } from '../../src/train/experiment';
import { generateWorld } from '../../src/world/generate';

const tiny = { users: 120, items: 300, clicksPerUser: 10 };

function settingsFor(overrides: Settings): Settings {
  const s: Settings = {};
  for (const k of knobsOf(trainingModes)) s[k.id] = k.default;
  return { ...s, batch: 32, listNegatives: 16, ...overrides };
}

describe('training engine', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('keeps tf.memory().numTensors flat over 2,000 lockstep steps of every loss family, with evaluations', async () => {
    const world = generateWorld({ seed: 3, ...tiny });
    const settings = settingsFor({});
    // Per-row negatives (pointwise), shared negatives (listwise), in-batch with streaming logQ.
    const specs = [
      ...trainingModes.arms(settings).filter((a) => a.id === 'pointwise' || a.id === 'listwise'),
      ...biasCorrection.arms(settings).filter((a) => a.id === 'logq-streaming'),
    ];
    const ex = new Experiment(world, specs, settings);
    await ex.train(50);
    await ex.evaluate();
    const before = tf.memory().numTensors;
    for (let s = 0; s < 2000; s += 250) {
      await ex.train(250);
      if (s % 1000 === 0) await ex.evaluate();
    }
    const after = tf.memory().numTensors;
    console.log(`numTensors after 50 steps: ${before}, after 2,050 steps: ${after}`);
    expect(ex.step).toBe(2050);
    expect(after).toBe(before);
    ex.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 600_000);

  it('reproduces the same losses from the same seed, and arms train identically whatever else runs', async () => {
    const world = generateWorld({ seed: 4, ...tiny });
    const settings = settingsFor({});
    const run = async (armIds: string[]) => {
      const ex = new Experiment(world, trainingModes.arms(settings).filter((a) => armIds.includes(a.id)), settings);
      const p = await ex.train(30);
      ex.dispose();
      return Object.fromEntries(p.map((a) => [a.id, a.loss]));
    };
    const all = await run(['pointwise', 'listwise']);
    const again = await run(['pointwise', 'listwise']);
    const alone = await run(['listwise']);
    expect(again).toEqual(all);
    expect(alone.listwise).toBeCloseTo(all.listwise!, 5);
  });

  it('stops a diverging arm with a clear reason and keeps training the others', async () => {
    const world = generateWorld({ seed: 5, ...tiny });
    const settings = settingsFor({});
    const ex = new Experiment(world, trainingModes.arms(settings).filter((a) => a.id === 'pointwise' || a.id === 'listwise'), settings);
    const events: string[] = [];
    ex.on((e) => e.type === 'diverged' && events.push(`${e.armId}: ${e.reason}`));
    await ex.train(5);
    // Poison one arm's weights, as an exploding learning rate would.
    const table = ex.arms[0].variables[0];
    table.assign(tf.fill(table.shape, Number.NaN));
    const progress = await ex.train(5);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^pointwise: loss became NaN .*lower the learning rate/);
    expect(progress.find((p) => p.id === 'pointwise')!.loss).toBeNull();
    const next = await ex.train(5);
    expect(next.find((p) => p.id === 'pointwise')!.steps).toBe(10);
    expect(next.find((p) => p.id === 'listwise')!.steps).toBe(15);
    const metrics = await ex.evaluate();
    expect(Object.keys(metrics)).toEqual(['listwise']);
    ex.dispose();
  });
});
