/** The lab's synthetic world: items, users, clicks and the hidden truth behind them. */

export interface WorldConfig {
  seed: number;
  users: number;
  items: number;
  /** Zipf exponent s of true popularity: pi_j ∝ rank^(−s). */
  zipf: number;
  /** Mean number of training clicks per user (data sparsity). */
  clicksPerUser: number;
  topics: number;
  /** Days of logs; the last day is the test day. */
  days: number;
  /** κ in P(i|u) ∝ exp(κ·affinity(u,i)) · pi_i^β. */
  sharpness: number;
  /** β: how much true popularity weighs in P(i|u). */
  popularityWeight: number;
  /** How far a user's interest moves per day (unit-free drift of the latent). */
  driftPerDay: number;
  /** a ≥ 0: each topic's click propensity by hour is 1 + a·cos(2π(h − peak)/24), a ≤ 1. */
  hourSkew: number;
  /** Held-out test clicks per user as a share of their training clicks (at least one). */
  testShare: number;
  /** Items per slate: what the ranking stage shows, and the size of the logged slates. */
  shown: number;
  /** How many candidates pre-ranking keeps (retrieval returns twice as many; see pipeline.ts). */
  preRanked: number;
  /**
   * γ ≥ 0: the training log's click probability carries an extra factor pi_i^γ from the previous
   * recommender's exposure. Held-out clicks always follow the true preference.
   */
  exposureBias: number;
  /**
   * ρ ∈ [0, 1): chance that a click stays on the topic of the user's previous click that day
   * (short-term interest that moves within a session; session.ts). 0 by default.
   */
  sessionStickiness: number;
}

export interface FieldSpec {
  name: string;
  /** Distinct values (without the reserved "unknown/masked" row the model adds). */
  cardinality: number;
  /** Slots per example; > 1 for a multi-valued (pooled) field. */
  slots: number;
}

export interface Interactions {
  user: Int32Array;
  item: Int32Array;
  day: Uint8Array;
  hour: Uint8Array;
}

export interface Exposures extends Interactions {
  clicked: Uint8Array;
  /** Which slate (impression) the row belongs to; one click per slate. */
  slate: Int32Array;
}

/** Compressed rows: values[offsets[u] .. offsets[u+1]) belong to row u. */
export interface Csr {
  offsets: Int32Array;
  values: Int32Array;
}

export interface World {
  config: WorldConfig;
  latentDim: number;
  itemFields: FieldSpec[];
  userFields: FieldSpec[];
  /** Feature values per item, row-major [items × Σ slots]; −1 = empty slot of a multi-valued field. */
  itemFeatures: Int32Array;
  userFeatures: Int32Array;
  itemTopic: Int32Array;
  /** True popularity pi (sums to 1). */
  itemPopularity: Float64Array;
  /** Hidden item latents [items × latentDim], unit length. */
  itemLatent: Float32Array;
  /** Hidden user latents at day 0 and their daily drift direction [users × latentDim]. */
  userLatent: Float32Array;
  userDrift: Float32Array;
  userInterests: Float32Array;
  /** Per-topic multiplier of click propensity by hour [topics × 24]. */
  topicHourly: Float32Array;
  train: Interactions;
  test: Interactions;
  /** Slates of the training days: each training click with the items shown beside it. */
  exposures: Exposures;
  /** Slates of the test day, one per held-out click (for the ranking metric slate.auc). */
  heldOutSlates: Exposures;
  /** Training items per user (sorted), for exclusion at retrieval time. */
  trainByUser: Csr;
  testByUser: Csr;
  itemTrainClicks: Int32Array;
  /** 1 for head items: the 20% with the most training clicks. */
  isHead: Uint8Array;
}
