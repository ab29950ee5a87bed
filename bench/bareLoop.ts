/**
 * The baseline: the same two-tower model and listwise loss as the engine's `listwise` arm,
 * written as a bare tfjs loop (no Experiment, Arm, Tower or samplers; inputs pre-encoded).
 *   --kernels stock    tfjs as shipped (+ UnsortedSegmentSum, which wasm lacks to train at all)
 *   --kernels patched  with the lab's wasm kernel fixes (isolates the engine's own overhead)
 * Prints one JSON line: {stepsPerSecond, ...}.
 */
import * as tf from '@tensorflow/tfjs';
import { featureLayout, FeatureEncoder, type EncodedBatch } from '../src/model/features';
import { initNodeBackend } from '../src/cli/nodeBackend';
import { Rng } from '../src/util/rng';
import { generateWorld } from '../src/world/generate';
import { flag } from './flags';

const backend = flag('backend', 'wasm') as 'wasm' | 'cpu';
const kernels = flag('kernels', 'stock');
const steps = Number(flag('steps', '100'));
const B = 256, E = 16, H = 64, D = 32, NEG = 64, TAU = 0.1;

await initNodeBackend(backend, { patchKernels: kernels === 'patched' });

const world = generateWorld({ seed: 7 });
const users = new FeatureEncoder(featureLayout(world.config.users, world.userFields), world.userFeatures);
const items = new FeatureEncoder(featureLayout(world.config.items, world.itemFields), world.itemFeatures);
const rng = new Rng(1);
const v = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.1, 'float32', 1));
function tower(layout: ReturnType<typeof featureLayout>) {
  const slotRows = tf.tensor1d(layout.slotField.flatMap((f) => Array.from({ length: E }, (_, k) => f * E + k)), 'int32');
  const vars = { table: v([layout.rows, E]), w1: v([layout.fields.length * E, H]), b1: v([H]), w2: v([H, D]), b2: v([D]) };
  const apply = (x: EncodedBatch) => {
    const e = tf.gather(vars.table, tf.tensor1d(x.rows, 'int32')).reshape([x.size, layout.slots, E]);
    const h0 = tf.mul(e, tf.tensor3d(x.weights, [x.size, layout.slots, 1])).reshape([x.size, layout.slots * E]) as tf.Tensor2D;
    const h1 = tf.relu(tf.add(tf.matMul(h0, tf.gather(vars.w1, slotRows)), vars.b1)) as tf.Tensor2D;
    const o = tf.add(tf.matMul(h1, vars.w2), vars.b2) as tf.Tensor2D;
    return tf.mul(o, tf.rsqrt(tf.add(tf.sum(tf.square(o), 1, true), 1e-8))) as tf.Tensor2D;
  };
  return { apply, vars: Object.values(vars) };
}
const ut = tower(users.layout), it = tower(items.layout);
const opt = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
const n = world.train.item.length;
function step(): tf.Scalar {
  const idx = Array.from({ length: B }, () => rng.int(n));
  const u = users.encode(idx.map((k) => world.train.user[k]));
  const p = items.encode(idx.map((k) => world.train.item[k]));
  const g = items.encode(Array.from({ length: NEG }, () => rng.int(world.config.items)));
  return tf.tidy(() => opt.minimize(() => {
    const uv = ut.apply(u), pv = it.apply(p), nv = it.apply(g);
    const pos = tf.div(tf.sum(tf.mul(uv, pv), 1), TAU);
    const neg = tf.div(tf.matMul(uv, nv, false, true), TAU);
    return tf.mean(tf.sub(tf.logSumExp(tf.concat([pos.expandDims(1), neg], 1), 1), pos)) as tf.Scalar;
  }, true, [...ut.vars, ...it.vars])!);
}
for (let i = 0; i < 5; i++) step().dispose();
const t0 = performance.now();
let last: tf.Scalar | undefined;
for (let i = 0; i < steps; i++) {
  last?.dispose();
  last = step();
}
await last!.data();
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ kind: `bare-${kernels}`, backend, steps, seconds, stepsPerSecond: steps / seconds, examplesPerSecond: (steps * B) / seconds }));
