import { expect } from 'vitest';
import { knobsOf } from '../../src/lesson/knobs';
import type { LessonDef, Settings } from '../../src/lesson/types';
import { type RunReport, runLesson } from '../../src/train/runLesson';

export const SEEDS = 3;

/** A lesson on its default world and settings (bar `overrides`), over SEEDS seeds (7, 8, 9), one report per seed. */
export async function runSeeds(lesson: LessonDef, overrides: Settings = {}, armIds?: string[]): Promise<RunReport[]> {
  const settings: Settings = { ...Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default])), ...overrides };
  const report = await runLesson(lesson, { settings, backend: 'wasm', repeats: SEEDS, armIds });
  return report.runs!;
}

export type ArmValue = (r: RunReport, armId: string) => number;

export const metric =
  (name: string): ArmValue =>
  (r, armId) =>
    (r.arms.find((a) => a.id === armId)!.metrics as Record<string, number>)[name];

/** Per-seed difference value(a) − value(b): mean, standard deviation, and every seed's value. */
export function difference(runs: RunReport[], a: string, b: string, value: ArmValue) {
  return summarise(runs.map((r) => value(r, a) - value(r, b)));
}

/** Per-seed differences measured some other way (e.g. within one arm): mean, standard deviation, every seed's value. */
export function summarise(diffs: number[]) {
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, diffs.length - 1));
  return { mean, sd, diffs };
}

export function describeDifference(label: string, d: { mean: number; sd: number; diffs: number[] }): string {
  return `${label}: ${d.mean >= 0 ? '+' : ''}${d.mean.toFixed(4)} ± ${d.sd.toFixed(4)} (per seed: ${d.diffs.map((x) => x.toFixed(4)).join(', ')})`;
}

/** A claim holds when the mean difference has the claimed sign and no seed contradicts it. */
export function expectClaim(d: { mean: number; diffs: number[] }, sign: 1 | -1): void {
  expect(Math.sign(d.mean)).toBe(sign);
  for (const x of d.diffs) expect(Math.sign(x)).toBe(sign);
}

/** Science tests train for minutes: SEEDS runs of a lesson's default world. */
export const SCIENCE_TIMEOUT = 20 * 60_000;
