import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const available = existsSync(ICD);
if (!available && process.env.REQUIRE_BROWSER === '1') throw new Error(`${ICD} not found (apt-get install chromium) — but REQUIRE_BROWSER=1`);
if (!available) console.warn(`${ICD} not found: the WebGPU-in-Node parity test is skipped (apt-get install chromium)`);

/**
 * The engine's WebGPU path without a page: Dawn (npm `webgpu`) on Chromium's SwiftShader Vulkan
 * driver trains every training-modes arm and an incremental-update arm (ID-only masked gradients);
 * its losses, recall and vectors must match the wasm backend's.
 */
describe.skipIf(!available)('WebGPU backend in Node', () => {
  it('trains every loss to the same numbers as wasm', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/helpers/webgpuParity.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, LD_LIBRARY_PATH: '/usr/lib/chromium', VK_ICD_FILENAMES: ICD },
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.backend).toBe('webgpu');
    expect(out.tensorsLeft).toBe(0);
    for (const [key, wasm] of Object.entries(out.wasm as Record<string, number[]>)) {
      const gpu = out.webgpu[key] as number[];
      expect(gpu).toHaveLength(wasm.length);
      wasm.forEach((v, i) => expect(Math.abs(gpu[i] - v), `${key}[${i}]: wasm ${v}, webgpu ${gpu[i]}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
    }
  }, 300_000);
});
