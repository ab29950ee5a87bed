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
  /**
   * A probe that times something (a query's cost): the worker measures it in parts, each when it
   * has nothing else to do — before Ready it would delay the lesson, beside training it would be
   * disturbed — and sends the value so far after each part (Play waits for one part at most).
   * `compute` is all the parts at once (the CLI's).
   */
  inParts?(scope: RunScope): Iterator<T>;
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

/**
 * Computed for each arm once it has trained to the step target and been evaluated, on its trained
 * weights (e.g. an index built from its item vectors, searched at many settings). Slower than a
 * chunk probe, so it runs once per finished run, not during training. The page reads
 * `useProbe(name)` as `{ [armId]: value }`; the CLI reports it the same way (with `report`).
 */
export interface TrainedProbe<T = unknown> {
  name: string;
  per: 'trained';
  report?: boolean;
  compute(arm: Arm, scope: RunScope): Promise<T | undefined>;
  /** The CLI's text lines for the value (default: its JSON). */
  format?(value: Record<string, T>): string[];
}

export type Probe = RunProbe | ArmProbe | TrainedProbe;

/** Every trained probe of the lesson on every given arm: `{ name: { armId: value } }` (arms without a value left out). */
export async function trainedProbeValues(probes: Probe[], arms: Arm[], scope: RunScope): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const probe of probes) {
    if (probe.per !== 'trained') continue;
    for (const arm of arms) {
      const value = await probe.compute(arm, scope);
      if (value !== undefined) (out[probe.name] ??= {})[arm.id] = value;
    }
  }
  return out;
}
