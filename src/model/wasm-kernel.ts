import * as tf from '@tensorflow/tfjs';

/**
 * Replaces a wasm kernel with `make(stock)`. The stock kernel's setup is kept: a fallback to the
 * stock kernel needs it (its WASM function is bound there; without it the browser, where the
 * backend starts after the patch, fails with "wasm… is not a function" while Node passes).
 */
export function overrideWasmKernel(name: string, make: (stock: tf.KernelConfig) => tf.KernelFunc): void {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ kernelName: name, backendName: 'wasm', setupFunc: stock.setupFunc, kernelFunc: make(stock) });
}

/** The parts of tfjs-wasm's backend that the lab's kernels use. */
export interface WasmBackendLike {
  wasm: { cwrap(name: string, returns: null, args: string[]): (...args: unknown[]) => void };
  dataIdMap: { get(dataId: object): { id: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object): boolean;
  incRef(dataId: object): void;
}
