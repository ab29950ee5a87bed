import * as tf from '@tensorflow/tfjs';
import type { Settings, SslSpec } from '../lesson/types';
import type { Rng } from '../util/rng';
import type { World } from '../world/types';
import type { EncodedBatch, FeatureEncoder } from './features';
import { type AugmentContext, augmentContext, buildViews, itemFeatureMI } from './mutualInformation';
import type { Tower } from './tower';

/**
 * The self-supervised task of the item tower (Yao et al. 2021). `prepare` draws a batch of items
 * uniformly from the catalogue and encodes its two augmented views (outside the gradient tape);
 * `loss` runs both views through the tower and returns the contrastive loss (inside it).
 */
export interface SslTask {
  prepare(): SslBatch;
  loss(itemTower: Tower, batch: SslBatch): tf.Scalar;
}

export interface SslBatch {
  first: EncodedBatch;
  second: EncodedBatch;
}

/** Defaults of the task's settings when a lesson does not declare them as knobs. */
/** `settings.sslId` (not a lesson knob; for experiments): 0 = the ID in one view, 1 = in neither, 2 = in both. */
const ID_POLICY = ['one-view', 'neither', 'both'] as const;

export const SSL_DEFAULTS = { sslBatch: 128, sslTemperature: 0.1, dropRate: 0.5 } as const;

/**
 * Contrastive loss between two views: row i of `first` should match row i of `second` among all
 * rows of `second` — the mean of −log softmax_j(cos(b′_i, b″_j)/τ) at j = i. Inputs are unit
 * vectors (tower outputs), so the dot product is the cosine. Call inside tf.tidy.
 */
export function contrastiveLoss(first: tf.Tensor2D, second: tf.Tensor2D, temperature: number): tf.Scalar {
  const logits = tf.div(tf.matMul(first, second, false, true), temperature) as tf.Tensor2D;
  const diag = tf.div(tf.sum(tf.mul(first, second), 1), temperature);
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), diag));
}

/**
 * Settings read: `sslBatch` (items per SSL batch, drawn uniformly without replacement),
 * `sslTemperature` (τ of the contrastive softmax), `dropRate` (dropout of the tags' values).
 * Correlated masking computes the catalogue's MI matrix once, here.
 */
export function createSslTask(spec: SslSpec, world: World, encoder: FeatureEncoder, settings: Settings, rng: Rng): SslTask {
  const batch = Math.max(2, Math.round(settings.sslBatch ?? SSL_DEFAULTS.sslBatch));
  const temperature = settings.sslTemperature ?? SSL_DEFAULTS.sslTemperature;
  const dropRate = settings.dropRate ?? SSL_DEFAULTS.dropRate;
  const relatedness = spec.augmentation === 'correlated-mask' ? itemFeatureMI(world).adjusted : undefined;
  const ctx: AugmentContext = { ...augmentContext(world, dropRate, relatedness), id: ID_POLICY[settings.sslId ?? 0] };
  if (ctx.fields !== encoder.layout.fields.length || ctx.slotField.length !== encoder.layout.slots)
    throw new Error('self-supervision: the item encoder does not match the world’s item fields');
  const nItems = world.config.items;
  const F = ctx.fields;
  const S = ctx.slotField.length;
  return {
    prepare(): SslBatch {
      // Uniform over the catalogue, without replacement: a repeated item would be its own negative.
      const ids = new Int32Array(batch);
      const seen = new Set<number>();
      for (let k = 0; k < batch; ) {
        const i = rng.int(nItems);
        if (batch <= nItems && seen.has(i)) continue;
        seen.add(i);
        ids[k++] = i;
      }
      const views = buildViews(spec.augmentation, batch, ctx, rng);
      const encode = (v: 0 | 1) =>
        encoder.encode(
          ids,
          (e, f) => views.masked[v][e * F + f] === 1,
          (e, s) => views.dropped[v][e * S + s] === 1,
        );
      return { first: encode(0), second: encode(1) };
    },
    loss(itemTower: Tower, b: SslBatch): tf.Scalar {
      // Inside the arm's tidy and gradient tape: no tidy of its own.
      return contrastiveLoss(itemTower.apply(b.first), itemTower.apply(b.second), temperature);
    },
  };
}
