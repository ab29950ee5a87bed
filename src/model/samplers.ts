import { AliasTable, Rng } from '../util/rng';
import { rankedOutItems } from '../world/ranking';
import type { World } from '../world/types';

/** A batch of positive (user, item) pairs. */
export interface PositiveBatch {
  users: Int32Array;
  items: Int32Array;
}

/**
 * Where negatives come from. `draw` returns `perRow` negatives for every row of the batch
 * ([rows × perRow], row-major). The in-batch sampler is special: its negatives are the batch's own
 * positives, so the loss uses the batch's score matrix instead of drawing.
 */
export interface NegativeSampler {
  readonly kind: SamplerSpec['kind'];
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array;
}

export type SamplerSpec =
  | { kind: 'uniform' }
  | { kind: 'popularity'; alpha: number }
  | { kind: 'in-batch' }
  | { kind: 'hard-mix'; hardShare: number; alpha: number }
  | { kind: 'exposed' };

export function createSampler(spec: SamplerSpec, world: World, seed: number): NegativeSampler {
  switch (spec.kind) {
    case 'uniform':
      return new UniformSampler(world.config.items);
    case 'popularity':
      return new PopularitySampler(world.itemTrainClicks, spec.alpha);
    case 'in-batch':
      return new InBatchSampler();
    case 'hard-mix':
      return new MixSampler('hard-mix', [
        { sampler: new HardSampler(world, seed), share: spec.hardShare },
        { sampler: new PopularitySampler(world.itemTrainClicks, spec.alpha), share: 1 - spec.hardShare },
      ]);
    case 'exposed':
      return new ExposedSampler(world, new PopularitySampler(world.itemTrainClicks, 0.75));
  }
}

/** Easy negatives: every item equally likely. */
export class UniformSampler implements NegativeSampler {
  readonly kind = 'uniform';
  constructor(private readonly items: number) {}
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = new Int32Array(batch.users.length * perRow);
    for (let k = 0; k < out.length; k++) out[k] = rng.int(this.items);
    return out;
  }
}

/** Easy negatives ∝ clicks^α (clicks + 1, so that unclicked items can still be drawn). */
export class PopularitySampler implements NegativeSampler {
  readonly kind = 'popularity';
  private readonly table: AliasTable;
  constructor(clicks: Int32Array, alpha: number) {
    this.table = new AliasTable(Array.from(clicks, (c) => Math.pow(c + 1, alpha)));
  }
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = new Int32Array(batch.users.length * perRow);
    for (let k = 0; k < out.length; k++) out[k] = this.table.sample(rng);
    return out;
  }
}

/** In-batch: other rows' positives. `draw` gives one random other positive per slot. */
export class InBatchSampler implements NegativeSampler {
  readonly kind = 'in-batch';
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const B = batch.items.length;
    const out = new Int32Array(B * perRow);
    for (let r = 0; r < B; r++) for (let k = 0; k < perRow; k++) out[r * perRow + k] = batch.items[(r + 1 + rng.int(B - 1)) % B];
    return out;
  }
}

/** Hard negatives: retrieved for the user, then ranked out by the simulated ranker. */
export class HardSampler implements NegativeSampler {
  readonly kind = 'hard-mix';
  private readonly pools = new Map<number, Int32Array>();
  private readonly poolRng: Rng;
  constructor(private readonly world: World, seed: number) {
    this.poolRng = Rng.derive(seed, 'ranking-stage');
  }
  pool(user: number): Int32Array {
    let p = this.pools.get(user);
    if (!p) {
      p = rankedOutItems(this.world, user, this.poolRng);
      this.pools.set(user, p);
    }
    return p;
  }
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = new Int32Array(batch.users.length * perRow);
    batch.users.forEach((u, r) => {
      const p = this.pool(u);
      for (let k = 0; k < perRow; k++) out[r * perRow + k] = p[rng.int(p.length)];
    });
    return out;
  }
}

/** Exposed-but-not-clicked items of the same user (the upstream recommender's slates). */
export class ExposedSampler implements NegativeSampler {
  readonly kind = 'exposed';
  private readonly byUser: Int32Array[];
  constructor(world: World, private readonly fallback: NegativeSampler) {
    const lists: number[][] = Array.from({ length: world.config.users }, () => []);
    const { user, item, clicked } = world.exposures;
    for (let k = 0; k < user.length; k++) if (!clicked[k]) lists[user[k]].push(item[k]);
    this.byUser = lists.map((l) => Int32Array.from(l));
  }
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = this.fallback.draw(batch, perRow, rng);
    batch.users.forEach((u, r) => {
      const p = this.byUser[u];
      if (p.length) for (let k = 0; k < perRow; k++) out[r * perRow + k] = p[rng.int(p.length)];
    });
    return out;
  }
}

/** Each negative slot drawn from one of several samplers, chosen by share. */
export class MixSampler implements NegativeSampler {
  constructor(
    readonly kind: SamplerSpec['kind'],
    private readonly parts: { sampler: NegativeSampler; share: number }[],
  ) {}
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const drawn = this.parts.map((p) => p.sampler.draw(batch, perRow, rng));
    const shares = this.parts.map((p) => p.share);
    const out = new Int32Array(batch.users.length * perRow);
    for (let k = 0; k < out.length; k++) out[k] = drawn[rng.pick(shares)][k];
    return out;
  }
}
