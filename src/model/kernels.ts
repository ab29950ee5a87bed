import * as tf from '@tensorflow/tfjs';

/**
 * Kernel fixes for the wasm backend, measured in `npm run bench`:
 * - BatchMatMul with transposeA/transposeB runs 10–25× slower than a plain product on tfjs-wasm
 *   4.22, and every backward pass uses those flags: transpose explicitly, then multiply.
 * - UnsortedSegmentSum (the gradient of gather) is missing on wasm: a short JS loop over the heap.
 *   It touches batch×dim values, so an embedding lookup costs O(batch), not O(table) as a
 *   one-hot matmul would.
 */
let patched = false;

export function patchWasmKernels(): void {
  if (patched) return;
  patched = true;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (matMul && transpose) {
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({
      kernelName: 'BatchMatMul',
      backendName: 'wasm',
      setupFunc: matMul.setupFunc,
      kernelFunc: (args) => {
        const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
        if (!transposeA && !transposeB) return matMul.kernelFunc(args);
        const backend = args.backend as WasmBackendLike;
        const temps: tf.TensorInfo[] = [];
        const swapLastTwo = (x: tf.TensorInfo): tf.TensorInfo => {
          const rank = x.shape.length;
          const perm = Array.from({ length: rank }, (_, i) => i);
          [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
          const out = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
          temps.push(out);
          return out;
        };
        let { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
        if (transposeA) a = swapLastTwo(a);
        if (transposeB) b = swapLastTwo(b);
        const out = matMul.kernelFunc({
          ...args,
          inputs: { ...args.inputs, a, b },
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        });
        for (const t of temps) backend.disposeData(t.dataId);
        return out;
      },
    });
  }
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    tf.registerKernel({
      kernelName: 'UnsortedSegmentSum',
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
        const { numSegments } = attrs as { numSegments: number };
        const wasm = backend as WasmBackendLike;
        const inner = x.shape.slice(1).reduce((p, d) => p * d, 1);
        const out = wasm.makeOutput([numSegments, ...x.shape.slice(1)], 'float32');
        const values = wasm.typedArrayFromHeap(x) as Float32Array;
        const ids = wasm.typedArrayFromHeap(segmentIds) as Int32Array;
        const sums = wasm.typedArrayFromHeap(out) as Float32Array;
        sums.fill(0);
        for (let r = 0; r < ids.length; r++) {
          const dst = ids[r] * inner;
          const src = r * inner;
          for (let k = 0; k < inner; k++) sums[dst + k] += values[src + k];
        }
        return out;
      },
    });
  }
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object): boolean;
}
