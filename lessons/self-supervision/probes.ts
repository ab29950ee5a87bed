/**
 * What the self-supervision page shows of the world's item features, computed in the worker by
 * the engine's own functions on the live world (the training views use the same ones): the
 * catalogue's mutual-information matrix and what each augmentation does to one tail item.
 */
import { type Augmentation, type AugmentationExample, augmentationExample, itemFeatureMI, type MutualInformationMatrix } from '../../src/model/mutualInformation';
import type { RunProbe, RunScope } from '../../src/lesson/probes';
import { itemStrideOf } from '../../src/world/truth';
import type { World } from '../../src/world/types';

export interface ItemFeatureInsight {
  mi: MutualInformationMatrix;
  /** The example item: a tail item with several tags; its training clicks and the catalogue's. */
  item: number;
  itemTrainClicks: number;
  meanItemTrainClicks: number;
  /** Share of items with no training click at all. */
  unclickedShare: number;
  examples: AugmentationExample[];
  /** The dropout rate the dropout example used. */
  dropRate: number;
}

/** The MI matrix depends on the world alone: computed once per world. */
const miOfWorld = new WeakMap<World, MutualInformationMatrix>();

export const ITEM_FEATURES = 'itemFeatures';

export const itemFeaturesProbe: RunProbe<ItemFeatureInsight> = {
  name: ITEM_FEATURES,
  per: 'run',
  compute({ world, settings, specs }: RunScope) {
    const augs = [...new Set(specs.flatMap((s) => (s.ssl ? [s.ssl.augmentation] : [])))] as Augmentation[];
    if (!augs.length) return undefined;
    let mi = miOfWorld.get(world);
    if (!mi) miOfWorld.set(world, (mi = itemFeatureMI(world)));
    const item = exampleItem(world);
    const dropRate = settings.dropRate ?? 0.5;
    const clicks = world.itemTrainClicks;
    let sum = 0;
    let zero = 0;
    for (let i = 0; i < clicks.length; i++) {
      sum += clicks[i];
      if (clicks[i] === 0) zero++;
    }
    return {
      mi,
      item,
      itemTrainClicks: clicks[item],
      meanItemTrainClicks: sum / clicks.length,
      unclickedShare: zero / clicks.length,
      examples: augs.map((a) => augmentationExample(world, a, item, { seed: world.config.seed, dropRate, mi })),
      dropRate,
    };
  },
};

/**
 * The augmentation example's item: a tail item (not among the 20% most clicked) with the most tags,
 * and among those the one with the median number of training clicks. Deterministic for a world.
 */
function exampleItem(world: World): number {
  const stride = itemStrideOf(world);
  const tags = (i: number) => {
    let n = 0;
    let slot = 0;
    for (const f of world.itemFields) {
      if (f.slots > 1) for (let s = 0; s < f.slots; s++) if (world.itemFeatures[i * stride + slot + s] >= 0) n++;
      slot += f.slots;
    }
    return n;
  };
  const tail: number[] = [];
  let most = 0;
  for (let i = 0; i < world.config.items; i++) {
    if (world.isHead[i]) continue;
    const n = tags(i);
    if (n > most) {
      most = n;
      tail.length = 0;
    }
    if (n === most) tail.push(i);
  }
  if (!tail.length) return 0;
  tail.sort((a, b) => world.itemTrainClicks[a] - world.itemTrainClicks[b] || a - b);
  return tail[Math.floor(tail.length / 2)];
}
