/// <reference lib="webworker" />
/**
 * One shard of training: routes protocol messages to a runner that trains some of the lesson's
 * arms (the coordinator in lab.worker.ts decides which), off the page's thread.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WorkerMessage } from './protocol';
import { UNSOLICITED } from './protocol';
import { memory } from '@tensorflow/tfjs';
import { KNOB_RANGES } from './knob-ranges';
import { Runner } from './runner';
import { validateCommand } from './validate';
import { browserWorldStore } from './world-store';

declare const self: DedicatedWorkerGlobalScope;

// Checkpoints are fresh copies: their buffers move on instead of being copied again.
const post = (m: WorkerMessage) => self.postMessage(m, m.type === 'checkpoint' ? m.values.map((v) => v.buffer as ArrayBuffer) : []);

const runner = new Runner(
  post,
  {
    wasmPaths: {
      'tfjs-backend-wasm.wasm': absolute(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
    },
  },
  // The built script's name changes with its content, so a new build builds its worlds afresh;
  // the dev server's name does not, so worlds are never kept there.
  import.meta.env.DEV ? undefined : browserWorldStore(self.location.pathname),
);

// The coordinator checked the commands' shape; the settings' ranges are checked here, against the lessons' knobs.
self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = validateCommand(e.data, KNOB_RANGES);
  if (!('command' in checked)) return post({ type: 'rejected', id: UNSOLICITED, reason: checked.reason });
  // The tests' and the soak's memory probe: answered at once, between chunks.
  if (checked.command.type === 'memory') post({ type: 'memory', id: checked.command.id, ...memory() });
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
