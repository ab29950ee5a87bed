/**
 * Knob sweeps: points (knob value → an arm's metrics after the run's full step count) measured by
 * real training, kept in the page's view state per world and setting (never in the URL). Points
 * come from two sources: the worker's hidden sweep runs, and the main run whenever it finishes.
 */
import { create } from 'zustand';
import type { Metrics } from '../eval/metrics';
import type { SweepDef } from '../lesson/sweep';
import type { Settings } from '../lesson/types';
import type { EvalDetail, Snapshot } from '../worker/protocol';

export interface SweepPoint {
  value: number;
  armId: string;
  step: number;
  metrics: Metrics;
  detail?: EvalDetail;
  source: 'run' | 'sweep';
}

export interface SweepStatus {
  key: string;
  active: boolean;
  done: number;
  total: number;
  current?: { value: number; armId: string; step: number };
  reason?: string;
}

/** Everything but the swept knob: points under one key are comparable. */
export function sweepKey(lessonId: string, knob: string, settings: Settings): string {
  const rest = Object.keys(settings)
    .filter((k) => k !== knob)
    .sort()
    .map((k) => `${k}=${settings[k]}`);
  return `${lessonId}|${knob}|${rest.join('&')}`;
}

interface SweepState {
  points: Record<string, SweepPoint[]>;
  status: SweepStatus | null;
}

export const useSweeps = create<SweepState>()(() => ({ points: {}, status: null }));

export function addSweepPoint(key: string, point: SweepPoint): void {
  useSweeps.setState((s) => {
    const old = s.points[key] ?? [];
    const kept = old.filter((p) => !(p.armId === point.armId && p.value === point.value));
    return { points: { ...s.points, [key]: [...kept, point].sort((a, b) => a.value - b.value) } };
  });
}

export function setSweepStatus(status: SweepStatus): void {
  useSweeps.setState({ status });
}

/** A finished main run adds its arms' final metrics at the run's knob value, to each of the lesson's sweeps. */
export function recordRun(lessonId: string, defs: readonly SweepDef[], snapshot: Snapshot): void {
  for (const def of defs) recordRunFor(lessonId, def, snapshot);
}

function recordRunFor(lessonId: string, def: SweepDef, snapshot: Snapshot): void {
  if (snapshot.phase !== 'done' || !snapshot.settings) return;
  const value = snapshot.settings[def.knob];
  if (value === undefined) return;
  const key = sweepKey(lessonId, def.knob, snapshot.settings);
  for (const arm of snapshot.arms) {
    if (!arm.enabled || arm.diverged || (def.arms && !def.arms.includes(arm.id))) continue;
    const last = arm.evals.at(-1);
    if (!last || last.step !== snapshot.target || arm.steps !== snapshot.target) continue;
    addSweepPoint(key, { value, armId: arm.id, step: last.step, metrics: last.metrics, detail: last.detail, source: 'run' });
  }
}
