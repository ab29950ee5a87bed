import { describe, expect, it } from 'vitest';
import { createIndex, HNSW_DEFAULTS, type IndexSpec, buildIndex } from '../../src/serve/index';
import { annRecall } from '../../src/serve/measure';
import { Rng } from '../../src/util/rng';

const HNSW: IndexSpec = { kind: 'hnsw', ...HNSW_DEFAULTS };

/** n unit vectors around `clusters` random centres (spread `noise`), row-major [n × dim]. */
function clustered(rng: Rng, n: number, dim: number, clusters: number, noise: number): Float32Array {
  const centres = Array.from({ length: clusters }, () => Array.from({ length: dim }, () => rng.normal()));
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = centres[rng.int(clusters)];
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (out[i * dim + k] = c[k] / Math.sqrt(dim) + noise * rng.normal()) ** 2;
    for (let k = 0; k < dim; k++) out[i * dim + k] /= Math.sqrt(norm);
  }
  return out;
}

describe('vector indexes', () => {
  it('HNSW returns the exact top-k on tiny inputs (every seed)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const dim = 8;
      const n = 40;
      const all = clustered(new Rng(seed), n + 10, dim, 3, 0.5);
      const data = all.subarray(0, n * dim);
      const queries = all.subarray(n * dim);
      const exact = buildIndex({ kind: 'exact' }, data, dim, seed);
      const hnsw = buildIndex({ kind: 'hnsw', M: 4, efConstruction: 20, efSearch: 40 }, data, dim, seed);
      for (let q = 0; q < 10; q++) {
        const e = exact.search(queries, 5, undefined, q * dim);
        const h = hnsw.search(queries, 5, undefined, q * dim);
        expect([...h.ids], `seed ${seed} query ${q}`).toEqual([...e.ids]);
        for (let j = 0; j < 5; j++) expect(h.scores[j]).toBeCloseTo(e.scores[j], 5);
      }
    }
  });

  it(`HNSW's recall@10 is at least 0.95 at the default efSearch (${HNSW_DEFAULTS.efSearch}) on 10k clustered vectors`, () => {
    const dim = 32;
    // Queries drawn around the same centres as the items, held out of the index.
    const all = clustered(new Rng(11), 10_200, dim, 64, 0.12);
    const data = all.subarray(0, 10_000 * dim);
    const queries = all.subarray(10_000 * dim);
    const exact = buildIndex({ kind: 'exact' }, data, dim, 1);
    const hnsw = buildIndex(HNSW, data, dim, 1);
    const recall = annRecall(exact, hnsw, queries, dim, 10);
    console.log(`HNSW M=${HNSW_DEFAULTS.M} efC=${HNSW_DEFAULTS.efConstruction} efSearch=${HNSW_DEFAULTS.efSearch}: recall@10 ${recall.toFixed(4)} on 10k clustered vectors`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // And a tiny ef is measurably worse: the knob does something.
    expect(annRecall(exact, hnsw, queries, dim, 10, 1)).toBeLessThan(recall);
  });

  it('deleting and updating an item vector is reflected in the next search (exact and HNSW)', () => {
    const dim = 16;
    const data = clustered(new Rng(3), 2000, dim, 8, 0.3);
    const query = data.slice(5 * dim, 6 * dim);
    for (const spec of [{ kind: 'exact' } as IndexSpec, HNSW]) {
      const index = buildIndex(spec, data, dim, 3);
      expect(index.search(query, 1).ids[0], spec.kind).toBe(5);
      expect(index.remove(5)).toBe(true);
      expect(index.has(5)).toBe(false);
      expect(index.size).toBe(1999);
      const after = index.search(query, 10);
      expect([...after.ids], spec.kind).not.toContain(5);
      expect(after.ids.length).toBe(10);
      // Item 9 moves onto the query: it is now the best match.
      index.add(9, query);
      expect(index.search(query, 1).ids[0], spec.kind).toBe(9);
      expect(index.search(query, 1).scores[0]).toBeCloseTo(1, 5);
      // Moved away (its negation): no longer among the top.
      index.add(9, Float32Array.from(query, (x) => -x));
      expect([...index.search(query, 50).ids], spec.kind).not.toContain(9);
      expect(index.size).toBe(1999);
      index.add(5, query);
      expect(index.search(query, 1).ids[0], spec.kind).toBe(5);
    }
  });

  it('a seed reproduces the graph: the same results, another seed another graph', () => {
    const dim = 16;
    const data = clustered(new Rng(4), 3000, dim, 8, 0.3);
    const spec: IndexSpec = { kind: 'hnsw', M: 8, efConstruction: 40, efSearch: 10 };
    const a = buildIndex(spec, data, dim, 7);
    const b = buildIndex(spec, data, dim, 7);
    const c = buildIndex(spec, data, dim, 8);
    const all = (i: typeof a) => Array.from({ length: 50 }, (_, q) => [...i.search(data, 10, undefined, q * 37 * dim).ids]);
    expect(all(a)).toEqual(all(b));
    expect(a.memoryBytes()).toBe(b.memoryBytes());
    expect(a.layerSizes!()).toEqual(b.layerSizes!());
    expect(c.layerSizes!()).not.toEqual(a.layerSizes!());
    expect(a.layerSizes!()[0]).toBe(3000);
  });

  it('an empty index returns nothing; bad parameters are refused', () => {
    expect(createIndex(HNSW, 4, 1).search([1, 0, 0, 0], 5).ids.length).toBe(0);
    expect(createIndex({ kind: 'exact' }, 4, 1).search([1, 0, 0, 0], 5).ids.length).toBe(0);
    expect(() => createIndex({ ...HNSW, M: 1 }, 4, 1)).toThrow(/M must be/);
    expect(() => createIndex(HNSW, 4, 1).add(-1, [1, 0, 0, 0])).toThrow(/label/);
  });
});
