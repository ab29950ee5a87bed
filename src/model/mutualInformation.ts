import type { SslSpec } from '../lesson/types';
import { Rng } from '../util/rng';
import type { World } from '../world/types';
import { itemStrideOf } from '../world/truth';

/**
 * Mutual information between the item features of the catalogue, and the feature masks of the
 * self-supervised task's augmentations (Yao et al. 2021). Pure TypeScript, no tfjs: the page
 * imports it to draw the MI heatmap and the "what each augmentation does to one item" panel,
 * and `ssl.ts` builds its training views from the very same functions.
 *
 * Field indices are those of the item tower's `FeatureLayout`: 0 = the item ID, then the
 * world's item fields in order (category, subcategory, creator, price, city, tags).
 */

export type Augmentation = SslSpec['augmentation'];

// ---------------------------------------------------------------------------------------------
// Entropy and mutual information (natural log: nats)

/** Plug-in entropy (nats) of a discrete variable given as one code per observation. */
export function entropy(x: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights ? weights[i] : 1;
    counts.set(x[i], (counts.get(x[i]) ?? 0) + w);
    total += w;
  }
  let h = 0;
  for (const c of counts.values()) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h;
}

/**
 * Plug-in mutual information I(X;Y) = H(X) + H(Y) − H(X,Y) (nats) of two discrete variables
 * observed together: x[i], y[i] (non-negative integer codes), optional weight per observation.
 * I(X;X) = H(X) exactly; for independent variables it is ≈ 0 (plus the estimator's small
 * positive bias, about (|X|−1)(|Y|−1)/2N).
 */
export function mutualInformation(x: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error('mutualInformation: x and y differ in length');
  let yMax = 0;
  for (let i = 0; i < y.length; i++) yMax = Math.max(yMax, y[i]);
  const joint = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) joint[i] = x[i] * (yMax + 1) + y[i];
  return Math.max(0, entropy(x, weights) + entropy(y, weights) - entropy(joint, weights));
}

/**
 * MI of two fields whose entities may carry several values each (`values[e]`, a list). A
 * multi-valued field counts as "one of its values, drawn at random": every pair (a, b) of an
 * entity's values gets weight 1/(|A_e|·|B_e|), so each entity weighs 1. For single-valued
 * fields this is plain `mutualInformation`. Entities with an empty list are skipped.
 */
export function fieldMutualInformation(a: number[][], b: number[][]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let e = 0; e < a.length; e++) {
    if (!a[e].length || !b[e].length) continue;
    const w = 1 / (a[e].length * b[e].length);
    for (const va of a[e]) for (const vb of b[e]) (xs.push(va), ys.push(vb), ws.push(w));
  }
  return mutualInformation(xs, ys, ws);
}

/** Entropy of a field as "one of its values, drawn at random" (see `fieldMutualInformation`). */
export function fieldEntropy(a: number[][]): number {
  const xs: number[] = [];
  const ws: number[] = [];
  for (const vals of a) for (const v of vals) (xs.push(v), ws.push(1 / vals.length));
  return entropy(xs, ws);
}

// ---------------------------------------------------------------------------------------------
// The catalogue's MI matrix

export interface MutualInformationMatrix {
  /** Field names in layout order: 'id', then the world's item fields. */
  fields: string[];
  /** Whether each field is multi-valued (tags). */
  multiValued: boolean[];
  /** H of each field (nats); for tags, of one tag drawn at random from the item's tags. */
  entropy: number[];
  /** Plug-in MI (nats), [F][F], symmetric; the diagonal is the field's entropy. */
  mi: number[][];
  /**
   * MI the same fields show by chance: the mean plug-in MI after shuffling one column across
   * items (`shuffles` times, seeded). A field with many values shows MI with everything by
   * chance alone — creator's 300 values on 3,000 items do — and the ID shows its full entropy
   * with every field whatever the order.
   */
  chance: number[][];
  /** max(0, mi − chance): the association beyond chance. Correlated masking ranks by it. */
  adjusted: number[][];
  /** mi / min(H_a, H_b) in [0, 1]: 1 when one field determines the other (the ID row). */
  normalized: number[][];
}

/** Each item's values per layout field: field 0 = [the item's id], tags = its non-empty slots. */
export function itemFieldValues(world: World): number[][][] {
  const n = world.config.items;
  const stride = itemStrideOf(world);
  const perField: number[][][] = [Array.from({ length: n }, (_, i) => [i])];
  let slot = 0;
  for (const f of world.itemFields) {
    const col: number[][] = [];
    for (let i = 0; i < n; i++) {
      const vals: number[] = [];
      for (let s = 0; s < f.slots; s++) {
        const v = world.itemFeatures[i * stride + slot + s];
        if (v >= 0) vals.push(v);
      }
      col.push(vals);
    }
    perField.push(col);
    slot += f.slots;
  }
  return perField;
}

/**
 * The mutual-information matrix of the item features over the whole catalogue (every item
 * once, not weighted by clicks: the self-supervised task samples items uniformly too).
 * Deterministic for a world (the chance level's shuffles use Rng.derive(seed, 'mi')).
 */
export function itemFeatureMI(world: World, options: { shuffles?: number } = {}): MutualInformationMatrix {
  const shuffles = options.shuffles ?? 3;
  const values = itemFieldValues(world);
  const fields = ['id', ...world.itemFields.map((f) => f.name)];
  const multiValued = [false, ...world.itemFields.map((f) => f.slots > 1)];
  const F = fields.length;
  const H = values.map(fieldEntropy);
  const square = () => Array.from({ length: F }, () => new Array<number>(F).fill(0));
  const mi = square();
  const chance = square();
  const adjusted = square();
  const normalized = square();
  const rng = Rng.derive(world.config.seed, 'mi');
  const distinct = values.map((col) => col.every((v) => v.length === 1) && new Set(col.map((v) => v[0])).size === col.length);
  for (let a = 0; a < F; a++) {
    mi[a][a] = H[a];
    adjusted[a][a] = H[a];
    normalized[a][a] = 1;
    for (let b = a + 1; b < F; b++) {
      const m = fieldMutualInformation(values[a], values[b]);
      // A field with a distinct value per item (the ID) keeps its MI under any shuffle.
      let c = distinct[a] || distinct[b] ? m : 0;
      for (let s = 0; s < shuffles && !(distinct[a] || distinct[b]); s++) {
        const shuffled = rng.shuffle(values[b].slice());
        c += fieldMutualInformation(values[a], shuffled) / shuffles;
      }
      const norm = Math.min(H[a], H[b]);
      mi[a][b] = mi[b][a] = m;
      chance[a][b] = chance[b][a] = c;
      adjusted[a][b] = adjusted[b][a] = Math.max(0, m - c);
      normalized[a][b] = normalized[b][a] = norm > 0 ? Math.min(1, m / norm) : 0;
    }
  }
  return { fields, multiValued, entropy: H, mi, chance, adjusted, normalized };
}

// ---------------------------------------------------------------------------------------------
// Augmentations: which fields (and which values of the multi-valued field) each view keeps

/** Everything the view builders need to know about the item tower's fields. */
export interface AugmentContext {
  /** Number of layout fields (ID included). */
  fields: number;
  /** Field of each slot (layout.slotField). */
  slotField: number[];
  /** Fields with more than one slot: the ones dropout thins. */
  multiValuedFields: number[];
  /** Association between fields for correlated masking (`MutualInformationMatrix.adjusted`). */
  relatedness?: number[][];
  /** Dropout rate of a multi-valued field's values. */
  dropRate: number;
  /**
   * Where the ID goes (see `buildViews`): 'one-view' (the lab's choice), or for comparison
   * 'neither' (masked in both views) and 'both' (kept in both).
   */
  id?: 'one-view' | 'neither' | 'both';
}

/**
 * The two views of n examples: `masked[v][e·F + f] = 1` hides field f of example e in view v
 * (it takes the field's default embedding); `dropped[v][e·S + s] = 1` drops slot s.
 */
export interface ViewMasks {
  masked: [Uint8Array, Uint8Array];
  dropped: [Uint8Array, Uint8Array];
  /** Correlated masking: the batch's seed field and the set masked with it in view 0. */
  seedField?: number;
  correlatedSet?: number[];
}

/**
 * How the ID takes part — a deliberate choice, the same for every augmentation: **the ID is kept
 * in exactly one of the two views.** In both, the views could be matched by the ID alone and the
 * task would teach nothing about the features; in neither, a tail item's ID embedding (which the
 * main task barely trains) would never be pulled towards what its features say. Kept in one view,
 * the task asks "ID + some features" and "the other features" to agree, which is what a tail
 * item needs. And the ID never enters the MI ranking of correlated masking: it determines every
 * other field, so its MI with each is that field's whole entropy and it would land in nearly every
 * correlated set — a seed's "most related feature" would always be the ID.
 */
export function buildViews(aug: Augmentation, n: number, ctx: AugmentContext, rng: Rng): ViewMasks {
  const F = ctx.fields;
  const S = ctx.slotField.length;
  const masked: [Uint8Array, Uint8Array] = [new Uint8Array(n * F), new Uint8Array(n * F)];
  const dropped: [Uint8Array, Uint8Array] = [new Uint8Array(n * S), new Uint8Array(n * S)];
  const content = Array.from({ length: F - 1 }, (_, k) => k + 1);
  const out: ViewMasks = { masked, dropped };
  switch (aug) {
    case 'random-mask': {
      // RFM as a complementary split: a random half of all fields (ID included) in each view.
      const order = Array.from({ length: F }, (_, k) => k);
      for (let e = 0; e < n; e++) {
        rng.shuffle(order);
        const first = rng.next() < 0.5 ? Math.floor(F / 2) : Math.ceil(F / 2);
        for (let k = 0; k < F; k++) masked[k < first ? 1 : 0][e * F + order[k]] = 1;
      }
      break;
    }
    case 'correlated-mask': {
      // CFM: per batch a seed content field, masked in view 0 with its ⌊k/2⌋ most related
      // content fields (k = number of content fields); view 1 masks the rest. The ID is kept in
      // view 0, which keeps fewer content fields, so the views hold about half the fields each.
      const rel = ctx.relatedness;
      if (!rel) throw new Error('correlated masking needs the relatedness (MI) matrix');
      const seed = content[rng.int(content.length)];
      const others = content.filter((f) => f !== seed);
      // Ties (e.g. a field unrelated to all) break at random, so equal MI means a random pick.
      const tiebreak = new Map(others.map((f) => [f, rng.next()]));
      others.sort((a, b) => rel[seed][b] - rel[seed][a] || tiebreak.get(a)! - tiebreak.get(b)!);
      const set = [seed, ...others.slice(0, Math.floor(content.length / 2))];
      out.seedField = seed;
      out.correlatedSet = set;
      for (let e = 0; e < n; e++) {
        for (const f of content) masked[set.includes(f) ? 0 : 1][e * F + f] = 1;
        masked[1][e * F] = 1;
      }
      break;
    }
    case 'dropout': {
      // Each view drops each value of the multi-valued fields with probability dropRate,
      // independently; every other content field is kept in both. The ID: one view, at random.
      for (let e = 0; e < n; e++) {
        masked[rng.next() < 0.5 ? 0 : 1][e * F] = 1;
        for (let v = 0; v < 2; v++)
          for (let s = 0; s < S; s++)
            if (ctx.multiValuedFields.includes(ctx.slotField[s]) && rng.next() < ctx.dropRate) dropped[v][e * S + s] = 1;
      }
      break;
    }
  }
  if (ctx.id === 'neither' || ctx.id === 'both')
    for (let e = 0; e < n; e++) masked[0][e * F] = masked[1][e * F] = ctx.id === 'neither' ? 1 : 0;
  return out;
}

/** The builder's context for a world's item tower. */
export function augmentContext(world: World, dropRate: number, relatedness?: number[][]): AugmentContext {
  const slotField = [0];
  world.itemFields.forEach((f, k) => {
    for (let s = 0; s < f.slots; s++) slotField.push(k + 1);
  });
  const multiValuedFields = world.itemFields.flatMap((f, k) => (f.slots > 1 ? [k + 1] : []));
  return { fields: world.itemFields.length + 1, slotField, multiValuedFields, relatedness, dropRate };
}

// ---------------------------------------------------------------------------------------------
// One item, both views: for the page

export interface FieldView {
  field: string;
  /** The item's values of this field (for the ID: the item id). */
  values: number[];
  /** Values the view keeps; empty when the field is masked or all its values dropped. */
  kept: number[];
  /** The whole field is hidden (takes its default "masked" embedding). */
  masked: boolean;
  /** Values dropped by dropout (multi-valued fields only). */
  dropped: number[];
}

export interface AugmentationExample {
  augmentation: Augmentation;
  item: number;
  /** Each view's fields, in layout order. */
  views: [FieldView[], FieldView[]];
  /** Correlated masking only: the seed field and the set masked with it in view 0 (names). */
  seedField?: string;
  correlatedSet?: string[];
}

/**
 * What one augmentation does to one item: the two views' kept, masked and dropped values.
 * Pure and deterministic for (world, augmentation, item, seed); uses the same view builder as
 * training. `mi` is needed for 'correlated-mask' (computed if absent — pass it to avoid the cost).
 */
export function augmentationExample(
  world: World,
  augmentation: Augmentation,
  item: number,
  options: { seed?: number; dropRate?: number; mi?: MutualInformationMatrix } = {},
): AugmentationExample {
  if (!(item >= 0 && item < world.config.items)) throw new Error(`augmentationExample: no item ${item}`);
  const mi = augmentation === 'correlated-mask' ? (options.mi ?? itemFeatureMI(world)) : options.mi;
  const ctx = augmentContext(world, options.dropRate ?? 0.5, mi?.adjusted);
  const rng = Rng.derive(options.seed ?? world.config.seed, `augment:${augmentation}:${item}`);
  const masks = buildViews(augmentation, 1, ctx, rng);
  const values = itemFieldValues(world).map((col) => col[item]);
  const names = ['id', ...world.itemFields.map((f) => f.name)];
  const stride = itemStrideOf(world);
  const view = (v: 0 | 1): FieldView[] =>
    names.map((field, f) => {
      const masked = masks.masked[v][f] === 1;
      const kept: number[] = [];
      const dropped: number[] = [];
      if (!masked) {
        ctx.slotField.forEach((sf, s) => {
          if (sf !== f) return;
          const value = s === 0 ? item : world.itemFeatures[item * stride + s - 1];
          if (value < 0) return;
          (masks.dropped[v][s] === 1 ? dropped : kept).push(value);
        });
      }
      return { field, values: values[f], kept, masked, dropped };
    });
  return {
    augmentation,
    item,
    views: [view(0), view(1)],
    ...(masks.seedField !== undefined
      ? { seedField: names[masks.seedField], correlatedSet: masks.correlatedSet!.map((f) => names[f]) }
      : {}),
  };
}
