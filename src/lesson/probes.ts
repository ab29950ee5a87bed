/**
 * Probes: computations a lesson asks the worker to run for it beyond training and evaluation
 * (an estimator's error, a matrix of the world's features). The worker runs every probe the
 * lesson declares at the probe's moment and sends the result to the page under the probe's name;
 * nothing about a single lesson is written into the worker, the protocol or the store.
 */
import type { Arm } from '../train/arm';
import type { World } from '../world/types';
import type { ArmSpec, Settings } from './types';

/** What a run probe sees: the run's world, its settings and every arm of the lesson under them. */
export interface RunScope {
  world: World;
  settings: Settings;
  specs: ArmSpec[];
}

/**
 * Computed once per run — whenever the arms start afresh (a new world, changed settings, Reset).
 * The page reads the latest value with `useProbe(name)`; `undefined` sends nothing.
 */
export interface RunProbe<T = unknown> {
  name: string;
  per: 'run';
  /** Also a top-level field of the CLI's report (design §6: e.g. `servingCost`). */
  report?: boolean;
  compute(scope: RunScope): T | undefined;
}

/**
 * Sampled for each arm when it is created (step 0) and after each training chunk: a series of
 * [step, value] in the arm's snapshots under `series[name]`. `undefined` adds no point (an arm the
 * probe does not apply to).
 */
export interface ArmProbe {
  name: string;
  per: 'chunk';
  compute(arm: Arm): number | undefined;
}

export type Probe = RunProbe | ArmProbe;
