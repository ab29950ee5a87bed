import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../util/rng';
import type { EncodedBatch, FeatureLayout } from './features';

export interface TowerShape {
  /** Width of each feature embedding. */
  embeddingDim: number;
  /** Hidden layer widths of the MLP (ReLU). */
  hidden: number[];
  /** Output vector size (then L2-normalised). */
  dim: number;
}

/**
 * One tower: an embedding per field (multi-valued fields mean-pooled) → MLP → unit vector.
 * All fields share one table so a lookup is one gather and its gradient one segment sum.
 */
export class Tower {
  readonly table: tf.Variable;
  private readonly weights: tf.Variable[] = [];
  private readonly biases: tf.Variable[] = [];

  constructor(
    readonly layout: FeatureLayout,
    readonly shape: TowerShape,
    rng: Rng,
    name: string,
  ) {
    const E = shape.embeddingDim;
    this.table = tf.variable(tf.tensor2d(randomNormal(rng, layout.rows * E, 0.1), [layout.rows, E]), true);
    let fanIn = layout.fields.length * E;
    [...shape.hidden, shape.dim].forEach((fanOut, k) => {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const w = Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
      this.weights.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true));
      this.biases.push(tf.variable(tf.zeros([fanOut]), true));
      fanIn = fanOut;
    });
  }

  get variables(): tf.Variable[] {
    return [this.table, ...this.weights, ...this.biases];
  }

  /** Unit-length vectors [batch × dim] for an encoded batch. Call inside tf.tidy. */
  apply(batch: EncodedBatch): tf.Tensor2D {
    const { slots, fields } = this.layout;
    const E = this.shape.embeddingDim;
    const rows = tf.tensor1d(batch.rows, 'int32');
    const pool = tf.tensor3d(batch.pool, [batch.size, fields.length, slots]);
    const embedded = tf.gather(this.table, rows).reshape([batch.size, slots, E]);
    let h: tf.Tensor2D = tf.matMul(pool, embedded).reshape([batch.size, fields.length * E]);
    const last = this.weights.length - 1;
    this.weights.forEach((w, k) => {
      h = tf.add(tf.matMul(h, w), this.biases[k]);
      if (k < last) h = tf.relu(h);
    });
    return l2Normalize(h);
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-8)));
}

function randomNormal(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
}
