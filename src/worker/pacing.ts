/** How the worker paces training, evaluation and messages (one place for every such number). */

/** Wall time aimed at per training chunk: short enough that Pause answers at once. */
export const CHUNK_SECONDS = 0.12;
export const MAX_CHUNK = 25;
/** Snapshots (and sweep progress) go out at most this often while training (the page redraws on each). */
export const SNAPSHOT_EVERY_MS = 250;
/**
 * Evaluate at least this far apart, and never spend more than ~20% of the time evaluating (at
 * 1.5 s and 30%, evaluations took 27% of a default run in the page: the verdict came that much later).
 */
export const EVAL_EVERY_MS = 2500;
export const EVAL_SHARE = 0.2;
/** Points kept per arm series; beyond this, neighbours are merged (the charts stay light). */
export const MAX_LOSS_POINTS = 800;
export const MAX_EVAL_POINTS = 400;

/** Steps for the next chunk, from how long `steps` steps just took: aimed at CHUNK_SECONDS. */
export function nextChunk(seconds: number, steps: number): number {
  const perStep = seconds / steps;
  return Math.max(1, Math.min(MAX_CHUNK, Math.round(CHUNK_SECONDS / Math.max(perStep, 1e-4))));
}

/** Whether an evaluation is due, `sinceLastMs` after the last one ended, which took `lastSeconds`. */
export function evaluationDue(sinceLastMs: number, lastSeconds: number): boolean {
  return sinceLastMs > Math.max(EVAL_EVERY_MS, (lastSeconds * 1000 * (1 - EVAL_SHARE)) / EVAL_SHARE);
}

/** Appends a point to a series, halving it (by averaging neighbours) once it grows past the cap. */
export function appendPoint(series: [number, number][], point: [number, number]): [number, number][] {
  series.push(point);
  return series.length > MAX_LOSS_POINTS ? thinPairs(series) : series;
}

/** Halves a series by averaging neighbours (keeps the last point as is). */
function thinPairs(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length - 1; i += 2) out.push([points[i + 1][0], (points[i][1] + points[i + 1][1]) / 2]);
  out.push(points[points.length - 1]);
  return out;
}

/** Halves a list of evaluations (keeps the first and the last). */
export function thinEvals<T>(points: T[]): T[] {
  return points.length > MAX_EVAL_POINTS ? points.filter((_, i) => i % 2 === 1 || i === 0 || i === points.length - 1) : points;
}
