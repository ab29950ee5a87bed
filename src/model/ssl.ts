import type * as tf from '@tensorflow/tfjs';
import type { Settings, SslSpec } from '../lesson/types';
import type { Rng } from '../util/rng';
import type { World } from '../world/types';
import type { EncodedBatch, FeatureEncoder } from './features';
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

export function createSslTask(spec: SslSpec, world: World, encoder: FeatureEncoder, settings: Settings, rng: Rng): SslTask {
  void spec;
  void world;
  void encoder;
  void settings;
  void rng;
  throw new Error('self-supervision is not built yet');
}
