import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../util/rng';
import type { EncodedBatch, FeatureLayout } from './features';

export interface TowerShape {
  /** Width of each feature embedding. */
  embeddingDim: number;
  /** Hidden layer widths of the MLP (ReLU). */
  hidden: number[];
  /** Output vector size (then L2-normalised, unless `raw`). */
  dim: number;
  /** Leave the output as it is (a layer of a larger network), not a unit vector. */
  raw?: boolean;
}

/**
 * One tower: an embedding per field (multi-valued fields mean-pooled) → MLP → unit vector.
 * All fields share one table so a lookup is one gather and its gradient one segment sum.
 */
export class Tower {
  readonly table: tf.Variable;
  private readonly weights: tf.Variable[];
  private readonly biases: tf.Variable[];
  /** Row of the first layer's weights for each (slot, embedding unit): slots of a field share rows. */
  private readonly slotRows: tf.Tensor1D;

  constructor(
    readonly layout: FeatureLayout,
    readonly shape: TowerShape,
    rng: Rng,
  ) {
    const E = shape.embeddingDim;
    this.table = ownVariable(tf.tensor2d(randomNormal(rng, layout.rows * E, 0.1), [layout.rows, E]));
    this.slotRows = tf.tensor1d(
      layout.slotField.flatMap((f) => Array.from({ length: E }, (_, k) => f * E + k)),
      'int32',
    );
    ({ weights: this.weights, biases: this.biases } = denseLayers(layout.fields.length * E, [...shape.hidden, shape.dim], rng));
  }

  get variables(): tf.Variable[] {
    return [this.table, ...this.weights, ...this.biases];
  }

  /**
   * Unit-length vectors [batch × dim] for an encoded batch. Call inside tf.tidy.
   * Pooling and the first layer are one product: Σ_slots w_s·e_s·W1[field(s)] — a batched
   * pooling matmul cost ~3 ms a call on wasm, this costs a gather of W1's rows.
   */
  apply(batch: EncodedBatch): tf.Tensor2D {
    const { slots } = this.layout;
    const E = this.shape.embeddingDim;
    const rows = tf.tensor1d(batch.rows, 'int32');
    const weights = tf.tensor3d(batch.weights, [batch.size, slots, 1]);
    const embedded = tf.gather(this.table, rows).reshape([batch.size, slots, E]);
    let h = tf.mul(embedded, weights).reshape([batch.size, slots * E]) as tf.Tensor2D;
    this.weights.forEach((w, k) => {
      const layerWeights = k === 0 ? tf.gather(w, this.slotRows) : w;
      h = tf.add(tf.matMul(h, layerWeights), this.biases[k]);
      if (k < this.weights.length - 1) h = tf.relu(h);
    });
    return this.shape.raw ? h : l2Normalize(h);
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
    this.slotRows.dispose();
  }
}

/** Dense layers fanIn → widths[0] → … (Glorot-uniform weights, zero biases), as variables. */
export function denseLayers(fanIn: number, widths: number[], rng: Rng): { weights: tf.Variable[]; biases: tf.Variable[] } {
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (const fanOut of widths) {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
    weights.push(ownVariable(tf.tensor2d(w, [fanIn, fanOut])));
    biases.push(ownVariable(tf.zeros([fanOut])));
    fanIn = fanOut;
  }
  return { weights, biases };
}

export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-8)));
}

/** A variable that owns its data: the initial tensor handle is released at once. */
export function ownVariable(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}

function randomNormal(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
}
