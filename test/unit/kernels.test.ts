import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { Adam } from '../../src/model/adam';
import { asMatrixTranspose } from '../../src/model/heap-kernels';
import { useValues } from '../../src/model/read';

/** The index along each axis of the `flat`-th value of a row-major tensor of this shape. */
const multiIndex = (flat: number, shape: number[]) => shape.map((size, d) => Math.floor(flat / shape.slice(d + 1).reduce((p, n) => p * n, 1)) % size);

/** The lab's own wasm kernels (src/model/kernels.ts) against what they replace. */
describe('patched wasm kernels', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('gather copies the right rows even when its output makes the wasm heap grow', async () => {
    // The output (2M × 16 floats, 128 MB) cannot fit the fresh heap: allocating it grows the heap,
    // which detaches every typed-array view taken before. The kernel must read its inputs after.
    const rows = 7;
    const table = tf.tensor2d(Float32Array.from({ length: rows * 16 }, (_, k) => k), [rows, 16]);
    const ids = tf.tensor1d(Int32Array.from({ length: 2_000_000 }, (_, r) => (r * 5) % rows), 'int32');
    const out = tf.gather(table, ids);
    const got = (await out.data()) as Float32Array;
    for (const r of [0, 1, 999_999, 1_999_999]) {
      const id = (r * 5) % rows;
      expect(Array.from(got.subarray(r * 16, r * 16 + 16))).toEqual(Array.from({ length: 16 }, (_, k) => id * 16 + k));
    }
    tf.dispose([table, ids, out]);
  });

  it('elementwise kernels broadcast by each call\'s own shapes (their bytes are kept per shape)', async () => {
    // Same rank and size, different shapes: a kept shape reused for the wrong tensor would show.
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const row = tf.tensor2d([10, 20, 30], [1, 3]);
    const col = tf.tensor2d([100, 200], [2, 1]);
    const b = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const colB = tf.tensor2d([100, 200, 300], [3, 1]);
    expect(Array.from(await tf.add(a, row).data())).toEqual([11, 22, 33, 14, 25, 36]);
    expect(Array.from(await tf.mul(a, col).data())).toEqual([100, 200, 300, 800, 1000, 1200]);
    expect(Array.from(await tf.sub(b, colB).data())).toEqual([-99, -98, -197, -196, -295, -294]);
    expect(Array.from(await tf.div(b, tf.scalar(2)).data())).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
    expect(Array.from(await tf.maximum(a, tf.scalar(3.5)).data())).toEqual([3.5, 3.5, 3.5, 4, 5, 6]);
    expect(Array.from(await tf.squaredDifference(b, colB.mul(0)).data())).toEqual([1, 4, 9, 16, 25, 36]);
    expect(Array.from(await tf.add(tf.tensor1d([1, 2], 'int32'), tf.scalar(3, 'int32')).data())).toEqual([4, 5]);
    tf.dispose([a, row, col, b, colB]);
  });

  it('transpose moves every value where the permutation says, large wide ones by a loop of the lab\'s', async () => {
    // Large matrices with wide rows (≥ 64) take the JavaScript loop; the rest, the stock kernel.
    const cases: [number[], number[]][] = [[[1600, 64], [1, 0]], [[20, 70, 80], [2, 0, 1]], [[1500, 1, 70], [1, 2, 0]], [[3, 70, 2], [0, 2, 1]], [[40, 9], [1, 0]], [[900, 130], [1, 0]], [[300, 64], [1, 0]]];
    for (const [shape, perm] of cases) {
      for (const dtype of ['float32', 'int32'] as const) {
        const values = Array.from({ length: tf.util.sizeFromShape(shape) }, (_, k) => k);
        const got = Array.from(await tf.transpose(tf.tensor(values, shape, dtype), perm).data());
        const outShape = perm.map((p) => shape[p]);
        const strides = shape.map((_, d) => shape.slice(d + 1).reduce((p, n) => p * n, 1));
        const expected = Array.from({ length: values.length }, (_, flat) => {
          const index = multiIndex(flat, outShape);
          return index.reduce((at, i, d) => at + i * strides[perm[d]], 0);
        });
        expect(got, `${dtype} ${JSON.stringify(shape)} by ${JSON.stringify(perm)}`).toEqual(expected);
      }
    }
    expect(asMatrixTranspose([5, 1, 70], [1, 2, 0])).toEqual({ rows: 5, cols: 70 });
    expect(asMatrixTranspose([3, 70, 2], [0, 2, 1])).toBeUndefined();
  });

  it('equal compares every broadcast pair, whatever the shapes and dtype', async () => {
    // Values from a small range, so that many pairs are equal; the expected mask by multi-index.
    const cases: [number[], number[]][] = [[[4, 5], [4, 1]], [[4, 5], [4, 5]], [[3], [2, 3]], [[2, 1, 3], [4, 1]], [[2, 3], []], [[1, 4], [3, 1]], [[0, 3], [1, 3]]];
    for (const [sa, sb] of cases) {
      for (const dtype of ['float32', 'int32'] as const) {
        const values = (shape: number[], salt: number) => Array.from({ length: tf.util.sizeFromShape(shape) }, (_, k) => (k * 7 + salt) % 3);
        const [va, vb] = [values(sa, 0), values(sb, 1)];
        const got = Array.from(await tf.equal(tf.tensor(va, sa, dtype), tf.tensor(vb, sb, dtype)).data());
        const out = tf.backend_util.assertAndGetBroadcastShape(sa, sb);
        const at = (v: number[], shape: number[], index: number[]) =>
          v[shape.reduce((flat, size, d) => flat * size + (size === 1 ? 0 : index[d + out.length - shape.length]), 0)];
        const expected = Array.from({ length: tf.util.sizeFromShape(out) }, (_, flat) => {
          const index = multiIndex(flat, out);
          return at(va, sa, index) === at(vb, sb, index) ? 1 : 0;
        });
        expect(got, `${dtype} ${JSON.stringify(sa)} vs ${JSON.stringify(sb)}`).toEqual(expected);
      }
    }
    expect(Array.from(await tf.equal(tf.tensor1d([NaN, 1]), tf.tensor1d([NaN, 1])).data())).toEqual([0, 1]);
    // Max's gradient (logSumExp's) flows to each row's maximum only: the mask in its real use.
    const dx = tf.grad((x: tf.Tensor) => tf.sum(tf.max(x, 1)))(tf.tensor2d([1, 5, 2, 7, 0, 3], [2, 3]));
    expect(Array.from(await dx.data())).toEqual([0, 1, 0, 1, 0, 0]);
  });

  it('sum and mean pass their gradient back unchanged (spread over the reduced axes)', async () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const w = tf.tensor2d([1, -2, 3, -4, 5, -6], [2, 3]);
    const dSum = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.sum(v, 1, true), w)))(x);
    expect(Array.from(await dSum.data())).toEqual([2, 2, 2, -5, -5, -5]);
    const dMean = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.mean(v, 0), tf.tensor1d([3, 6, 9]))))(x);
    expect(Array.from(await dMean.data())).toEqual([1.5, 3, 4.5, 1.5, 3, 4.5]);
    tf.dispose([x, w, dSum, dMean]);
  });

  it('a clone shares its values and keeps them when the original is disposed', async () => {
    const { numDataBuffers, numBytes } = tf.memory();
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    expect(tf.memory().numDataBuffers).toBe(numDataBuffers + 1);
    a.dispose();
    expect(Array.from(await b.data())).toEqual([1, 2, 3]);
    b.dispose();
    expect(tf.memory()).toMatchObject({ numDataBuffers, numBytes });
  });

  it('useValues hands over the same values as data(), read in place', async () => {
    const t = tf.tidy(() => tf.matMul(tf.randomNormal([64, 16], 0, 1, 'float32', 3), tf.randomNormal([16, 300], 0, 1, 'float32', 4)));
    const copied = (await t.data()) as Float32Array;
    const seen = await useValues(t, (v) => Array.from(v));
    expect(seen).toEqual(Array.from(copied));
    t.dispose();
  });
});

/** The lab's Adam (src/model/adam.ts) against tfjs's: the same updates, value for value. */
describe('Adam with kept constants', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('trains exactly as tf.train.adam, and its tensors stay flat from step to step', async () => {
    const init = (seed: number) => tf.randomNormal([40, 8], 0, 0.3, 'float32', seed);
    const target = tf.randomNormal([40, 8], 0, 1, 'float32', 9);
    const run = async (optimizer: tf.Optimizer) => {
      const [a, b] = tf.tidy(() => [tf.variable(init(1)), tf.variable(init(2))]);
      const counts: number[] = [];
      for (let step = 0; step < 6; step++) {
        tf.tidy(() => {
          optimizer.minimize(() => tf.mean(tf.square(tf.sub(tf.mul(a, b), target))) as tf.Scalar, false, [a, b]);
        });
        counts.push(tf.memory().numTensors);
      }
      const values = [Array.from(await a.data()), Array.from(await b.data())];
      optimizer.dispose();
      tf.dispose([a, b]);
      return { values, counts };
    };
    const stock = await run(tf.train.adam(0.05, 0.9, 0.999, 1e-7));
    const before = tf.memory().numTensors;
    const lab = await run(new Adam(0.05, 0.9, 0.999, 1e-7));
    expect(lab.values).toEqual(stock.values);
    expect(new Set(lab.counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    target.dispose();
  });
});
