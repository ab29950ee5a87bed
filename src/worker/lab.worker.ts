/// <reference lib="webworker" />
/**
 * The training worker the page talks to: a coordinator that spreads the lesson's arms over shard
 * workers (nested workers), and answers the page as one runner would.
 */
import { Coordinator, shardCount } from './coordinator';
import type { WorkerMessage } from './protocol';
import { UNSOLICITED } from './protocol';
import { validateCommand } from './validate';

declare const self: DedicatedWorkerGlobalScope;

const coordinator = new Coordinator(
  (m) => self.postMessage(m),
  (onMessage) => {
    const worker = new Worker(new URL('./shard.worker.ts', import.meta.url), { type: 'module', name: 'training-shard' });
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      onMessage({ type: 'error', id: 0, message: e.message || 'a training shard failed to start' });
    };
    return { send: (cmd) => worker.postMessage(cmd), terminate: () => worker.terminate() };
  },
  shardCount(self.navigator.hardwareConcurrency || 1),
);

// Only well-formed commands reach the coordinator; anything else is dropped with the reason.
// Knob ranges are the shards' to check: the lessons' code would make this worker as slow to load as a shard.
self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = validateCommand(e.data, null);
  if ('command' in checked) coordinator.push(checked.command);
  else self.postMessage({ type: 'rejected', id: UNSOLICITED, reason: checked.reason } satisfies WorkerMessage);
};
