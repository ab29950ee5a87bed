import type { Csr } from '../world/types';

export const RECALL_KS = [10, 50, 100] as const;
export const MAX_K = 100;
/** K of the head/tail split, head share and coverage. */
export const DETAIL_K = 50;

export type MetricName =
  | 'recall@10'
  | 'recall@50'
  | 'recall@100'
  | 'recall@50.head'
  | 'recall@50.tail'
  | 'headShare@50'
  | 'coverage@50'
  | 'slate.auc';

/**
 * Measured for arms served from a vector index (design §4): `annRecall@10`, the share of the exact
 * top-10 the index returns, and `queryMs`, the mean time of one query (user-tower pass + search).
 */
export type IndexMetricName = 'annRecall@10' | 'queryMs';

export type Metrics = Record<MetricName, number> & Partial<Record<IndexMetricName, number>>;
/** What a ranked list alone gives (slate.auc needs the scores themselves). */
export type RankedMetrics = Omit<Metrics, 'slate.auc'>;
export type RecallOnly = Pick<Metrics, 'recall@10' | 'recall@50' | 'recall@100'>;
/** What the CLI reports for the oracle and the popular baseline. */
export type ReferenceMetrics = RecallOnly & Pick<Metrics, 'slate.auc'>;

/**
 * Retrieval metrics from each evaluated user's ranked list (top MAX_K item ids, −1 padded).
 * recall@K counts held-out clicks whose item is in the user's top-K; head/tail split those
 * clicks by the item's popularity class; headShare@K is the share of top-K slots on head items;
 * coverage@K the share of the catalogue in anyone's top-K.
 */
export function retrievalMetrics(
  ranked: Int32Array,
  k: number,
  users: ArrayLike<number>,
  test: Csr,
  isHead: Uint8Array,
): RankedMetrics {
  const hits: Record<number, number> = {};
  for (const K of RECALL_KS) hits[K] = 0;
  let clicks = 0;
  let headClicks = 0;
  let headHits = 0;
  let tailHits = 0;
  let headSlots = 0;
  let slots = 0;
  const covered = new Uint8Array(isHead.length);
  const rankOf = new Map<number, number>();
  for (let r = 0; r < users.length; r++) {
    const u = users[r];
    rankOf.clear();
    for (let j = 0; j < k; j++) {
      const item = ranked[r * k + j];
      if (item < 0) continue;
      rankOf.set(item, j);
      if (j < DETAIL_K) {
        slots++;
        headSlots += isHead[item];
        covered[item] = 1;
      }
    }
    for (let t = test.offsets[u]; t < test.offsets[u + 1]; t++) {
      const item = test.values[t];
      const rank = rankOf.get(item);
      clicks++;
      if (isHead[item]) headClicks++;
      if (rank === undefined) continue;
      for (const K of RECALL_KS) if (rank < K) hits[K]++;
      if (rank < DETAIL_K) {
        if (isHead[item]) headHits++;
        else tailHits++;
      }
    }
  }
  const tailClicks = clicks - headClicks;
  let coverage = 0;
  for (const c of covered) coverage += c;
  return {
    'recall@10': ratio(hits[10], clicks),
    'recall@50': ratio(hits[50], clicks),
    'recall@100': ratio(hits[100], clicks),
    'recall@50.head': ratio(headHits, headClicks),
    'recall@50.tail': ratio(tailHits, tailClicks),
    'headShare@50': ratio(headSlots, slots),
    'coverage@50': ratio(coverage, isHead.length),
  };
}

/** Share of held-out clicks on head items: what an unbiased model's head share would match. */
export function testHeadShare(test: Csr, users: ArrayLike<number>, isHead: Uint8Array): number {
  let head = 0;
  let all = 0;
  for (let r = 0; r < users.length; r++) {
    const u = users[r];
    for (let t = test.offsets[u]; t < test.offsets[u + 1]; t++) {
      head += isHead[test.values[t]];
      all++;
    }
  }
  return ratio(head, all);
}

export function referenceMetrics(m: Metrics): ReferenceMetrics {
  return { 'recall@10': m['recall@10'], 'recall@50': m['recall@50'], 'recall@100': m['recall@100'], 'slate.auc': m['slate.auc'] };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
