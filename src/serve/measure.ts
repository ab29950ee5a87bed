/**
 * What a vector-database user reads off an index: recall against the exact top-K, time per
 * query, build time and memory. Plain loops over Float32Arrays: the same code measures in Node
 * and in the worker. Times are measured here, never assumed.
 */
import { buildIndex, type IndexSpec, type VectorIndex } from './index';

/** Share of the exact top-k that `ann` returns, averaged over the queries ([q × dim]). */
export function annRecall(exact: VectorIndex, ann: VectorIndex, queries: Float32Array, dim: number, k: number, ef?: number): number {
  const n = queries.length / dim;
  let found = 0;
  let total = 0;
  for (let q = 0; q < n; q++) {
    const truth = new Set(exact.search(queries, k, undefined, q * dim).ids);
    const got = ann.search(queries, k, ef, q * dim).ids;
    for (const id of got) if (truth.has(id)) found++;
    total += truth.size;
  }
  return total ? found / total : 1;
}

/** Mean milliseconds of one search over the queries (one warm-up pass first: code compiled, caches filled). */
export function searchMs(index: VectorIndex, queries: Float32Array, dim: number, k: number, ef?: number): number {
  const n = queries.length / dim;
  for (let q = 0; q < Math.min(n, 20); q++) index.search(queries, k, ef, q * dim);
  const t0 = performance.now();
  for (let q = 0; q < n; q++) index.search(queries, k, ef, q * dim);
  return (performance.now() - t0) / Math.max(1, n);
}

export interface CurvePoint {
  M: number;
  efSearch: number;
  /** Share of the exact top-K returned. */
  recall: number;
  /** Mean search time of one query (the index alone; the user-tower pass is not included). */
  searchMs: number;
}

export interface BuildStats {
  M: number;
  buildMs: number;
  memoryBytes: number;
}

export interface RecallLatency {
  k: number;
  items: number;
  queries: number;
  efConstruction: number;
  /** The exact scan over the same vectors: recall 1. */
  exactMs: number;
  exactBytes: number;
  points: CurvePoint[];
  builds: BuildStats[];
}

/**
 * The recall–latency curve: one HNSW per M built over `items` ([n × dim]), each searched at every
 * efSearch with the same queries; recall@k against the exact scan.
 */
export function recallLatencyCurve(
  items: Float32Array,
  queries: Float32Array,
  dim: number,
  opts: { Ms: number[]; efs: number[]; efConstruction: number; seed: number; k: number },
): RecallLatency {
  const exact = buildIndex({ kind: 'exact' }, items, dim, opts.seed);
  const points: CurvePoint[] = [];
  const builds: BuildStats[] = [];
  for (const M of opts.Ms) {
    const spec: IndexSpec = { kind: 'hnsw', M, efConstruction: opts.efConstruction, efSearch: opts.efs[0] };
    const t0 = performance.now();
    const index = buildIndex(spec, items, dim, opts.seed);
    // The first searches of a page compile the search code: warm it up once, untimed.
    if (!builds.length) searchMs(index, queries, dim, opts.k, Math.max(...opts.efs));
    builds.push({ M, buildMs: performance.now() - t0, memoryBytes: index.memoryBytes() });
    for (const ef of opts.efs)
      points.push({ M, efSearch: ef, recall: annRecall(exact, index, queries, dim, opts.k, ef), searchMs: searchMs(index, queries, dim, opts.k, ef) });
  }
  return {
    k: opts.k,
    items: items.length / dim,
    queries: queries.length / dim,
    efConstruction: opts.efConstruction,
    exactMs: searchMs(exact, queries, dim, opts.k),
    exactBytes: exact.memoryBytes(),
    points,
    builds,
  };
}
