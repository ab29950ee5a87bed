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
  return curves;
}

await initNodeBackend('wasm');
const wasm = await lossCurve();
const choice = await initBackend(['webgpu']);
const webgpu = await lossCurve();
console.log(JSON.stringify({ backend: choice.name, tensorsLeft: tf.memory().numTensors, wasm, webgpu }));
process.exit(0);
