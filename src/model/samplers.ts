import { AliasTable, Rng } from '../util/rng';
import { Pipelines } from '../world/pipeline';
import { slatesOf } from '../world/slates';
import type { World } from '../world/types';

/** A batch of positive (user, item) pairs. */
export interface PositiveBatch {
  users: Int32Array;
  items: Int32Array;
  /** Rows of world.train the batch was drawn from (for per-click context); absent for made-up batches. */
  clicks?: Int32Array;
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
  /**
   * A `hardShare` of hard negatives from the user's ranking pipeline (of them a `veryHardShare`
   * from the low end of ranking, the rest cut by pre-ranking); the rest easy, ∝ (clicks+1)^alpha.
   */
  | { kind: 'hard-mix'; hardShare: number; alpha: number; veryHardShare: number }
  /** A `share` of the user's exposed-but-not-clicked items; the rest easy, ∝ (clicks+1)^0.75. */
  | { kind: 'exposed'; share: number };

export function createSampler(spec: SamplerSpec, world: World): NegativeSampler {
  switch (spec.kind) {
    case 'uniform':
      return new UniformSampler(world.config.items);
    case 'popularity':
      return new PopularitySampler(world.itemTrainClicks, spec.alpha);
    case 'in-batch':
      return new InBatchSampler();
    case 'hard-mix': {
      const pipelines = new Pipelines(world);
      return new MixSampler('hard-mix', [
        { sampler: new HardSampler(pipelines, 'very'), share: spec.hardShare * spec.veryHardShare },
        { sampler: new HardSampler(pipelines, 'fairly'), share: spec.hardShare * (1 - spec.veryHardShare) },
        { sampler: new PopularitySampler(world.itemTrainClicks, spec.alpha), share: 1 - spec.hardShare },
      ]);
    }
    case 'exposed': {
      const easy = new PopularitySampler(world.itemTrainClicks, 0.75);
      return new MixSampler('exposed', [
        { sampler: new ExposedSampler(world, easy), share: spec.share },
        { sampler: easy, share: 1 - spec.share },
      ]);
    }
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

/**
 * Hard negatives from the user's pass through the ranking pipeline: "fairly hard" (retrieved,
 * cut by pre-ranking) or "very hard" (the low end of ranking). See world/pipeline.ts.
 */
export class HardSampler implements NegativeSampler {
  readonly kind = 'hard-mix';
  constructor(
    private readonly pipelines: Pipelines,
    private readonly which: 'fairly' | 'very',
  ) {}
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = new Int32Array(batch.users.length * perRow);
    batch.users.forEach((u, r) => {
      const p = this.pipelines.hard(u)[this.which];
      for (let k = 0; k < perRow; k++) out[r * perRow + k] = p[rng.int(p.length)];
    });
    return out;
  }
}

/**
 * Exposed-but-not-clicked items: for each positive, the items shown beside it in the slate it was
 * clicked from (how a ranker is trained: one impression, the clicked item against the skipped).
 */
export class ExposedSampler implements NegativeSampler {
  readonly kind = 'exposed';
  /** Skipped items of the slate of each training click, keyed by user · items + item. */
  private readonly skipped = new Map<number, Int32Array>();
  constructor(
    private readonly world: World,
    private readonly fallback: NegativeSampler,
  ) {
    const n = world.config.items;
    for (const { user, click, skipped } of slatesOf(world.exposures)) if (click >= 0) this.skipped.set(user * n + click, Int32Array.from(skipped));
  }
  draw(batch: PositiveBatch, perRow: number, rng: Rng): Int32Array {
    const out = this.fallback.draw(batch, perRow, rng);
    const n = this.world.config.items;
    batch.users.forEach((u, r) => {
      const p = this.skipped.get(u * n + batch.items[r]);
      if (p?.length) for (let k = 0; k < perRow; k++) out[r * perRow + k] = p[rng.int(p.length)];
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
    // Parts with no share are not drawn at all (a hard sampler's pipelines are costly).
    const drawn = this.parts.map((p) => (p.share > 0 ? p.sampler.draw(batch, perRow, rng) : undefined));
    const shares = this.parts.map((p) => p.share);
    const out = new Int32Array(batch.users.length * perRow);
    for (let k = 0; k < out.length; k++) out[k] = drawn[rng.pick(shares)]![k];
    return out;
  }
}
