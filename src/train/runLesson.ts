import { findLessonArms } from '../lesson/arms';
import { lessonWorldConfig } from '../lesson/knobs';
import { trainedProbeValues } from '../lesson/probes';
import type { LessonDef, Settings } from '../lesson/types';
import { CLOSENESS_GROUPS, POPULARITY_BUCKETS } from '../eval/breakdown';
import { createEvalContext, type EvalDetail } from '../eval/evaluate';
import { type Metrics, referenceMetrics, type ReferenceMetrics } from '../eval/metrics';
import { generateWorld } from '../world/generate';
import { Experiment } from './experiment';
import { type DayRecord, HOURS_PER_DAY, oracleDays } from './updates';

export interface ArmReport {
  id: string;
  steps: number;
  trainSeconds: number;
  examplesPerSecond: number;
  finalLoss: number | null;
  diverged?: string;
  metrics: Metrics;
  /** Recall@50 by popularity bucket and by closeness of the click to the user's exposed items. */
  detail?: EvalDetail;
  /** Arms with a streaming frequency estimator: its mean absolute error on p over the steps. */
  estimatorError?: { step: number; error: number }[];
  /** Arms that run over simulated days: each served day's recall (design §6). */
  days?: DayPoint[];
}

/** After the full update on `day`'s clicks, recall@50 on the requests of `servedDay` (= day + 1). */
export interface DayPoint {
  day: number;
  servedDay: number;
  'recall@50': number;
}

/** The CLI contract's JSON (design §6). */
export interface LessonReport {
  lesson: string;
  backend: string;
  world: { seed: number; users: number; items: number; zipf: number; trainClicks: number; testClicks: number };
  /** `days`: the oracle per served day, when the arms run over simulated days. */
  oracle: ReferenceMetrics & { days?: DayPoint[] };
  baselines: { popular: ReferenceMetrics };
  test: { headShare: number };
  /** Breakdown labels and the oracle's and popular baseline's breakdowns. */
  breakdown?: { popularityBuckets: string[]; closenessGroups: string[]; oracle: EvalDetail; popular: EvalDetail };
  arms: ArmReport[];
  /** The lesson's run probes marked `report` (the CLI writes them as top-level fields). */
  probes?: Record<string, unknown>;
  repeats: number;
  /** One report per seed when repeats > 1. */
  runs?: RunReport[];
}

/** One seed's report. */
export type RunReport = Omit<LessonReport, 'runs' | 'repeats'>;

export interface RunOptions {
  settings: Settings;
  armIds?: string[];
  repeats?: number;
  backend: string;
  /** Steps between loss read-backs (and divergence checks). */
  chunk?: number;
  onProgress?: (line: string) => void;
}

/** Runs a lesson headless: every arm for `steps` steps on each seed, metrics at the end. */
export async function runLesson(lesson: LessonDef, options: RunOptions): Promise<LessonReport> {
  const repeats = options.repeats ?? 1;
  const runs: RunReport[] = [];
  for (let r = 0; r < repeats; r++) {
    const settings = { ...options.settings, seed: options.settings.seed + r };
    runs.push(await runOnce(lesson, settings, options));
  }
  const report: LessonReport = repeats === 1 ? { ...runs[0], repeats } : { ...averageRuns(runs), repeats, runs };
  return report;
}

async function runOnce(lesson: LessonDef, settings: Settings, options: RunOptions): Promise<RunReport> {
  const world = generateWorld(lessonWorldConfig(lesson, settings));
  const specs = findLessonArms(lesson, settings, options.armIds);
  const context = createEvalContext(world);
  const probes: Record<string, unknown> = {};
  for (const p of lesson.probes ?? []) if (p.per === 'run' && p.report) probes[p.name] = p.compute({ world, settings, specs });
  const experiment = new Experiment(world, specs, settings, context);
  const chunk = options.chunk ?? 100;
  const finalLoss = new Map<string, number | null>();
  const estimatorError = new Map<string, { step: number; error: number }[]>();
  try {
    let progress = await experiment.train(0);
    for (let done = 0; done < settings.steps && experiment.activeArms.length; ) {
      const n = Math.min(chunk, settings.steps - done);
      progress = await experiment.train(n);
      done += n;
      for (const p of progress) if (p.loss !== null) finalLoss.set(p.id, p.loss);
      for (const arm of experiment.arms) {
        const error = arm.estimatorError();
        if (error !== undefined) estimatorError.set(arm.id, [...(estimatorError.get(arm.id) ?? []), { step: arm.steps, error }]);
      }
      options.onProgress?.(`seed ${settings.seed} step ${done}/${settings.steps}: ${progress.map((p) => `${p.id} ${p.loss?.toFixed(3) ?? p.diverged ?? '-'}`).join(', ')}`);
    }
    const metrics = await experiment.evaluate();
    const trained = await trainedProbeValues(lesson.probes ?? [], experiment.activeArms, { world, settings, specs });
    for (const p of lesson.probes ?? []) if (p.per === 'trained' && p.report && trained[p.name]) probes[p.name] = trained[p.name];
    const daily = new Map(experiment.arms.filter((a) => a.daily).map((a) => [a.id, a.daily!]));
    return {
      lesson: lesson.id,
      backend: options.backend,
      world: {
        seed: world.config.seed,
        users: world.config.users,
        items: world.config.items,
        zipf: world.config.zipf,
        trainClicks: world.train.item.length,
        testClicks: world.test.item.length,
      },
      oracle: { ...referenceMetrics(context.oracle), ...(specs.some((s) => s.update) ? { days: oracleDays(world).slice(0, Math.floor(settings.steps / HOURS_PER_DAY)).map(dayPoint) } : {}) },
      baselines: { popular: referenceMetrics(context.popular) },
      test: { headShare: context.testHeadShare },
      breakdown: {
        popularityBuckets: POPULARITY_BUCKETS.map((b) => b.label),
        closenessGroups: CLOSENESS_GROUPS,
        oracle: context.oracleDetail,
        popular: context.popularDetail,
      },
      arms: progress.map((p) => ({
        id: p.id,
        steps: p.steps,
        trainSeconds: p.trainSeconds,
        examplesPerSecond: p.trainSeconds > 0 ? (daily.get(p.id)?.examples ?? p.steps * settings.batch) / p.trainSeconds : 0,
        finalLoss: finalLoss.get(p.id) ?? null,
        ...(p.diverged ? { diverged: p.diverged } : {}),
        metrics: metrics[p.id] ?? nanMetrics(),
        ...(experiment.lastDetail[p.id] ? { detail: experiment.lastDetail[p.id] } : {}),
        ...(estimatorError.has(p.id) ? { estimatorError: estimatorError.get(p.id) } : {}),
        ...(daily.has(p.id) ? { days: daily.get(p.id)!.records.map(dayPoint) } : {}),
      })),
      ...(Object.keys(probes).length ? { probes } : {}),
    };
  } finally {
    experiment.dispose();
  }
}

function dayPoint(r: DayRecord): DayPoint {
  return { day: r.day, servedDay: r.servedDay, 'recall@50': r.metrics['recall@50'] };
}

/** Day by day mean of the seeds' recall (the same days in every run). */
function meanDays(runs: (DayPoint[] | undefined)[]): DayPoint[] | undefined {
  const first = runs[0];
  if (!first) return undefined;
  return first.map((d, k) => ({ ...d, 'recall@50': runs.reduce((s, r) => s + (r?.[k]?.['recall@50'] ?? Number.NaN), 0) / runs.length }));
}

function meanDetail(ds: EvalDetail[]): EvalDetail {
  const avg = (rows: number[][]) => rows[0].map((_, g) => rows.reduce((s, r) => s + r[g], 0) / rows.length);
  return { recallByPopularity: avg(ds.map((d) => d.recallByPopularity)), recallByCloseness: avg(ds.map((d) => d.recallByCloseness)) };
}

function nanMetrics(): Metrics {
  const nan = Number.NaN;
  return { 'recall@10': nan, 'recall@50': nan, 'recall@100': nan, 'recall@50.head': nan, 'recall@50.tail': nan, 'headShare@50': nan, 'coverage@50': nan, 'slate.auc': nan };
}

/** Mean of every numeric field across runs (arms matched by id). */
function averageRuns(runs: RunReport[]): RunReport {
  const mean = <T extends Record<string, number>>(xs: T[]): T => {
    const out = {} as Record<string, number>;
    for (const k of Object.keys(xs[0])) out[k] = xs.reduce((s, x) => s + x[k], 0) / xs.length;
    return out as T;
  };
  const first = runs[0];
  return {
    lesson: first.lesson,
    backend: first.backend,
    world: { ...mean(runs.map((r) => r.world)), seed: first.world.seed },
    oracle: { ...mean(runs.map(({ oracle: { days: _, ...o } }) => o)), ...(first.oracle.days ? { days: meanDays(runs.map((r) => r.oracle.days)) } : {}) },
    baselines: { popular: mean(runs.map((r) => r.baselines.popular)) },
    test: mean(runs.map((r) => r.test)),
    ...(first.probes ? { probes: first.probes } : {}),
    ...(first.breakdown
      ? {
          breakdown: {
            ...first.breakdown,
            oracle: meanDetail(runs.map((r) => r.breakdown!.oracle)),
            popular: meanDetail(runs.map((r) => r.breakdown!.popular)),
          },
        }
      : {}),
    arms: first.arms.map((a) => {
      const same = runs.map((r) => r.arms.find((x) => x.id === a.id)!);
      const losses = same.map((x) => x.finalLoss).filter((x): x is number => x !== null);
      return {
        id: a.id,
        steps: same.reduce((s, x) => s + x.steps, 0) / same.length,
        trainSeconds: same.reduce((s, x) => s + x.trainSeconds, 0) / same.length,
        examplesPerSecond: same.reduce((s, x) => s + x.examplesPerSecond, 0) / same.length,
        finalLoss: losses.length ? losses.reduce((s, x) => s + x, 0) / losses.length : null,
        metrics: mean(same.map((x) => x.metrics)),
        ...(a.detail ? { detail: meanDetail(same.map((x) => x.detail!)) } : {}),
        ...(a.days ? { days: meanDays(same.map((x) => x.days)) } : {}),
      };
    }),
  };
}
