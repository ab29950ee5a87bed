import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { knobsOf } from '../../src/lesson/knobs';
import { selfSupervision } from '../../lessons/self-supervision';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { Settings } from '../../src/lesson/types';
import { FeatureEncoder, featureLayout } from '../../src/model/features';
import {
  augmentationExample,
  augmentContext,
  buildViews,
  entropy,
  fieldEntropy,
  fieldMutualInformation,
  itemFeatureMI,
  mutualInformation,
} from '../../src/model/mutualInformation';
import { contrastiveLoss, createSslTask } from '../../src/model/ssl';
import { Tower } from '../../src/model/tower';
import { Experiment } from '../../src/train/experiment';
import { Rng } from '../../src/util/rng';
import { generateWorld } from '../../src/world/generate';

const world = generateWorld({ seed: 11, users: 200, items: 1500, clicksPerUser: 10 });
const mi = itemFeatureMI(world);
const field = (name: string) => mi.fields.indexOf(name);

describe('mutual information', () => {
  it('is ≈ 0 for independent features and equals the entropy for a feature with itself', () => {
    const rng = new Rng(1);
    const n = 50_000;
    const x = Int32Array.from({ length: n }, () => rng.int(4));
    const y = Int32Array.from({ length: n }, () => rng.int(6));
    const hx = entropy(x);
    expect(hx).toBeCloseTo(Math.log(4), 2);
    // Plug-in bias is about (4−1)(6−1)/2N = 1.5e-4 nats.
    expect(mutualInformation(x, y)).toBeLessThan(0.002);
    expect(mutualInformation(x, x)).toBeCloseTo(hx, 10);
    // A deterministic function of x carries all of its own entropy and no more.
    const fx = Int32Array.from(x, (v) => v % 2);
    expect(mutualInformation(x, fx)).toBeCloseTo(entropy(fx), 10);
    // Dependent: y copies x 80% of the time.
    const z = Int32Array.from(x, (v) => (rng.next() < 0.8 ? v : rng.int(4)));
    expect(mutualInformation(x, z)).toBeGreaterThan(0.5);
  });

  it('treats a multi-valued field as one of its values drawn at random', () => {
    // Each entity's tags are {v, v+10}: the drawn tag tells v exactly, but which of the two was drawn is a coin flip.
    const rng = new Rng(2);
    const base = Array.from({ length: 20_000 }, () => rng.int(5));
    const single = base.map((v) => [v]);
    const multi = base.map((v) => [v, v + 10]);
    expect(fieldMutualInformation(single, single)).toBeCloseTo(entropy(base), 10);
    expect(fieldEntropy(multi)).toBeCloseTo(entropy(base) + Math.log(2), 2);
    expect(fieldMutualInformation(single, multi)).toBeCloseTo(entropy(base), 2);
  });

  it('of the catalogue: the diagonal is each field’s entropy, the ID determines every field, city is unrelated', () => {
    expect(mi.fields).toEqual(['id', 'category', 'subcategory', 'creator', 'price', 'city', 'tags']);
    for (let f = 0; f < mi.fields.length; f++) {
      expect(mi.mi[f][f]).toBe(mi.entropy[f]);
      for (let g = 0; g < mi.fields.length; g++) expect(mi.mi[f][g]).toBe(mi.mi[g][f]);
    }
    // The ID has the highest possible MI with each single-valued field: that field's entropy.
    for (const name of ['category', 'subcategory', 'creator', 'price', 'city']) {
      expect(mi.mi[0][field(name)]).toBeCloseTo(mi.entropy[field(name)], 10);
      expect(mi.normalized[0][field(name)]).toBeCloseTo(1, 10);
      // ...and all of it is "chance": it stays under any shuffle.
      expect(mi.adjusted[0][field(name)]).toBe(0);
    }
    // Subcategory determines category.
    expect(mi.mi[field('category')][field('subcategory')]).toBeCloseTo(mi.entropy[field('category')], 10);
    // City is drawn independently of the topic: nothing beyond chance.
    expect(mi.adjusted[field('city')][field('category')]).toBeLessThan(0.02);
    expect(mi.adjusted[field('city')][field('creator')]).toBeLessThan(0.05);
    expect(mi.adjusted[field('category')][field('tags')]).toBeGreaterThan(0.3);
  });
});

describe('augmentations', () => {
  const ctx = augmentContext(world, 0.5, mi.adjusted);
  const F = ctx.fields;
  const S = ctx.slotField.length;
  const n = 400;

  it('random masking and correlated masking split the fields into complementary halves', () => {
    for (const aug of ['random-mask', 'correlated-mask'] as const) {
      const v = buildViews(aug, n, ctx, new Rng(3));
      for (let e = 0; e < n; e++) {
        let kept0 = 0;
        for (let f = 0; f < F; f++) {
          // Each field (the ID included) is hidden in exactly one view: the views are complementary.
          expect(v.masked[0][e * F + f] + v.masked[1][e * F + f]).toBe(1);
          kept0 += 1 - v.masked[0][e * F + f];
        }
        expect(Math.abs(kept0 - F / 2)).toBeLessThanOrEqual(0.5);
      }
      expect(v.dropped[0].every((d) => d === 0) && v.dropped[1].every((d) => d === 0)).toBe(true);
    }
  });

  it('correlated masking masks a seed with its ⌊k/2⌋ most related content fields, never ranking the ID', () => {
    const seeds = new Set<number>();
    const rng = new Rng(4);
    for (let b = 0; b < 60; b++) {
      const v = buildViews('correlated-mask', 3, ctx, rng);
      const set = v.correlatedSet!;
      seeds.add(v.seedField!);
      expect(set[0]).toBe(v.seedField);
      expect(set).not.toContain(0);
      expect(set.length).toBe(1 + Math.floor((F - 1) / 2));
      const rest = Array.from({ length: F - 1 }, (_, k) => k + 1).filter((f) => !set.includes(f));
      const weakestIn = Math.min(...set.slice(1).map((f) => mi.adjusted[v.seedField!][f]));
      for (const f of rest) expect(mi.adjusted[v.seedField!][f]).toBeLessThanOrEqual(weakestIn);
      for (let e = 0; e < 3; e++) for (const f of set) expect(v.masked[0][e * F + f]).toBe(1);
    }
    expect(seeds.size).toBe(F - 1);
    // Category's most related fields are subcategory and creator: they go together.
    const ex = augmentationExample(world, 'correlated-mask', 0, { mi, seed: 1 });
    expect(ex.correlatedSet?.[0]).toBe(ex.seedField);
  });

  it('dropout thins only the tags, independently per view, at the given rate; the ID is in one view', () => {
    const tags = mi.fields.indexOf('tags');
    for (const rate of [0, 0.5, 1]) {
      const v = buildViews('dropout', n, augmentContext(world, rate), new Rng(5));
      let drops = 0;
      let slots = 0;
      let differ = 0;
      for (let e = 0; e < n; e++) {
        expect(v.masked[0][e * F] + v.masked[1][e * F]).toBe(1);
        for (let f = 1; f < F; f++) expect(v.masked[0][e * F + f] + v.masked[1][e * F + f]).toBe(0);
        for (let s = 0; s < S; s++) {
          if (ctx.slotField[s] !== tags) {
            expect(v.dropped[0][e * S + s] + v.dropped[1][e * S + s]).toBe(0);
            continue;
          }
          drops += v.dropped[0][e * S + s] + v.dropped[1][e * S + s];
          slots += 2;
          differ += v.dropped[0][e * S + s] !== v.dropped[1][e * S + s] ? 1 : 0;
        }
      }
      expect(drops / slots).toBeCloseTo(rate, 1);
      if (rate === 0.5) expect(differ / (slots / 2)).toBeGreaterThan(0.4);
    }
  });

  it('the example for the page is deterministic and agrees with the item’s values', () => {
    for (const aug of ['random-mask', 'correlated-mask', 'dropout'] as const) {
      const a = augmentationExample(world, aug, 42, { mi, seed: 9 });
      expect(augmentationExample(world, aug, 42, { mi, seed: 9 })).toEqual(a);
      expect(a.views[0].map((f) => f.field)).toEqual(mi.fields);
      for (const view of a.views)
        for (const f of view) {
          expect([...f.kept, ...f.dropped].sort()).toEqual(f.masked ? [] : [...f.values].sort());
          if (f.masked) expect(f.kept).toEqual([]);
        }
      expect(a.views[0][0].values).toEqual([42]);
      // The ID is kept in exactly one view.
      expect(a.views.filter((v) => !v[0].masked).length).toBe(1);
    }
    expect(() => augmentationExample(world, 'dropout', world.config.items)).toThrow();
  });
});

describe('SSL task', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const layout = featureLayout(world.config.items, world.itemFields);
  const encoder = new FeatureEncoder(layout, world.itemFeatures);
  const shape = { embeddingDim: 8, hidden: [16], dim: 8 };

  it('the contrastive loss is lower when the two views are identical, and training lowers it', async () => {
    const before = tf.memory().numTensors;
    const tower = new Tower(layout, shape, new Rng(6));
    const task = createSslTask({ augmentation: 'random-mask', weight: 1 }, world, encoder, { sslBatch: 64, sslTemperature: 0.1 }, new Rng(7));
    const batch = task.prepare();
    const identical = { first: batch.first, second: batch.first };
    const lossOf = (b: typeof batch) => tf.tidy(() => task.loss(tower, b).dataSync()[0]);
    const augmented = lossOf(batch);
    const same = lossOf(identical);
    expect(same).toBeLessThan(augmented);
    // With identical views each positive has cos 1, the largest possible logit.
    const direct = tf.tidy(() => {
      const v = tower.apply(batch.first);
      return contrastiveLoss(v, v, 0.1).dataSync()[0];
    });
    expect(direct).toBeCloseTo(same, 5);
    expect(same).toBeLessThan(Math.log(64));

    const optimizer = tf.train.adam(0.01);
    const firstLosses: number[] = [];
    const lastLosses: number[] = [];
    for (let step = 0; step < 120; step++) {
      const b = task.prepare();
      const loss = tf.tidy(() => optimizer.minimize(() => task.loss(tower, b), true, tower.variables)!);
      const value = loss.dataSync()[0];
      loss.dispose();
      if (step < 10) firstLosses.push(value);
      if (step >= 110) lastLosses.push(value);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(lastLosses)).toBeLessThan(mean(firstLosses) - 0.5);
    // Flat tensor count: Adam's slots were created at step 0, nothing accumulates afterwards.
    const afterWarm = tf.memory().numTensors;
    for (let step = 0; step < 30; step++) {
      const b = task.prepare();
      tf.tidy(() => {
        optimizer.minimize(() => task.loss(tower, b), false, tower.variables);
      });
    }
    expect(tf.memory().numTensors).toBe(afterWarm);
    optimizer.dispose();
    tower.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('views hide their masked fields behind the default rows and draw items uniformly', () => {
    const task = createSslTask({ augmentation: 'correlated-mask', weight: 1 }, world, encoder, { sslBatch: 200 }, new Rng(8));
    const counts = new Int32Array(world.config.items);
    for (let b = 0; b < 30; b++) {
      const { first, second } = task.prepare();
      expect(first.size).toBe(200);
      const ids = new Set<number>();
      for (let e = 0; e < first.size; e++) {
        // Field by field: hidden in exactly one of the two views (default row, weight 1 on the first slot).
        for (let f = 0; f < layout.fields.length; f++) {
          const slots = layout.slotField.flatMap((sf, s) => (sf === f ? [s] : []));
          const defaultRow = layout.offsets[f] + layout.fields[f].cardinality;
          const hidden = (b2: typeof first) => slots.every((s) => b2.rows[e * layout.slots + s] === defaultRow);
          // An item may lack a value only in the multi-valued field, which every item has (≥ 1 tag).
          expect(Number(hidden(first)) + Number(hidden(second))).toBe(1);
        }
        const id = first.rows[e * layout.slots] < world.config.items ? first.rows[e * layout.slots] : second.rows[e * layout.slots];
        ids.add(id);
        counts[id]++;
      }
      expect(ids.size).toBe(200);
    }
    // Uniform, not by clicks: head items (20%) get about 20% of the draws.
    let head = 0;
    for (let i = 0; i < counts.length; i++) if (world.isHead[i]) head += counts[i];
    expect(head / 6000).toBeGreaterThan(0.16);
    expect(head / 6000).toBeLessThan(0.24);
  });

  it('SSL arms train in lockstep with flat tf.memory().numTensors', async () => {
    const small = generateWorld({ seed: 12, users: 100, items: 300, clicksPerUser: 10 });
    const settings: Settings = { ...Object.fromEntries(knobsOf(selfSupervision).map((k) => [k.id, k.default])), batch: 32, sslBatch: 32 };
    const ex = new Experiment(small, selfSupervision.arms(settings), settings);
    const warm = await ex.train(10);
    for (const p of warm) expect(Number.isFinite(p.loss)).toBe(true);
    await ex.evaluate();
    const before = tf.memory().numTensors;
    await ex.train(60);
    await ex.evaluate();
    expect(tf.memory().numTensors).toBe(before);
    // The SSL term adds to the loss: at α > 0 the SSL arms' loss exceeds the baseline's.
    const p = await ex.train(10);
    const loss = Object.fromEntries(p.map((a) => [a.id, a.loss!]));
    expect(loss['ssl-rfm']).toBeGreaterThan(loss.baseline);
    ex.dispose();
  });
});
