/**
 * Top-K of each row of a score block, skipping excluded columns (a user's training positives).
 * A small sorted buffer per row: K ≪ columns, so this is one pass with rare insertions.
 */
export function topKRows(
  scores: ArrayLike<number>,
  rows: number,
  cols: number,
  k: number,
  excluded: (row: number) => ArrayLike<number> | undefined,
  out: Int32Array = new Int32Array(rows * k),
): Int32Array {
  const bestScore = new Float64Array(k);
  const bestIdx = new Int32Array(k);
  const skip = new Uint8Array(cols);
  for (let r = 0; r < rows; r++) {
    const ex = excluded(r);
    if (ex) for (let j = 0; j < ex.length; j++) skip[ex[j]] = 1;
    let filled = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      if (skip[c]) continue;
      const s = scores[base + c];
      if (filled === k && !(s > bestScore[k - 1])) continue;
      // Insert keeping descending order; ties keep the lower column first.
      let pos = filled < k ? filled++ : k - 1;
      while (pos > 0 && bestScore[pos - 1] < s) {
        bestScore[pos] = bestScore[pos - 1];
        bestIdx[pos] = bestIdx[pos - 1];
        pos--;
      }
      bestScore[pos] = s;
      bestIdx[pos] = c;
    }
    for (let j = 0; j < k; j++) out[r * k + j] = j < filled ? bestIdx[j] : -1;
    if (ex) for (let j = 0; j < ex.length; j++) skip[ex[j]] = 0;
  }
  return out;
}
