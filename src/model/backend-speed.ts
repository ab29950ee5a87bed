/**
 * How fast a backend trains models of the lab's size, measured on the spot: for towers this small
 * a GPU's per-kernel dispatch can cost more than the arithmetic, so WebGPU may lose to WASM on a
 * laptop. One step here is a two-tower step in miniature — ID embedding gathers, a hidden layer,
 * in-batch softmax over the batch's items, gradients and an update — on fixed inputs (no random
 * draws: the measurement must not disturb the lab's seeded streams).
 */
import * as tf from '@tensorflow/tfjs';

const ROWS = 3000;
const DIM = 32;
const BATCH = 256;

/** Steps per second of the current backend, timed for about `budgetMs` after one warm-up step. */
export async function measureTrainingSpeed(budgetMs = 150, maxSteps = 30): Promise<number> {
  const variable = (init: () => tf.Tensor) => {
    const value = tf.tidy(init);
    const v = tf.variable(value);
    value.dispose();
    return v;
  };
  const users = variable(() => tf.sin(tf.range(0, ROWS * DIM)).reshape([ROWS, DIM]).mul(0.1));
  const items = variable(() => tf.sin(tf.range(1, 1 + ROWS * DIM)).reshape([ROWS, DIM]).mul(0.1));
  const hidden = variable(() => tf.cos(tf.range(0, DIM * DIM)).reshape([DIM, DIM]).mul(0.2));
  const optimizer = tf.train.sgd(0.01);
  const ids = tf.tensor1d(Array.from({ length: BATCH }, (_, k) => (k * 7919) % ROWS), 'int32');
  const labels = tf.tidy(() => tf.oneHot(tf.range(0, BATCH, 1, 'int32'), BATCH));
  const step = async () => {
    const loss = optimizer.minimize(() => {
      const u = tf.relu(tf.matMul(tf.gather(users, ids), hidden));
      const v = tf.gather(items, ids);
      return tf.losses.softmaxCrossEntropy(labels, tf.matMul(u, v, false, true).mul(10)) as tf.Scalar;
    }, true)!;
    await loss.data();
    loss.dispose();
  };
  try {
    await step();
    let steps = 0;
    const t0 = performance.now();
    while (steps < maxSteps && performance.now() - t0 < budgetMs) {
      await step();
      steps++;
    }
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    optimizer.dispose();
    for (const t of [users, items, hidden, ids, labels]) t.dispose();
  }
}
