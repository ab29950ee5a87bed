import type { Rng } from '../util/rng';
import { UserTruth } from './truth';
import type { World } from './types';

export interface RankingStageOptions {
  /** Size of the candidate set an upstream retrieval hands to the ranker. */
  candidates: number;
  /** How many the ranker keeps (shows); the rest are "ranked out". */
  kept: number;
  /** Noise of the retrieval and the ranker, in units of the true log-preference. */
  noise: number;
}

export const DEFAULT_RANKING: RankingStageOptions = { candidates: 200, kept: 20, noise: 1.0 };

/**
 * Hard negatives for a user: items a coarse retrieval returned (true preference + noise) that the
 * simulated ranker (true preference + its own noise) then ranked out. They are relevant-looking
 * but below the ranker's cut: close to the user's taste, yet not what they pick.
 */
export function rankedOutItems(world: World, user: number, rng: Rng, options: RankingStageOptions = DEFAULT_RANKING): Int32Array {
  const n = world.config.items;
  const logits = new UserTruth(world, user).logits(world.config.days - 2, new Float64Array(n));
  const { offsets, values } = world.trainByUser;
  const clicked = new Set(values.subarray(offsets[user], offsets[user + 1]));
  const retrieval = Array.from({ length: n }, (_, i) => ({ i, s: logits[i] + options.noise * rng.normal() }))
    .filter((c) => !clicked.has(c.i))
    .sort((a, b) => b.s - a.s)
    .slice(0, options.candidates);
  const ranked = retrieval.map((c) => ({ i: c.i, s: logits[c.i] + options.noise * rng.normal() })).sort((a, b) => b.s - a.s);
  return Int32Array.from(ranked.slice(options.kept).map((c) => c.i));
}
