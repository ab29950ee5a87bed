import { describe, expect, it } from 'vitest';
import { createEvalContext } from '../../src/eval/evaluate';
import { generateWorld } from '../../src/world/generate';
import { truthArrays, UserTruth } from '../../src/world/truth';

describe('the synthetic world', () => {
  const world = generateWorld({ seed: 7 });

  it('is identical for the same seed and different for another', () => {
    const again = generateWorld({ seed: 7 });
    expect(again.train.item).toEqual(world.train.item);
    expect(again.test.item).toEqual(world.test.item);
    expect(again.itemFeatures).toEqual(world.itemFeatures);
    const other = generateWorld({ seed: 8 });
    expect(other.train.item).not.toEqual(world.train.item);
  });

  it('is power-law: the 20% most-clicked items take at least 60% of the clicks', () => {
    const clicks = Array.from(world.itemTrainClicks).sort((a, b) => b - a);
    const total = clicks.reduce((a, b) => a + b, 0);
    const top = clicks.slice(0, Math.round(clicks.length * 0.2)).reduce((a, b) => a + b, 0);
    console.log(`top-20% items take ${((100 * top) / total).toFixed(1)}% of ${total} training clicks`);
    expect(top / total).toBeGreaterThanOrEqual(0.6);
  });

  it('never holds out a click on an item the user clicked in training, and tests later in time', () => {
    const { offsets, values } = world.trainByUser;
    for (let k = 0; k < world.test.user.length; k++) {
      const u = world.test.user[k];
      expect(values.subarray(offsets[u], offsets[u + 1]).includes(world.test.item[k])).toBe(false);
    }
    expect(Math.min(...world.test.day)).toBeGreaterThan(Math.max(...world.train.day));
  });

  it('has a multi-valued feature and exposures that are mostly not clicked', () => {
    expect(world.itemFields.some((f) => f.slots > 1)).toBe(true);
    const clicked = world.exposures.clicked.reduce((a, b) => a + b, 0);
    expect(clicked / world.exposures.clicked.length).toBeLessThan(0.5);
  });

  it('has an oracle that beats the popular baseline', () => {
    const ctx = createEvalContext(world);
    console.log(`oracle recall@50 ${ctx.oracle['recall@50'].toFixed(3)}, popular ${ctx.popular['recall@50'].toFixed(3)}`);
    expect(ctx.oracle['recall@50']).toBeGreaterThan(ctx.popular['recall@50'] * 1.5);
  });

  it('gives a user the same truth whether its arrays are fresh or reused from another user', () => {
    const n = world.config.items;
    const fresh = new UserTruth(world, 5).logits(3, new Float64Array(n));
    const arrays = truthArrays(n);
    new UserTruth(world, 900, arrays).logits(3, new Float64Array(n));
    expect(new UserTruth(world, 5, arrays).logits(3, new Float64Array(n))).toEqual(fresh);
  });

  it('rejects impossible sizes with a clear message', () => {
    expect(() => generateWorld({ users: -5 })).toThrow(/users must be a positive integer/);
    expect(() => generateWorld({ zipf: Number.NaN })).toThrow(/zipf/);
  });
});
