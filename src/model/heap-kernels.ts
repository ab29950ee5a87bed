import * as tf from '@tensorflow/tfjs';
import { overrideWasmKernel, type WasmBackendLike } from './wasm-kernel';

// Two tfjs-wasm kernels replaced by JavaScript loops over the WASM heap, where the stock kernel
// walks memory badly for the shapes a training step uses. Both are exact (a comparison, a move).

/**
 * Transposes of large, wide matrices as a JavaScript loop over the heap. tfjs-wasm's transpose
 * reads and writes far apart once rows hold 64 floats or more: early fusion's weight gradient
 * transposes its [16384 × 64] pairs, 16 ms a step (1.4 ms here), and negatives' per-row arms a
 * [1280 × 144] batch (0.67 → 0.24 ms). Below ~100k values the two are level within noise, and
 * rows of 32 or other permutations are faster stock. Moving values is exact: the same result.
 */
export function patchWasmTranspose(): void {
  overrideWasmKernel('Transpose', (transpose) => (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { perm } = args.attrs as { perm: number[] };
    // The cheap tests first: most transposes in a step are small and go to the stock kernel.
    if (tf.util.sizeFromShape(x.shape) < 100_000 || x.dtype === 'string' || x.dtype === 'complex64') return transpose.kernelFunc(args);
    const matrix = asMatrixTranspose(x.shape, perm);
    if (!matrix || matrix.cols < 64) return transpose.kernelFunc(args);
    const wasm = args.backend as WasmBackendLike;
    // Allocate first: growing the heap detaches every view taken before.
    const out = wasm.makeOutput(perm.map((p) => x.shape[p]), x.dtype);
    transposeMatrix(wasm.typedArrayFromHeap(x), wasm.typedArrayFromHeap(out), matrix.rows, matrix.cols);
    return out;
  });
}

/**
 * A permutation that is, once size-1 axes are dropped, a rotation [q … r−1, 0 … q−1]: the
 * transpose of a [rows × cols] matrix, rows = the product of the first q axes.
 */
export function asMatrixTranspose(shape: number[], perm: number[]): { rows: number; cols: number } | undefined {
  const kept = shape.map((_, axis) => axis).filter((axis) => shape[axis] !== 1);
  const order = perm.filter((axis) => shape[axis] !== 1).map((axis) => kept.indexOf(axis));
  const q = order[0];
  if (!(q > 0) || order.some((axis, i) => axis !== (q + i) % order.length)) return undefined;
  const sizes = kept.map((axis) => shape[axis]);
  const rows = sizes.slice(0, q).reduce((p, n) => p * n, 1);
  return { rows, cols: sizes.slice(q).reduce((p, n) => p * n, 1) };
}

/** dst = srcᵀ, src a [rows × cols] matrix: blocks of 256 rows, so each column's reads stay in cache. */
function transposeMatrix(src: ArrayLike<number>, dst: { [i: number]: number }, rows: number, cols: number): void {
  for (let r0 = 0; r0 < rows; r0 += 256) {
    const end = Math.min(rows, r0 + 256) * cols;
    for (let c = 0; c < cols; c++) {
      let o = c * rows + r0;
      for (let i = r0 * cols + c; i < end; i += cols) dst[o++] = src[i];
    }
  }
}

/**
 * Equal in JavaScript over the heap. tfjs-wasm's comparisons broadcast element by element through
 * a slow generic path: Max's gradient (every softmax loss's logSumExp) compares [B × n] logits with
 * their [B × 1] row maxima, and that one kernel took 4 ms of a 13 ms in-batch step (Node, B = 256).
 * A comparison is exact, so any correct loop gives the same mask.
 */
export function patchWasmEqual(): void {
  overrideWasmKernel('Equal', (equal) => (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    if (a.dtype === 'string' || a.dtype === 'complex64') return equal.kernelFunc(args);
    const wasm = args.backend as WasmBackendLike;
    const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    // Allocate first: growing the heap detaches every view taken before.
    const out = wasm.makeOutput(shape, 'bool');
    const mask = wasm.typedArrayFromHeap(out) as Uint8Array;
    const x = wasm.typedArrayFromHeap(a);
    const y = wasm.typedArrayFromHeap(b);
    const inner = shape.length ? shape[shape.length - 1] : 1;
    const [xRows, xStep] = broadcastStrides(a.shape, shape);
    const [yRows, yStep] = broadcastStrides(b.shape, shape);
    for (let row = 0, at = 0; at < mask.length; row++) {
      const xo = xRows(row);
      const yo = yRows(row);
      for (let k = 0; k < inner; k++, at++) mask[at] = x[xo + k * xStep] === y[yo + k * yStep] ? 1 : 0;
    }
    return out;
  });
}

/**
 * Reading `from` broadcast to `to` (numpy rules), row by row of the last axis: the offset where each
 * row starts, and the step along the row (0 where that axis is broadcast).
 */
function broadcastStrides(from: number[], to: number[]): [(row: number) => number, number] {
  const rank = to.length;
  const strides = new Array<number>(rank).fill(0);
  for (let d = rank - 1, s = 1; d >= 0; d--) {
    const size = from[d - (rank - from.length)] ?? 1;
    strides[d] = size === 1 ? 0 : s;
    s *= size;
  }
  const rowOffset = (row: number) => {
    let offset = 0;
    for (let d = rank - 2; d >= 0; d--) {
      offset += (row % to[d]) * strides[d];
      row = Math.floor(row / to[d]);
    }
    return offset;
  };
  return [rowOffset, rank ? strides[rank - 1] : 0];
}
