/// <reference lib="webworker" />
/**
 * The training worker: routes protocol messages to the runner. All training and evaluation
 * happen here, off the page's thread.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WorkerMessage } from './protocol';
import { UNSOLICITED } from './protocol';
import { memory } from '@tensorflow/tfjs';
import { Runner } from './runner';
import { validateCommand } from './validate';

declare const self: DedicatedWorkerGlobalScope;

// Checkpoints are fresh copies: their buffers move to the page instead of being copied again.
const post = (m: WorkerMessage) => self.postMessage(m, m.type === 'checkpoint' ? m.values.map((v) => v.buffer as ArrayBuffer) : []);

const runner = new Runner(post, {
  wasmPaths: {
    'tfjs-backend-wasm.wasm': absolute(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
  },
});

// Only well-formed commands reach the runner; anything else is dropped with the reason.
self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = validateCommand(e.data);
  if (!('command' in checked)) post({ type: 'rejected', id: UNSOLICITED, reason: checked.reason });
  else if (checked.command.type === 'memory') post({ type: 'memory', id: checked.command.id, ...memory() });
  else runner.push(checked.command);
};
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  post({ type: 'error', id: UNSOLICITED, message: e.reason instanceof Error ? e.reason.message : String(e.reason) });
});
void runner.loop().catch((e: unknown) => post({ type: 'error', id: UNSOLICITED, message: e instanceof Error ? e.message : String(e) }));

/** Asset URLs relative to the worker script, made absolute (the wasm loader fetches them as is). */
function absolute(url: string): string {
  return new URL(url, self.location.href).href;
}
