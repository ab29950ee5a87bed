import { describe, expect, it } from 'vitest';
import { MAX_K, retrievalMetrics, testHeadShare } from '../../src/eval/metrics';
import { topKRows } from '../../src/eval/topk';
import { Rng } from '../../src/util/rng';
import type { Csr } from '../../src/world/types';

/** Ranked lists padded to MAX_K with −1. */
function ranked(lists: number[][]): Int32Array {
  const out = new Int32Array(lists.length * MAX_K).fill(-1);
  lists.forEach((l, r) => out.set(l, r * MAX_K));
  return out;
}

function csr(rows: number[][]): Csr {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, u) => (offsets[u + 1] = offsets[u] + r.length));
  return { offsets, values: Int32Array.from(rows.flat()) };
}

describe('retrieval metrics on hand-made cases', () => {
  // 200 items; items 0..39 are head.
  const isHead = new Uint8Array(200);
  for (let i = 0; i < 40; i++) isHead[i] = 1;

  it('counts a hit at rank r in recall@K for every K > r', () => {
    // User 0 clicked item 5 (head, ranked 0) and item 150 (tail, ranked 60); user 1 clicked 7 (not ranked).
    const list0 = [5, ...Array.from({ length: 59 }, (_, k) => 41 + k), 150];
    const m = retrievalMetrics(ranked([list0, [100, 101]]), MAX_K, [0, 1], csr([[5, 150], [7]]), isHead);
    expect(m['recall@10']).toBeCloseTo(1 / 3);
    expect(m['recall@50']).toBeCloseTo(1 / 3);
    expect(m['recall@100']).toBeCloseTo(2 / 3);
    // Head clicks: 5 (hit@50) and 7 (miss) → 0.5; tail clicks: 150 (rank 60, miss@50) → 0.
    expect(m['recall@50.head']).toBeCloseTo(0.5);
    expect(m['recall@50.tail']).toBe(0);
  });

  it('head share is the share of top-50 slots on head items, coverage the share of items shown', () => {
    const headHeavy = Array.from({ length: 50 }, (_, k) => (k < 30 ? k : 100 + k));
    const m = retrievalMetrics(ranked([headHeavy, headHeavy]), MAX_K, [0, 1], csr([[1], [2]]), isHead);
    expect(m['headShare@50']).toBeCloseTo(30 / 50);
    expect(m['coverage@50']).toBeCloseTo(50 / 200);
    expect(m['recall@50']).toBe(1);
  });

  it('test head share counts held-out clicks on head items', () => {
    expect(testHeadShare(csr([[1, 2, 150], [160]]), [0, 1], isHead)).toBeCloseTo(0.5);
  });
});

describe('top-K with exclusions', () => {
  it('returns the K best columns in order and skips excluded ones', () => {
    const scores = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3, /* row 2 */ 1, 2, 3, 4, 5]);
    const out = topKRows(scores, 2, 5, 3, (r) => (r === 0 ? [1] : [4, 3]));
    expect(Array.from(out)).toEqual([3, 2, 4, 2, 1, 0]);
  });

  it('equals a full sort by score (ties: lower column first), with ties, ±∞, NaN and exclusions', () => {
    const rng = new Rng(3);
    // Few columns (every K up to all of them), and a catalogue's worth (the bar estimated from a sample).
    for (const [rows, cols, levels, ks] of [[40, 200, 12, [1, 10, 37, 100, 250]], [30, 3000, 40, [1, 10, 100]]] as const) {
      // Scores from a few levels and ±∞: many ties; some NaN (never kept).
      const infinity = () => [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY][rng.int(2)];
      const scores = Float64Array.from({ length: rows * cols }, () => (rng.next() < 0.05 ? Number.NaN : rng.next() < 0.03 ? infinity() : rng.int(levels)));
      const excluded = (r: number) => Array.from({ length: r % 9 }, (_, j) => (r * 17 + j * 23) % cols);
      for (const k of ks) {
        const out = topKRows(scores, rows, cols, k, excluded);
        for (let r = 0; r < rows; r++) {
          const skip = new Set(excluded(r));
          const expected = Array.from({ length: cols }, (_, c) => c)
            .filter((c) => !skip.has(c) && !Number.isNaN(scores[r * cols + c]))
            .sort((a, b) => scores[r * cols + b] - scores[r * cols + a] || a - b)
            .slice(0, k);
          expect(Array.from(out.subarray(r * k, (r + 1) * k))).toEqual([...expected, ...Array<number>(k - expected.length).fill(-1)]);
        }
      }
    }
  });

  it('finds the K best when the sampled columns score above the rest (the estimated bar too high)', () => {
    // Every 8th column (the sample) scores high: the bar from the sample leaves fewer than K above it.
    const cols = 3000;
    const scores = Float32Array.from({ length: cols }, (_, c) => (c % 8 === 0 ? 10 + c / cols : c / cols));
    const out = topKRows(scores, 1, cols, 100, () => undefined);
    const expected = Array.from({ length: cols }, (_, c) => c).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, 100);
    expect(Array.from(out)).toEqual(expected);
  });

  it('keeps nothing from one call to the next: a column excluded in one is ranked in the next', () => {
    const scores = [5, 4, 3];
    expect(Array.from(topKRows(scores, 1, 3, 2, () => [0]))).toEqual([1, 2]);
    expect(Array.from(topKRows(scores, 1, 3, 2, () => undefined))).toEqual([0, 1]);
  });

  it('pads with −1 when fewer columns remain than K', () => {
    expect(Array.from(topKRows([1, 2], 1, 2, 3, () => [0]))).toEqual([1, -1, -1]);
  });
});
