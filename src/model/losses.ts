import * as tf from '@tensorflow/tfjs';

/**
 * Losses over cosine similarities (tower outputs are unit vectors). Scores are cos/τ.
 * All return a scalar mean over the batch; call inside tf.tidy.
 */

/** Row-wise cosine of two [B × D] matrices → [B]. */
export function rowCosine(u: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(u, v), 1);
}

/** Cosine of each row of u with its own k negatives: v is [B·k × D] → [B × k]. */
export function perRowCosine(u: tf.Tensor2D, v: tf.Tensor2D, k: number): tf.Tensor2D {
  const [B, D] = u.shape;
  return tf.sum(tf.mul(u.reshape([B, 1, D]), v.reshape([B, k, D])), 2);
}

/** Pointwise: binary cross-entropy, positives labelled 1 and each row's k negatives 0. */
export function pointwiseLoss(pos: tf.Tensor1D, neg: tf.Tensor2D, temperature: number): tf.Scalar {
  const [B, k] = neg.shape;
  // BCE with logits: softplus(−x) for label 1, softplus(x) for label 0.
  const posTerm = tf.sum(tf.softplus(tf.neg(tf.div(pos, temperature))));
  const negTerm = tf.sum(tf.softplus(tf.div(neg, temperature)));
  return tf.div(tf.add(posTerm, negTerm), B * (1 + k));
}

/** Pairwise hinge: max(0, m + cos(a, b⁻) − cos(a, b⁺)). */
export function pairwiseHingeLoss(pos: tf.Tensor1D, neg: tf.Tensor2D, margin: number): tf.Scalar {
  return tf.mean(tf.relu(tf.add(tf.sub(neg, pos.expandDims(1)), margin)));
}

/** Pairwise logistic: log(1 + exp(σ·(cos(a, b⁻) − cos(a, b⁺)))). */
export function pairwiseLogisticLoss(pos: tf.Tensor1D, neg: tf.Tensor2D, sigma: number): tf.Scalar {
  return tf.mean(tf.softplus(tf.mul(tf.sub(neg, pos.expandDims(1)), sigma)));
}

/**
 * Listwise softmax: −log softmax of the positive among the positive and its negatives, negCos
 * [B × n] (shared negatives: every row scored against the same n; per-row: each row its own).
 * `logQPos`/`logQNeg` subtract log sampling probabilities from the logits (logQ correction,
 * training only: serving ranks by plain cosine); logQNeg is [n] (shared) or [B × n] (per row).
 */
export function sampledSoftmaxLoss(
  pos: tf.Tensor1D,
  negCos: tf.Tensor2D,
  temperature: number,
  logQPos?: tf.Tensor1D,
  logQNeg?: tf.Tensor1D | tf.Tensor2D,
): tf.Scalar {
  let posLogit = tf.div(pos, temperature) as tf.Tensor1D;
  let negLogits = tf.div(negCos, temperature) as tf.Tensor2D;
  if (logQPos) posLogit = tf.sub(posLogit, logQPos);
  if (logQNeg) negLogits = tf.sub(negLogits, logQNeg.rank === 1 ? logQNeg.expandDims(0) : logQNeg);
  const all = tf.concat([posLogit.expandDims(1), negLogits], 1);
  return tf.mean(tf.sub(tf.logSumExp(all, 1), posLogit));
}

/**
 * In-batch softmax: each row's positive is the diagonal, the other rows' positives are its
 * negatives. `logQ` [B] holds log p of each batch item (its chance to be in a batch).
 */
export function inBatchSoftmaxLoss(u: tf.Tensor2D, v: tf.Tensor2D, temperature: number, logQ?: tf.Tensor1D): tf.Scalar {
  let logits = tf.div(tf.matMul(u, v, false, true), temperature) as tf.Tensor2D;
  let diag = tf.div(rowCosine(u, v), temperature) as tf.Tensor1D;
  if (logQ) {
    logits = tf.sub(logits, logQ.expandDims(0));
    diag = tf.sub(diag, logQ);
  }
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), diag));
}
