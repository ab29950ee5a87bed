import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/cli/nodeBackend';

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
});
