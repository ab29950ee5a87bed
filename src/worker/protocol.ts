/**
 * The typed wall between the page and the training worker. The page only sends commands and
 * receives snapshots; every message carries the id of the command it answers (or of the run it
 * belongs to), so stale messages from an earlier run can be ignored.
 */
import type { EvalDetail } from '../eval/evaluate';
import type { Metrics } from '../eval/metrics';
import type { BackendName } from '../model/backends';
import type { Settings, Text } from '../lesson/types';
import type { SavedArm } from './arm-runs';
import type { InspectRequest, Inspection } from './inspection';

export type RunPhase = 'loading' | 'ready' | 'running' | 'paused' | 'done' | 'error';

export type Command =
  /** (Re)configure: build the world and the arms if needed. Starts a new run when anything but `steps` or `arms` changed. */
  /**
   * `backends`: the order to try. `forced`: the first was asked for by name (the URL) and is used
   * even where the engine would skip it in automatic mode (a software GPU); the rest stay fallbacks.
   */
  /**
   * `lessonArms`: all of the lesson's arms in course order (the coordinator spreads them over shards).
   * `resume`: a dead worker's arms (their last snapshot and checkpoint), restored after the arms are built.
   */
  | { type: 'init'; id: number; lessonId: string; settings: Settings; arms: string[]; backends: BackendName[]; forced?: boolean; lessonArms?: string[]; resume?: SavedArm[] }
  | { type: 'configure'; id: number; settings: Settings; arms: string[] }
  | { type: 'play'; id: number }
  | { type: 'pause'; id: number }
  /** Train `steps` lockstep steps, evaluate, stay paused. */
  | { type: 'step'; id: number; steps: number }
  /** Fresh weights, same world and settings; history cleared. */
  | { type: 'reset'; id: number }
  /** Test hook: make the current GPU backend fail as a lost device would. */
  | { type: 'loseBackend'; id: number }
  /**
   * Train hidden, fresh copies of `arms` once per value of the knob `knob` (every other setting
   * as the current run's), to the current step target, one after another; each finished copy is
   * evaluated and reported as a `sweepPoint`. Runs only while the main run is not training;
   * any settings change cancels it. A knob that shapes the world (e.g. `clicks`) trains each
   * value on its own world, generated with that value and every other setting as the run's. `key` is echoed back with every point.
   */
  | { type: 'sweep'; id: number; key: string; knob: string; values: number[]; arms: string[] }
  | { type: 'cancelSweep'; id: number }
  /** Look inside one arm's towers (the embedding map and its lists); answered by an `inspection`. */
  | { type: 'inspect'; id: number; request: InspectRequest }
  | { type: 'dispose'; id: number }
  /** Test and soak hook: answered at once (between chunks) by a `memory` message. */
  | { type: 'memory'; id: number };

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
  /** Recall@50 by popularity bucket and by closeness to exposures, for the references. */
  oracleDetail: EvalDetail;
  popularDetail: EvalDetail;
  /** Labels (en) of the popularity buckets and of the closeness groups, in the details' order. */
  popularityBuckets: string[];
  closenessGroups: string[];
}

export type { EvalDetail };

/** One evaluation of one arm. */
export interface EvalPoint {
  step: number;
  metrics: Metrics;
  /** Recall@50 by popularity bucket and by closeness group (NaN: an empty group). */
  detail?: EvalDetail;
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
  /** The lesson's per-arm probes: [step, value] by probe name (only those the arm has points of). */
  series: Record<string, [number, number][]>;
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
  /** The settings this run trains with (the page's config may already be ahead of it). */
  settings: Settings;
}

export type WorkerMessage =
  | { type: 'status'; id: number; text: Text }
  /** `measured`: training steps/s of each backend timed at start-up (an automatic choice). */
  | { type: 'backend'; id: number; name: BackendName; reason: string; fallback: boolean; measured?: Partial<Record<BackendName, number>> }
  | { type: 'ready'; id: number; run: number; world: WorldSummary; baselines: Baselines }
  | { type: 'snapshot'; id: number; snapshot: Snapshot }
  /**
   * A run probe of the lesson: its value for run `run` (after `ready`, whenever the arms start
   * afresh). A trained probe: `{ [armId]: value }` once the run reaches its target, `undefined`
   * when a fresh run withdraws it; `perArm` marks those.
   */
  | { type: 'probe'; id: number; run: number; name: string; value: unknown; perArm?: boolean }
  | { type: 'diverged'; id: number; run: number; armId: string; reason: string }
  /** Something the user should read (a fallback, a restart). */
  | { type: 'notice'; id: number; text: Text; level: 'info' | 'warn' }
  | { type: 'error'; id: number; message: string }
  /** An arm's latest checkpoint (weights at `step`), for restarting after the worker dies. */
  | { type: 'checkpoint'; id: number; run: number; armId: string; step: number; values: Float32Array[] }
  /** The worker's tfjs memory (the soak checks numTensors returns to its plateau after a reset). */
  | { type: 'memory'; id: number; numTensors: number; numBytes: number }
  /** A message from the page that failed validation (validate.ts): dropped, the run goes on; the page logs why. */
  | { type: 'rejected'; id: number; reason: string }
  /** One finished hidden run of a sweep: the arm's metrics at `step` with the knob at `value`. */
  | { type: 'sweepPoint'; id: number; key: string; knob: string; value: number; armId: string; step: number; metrics: Metrics; detail?: EvalDetail }
  /** Progress of the sweep: `done` of `total` hidden runs finished; `active` false once it ended or was cancelled. */
  /** The answer to an `inspect` (an `error` inside when it could not be answered). */
  | { type: 'inspection'; id: number; run: number; inspection: Inspection }
  | { type: 'sweepStatus'; id: number; key: string; active: boolean; done: number; total: number; current?: { value: number; armId: string; step: number }; reason?: string };

/** The worker answers every command's id; `id: 0` marks messages the worker sends on its own. */
export const UNSOLICITED = 0;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A worker message before the worker stamps it with the id of the command it answers. */
export type WorkerMessageBody = WithoutId<WorkerMessage>;
