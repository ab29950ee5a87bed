/** Serving from an index inside the engine: memory stays flat, a seed reproduces the measurements, the first request is the stored vector's. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { serving } from '../../lessons/serving';
import { sessionRecall } from '../../lessons/serving/session';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { knobsOf, lessonWorldConfig } from '../../src/lesson/knobs';
import { trainedProbeValues } from '../../src/lesson/probes';
import type { Settings } from '../../src/lesson/types';
import { Experiment } from '../../src/train/experiment';
import { generateWorld } from '../../src/world/generate';

const settings: Settings = { ...Object.fromEntries(knobsOf(serving).map((k) => [k.id, k.default])), users: 150, items: 400, clicks: 10, batch: 32, sessionLength: 4 };

describe('serving in the engine', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('keeps tf.memory().numTensors flat over evaluations with index metrics and trained probes', async () => {
    const world = generateWorld(lessonWorldConfig(serving, settings));
    const exp = new Experiment(world, serving.arms(settings), settings);
    try {
      await exp.train(5);
      const first = await exp.evaluate();
      await trainedProbeValues(serving.probes!, exp.arms, { world, settings, specs: serving.arms(settings) });
      const before = tf.memory().numTensors;
      for (let r = 0; r < 2; r++) {
        await exp.train(5);
        await exp.evaluate();
        await trainedProbeValues(serving.probes!, exp.arms, { world, settings, specs: serving.arms(settings) });
      }
      expect(tf.memory().numTensors).toBe(before);
      expect(first.exact['annRecall@10']).toBe(1);
      expect(first.hnsw['annRecall@10']).toBeGreaterThan(0.5);
      // Same towers, served two ways: the exact metrics are equal.
      expect(first.hnsw['recall@50']).toBe(first.exact['recall@50']);
    } finally {
      exp.dispose();
    }
  });

  it('a seed reproduces the session experiment', async () => {
    const run = async () => {
      const world = generateWorld(lessonWorldConfig(serving, settings));
      const exp = new Experiment(world, serving.arms(settings).filter((a) => a.id === 'hnsw'), settings);
      try {
        await exp.train(5);
        return await sessionRecall(exp.arms[0], world, settings);
      } finally {
        exp.dispose();
      }
    };
    const a = await run();
    const b = await run();
    expect(b).toEqual(a);
    expect(a.perRequest[0]).toBe(a.stored[0]);
  });
});
