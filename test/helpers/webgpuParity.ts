/**
 * Trains the same arms on the same world with the wasm and the WebGPU backend (Dawn from the
 * `webgpu` package; on a machine without a GPU, Chromium's SwiftShader Vulkan driver) and prints
 * both loss curves as JSON. Run by test/unit/webgpu-node.test.ts in a child process, because
 * Dawn must see LD_LIBRARY_PATH and VK_ICD_FILENAMES at process start.
 */
import './webgpuGlobals';
import * as tf from '@tensorflow/tfjs';
import { knobsOf } from '../../src/lesson/knobs';
import { trainingModes } from '../../lessons/training-modes';
import { updates } from '../../lessons/updates';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { initBackend } from '../../src/model/backend';
import type { Settings } from '../../src/lesson/types';
import { Experiment } from '../../src/train/experiment';
import { generateWorld } from '../../src/world/generate';

const steps = 6;
const world = generateWorld({ seed: 11, users: 100, items: 200, clicksPerUser: 8 });
const settings: Settings = { ...Object.fromEntries(knobsOf(trainingModes).map((k) => [k.id, k.default])), batch: 32, listNegatives: 16 };

async function lossCurve(): Promise<Record<string, number[]>> {
  const ex = new Experiment(world, trainingModes.arms(settings), settings);
  const curves: Record<string, number[]> = {};
  for (let s = 0; s < steps; s++) for (const p of await ex.train(1)) (curves[p.id] ??= []).push(p.loss!);
  const metrics = await ex.evaluate();
  ex.dispose();
  for (const [id, m] of Object.entries(metrics)) curves[`${id}:recall@50`] = [m['recall@50']];
  return { ...curves, ...(await incrementalCurve()) };
}

/** An arm on a clock: the first model, then two served hours of ID-only (masked-gradient) updates. */
async function incrementalCurve(): Promise<Record<string, number[]>> {
  const daysWorld = generateWorld({ seed: 11, users: 100, items: 200, clicksPerUser: 8, days: 3 });
  const s: Settings = { ...Object.fromEntries(knobsOf(updates).map((k) => [k.id, k.default])), batch: 64, steps: 24 };
  const ex = new Experiment(daysWorld, updates.arms(s).filter((a) => a.update === 'incremental'), s);
  const losses: number[] = [];
  for (let h = 0; h < 2; h++) for (const p of await ex.train(1)) losses.push(p.loss!);
  const vectors = ex.arms[0].vectors(Int32Array.from([0, 1, 2]));
  const sample = Array.from(await vectors.users.data());
  vectors.users.dispose();
  vectors.items.dispose();
  ex.dispose();
  return { 'incremental:loss': losses, 'incremental:userVectors': sample };
}

await initNodeBackend('wasm');
const wasm = await lossCurve();
const choice = await initBackend(['webgpu']);
const webgpu = await lossCurve();
console.log(JSON.stringify({ backend: choice.name, tensorsLeft: tf.memory().numTensors, wasm, webgpu }));
process.exit(0);
