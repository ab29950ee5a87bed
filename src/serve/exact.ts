/**
 * The exact index: every stored vector scored against the query, the top-K picked by the lab's
 * `topKRows` (the same scan the evaluation uses). The reference an ANN index is measured against:
 * its recall is 1 by definition, its cost grows linearly with the catalogue.
 */
import { topKRows } from '../eval/topk';
import type { Hits } from './hnsw';

/**
 * Rows of `vectors` ([n × dim]) with the k largest inner products with the query, best first,
 * skipping `excluded` rows; `scores` (length ≥ n) is scratch space and holds every row's score after.
 */
export function scanTopK(
  vectors: Float32Array,
  n: number,
  dim: number,
  query: ArrayLike<number>,
  offset: number,
  k: number,
  scores: Float32Array = new Float32Array(n),
  excluded: ArrayLike<number> = [],
): Int32Array {
  for (let r = 0; r < n; r++) {
    let dot = 0;
    for (let j = 0, o = r * dim; j < dim; j++) dot += query[offset + j] * vectors[o + j];
    scores[r] = dot;
  }
  return topKRows(scores, 1, n, k, () => excluded);
}

export class ExactIndex {
  private vectors: Float32Array;
  private labels: Int32Array;
  private readonly nodeOf = new Map<number, number>();
  /** Nodes of deleted or replaced items, skipped by every search. */
  private readonly dead: number[] = [];
  private scores = new Float32Array(0);
  nodes = 0;

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.vectors = new Float32Array(Math.max(1, capacity) * dim);
    this.labels = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.nodeOf.size;
  }

  add(label: number, vector: ArrayLike<number>, offset = 0): void {
    this.remove(label);
    const node = this.nodes++;
    if (node === this.labels.length) {
      const vectors = new Float32Array(this.vectors.length * 2);
      vectors.set(this.vectors);
      this.vectors = vectors;
      const labels = new Int32Array(this.labels.length * 2);
      labels.set(this.labels);
      this.labels = labels;
    }
    for (let k = 0; k < this.dim; k++) this.vectors[node * this.dim + k] = vector[offset + k];
    this.labels[node] = label;
    this.nodeOf.set(label, node);
  }

  remove(label: number): boolean {
    const node = this.nodeOf.get(label);
    if (node === undefined) return false;
    this.nodeOf.delete(label);
    this.dead.push(node);
    return true;
  }

  has(label: number): boolean {
    return this.nodeOf.has(label);
  }

  /** The k live items with the largest inner product (`_ef` is ignored: the scan is exhaustive). */
  search(query: ArrayLike<number>, k: number, _ef = 0, offset = 0): Hits {
    if (this.scores.length < this.nodes) this.scores = new Float32Array(this.labels.length);
    const top = scanTopK(this.vectors, this.nodes, this.dim, query, offset, Math.min(k, this.size), this.scores, this.dead);
    return { ids: Int32Array.from(top, (n) => this.labels[n]), scores: Float32Array.from(top, (n) => this.scores[n]) };
  }

  memoryBytes(): number {
    return this.vectors.byteLength + this.labels.byteLength + this.scores.byteLength;
  }
}
