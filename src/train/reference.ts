/**
 * A lesson's reference result: its default settings run headless by the engine (`runLesson`)
 * over several seeds, each arm's final metrics kept per seed. The page draws the spread across
 * seeds as a band; the numbers come from the engine only, never from hand.
 */
import { knobsOf } from '../lesson/knobs';
import type { LessonDef, Settings } from '../lesson/types';
import type { MetricName } from '../eval/metrics';
import { runLesson } from './runLesson';

/** Three seeds: enough to show how much a seed moves an arm, cheap enough to regenerate (minutes per lesson on 2 cores). */
export const REFERENCE_SEEDS = 3;

/** The metrics the page's reference bands can show (recall chart at each K, head-share chart). */
export const REFERENCE_METRICS = ['recall@10', 'recall@50', 'recall@100', 'recall@50.head', 'recall@50.tail', 'headShare@50'] as const satisfies readonly MetricName[];
export type ReferenceMetric = (typeof REFERENCE_METRICS)[number];

export interface LessonReference {
  lesson: string;
  /** How to regenerate the file. */
  generatedBy: string;
  backend: string;
  seeds: number[];
  steps: number;
  /** Every knob at the value the run used (the lesson's defaults, seed = the first seed). */
  settings: Settings;
  /** Per arm, per metric: the final value on each seed (in `seeds` order; null where it diverged). */
  arms: Record<string, Record<ReferenceMetric, (number | null)[]>>;
}

/** The lesson's default settings, as the page and the CLI start from them. */
export function defaultSettings(lesson: LessonDef): Settings {
  return Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default]));
}

/** Six decimals: below one held-out click in a thousand users' worth, and a small file. */
function round(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toFixed(6)) : null;
}

export async function computeReference(lesson: LessonDef, options: { backend: string; seeds?: number; firstSeed?: number; onProgress?: (line: string) => void }): Promise<LessonReference> {
  const settings = defaultSettings(lesson);
  if (options.firstSeed !== undefined) settings.seed = options.firstSeed;
  const count = options.seeds ?? REFERENCE_SEEDS;
  const report = await runLesson(lesson, { settings, repeats: count, backend: options.backend, onProgress: options.onProgress });
  const runs = report.runs ?? [report];
  const arms: LessonReference['arms'] = {};
  for (const id of lesson.armIds) {
    arms[id] = Object.fromEntries(REFERENCE_METRICS.map((m) => [m, runs.map((r) => round(r.arms.find((a) => a.id === id)?.metrics[m] ?? Number.NaN))])) as Record<ReferenceMetric, (number | null)[]>;
  }
  return {
    lesson: lesson.id,
    generatedBy: 'npm run references',
    backend: options.backend,
    seeds: runs.map((r) => r.world.seed),
    steps: settings.steps,
    settings,
    arms,
  };
}

/** Where an arm's reference lands: the lowest, mean and highest value over the seeds. */
export function referenceBand(ref: LessonReference, armId: string, metric: ReferenceMetric): { lo: number; mean: number; hi: number } | null {
  const values = (ref.arms[armId]?.[metric] ?? []).filter((v): v is number => v !== null);
  if (!values.length) return null;
  return { lo: Math.min(...values), mean: values.reduce((s, v) => s + v, 0) / values.length, hi: Math.max(...values) };
}
