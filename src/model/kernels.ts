import * as tf from '@tensorflow/tfjs';
import { patchWasmEqual, patchWasmTranspose } from './heap-kernels';
import { overrideWasmKernel, type WasmBackendLike } from './wasm-kernel';

/**
 * Kernel fixes for the wasm backend, measured in `npm run bench`:
 * - BatchMatMul with transposeA/transposeB runs 10–25× slower than a plain product on tfjs-wasm
 *   4.22, and every backward pass uses those flags: transpose explicitly, then multiply.
 * - GatherV2 of table rows (every embedding lookup) spent most of its time outside the copy:
 *   rows are copied with typed-array `set` instead (axis 0 only; other cases use the original).
 * - UnsortedSegmentSum (the gradient of gather) is missing on wasm: a short JS loop over the heap.
 *   It touches batch×dim values, so an embedding lookup costs O(batch), not O(table) as a
 *   one-hot matmul would.
 * - Transpose of large wide matrices and Equal with broadcasting walk memory badly: JS loops
 *   instead (`heap-kernels.ts`).
 * And one for the cpu backend: its UnsortedSegmentSum runs one masked reduction per segment
 * (per table row), a minute per training step for our tables; the same JS loop replaces it.
 */
let patched = false;

export function patchWasmKernels(): void {
  if (patched) return;
  patched = true;
  // First: the products below transpose through it.
  patchWasmTranspose();
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (transpose) overrideWasmKernel('BatchMatMul', (matMul) => (args) => plainProduct(matMul, transpose, args));
  overrideWasmKernel('GatherV2', (gather) => (args) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as { axis: number; batchDims: number };
    if (axis !== 0 || batchDims !== 0 || x.dtype !== 'float32' || x.shape.length !== 2) return gather.kernelFunc(args);
    const backend = args.backend as WasmBackendLike;
    const [rows, width] = x.shape;
    // Allocate first: growing the heap detaches every view taken before, so read inputs after.
    const out = backend.makeOutput([...indices.shape, width], 'float32');
    const ids = backend.typedArrayFromHeap(indices) as Int32Array;
    const table = backend.typedArrayFromHeap(x) as Float32Array;
    const dst = backend.typedArrayFromHeap(out) as Float32Array;
    for (let r = 0; r < ids.length; r++) {
      const id = ids[r];
      if (id < 0 || id >= rows) throw new Error(`GatherV2: the index value ${id} is not in [0, ${rows - 1}]`);
      const src = id * width;
      const to = r * width;
      for (let k = 0; k < width; k++) dst[to + k] = table[src + k];
    }
    return out;
  });
  patchWasmBinaryKernels();
  patchWasmEqual();
  patchWasmIdentity();
  registerWasmSegmentSum();
}

/** A product with transposed operands as an explicit transpose, then a plain product. */
function plainProduct(matMul: tf.KernelConfig, transpose: tf.KernelConfig, args: Parameters<tf.KernelFunc>[0]): ReturnType<tf.KernelFunc> {
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
  const out = matMul.kernelFunc({ ...args, inputs: { ...args.inputs, a, b }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
  for (const t of temps) backend.disposeData(t.dataId);
  return out;
}

/**
 * Identity (`tf.clone`, which the gradient tape calls for every tensor it saves for the backward
 * pass) copies the values on tfjs-wasm; the cpu backend shares them, as wasm's own Reshape does.
 * Tensors are never written in place (a variable's `assign` takes new data), so sharing is safe.
 */
function patchWasmIdentity(): void {
  overrideWasmKernel('Identity', (identity) => (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return identity.kernelFunc(args);
    (args.backend as WasmBackendLike).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}

/** tfjs-wasm's elementwise kernels over two tensors: most of a training step's kernels, Adam's updates included. */
const BINARY_KERNELS = ['Add', 'Sub', 'Multiply', 'RealDiv', 'Maximum', 'Minimum', 'Pow', 'SquaredDifference'];
const CPP_DTYPE: Partial<Record<tf.DataType, number>> = { float32: 0, int32: 1, bool: 2 };
type BinaryCall = (aId: number, aShape: Uint8Array, aRank: number, bId: number, bShape: Uint8Array, bRank: number, dtype: number, outId: number) => void;

/**
 * The same WASM functions, called without tfjs-wasm's two fresh typed arrays per call (each
 * input's shape, copied onto the WASM stack at once): Chromium makes typed arrays slowly, and a
 * step calls these kernels hundreds of times. Each shape's bytes are made once and kept.
 */
function patchWasmBinaryKernels(): void {
  const shapes = new Map<string, Uint8Array>();
  const bytesOf = (shape: number[]) => {
    const key = shape.join(',');
    let bytes = shapes.get(key);
    if (!bytes) shapes.set(key, (bytes = new Uint8Array(Int32Array.from(shape).buffer)));
    return bytes;
  };
  for (const name of BINARY_KERNELS) {
    // Bound per module: a backend made afresh (after a reset) has a new one.
    const calls = new WeakMap<object, BinaryCall>();
    overrideWasmKernel(name, () => ({ inputs, backend }) => {
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const wasm = backend as WasmBackendLike;
      let call = calls.get(wasm.wasm);
      if (!call) calls.set(wasm.wasm, (call = wasm.wasm.cwrap(name, null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number']) as BinaryCall));
      const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
      const out = wasm.makeOutput(shape, a.dtype);
      if (tf.util.sizeFromShape(shape) === 0) return out;
      const id = (t: tf.TensorInfo) => wasm.dataIdMap.get(t.dataId)!.id;
      call(id(a), bytesOf(a.shape), a.shape.length, id(b), bytesOf(b.shape), b.shape.length, CPP_DTYPE[a.dtype]!, id(out));
      return out;
    });
  }
}

/** Gather's gradient for wasm (missing there): all the stock backend needs to train embeddings. */
export function registerWasmSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
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
      segmentSum(values, ids, inner, sums);
      return out;
    },
  });
}

/**
 * Sum's and Mean's gradients as tfjs ships them multiply dy by `ones(x.shape)`: a typed array made
 * and filled in JavaScript and copied to the backend at every backward pass (every cosine's norm,
 * every loss). Chromium makes typed arrays far more slowly than Node: in a page, training-modes
 * spent 0.77 s of 15 s in that fill alone. Ones made on the backend (`onesLike`) give the same
 * values (dy · 1 = dy) without the array; `broadcastTo` (a Tile) was slower on wasm. Backend-
 * independent: the gradient registry is global.
 */
let reductionGradientsPatched = false;

export function patchReductionGradients(): void {
  if (reductionGradientsPatched) return;
  reductionGradientsPatched = true;
  const expanded = (dy: tf.Tensor, x: tf.Tensor, axis: number | number[]) => {
    const shape = x.shape.slice();
    const axes = tf.util.parseAxisParam(axis, x.shape);
    for (const a of axes) shape[a] = 1;
    return { spread: tf.mul(tf.reshape(dy, shape), tf.onesLike(x)), count: axes.reduce((n, a) => n * x.shape[a], 1) };
  };
  tf.registerGradient({
    kernelName: 'Sum',
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => expanded(dy as tf.Tensor, x, (attrs as unknown as tf.SumAttrs).axis).spread }),
  });
  tf.registerGradient({
    kernelName: 'Mean',
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({
      x: () => {
        const { spread, count } = expanded(dy as tf.Tensor, x, (attrs as unknown as tf.MeanAttrs).axis);
        return tf.div(spread, count);
      },
    }),
  });
}

let cpuPatched = false;

export function patchCpuKernels(): void {
  if (cpuPatched) return;
  cpuPatched = true;
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const { numSegments } = attrs as { numSegments: number };
      const cpu = backend as unknown as CpuBackendLike;
      const inner = x.shape.slice(1).reduce((p, d) => p * d, 1);
      const sums = new Float32Array(numSegments * inner);
      segmentSum(cpu.readSync(x.dataId) as Float32Array, cpu.readSync(segmentIds.dataId) as Int32Array, inner, sums);
      return cpu.makeTensorInfo([numSegments, ...x.shape.slice(1)], 'float32', sums);
    },
  });
}

/** sums[ids[r]] += values[r], rows of `inner` values. */
function segmentSum(values: Float32Array, ids: Int32Array, inner: number, sums: Float32Array): void {
  for (let r = 0; r < ids.length; r++) {
    const dst = ids[r] * inner;
    const src = r * inner;
    for (let k = 0; k < inner; k++) sums[dst + k] += values[src + k];
  }
}

interface CpuBackendLike {
  readSync(dataId: object): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}
