/**
 * The scale experiment (a job: its own worker in the browser, run to the end in the bench): build
 * time, memory and time per query as the catalogue grows, on synthetic vectors — random unit
 * vectors around 64 random centres (labelled as such on the page: the trained model has only a
 * few thousand items). Exact scans are timed at every size; HNSW is built with the lesson's M and
 * efConstruction and searched at several efSearch values, its recall@10 against the exact top-10.
 */
import type { JobDef, JobProgress } from '../../src/lesson/jobs';
import type { Settings, Text } from '../../src/lesson/types';
import { scanTopK } from '../../src/serve/exact';
import { createIndex } from '../../src/serve/index';
import { Rng } from '../../src/util/rng';

export const SCALE_JOB = 'scale';
export const SCALE_SIZES = [10_000, 100_000, 1_000_000];
export const SCALE_DIM = 32;
const CENTRES = 64;
/** Spread around each centre: found by trial so that HNSW's recall@10 at M 16 is ~0.87 at efSearch 16 and ~0.99 at 64 (10k vectors): efSearch visibly matters. */
export const SCALE_NOISE = 0.25;
/** efSearch values searched at every size (the knob's value is added). */
export const SCALE_EFS = [10, 20, 40, 80, 160];
/** Queries: 200, fewer at a million (the exact ground truth scans every vector for each). */
export const scaleQueries = (n: number) => (n > 100_000 ? 50 : 200);

export interface ScaleRow {
  items: number;
  dim: number;
  queries: number;
  M: number;
  efConstruction: number;
  efSearch: number;
  /** The exact scan: mean ms per query, bytes of the vectors. */
  exactMs: number;
  exactBytes: number;
  buildMs: number;
  hnswBytes: number;
  /** At the knob's efSearch. */
  hnswMs: number;
  recall: number;
  /** efSearch → [recall@10, ms per query]. */
  byEf: Record<number, [number, number]>;
}

/** n item vectors and q query vectors from the same distribution ([n × dim], [q × dim]); a seed reproduces them. */
export function* scaleVectors(seed: number, n: number, q: number, dim = SCALE_DIM): Generator<JobProgress, { items: Float32Array; queries: Float32Array }> {
  const rc = Rng.derive(seed, 'scale-centres');
  const rp = Rng.derive(seed, 'scale-points');
  const centres = Array.from({ length: CENTRES }, () => Float32Array.from({ length: dim }, () => rc.normal() / Math.sqrt(dim)));
  const all = new Float32Array((n + q) * dim);
  for (let i = 0; i < n + q; i++) {
    const c = centres[rp.int(CENTRES)];
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (all[i * dim + k] = c[k] + SCALE_NOISE * rp.normal()) ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < dim; k++) all[i * dim + k] /= norm;
    if (i % 20_000 === 0) yield { done: i, total: n + q, label: GENERATING };
  }
  return { items: all.subarray(0, n * dim), queries: all.subarray(n * dim) };
}

const GENERATING: Text = { en: 'generating the vectors', zh: '正在生成向量' };
const SCANNING: Text = { en: 'exact scan (ground truth)', zh: '精确查找（基准答案）' };
const BUILDING: Text = { en: 'building the HNSW index', zh: '正在建 HNSW 索引' };
const SEARCHING: Text = { en: 'searching', zh: '正在查询' };

function* scale(params: Settings): Generator<JobProgress, ScaleRow> {
  const n = params.items;
  const { M, efConstruction, efSearch, seed } = params;
  const dim = SCALE_DIM;
  const q = scaleQueries(n);
  const { items, queries } = yield* scaleVectors(seed, n, q, dim);
  // Exact: the ground truth of every query, and its time.
  const truth: Set<number>[] = [];
  const scores = new Float32Array(n);
  const t0 = performance.now();
  for (let j = 0; j < q; j++) {
    truth.push(new Set(scanTopK(items, n, dim, queries, j * dim, 10, scores)));
    yield { done: j + 1, total: q, label: SCANNING };
  }
  const exactMs = (performance.now() - t0) / q;
  const index = createIndex({ kind: 'hnsw', M, efConstruction, efSearch }, dim, seed, n);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) {
    index.add(i, items, i * dim);
    if (i % 500 === 0) yield { done: i, total: n, label: BUILDING };
  }
  const buildMs = performance.now() - t1;
  const byEf: Record<number, [number, number]> = {};
  const efs = [...new Set([...SCALE_EFS, efSearch])].sort((a, b) => a - b);
  for (const [e, ef] of efs.entries()) {
    let found = 0;
    const t2 = performance.now();
    for (let j = 0; j < q; j++) for (const id of index.search(queries, 10, ef, j * dim).ids) if (truth[j].has(id)) found++;
    byEf[ef] = [found / (10 * q), (performance.now() - t2) / q];
    yield { done: e + 1, total: efs.length, label: SEARCHING };
  }
  return {
    items: n,
    dim,
    queries: q,
    M,
    efConstruction,
    efSearch,
    exactMs,
    exactBytes: items.byteLength,
    buildMs,
    hnswBytes: index.memoryBytes(),
    hnswMs: byEf[efSearch][1],
    recall: byEf[efSearch][0],
    byEf,
  };
}

export const scaleJob: JobDef<ScaleRow> = { name: SCALE_JOB, run: scale };
