/**
 * Arms seeded alike rank alike before they train: an evaluation ranks once for all of them
 * (src/eval/rank-memo.ts), with exactly the metrics each arm gets when ranked on its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { trainingModes } from '../../lessons/training-modes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { RankMemo } from '../../src/eval/rank-memo';
import { knobsOf } from '../../src/lesson/knobs';
import type { Settings } from '../../src/lesson/types';
import { Experiment } from '../../src/train/experiment';
import { generateWorld } from '../../src/world/generate';

describe('rankings shared across an evaluation', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('ranks once for arms with equal vectors, with the metrics each gets alone; not once they differ', async () => {
    const world = generateWorld({ seed: 5, users: 150, items: 400, clicksPerUser: 10 });
    const settings: Settings = { ...Object.fromEntries(knobsOf(trainingModes).map((k) => [k.id, k.default])), batch: 32, listNegatives: 16 };
    const specs = trainingModes.arms(settings);
    const together = new Experiment(world, specs, settings);
    const memo = new RankMemo();
    const shared = await together.evaluate(memo);
    // Four losses, one tower shape, one seed: the untrained arms are the same model.
    expect(memo.hits).toBe(specs.length - 1);
    for (const spec of specs) {
      const alone = new Experiment(world, [spec], settings, together.evalContext);
      expect(shared[spec.id], spec.id).toEqual((await alone.evaluate())[spec.id]);
      alone.dispose();
    }
    await together.train(20);
    const trained = new RankMemo();
    await together.evaluate(trained);
    // Each loss moved its arm's towers its own way.
    expect(trained.hits).toBe(0);
    together.dispose();
  }, 120_000);
});
