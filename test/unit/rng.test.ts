import { describe, expect, it } from 'vitest';
import { AliasTable, Rng } from '../../src/util/rng';

describe('seeded PRNG', () => {
  it('reproduces a stream from its seed and differs across seeds and labels', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.nextUint32());
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
    expect(draw(new Rng(42))).not.toEqual(draw(new Rng(43)));
    expect(draw(Rng.derive(1, 'a'))).not.toEqual(draw(Rng.derive(1, 'b')));
  });

  it('alias table draws in proportion to the weights', () => {
    const table = new AliasTable([1, 3, 0, 6]);
    const rng = new Rng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[table.sample(rng)]++;
    expect(counts[2]).toBe(0);
    expect(counts[0] / 1e5).toBeCloseTo(0.1, 1);
    expect(counts[3] / 1e5).toBeCloseTo(0.6, 1);
  });
});
