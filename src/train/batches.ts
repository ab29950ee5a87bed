import type { PositiveSpec } from '../lesson/types';
import type { PositiveBatch } from '../model/samplers';
import type { Rng } from '../util/rng';
import type { World } from '../world/types';

/** Indices into world.train: the positives an arm trains on (after its re-sampling). */
export function positivesFor(world: World, spec: PositiveSpec, seed: number): Int32Array {
  const n = world.train.item.length;
  const all = Array.from({ length: n }, (_, k) => k);
  switch (spec.kind) {
    case 'raw':
      return Int32Array.from(all);
    case 'downsample-head': {
      // A fixed, seeded choice of which head clicks to drop (the same for every epoch).
      const keep = all.filter((k) => !world.isHead[world.train.item[k]] || hash01(seed, k) >= spec.drop);
      return Int32Array.from(keep);
    }
    case 'upsample-tail': {
      const out: number[] = [];
      for (const k of all) {
        out.push(k);
        if (!world.isHead[world.train.item[k]]) for (let r = 0; r < spec.repeat; r++) out.push(k);
      }
      return Int32Array.from(out);
    }
  }
}

/** A deterministic number in [0, 1) per (seed, index): stable choices without consuming the RNG. */
function hash01(seed: number, k: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(k + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** Epochs of shuffled positives, cut into batches (the last short batch of an epoch is skipped). */
export class BatchStream {
  private order: Int32Array;
  private cursor: number;
  epoch = 0;

  constructor(
    private readonly world: World,
    positives: Int32Array,
    readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    if (positives.length < batchSize) throw new Error(`only ${positives.length} training clicks for a batch of ${batchSize}: lower the batch size`);
    this.order = positives.slice();
    this.cursor = this.order.length;
  }

  next(): PositiveBatch {
    if (this.cursor + this.batchSize > this.order.length) {
      this.rng.shuffle(this.order);
      this.cursor = 0;
      this.epoch++;
    }
    const users = new Int32Array(this.batchSize);
    const items = new Int32Array(this.batchSize);
    const clicks = this.order.slice(this.cursor, this.cursor + this.batchSize);
    for (let b = 0; b < this.batchSize; b++) {
      const k = clicks[b];
      users[b] = this.world.train.user[k];
      items[b] = this.world.train.item[k];
    }
    this.cursor += this.batchSize;
    return { users, items, clicks };
  }
}
