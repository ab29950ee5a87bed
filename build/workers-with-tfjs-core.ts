/**
 * A Vite plugin for the workers' bundles: `@tensorflow/tfjs` is TensorFlow.js's core with what
 * the lab uses of it (build/tfjs-core-only.ts), not the union package, whose layers, converter and
 * data APIs were ~0.3 MB of each worker's minified script (shard 2.45 → 2.13 MB), loaded and
 * compiled by every shard before it could train. Node (the CLI, the tests) keeps the union
 * package: tfjs-core's ES modules, which register the gradients and chained ops, do not load
 * under Node's own resolver, and its CommonJS build leaves them out.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const CORE_ONLY = fileURLToPath(new URL('./tfjs-core-only.ts', import.meta.url));

export function workersWithTfjsCore(): Plugin {
  return {
    name: 'workers-with-tfjs-core',
    enforce: 'pre',
    resolveId: (source) => (source === '@tensorflow/tfjs' ? CORE_ONLY : null),
  };
}
