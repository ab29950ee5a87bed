/// <reference lib="webworker" />
/**
 * A lesson job's worker: one job per worker, started by the page's first message. Progress is
 * posted at most every PROGRESS_MS (a job yields far more often than a page can draw); the page
 * cancels by terminating the worker. No tfjs here: jobs are plain computations.
 */
import { findLesson } from '../../lessons/registry';
import type { JobRequest, JobMessage } from './job-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** About ten progress messages a second: smooth enough for a progress bar. */
const PROGRESS_MS = 100;

self.onmessage = (e: MessageEvent<JobRequest>) => {
  const post = (m: JobMessage) => self.postMessage(m);
  try {
    const { lessonId, name, params } = e.data;
    const job = findLesson(lessonId)?.jobs?.find((j) => j.name === name);
    if (!job) throw new Error(`lesson "${lessonId}" has no job "${name}"`);
    const it = job.run(params);
    let last = 0;
    for (;;) {
      const step = it.next();
      if (step.done) {
        post({ type: 'result', value: step.value });
        return;
      }
      const now = performance.now();
      if (now - last >= PROGRESS_MS) {
        last = now;
        post({ type: 'progress', ...step.value });
      }
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
