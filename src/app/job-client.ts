/**
 * The page's side of a lesson job: starts a job worker, follows its progress, ends it on cancel
 * or when the component unmounts. One job at a time per hook.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../lesson/jobs';
import type { Settings } from '../lesson/types';
import type { JobMessage, JobRequest } from '../worker/job-protocol';

export type JobState<T> =
  | { phase: 'idle' }
  | { phase: 'running'; progress?: JobProgress; params: Settings }
  | { phase: 'done'; value: T; params: Settings }
  | { phase: 'cancelled' | 'error'; message: string; params: Settings };

export function useJob<T>(lessonId: string, name: string): { state: JobState<T>; start(params: Settings): void; cancel(): void } {
  const [state, setState] = useState<JobState<T>>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const start = useCallback(
    (params: Settings) => {
      stop();
      const w = new Worker(new URL('../worker/job.worker.ts', import.meta.url), { type: 'module', name: `job:${name}` });
      worker.current = w;
      setState({ phase: 'running', params });
      w.onmessage = (e: MessageEvent<JobMessage>) => {
        if (worker.current !== w) return;
        const m = e.data;
        if (m.type === 'progress') setState({ phase: 'running', progress: m, params });
        else {
          stop();
          setState(m.type === 'result' ? { phase: 'done', value: m.value as T, params } : { phase: 'error', message: m.message, params });
        }
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stop();
        setState({ phase: 'error', message: e.message || 'the job worker failed', params });
      };
      w.postMessage({ lessonId, name, params } satisfies JobRequest);
    },
    [lessonId, name, stop],
  );
  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState((s) => ({ phase: 'cancelled', message: 'cancelled', params: s.phase === 'idle' ? {} : s.params }));
  }, [stop]);
  return { state, start, cancel };
}
