/**
 * Knob sweeps: points (knob value → an arm's metrics after the run's full step count) measured by
 * real training, kept in the page's view state per world and setting (never in the URL). Points
 * come from two sources: the worker's hidden sweep runs, and the main run whenever it finishes.
 */
import { create } from 'zustand';
import type { Metrics } from '../eval/metrics';
import type { Settings, Text } from '../lesson/types';
import type { EvalDetail, Snapshot } from '../worker/protocol';
import { maxClicksFor } from '../worker/world-config';

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
  /** Metric shown first (default recall@50). */
  metric?: 'recall@50' | 'recall@50.tail' | 'recall@50.head' | 'headShare@50' | 'gain.tail';
  /** Metrics offered (default: recall, tail recall, head share). 'gain.tail': tail recall relative to `relativeTo`. */
  metrics?: ('recall@50' | 'recall@50.tail' | 'recall@50.head' | 'headShare@50' | 'gain.tail')[];
  /** The arm the 'gain.tail' view divides by (at the same knob value). */
  relativeTo?: string;
  /** Values this world allows (e.g. clicks ≤ items/4). */
  allowed?: (v: number, settings: Settings) => boolean;
}

const SSL_NOTE_RUNS = {
  en: 'Every point is a fresh arm trained the full step count; a finished run adds its own points.',
  zh: '每个点都是从头训练满步数的一组；每次训练完成会自动加上当前设置的点。',
};

export const SWEEPS: Record<string, SweepDef | SweepDef[]> = {
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
  'self-supervision': [
    {
      knob: 'clicks',
      values: [3, 5, 10, 20, 40],
      arms: ['baseline', 'ssl-cfm'],
      format: (v) => String(v),
      log: true,
      metric: 'gain.tail',
      metrics: ['gain.tail', 'recall@50.tail', 'recall@50.head', 'recall@50'],
      relativeTo: 'baseline',
      allowed: (v, s) => s.items === undefined || v <= maxClicksFor(s.items),
      title: { en: 'SSL against data sparsity (mean clicks per user)', zh: '自监督的效果与数据稀疏程度（人均点击数）' },
      note: {
        en: `Each value of “clicks per user” is a new world (same seed, users and items), on which the baseline and correlated feature masking are trained afresh. “Tail gain” is SSL’s tail recall@50 divided by the baseline’s, minus 1. ${SSL_NOTE_RUNS.en}`,
        zh: `“人均点击”的每个取值都是一个新世界（种子、用户数、物品数不变），在上面从头训练基线和关联特征遮挡两组。“长尾增益”＝自监督组的长尾 recall@50 ÷ 基线的 − 1。${SSL_NOTE_RUNS.zh}`,
      },
    },
    {
      knob: 'alpha',
      values: [0, 0.25, 0.5, 1, 2, 3],
      arms: ['ssl-cfm'],
      format: (v) => String(v),
      metric: 'recall@50.tail',
      metrics: ['recall@50.tail', 'recall@50.head', 'recall@50'],
      title: { en: 'How much SSL: the weight α', zh: '自监督要加多少：权重 α' },
      note: {
        en: `Correlated feature masking trained at each α (α = 0 is the baseline: the main task alone). ${SSL_NOTE_RUNS.en}`,
        zh: `在每个 α 下训练关联特征遮挡组（α = 0 即基线：只有主任务）。${SSL_NOTE_RUNS.zh}`,
      },
    },
  ],
};

/** The lesson's sweeps (none, one or several), in the order drawn. */
export function sweepsOf(lessonId: string): SweepDef[] {
  const d = SWEEPS[lessonId];
  return d === undefined ? [] : Array.isArray(d) ? d : [d];
}

export function sweepOf(lessonId: string): SweepDef | undefined {
  return sweepsOf(lessonId)[0];
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
  for (const def of sweepsOf(lessonId)) recordRunFor(lessonId, def, snapshot);
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
