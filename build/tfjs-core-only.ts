/**
 * What the workers' bundles get for `@tensorflow/tfjs` (build/workers-with-tfjs-core.ts): the core
 * (ops, autograd, optimizers) with the gradients and chained ops (`t.reshape(…)`) it leaves to the
 * union package, and the CPU and WebGL backends (src/model/backend.ts adds WASM and WebGPU). The
 * union package's layers, converter and data APIs, which the lab never uses, stay out.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';

export * from '@tensorflow/tfjs-core';
