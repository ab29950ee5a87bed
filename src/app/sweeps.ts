/**
 * Knob sweeps: points (knob value → an arm's metrics after the run's full step count) measured by
 * real training, kept in the page's view state per world and setting (never in the URL). Points
 * come from two sources: the worker's hidden sweep runs, and the main run whenever it finishes.
 */
import { create } from 'zustand';
import type { Metrics } from '../eval/metrics';
import type { Settings, Text } from '../lesson/types';
import type { EvalDetail, Snapshot } from '../worker/protocol';

export interface SweepDef {
  /** The knob swept (a lesson knob or a shared training knob). */
  knob: string;
  values: number[];
  /** Arms the sweep trains; undefined: the arms switched on. */
  arms?: string[];
  /** How a value is written on the axis. */
  format: (v: number) => string;
  /** Log-scaled x axis. */
  log?: boolean;
  title: Text;
  note: Text;
}

export const SWEEPS: Record<string, SweepDef> = {
  negatives: {
    knob: 'hardShare',
    values: [0, 0.25, 0.5, 0.75, 1],
    arms: ['hard-mix'],
    format: (v) => `${Math.round(v * 100)}%`,
    title: { en: 'Hard-mix as the hard share goes from 0% to 100%', zh: '困难负样本比例从 0% 到 100% 时的混合组' },
    note: {
      en: 'Each point: a fresh hard-mix arm trained the full step count on this world and setting (0% = all easy ∝ clicks^α, the pop arm’s negatives). A finished run adds its own point; the button trains the missing ones, one after another.',
      zh: '每个点：在同一个世界和设置下，从头训练满步数的混合组（0% 即全部为 ∝ 点击次数^α 的简单负样本，与 pop 组的负样本相同）。每次训练完成会自动加上当前比例的点；按钮依次训练缺少的点。',
    },
  },
  'bias-correction': {
    knob: 'temperature',
    values: [0.05, 0.1, 0.2, 0.5],
    format: (v) => String(v),
    log: true,
    title: { en: 'Effect of the temperature τ', zh: '温度 τ 的影响' },
    note: {
      en: 'Each point: a fresh arm trained the full step count at that τ (everything else as set). A finished run adds its own points; the button trains the missing ones for the arms switched on.',
      zh: '每个点：在该 τ 下从头训练满步数的一组（其余设置不变）。每次训练完成会自动加上当前 τ 的点；按钮为已打开的各组依次训练缺少的点。',
    },
  },
};

export function sweepOf(lessonId: string): SweepDef | undefined {
  return SWEEPS[lessonId];
}

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

/** A finished main run adds its arms' final metrics at the run's knob value. */
export function recordRun(lessonId: string, snapshot: Snapshot): void {
  const def = SWEEPS[lessonId];
  if (!def || snapshot.phase !== 'done' || !snapshot.settings) return;
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
