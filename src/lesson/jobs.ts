/**
 * Jobs: long computations a lesson offers on demand (building an index over a million vectors),
 * too long for a training worker's turn. Each runs in a worker of its own, so training goes on
 * beside it and cancelling is immediate (the page ends that worker, and its memory with it).
 * A job is a generator: it yields progress between slices of work and returns its result; the
 * same generator runs to the end in Node (bench, tests).
 */
import type { Settings, Text } from './types';

export interface JobProgress {
  done: number;
  total: number;
  /** What it is doing now. */
  label: Text;
}

export interface JobDef<T = unknown> {
  name: string;
  run(params: Settings): Generator<JobProgress, T>;
}

/** Runs a job to its end (Node), calling `onProgress` at each yield. */
export function runJob<T>(job: JobDef<T>, params: Settings, onProgress?: (p: JobProgress) => void): T {
  const it = job.run(params);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}
