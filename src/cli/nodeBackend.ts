import { createRequire } from 'node:module';
import path from 'node:path';
import { type BackendChoice, type BackendOptions, initBackend } from '../model/backend';
import type { BackendName } from '../model/backends';

/** Starts a tfjs backend in Node, pointing the wasm backend at its files in node_modules. */
export async function initNodeBackend(name: BackendName, options: Omit<BackendOptions, 'wasmPaths'> = {}): Promise<BackendChoice> {
  const require = createRequire(import.meta.url);
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return initBackend([name], { ...options, wasmPaths: wasmDir + path.sep });
}
