/**
 * The automatic backend choice by measurement: each backend that starts trains a miniature
 * two-tower step for a moment, the fastest is kept, and the measured rates are reported. In Node
 * only WASM (and the CPU, the last resort) exist, so WASM is measured and chosen.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseFastestBackend } from '../../src/model/backend';
import { measureTrainingSpeed } from '../../src/model/backend-speed';

const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;

describe('choosing the backend by measurement', () => {
  it('measures every backend that starts but the CPU, keeps the fastest, and says the rates', async () => {
    const t0 = performance.now();
    const choice = await chooseFastestBackend(['webgpu', 'webgl', 'wasm', 'cpu'], { wasmPaths: wasmDir });
    const seconds = (performance.now() - t0) / 1000;
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(Object.keys(choice.measured ?? {})).toEqual(['wasm']);
    expect(choice.measured!.wasm).toBeGreaterThan(0);
    expect(choice.reason).toMatch(/measured WASM \d+ steps\/s → WASM/);
    // WebGPU and WebGL cannot start in Node: the reason says so rather than hiding them.
    expect(choice.reason).toMatch(/WebGPU: .*WebGL: /);
    // A guard far beyond noise: the start-up measurement is meant to take well under a second.
    expect(seconds).toBeLessThan(10);
  }, 60_000);

  it('leaves no tensor behind, and measures again to a rate of the same order', async () => {
    await chooseFastestBackend(['wasm'], { wasmPaths: wasmDir });
    const before = tf.memory().numTensors;
    const a = await measureTrainingSpeed();
    const b = await measureTrainingSpeed();
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toBeGreaterThan(0);
    expect(b / a).toBeGreaterThan(0.1);
    expect(b / a).toBeLessThan(10);
  }, 60_000);
});
