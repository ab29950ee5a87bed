/** The job worker's messages (job.worker.ts): one request in, progress then a result or an error out. */
import type { JobProgress } from '../lesson/jobs';
import type { Settings } from '../lesson/types';

export interface JobRequest {
  lessonId: string;
  name: string;
  params: Settings;
}

export type JobMessage = ({ type: 'progress' } & JobProgress) | { type: 'result'; value: unknown } | { type: 'error'; message: string };
