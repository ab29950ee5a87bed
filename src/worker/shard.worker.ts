/// <reference lib="webworker" />
/**
 * One shard of training: routes protocol messages to a runner that trains some of the lesson's
 * arms (the coordinator in lab.worker.ts decides which), off the page's thread.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Command, WorkerMessage } from './protocol';
import { UNSOLICITED } from './protocol';
import { Runner } from './runner';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: WorkerMessage) => self.postMessage(m);

const runner = new Runner(post, {
  wasmPaths: {
    'tfjs-backend-wasm.wasm': absolute(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
  },
});

self.onmessage = (e: MessageEvent<Command>) => runner.push(e.data);
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  post({ type: 'error', id: UNSOLICITED, message: e.reason instanceof Error ? e.reason.message : String(e.reason) });
});
void runner.loop().catch((e: unknown) => post({ type: 'error', id: UNSOLICITED, message: e instanceof Error ? e.message : String(e) }));

/** Asset URLs relative to the worker script, made absolute (the wasm loader fetches them as is). */
function absolute(url: string): string {
  return new URL(url, self.location.href).href;
}
