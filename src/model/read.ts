import * as tf from '@tensorflow/tfjs';
import type { WasmBackendLike } from './wasm-kernel';

/**
 * Hands a float tensor's values to `use` without copying them where they already lie in this
 * thread's memory (WASM: a view of its heap; `data()` would copy them into a new array, and a
 * fresh array costs far more in Chromium than in Node: an evaluation's score blocks, 1.3 s of 15 s
 * of training-modes in a page). Other backends download as usual. The view is valid only while no
 * tensor is made, so `use` must not call TensorFlow.js; the tensor stays the caller's.
 */
export async function useValues<T>(t: tf.Tensor, use: (values: Float32Array) => T): Promise<T> {
  const wasm = tf.getBackend() === 'wasm' ? (tf.backend() as unknown as WasmBackendLike) : undefined;
  if (wasm && t.dtype === 'float32' && wasm.dataIdMap.get(t.dataId)) return use(wasm.typedArrayFromHeap(t) as Float32Array);
  return use((await t.data()) as Float32Array);
}
