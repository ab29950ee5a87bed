import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../util/rng';
import type { EncodedBatch, FeatureLayout } from './features';
import { denseLayers, Tower, type TowerShape } from './tower';

/**
 * Early fusion: one network over a user's and an item's features together, one score per
 * (user, item) pair — a ranking model's shape. The first layer acts on the concatenated
 * embeddings; being linear, it splits into a user part and an item part that are added before
 * the ReLU, which is how it is computed (the same scores, fewer multiplications). Nothing of it is
 * an item vector that could be computed ahead: every pair needs the rest of the network.
 */
export class FusionNet {
  private readonly userIn: Tower;
  private readonly itemIn: Tower;
  private readonly weights: tf.Variable[];
  private readonly biases: tf.Variable[];

  constructor(userLayout: FeatureLayout, itemLayout: FeatureLayout, shape: TowerShape, rng: Rng) {
    const [first, ...rest] = shape.hidden.length ? shape.hidden : [shape.dim];
    const inShape = { embeddingDim: shape.embeddingDim, hidden: [], dim: first, raw: true };
    this.userIn = new Tower(userLayout, inShape, rng);
    this.itemIn = new Tower(itemLayout, inShape, rng);
    ({ weights: this.weights, biases: this.biases } = denseLayers(first, [...rest, 1], rng));
  }

  get variables(): tf.Variable[] {
    return [...this.userIn.variables, ...this.itemIn.variables, ...this.weights, ...this.biases];
  }

  /** Scores of aligned pairs: row r of `users` with row r of `items` → [B]. Call inside tf.tidy. */
  scorePairs(users: EncodedBatch, items: EncodedBatch): tf.Tensor1D {
    return this.head(tf.relu(tf.add(this.userIn.apply(users), this.itemIn.apply(items))) as tf.Tensor2D).reshape([users.size]);
  }

  /** Scores of every user with every item → [users × items]. Call inside tf.tidy. */
  scoreAll(users: EncodedBatch, items: EncodedBatch): tf.Tensor2D {
    const u = this.userIn.apply(users);
    const v = this.itemIn.apply(items);
    const width = u.shape[1];
    const pairs = tf.relu(tf.add(u.expandDims(1), v.expandDims(0))).reshape([users.size * items.size, width]) as tf.Tensor2D;
    return this.head(pairs).reshape([users.size, items.size]);
  }

  /** The layers after the first: ReLU between them, one score out. */
  private head(h: tf.Tensor2D): tf.Tensor2D {
    this.weights.forEach((w, k) => {
      h = tf.add(tf.matMul(h, w), this.biases[k]);
      if (k < this.weights.length - 1) h = tf.relu(h);
    });
    return h;
  }

  dispose(): void {
    this.userIn.dispose();
    this.itemIn.dispose();
    for (const v of [...this.weights, ...this.biases]) v.dispose();
  }
}
