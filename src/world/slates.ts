import { type Rng, sampleCdf } from '../util/rng';
import type { Exposures } from './types';

/** One logged slate: who saw it, the item clicked (−1 if none) and the items shown beside it. */
export interface Slate {
  user: number;
  click: number;
  skipped: number[];
}

/** The slates of a log, in the order they were logged. */
export function slatesOf(log: Exposures): Slate[] {
  const byId = new Map<number, Slate>();
  for (let k = 0; k < log.user.length; k++) {
    let s = byId.get(log.slate[k]);
    if (!s) byId.set(log.slate[k], (s = { user: log.user[k], click: -1, skipped: [] }));
    if (log.clicked[k]) s.click = log.item[k];
    else s.skipped.push(log.item[k]);
  }
  return [...byId.values()];
}

/**
 * The upstream recommender that showed the logged slates: a noisier, more popularity-biased
 * version of the truth, q_i ∝ (P(i|u) · pi_i)^(1/2). The square root flattens the user's taste
 * (a temperature of 2) and the extra pi_i^(1/2) favours what is popular anyway.
 */
export const UPSTREAM_FORMULA = 'q_i ∝ (P(i|u) · pi_i)^(1/2)';

/** Slates whose companions all drew a rejection are kept after this many tries (rare). */
const MAX_TRIES = 20;

/**
 * One user's day as the slate machinery sees it: the true preference weights (for the choice
 * model) and the upstream recommender's distribution (for what gets shown).
 */
export class SlateDay {
  /** exp(true log-preference − its max): P(i|u) up to a constant. */
  readonly weight: Float64Array;
  private readonly upstreamCdf: Float64Array;
  /** Weight of the no-click option: as attractive as a typical item the user clicks. */
  private readonly noClick: number;

  /**
   * `truthLogits`: the user's true log-preference that day; `popularity`: pi of every item.
   * `into`: arrays to fill instead of new ones (the generator's, reused day after day: a world
   * builds ten thousand of these); the slate day is valid until they are filled again.
   */
  constructor(truthLogits: Float64Array, popularity: Float64Array, into?: { weight: Float64Array; upstreamCdf: Float64Array }) {
    const n = truthLogits.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (truthLogits[i] > max) max = truthLogits[i];
    const weight = (this.weight = into?.weight ?? new Float64Array(n));
    const upstreamCdf = (this.upstreamCdf = into?.upstreamCdf ?? new Float64Array(n));
    let sum = 0, sumSq = 0, acc = 0;
    for (let i = 0; i < n; i++) {
      const w = (weight[i] = Math.exp(truthLogits[i] - max));
      sum += w;
      sumSq += w * w;
      upstreamCdf[i] = acc += Math.sqrt(w * popularity[i]);
    }
    this.noClick = sumSq / sum;
  }

  /**
   * The rest of the slate in which the user clicked `click`: `size − 1` distinct items the
   * upstream recommender showed beside it, none in `exclude`. Drawn given that the user, offered
   * the slate and a no-click option, chose `click` by true preference (multinomial logit): a
   * candidate slate is accepted with chance (w₀ + w_c)/(w₀ + w_c + Σ w_j), which is exactly that
   * conditional. So the companions are liked (the upstream follows the user's taste) but less
   * than the clicked item, within their slate.
   */
  companions(click: number, size: number, exclude: Set<number>, rng: Rng): number[] {
    let slate: number[] = [];
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      slate = this.draw(click, size - 1, exclude, rng);
      const chosen = this.noClick + this.weight[click];
      let offered = chosen;
      for (const j of slate) offered += this.weight[j];
      if (rng.next() * offered < chosen) break;
    }
    return slate;
  }

  private draw(click: number, count: number, exclude: Set<number>, rng: Rng): number[] {
    const out: number[] = [];
    for (let tries = 0; out.length < count && tries < count * 50; tries++) {
      const item = sampleCdf(this.upstreamCdf, rng);
      if (item === click || exclude.has(item) || out.includes(item)) continue;
      out.push(item);
    }
    return out;
  }
}
