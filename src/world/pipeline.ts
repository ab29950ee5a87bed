import { Rng } from '../util/rng';
import { maxPreRankedFor, RETRIEVED_PER_PRERANKED } from './config';
import { UserTruth } from './truth';
import type { World, WorldConfig } from './types';

export { RETRIEVED_PER_PRERANKED };

/**
 * Noise of each stage, in units of the true log-preference: every later stage is more precise
 * (retrieval is a cheap model, ranking an expensive one).
 */
export const STAGE_NOISE = { retrieval: 1.5, preRanking: 1.0, ranking: 0.5 } as const;

/** Counts kept by each stage of one user's pipeline. */
export interface StageCounts {
  retrieved: number;
  preRanked: number;
  shown: number;
}

/** The counts of a world; a small catalogue caps them (retrieval can return at most every item). */
export function stageCounts(config: Pick<WorldConfig, 'preRanked' | 'shown' | 'items'>): StageCounts {
  const preRanked = Math.min(config.preRanked, maxPreRankedFor(config.items));
  return { retrieved: RETRIEVED_PER_PRERANKED * preRanked, preRanked, shown: Math.min(config.shown, preRanked - 1) };
}

/**
 * One user's pass through the notes' funnel on the last training day: retrieval (召回) returns
 * candidates, pre-ranking (粗排) keeps some, ranking (精排) orders those and shows the first few.
 * Each stage scores by the true preference plus its own noise; items the user clicked in training
 * are never candidates. Nothing here reads the held-out clicks.
 */
export interface UserPipeline {
  /** Retrieval's candidates, best first. */
  retrieved: Int32Array;
  /** The candidates in pre-ranking's order: the first `preRanked` are kept, the rest cut. */
  preRanking: Int32Array;
  /** The kept candidates in ranking's order: the first `shown` are shown. */
  ranking: Int32Array;
}

export function runPipeline(world: World, user: number): UserPipeline {
  const counts = stageCounts(world.config);
  const rng = Rng.derive(world.config.seed, `pipeline:${user}`);
  const truth = new UserTruth(world, user).logits(world.config.days - 2, new Float64Array(world.config.items));
  const { offsets, values } = world.trainByUser;
  const clicked = new Set(values.subarray(offsets[user], offsets[user + 1]));
  const all = Int32Array.from({ length: world.config.items }, (_, i) => i).filter((i) => !clicked.has(i));
  const retrieved = bestBy(all, truth, STAGE_NOISE.retrieval, rng).subarray(0, counts.retrieved);
  const preRanking = bestBy(retrieved, truth, STAGE_NOISE.preRanking, rng);
  const ranking = bestBy(preRanking.subarray(0, counts.preRanked), truth, STAGE_NOISE.ranking, rng);
  return { retrieved, preRanking, ranking };
}

/** The items ordered by true log-preference plus Gaussian noise of the given size, best first. */
function bestBy(items: Int32Array, truth: Float64Array, noise: number, rng: Rng): Int32Array {
  const score = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) score[k] = truth[items[k]] + noise * rng.normal();
  const order = Int32Array.from(items.keys()).sort((a, b) => score[b] - score[a]);
  return Int32Array.from(order, (k) => items[k]);
}

/**
 * The notes' two kinds of hard negatives: "fairly hard" — retrieved, then cut by pre-ranking;
 * "very hard" — kept by pre-ranking but in the low half of ranking's order.
 */
export function hardNegatives(p: UserPipeline, counts: StageCounts): { fairly: Int32Array; very: Int32Array } {
  return {
    fairly: p.preRanking.subarray(counts.preRanked),
    very: p.ranking.subarray(Math.max(counts.shown, Math.floor(counts.preRanked / 2))),
  };
}

/** Per-user pipelines, computed when first asked for (deterministic per user, in any order). */
export class Pipelines {
  private readonly cache = new Map<number, { fairly: Int32Array; very: Int32Array }>();
  readonly counts: StageCounts;
  constructor(private readonly world: World) {
    this.counts = stageCounts(world.config);
  }
  hard(user: number): { fairly: Int32Array; very: Int32Array } {
    let h = this.cache.get(user);
    if (!h) {
      h = hardNegatives(runPipeline(this.world, user), this.counts);
      this.cache.set(user, h);
    }
    return h;
  }
}
