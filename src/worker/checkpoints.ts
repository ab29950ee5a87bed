/**
 * The arms' checkpoints, sent to the page so that a new worker can continue where a dead one
 * stopped. Each arm's checkpoint is posted at most every CHECKPOINT_POST_MS (the latest one
 * follows when the interval ends): a few hundred kB per arm, copied once and transferred.
 */
import type { Checkpoint } from './arm-runs';
import type { WorkerMessageBody } from './protocol';

/** Found by weighing the loss (at most this much training redone after a crash) against copies per second. */
export const CHECKPOINT_POST_MS = 5_000;

export function checkpointPoster(emit: (m: WorkerMessageBody) => void, run: () => number): (armId: string, cp: Checkpoint) => void {
  const last = new Map<string, number>();
  const waiting = new Map<string, { run: number; cp: Checkpoint }>();
  const send = (armId: string, r: number, cp: Checkpoint) => {
    last.set(armId, performance.now());
    emit({ type: 'checkpoint', run: r, armId, step: cp.step, values: cp.values.map((v) => v.slice()) });
  };
  return (armId, cp) => {
    const since = performance.now() - (last.get(armId) ?? -Infinity);
    if (since >= CHECKPOINT_POST_MS) return send(armId, run(), cp);
    if (!waiting.has(armId)) setTimeout(() => {
      const w = waiting.get(armId);
      waiting.delete(armId);
      if (w && w.run === run()) send(armId, w.run, w.cp);
    }, CHECKPOINT_POST_MS - since);
    waiting.set(armId, { run: run(), cp });
  };
}
