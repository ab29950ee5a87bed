/**
 * Top-K of each row of a score block, skipping excluded columns (a user's training positives).
 * Order: score descending, ties by the lower column first; a NaN score is never kept.
 * A min-heap of the K best so far (its root the worst kept): K ≪ columns, so most columns cost one
 * comparison and the rare better one log K — 2–3× faster than keeping a sorted buffer.
 */
export function topKRows(
  scores: ArrayLike<number>,
  rows: number,
  cols: number,
  k: number,
  excluded: (row: number) => ArrayLike<number> | undefined,
  out: Int32Array = new Int32Array(rows * k),
): Int32Array {
  const heapScore = new Float64Array(k);
  const heapIdx = new Int32Array(k);
  const skip = new Uint8Array(cols);
  for (let r = 0; r < rows; r++) {
    const ex = excluded(r);
    if (ex) for (let j = 0; j < ex.length; j++) skip[ex[j]] = 1;
    let size = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      if (skip[c]) continue;
      const s = scores[base + c];
      if (!(s === s)) continue;
      if (size < k) {
        // Sift up: a later column with an equal score ranks below (is "worse").
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(s, c, heapScore[p], heapIdx[p])) break;
          heapScore[i] = heapScore[p];
          heapIdx[i] = heapIdx[p];
          i = p;
        }
        heapScore[i] = s;
        heapIdx[i] = c;
      } else if (s > heapScore[0]) {
        siftDown(heapScore, heapIdx, size, s, c);
      }
    }
    // Pop the worst first: filled from the back, the row ends best first.
    for (let j = k - 1; j >= size; j--) out[r * k + j] = -1;
    for (let n = size; n > 0; n--) {
      out[r * k + n - 1] = heapIdx[0];
      siftDown(heapScore, heapIdx, n - 1, heapScore[n - 1], heapIdx[n - 1]);
    }
    if (ex) for (let j = 0; j < ex.length; j++) skip[ex[j]] = 0;
  }
  return out;
}

/** (s, c) ranks below (t, d): a lower score, or the same score at a later column. */
function worse(s: number, c: number, t: number, d: number): boolean {
  return s < t || (s === t && c > d);
}

/** Puts (s, c) at the root of a heap of `size` and sifts it down to its place. */
function siftDown(score: Float64Array, idx: Int32Array, size: number, s: number, c: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && worse(score[child + 1], idx[child + 1], score[child], idx[child])) child++;
    if (!worse(score[child], idx[child], s, c)) break;
    score[i] = score[child];
    idx[i] = idx[child];
    i = child;
  }
  score[i] = s;
  idx[i] = c;
}
