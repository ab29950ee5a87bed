/**
 * The training worker, started before the page's first render when the address is a lesson's.
 * Its scripts (and, through it, the first shard's TensorFlow.js) load while the page renders its
 * text, instead of after: the worker waits for its `init` either way. Measured on 2 cores: the
 * page's first render and effects took ~0.9 s before it started the worker.
 */
let spare: Worker | null = null;

function trainingWorker(): Worker {
  return new Worker(new URL('../worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'training' });
}

export function prewarmTrainingWorker(): void {
  spare ??= trainingWorker();
}

/** The prewarmed worker if there is one (once), else a new one. */
export function takeTrainingWorker(): Worker {
  const worker = spare ?? trainingWorker();
  spare = null;
  return worker;
}
