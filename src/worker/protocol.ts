/**
 * The typed wall between the page and the training worker. The page only sends commands and
 * receives snapshots; every message carries the id of the command it answers (or of the run it
 * belongs to), so stale messages from an earlier run can be ignored.
 */
import type { Metrics } from '../eval/metrics';
import type { BackendName } from '../model/backend';
import type { Settings, Text } from '../lesson/types';

export type RunPhase = 'loading' | 'ready' | 'running' | 'paused' | 'done' | 'error';

export type Command =
  /** (Re)configure: build the world and the arms if needed. Starts a new run when anything but `steps` or `arms` changed. */
  | { type: 'init'; id: number; lessonId: string; settings: Settings; arms: string[]; backends: BackendName[] }
  | { type: 'configure'; id: number; settings: Settings; arms: string[] }
  | { type: 'play'; id: number }
  | { type: 'pause'; id: number }
  /** Train `steps` lockstep steps, evaluate, stay paused. */
  | { type: 'step'; id: number; steps: number }
  /** Fresh weights, same world and settings; history cleared. */
  | { type: 'reset'; id: number }
  /** Test hook: make the current GPU backend fail as a lost device would. */
  | { type: 'loseBackend'; id: number }
  | { type: 'dispose'; id: number };

export type CommandType = Command['type'];

export interface WorldSummary {
  seed: number;
  users: number;
  items: number;
  zipf: number;
  clicksPerUser: number;
  trainClicks: number;
  testClicks: number;
  /** Users with held-out clicks: those evaluated. */
  evalUsers: number;
  buildSeconds: number;
}

export interface Baselines {
  oracle: Metrics;
  popular: Metrics;
  /** Share of head items among held-out clicks: what an unbiased model's head share would match. */
  testHeadShare: number;
}

/** One evaluation of one arm. */
export interface EvalPoint {
  step: number;
  metrics: Metrics;
}

export interface ArmSnapshot {
  id: string;
  enabled: boolean;
  steps: number;
  /** [step, mean loss over the chunk ending at step]. */
  loss: [number, number][];
  evals: EvalPoint[];
  diverged?: string;
  trainSeconds: number;
  /** Steps per second of this arm's own training time. */
  stepsPerSecond: number;
}

export interface Snapshot {
  run: number;
  phase: RunPhase;
  /** Lockstep steps done: the fewest steps among the enabled, live arms. */
  step: number;
  target: number;
  arms: ArmSnapshot[];
  /** Lockstep steps per wall-clock second over the last few seconds (all arms together). */
  stepsPerSecond: number;
  /** Seconds of wall time spent in evaluation so far, and the last evaluation's duration. */
  evalSeconds: number;
  lastEvalSeconds: number;
}

export type WorkerMessage =
  | { type: 'status'; id: number; text: Text }
  | { type: 'backend'; id: number; name: BackendName; reason: string; fallback: boolean }
  | { type: 'ready'; id: number; run: number; world: WorldSummary; baselines: Baselines }
  | { type: 'snapshot'; id: number; snapshot: Snapshot }
  | { type: 'diverged'; id: number; run: number; armId: string; reason: string }
  /** Something the user should read (a fallback, a restart). */
  | { type: 'notice'; id: number; text: Text; level: 'info' | 'warn' }
  | { type: 'error'; id: number; message: string };

/** The worker answers every command's id; `id: 0` marks messages the worker sends on its own. */
export const UNSOLICITED = 0;
