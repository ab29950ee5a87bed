import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { FusionNet } from '../../src/model/fusion';
import { createEncoders } from '../../src/train/arm';
import { Rng } from '../../src/util/rng';
import { generateWorld } from '../../src/world/generate';

describe('early fusion', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('scores a (user, item) pair the same alone and inside a block of items', () => {
    const world = generateWorld({ seed: 3, users: 60, items: 200 });
    const enc = createEncoders(world);
    const before = tf.memory().numTensors;
    const net = new FusionNet(enc.user.layout, enc.item.layout, { embeddingDim: 8, hidden: [16, 8], dim: 4 }, new Rng(1));
    const items = Int32Array.from({ length: 50 }, (_, i) => (i * 7) % 200);
    const block = tf.tidy(() => net.scoreAll(enc.user.encode([5, 9]), enc.item.encode(items)).arraySync());
    for (const [row, user] of [5, 9].entries())
      for (const k of [0, 13, 49]) {
        const alone = tf.tidy(() => net.scorePairs(enc.user.encode([user]), enc.item.encode([items[k]])).arraySync()[0]);
        expect(block[row][k]).toBeCloseTo(alone, 5);
      }
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
