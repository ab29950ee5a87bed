/**
 * Streaming frequency estimation (Yi et al. 2019, "Sampling-bias-corrected neural modeling"):
 * per hashed item, A = the step it was last seen and B = the mean gap between sightings,
 * B ← (1−α)·B + α·(t − A), A ← t. The estimate of the item's chance to be in a batch is 1/B.
 */
export class StreamingFrequency {
  private readonly lastSeen: Float64Array;
  private readonly gap: Float64Array;
  private step = 0;

  constructor(
    private readonly buckets: number,
    private readonly alpha: number,
    /** B's starting value: the estimator starts at p̂ = 1/initialGap for every item. */
    initialGap = 100,
  ) {
    this.lastSeen = new Float64Array(buckets);
    this.gap = new Float64Array(buckets).fill(initialGap);
  }

  private bucket(item: number): number {
    // Multiplicative hash: collisions are part of the method (memory is bounded by `buckets`).
    return (Math.imul(item + 1, 0x9e3779b1) >>> 0) % this.buckets;
  }

  /** Records one training batch's items (each distinct item once per step). */
  update(items: ArrayLike<number>): void {
    this.step++;
    const seen = new Set<number>();
    for (let k = 0; k < items.length; k++) {
      const h = this.bucket(items[k]);
      if (seen.has(h)) continue;
      seen.add(h);
      this.gap[h] = (1 - this.alpha) * this.gap[h] + this.alpha * (this.step - this.lastSeen[h]);
      this.lastSeen[h] = this.step;
    }
  }

  /** Mean |p̂ − p| over the items that have clicks (the ones that can appear in a batch). */
  meanAbsoluteError(trueP: Float64Array, clicks: Int32Array): number {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < trueP.length; i++) {
      if (clicks[i] === 0) continue;
      sum += Math.abs(this.probability(i) - trueP[i]);
      n++;
    }
    return n ? sum / n : 0;
  }

  /** p̂: estimated probability that the item appears in a batch. */
  probability(item: number): number {
    return 1 / Math.max(this.gap[this.bucket(item)], 1);
  }
}

/**
 * The true probability that an item appears in a batch of `batchSize` positives drawn from
 * `clicks`: 1 − (1 − c/N)^B. This is what the streaming estimator estimates.
 */
export function trueBatchProbability(clicks: Int32Array, batchSize: number): Float64Array {
  let total = 0;
  for (const c of clicks) total += c;
  return Float64Array.from(clicks, (c) => 1 - Math.pow(1 - c / total, batchSize));
}
