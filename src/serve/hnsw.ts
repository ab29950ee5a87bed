/**
 * HNSW (Malkov & Yashunin, "Efficient and robust approximate nearest neighbor search using
 * Hierarchical Navigable Small World graphs", 2016/2018), small enough to read in one sitting.
 * Written here because no well-kept library runs in both Node and a Web Worker (npm
 * `hnswlib-wasm` 0.8.2 refuses to start in Node: "not compiled for this environment"); the
 * browser test checks its recall against hnswlib-wasm's on the same vectors and parameters.
 *
 * - Layers: each node draws a top level ℓ = ⌊−ln(U)·mL⌋, mL = 1/ln M (from the seeded Rng, so a
 *   seed reproduces the graph). Layer 0 holds every node with up to 2M links; layer l > 0 holds
 *   the nodes with ℓ ≥ l, up to M links each.
 * - Search: greedy descent from the entry point through the upper layers, then a best-first
 *   search on layer 0 keeping the `ef` closest seen (efSearch: the recall/latency knob).
 * - Insert: the same search with efConstruction on each of the node's layers; its links are
 *   chosen by the paper's heuristic (a candidate is kept only if it is closer to the new node than
 *   to every neighbour kept so far: links spread in all directions, which keeps clusters joined).
 * - Delete marks a node deleted (searches pass through it but never return it); update is a
 *   delete and a fresh insert under the same label, as hnswlib's markDelete + addPoint.
 *
 * Distance: 1 − ⟨a, b⟩ (inner product; on unit vectors this is cosine, the towers' score).
 */
import type { Rng } from '../util/rng';
import { MinHeap } from './heap';

export interface HnswParams {
  /** Links per node on the upper layers; 2M on layer 0. */
  M: number;
  /** Candidates kept while inserting (larger: a better graph, a slower build). */
  efConstruction: number;
}

/** Nearest items of one query: labels and inner products, best first. */
export interface Hits {
  ids: Int32Array;
  scores: Float32Array;
}

const MAX_LEVEL = 16;

export class Hnsw {
  private readonly maxM0: number;
  private readonly mL: number;
  private capacity: number;
  private vectors: Float32Array;
  private labels: Int32Array;
  private deleted: Uint8Array;
  private levels: Uint8Array;
  /** Layer 0: [node × 2M] links and the count of each node's links. */
  private links0: Int32Array;
  private count0: Uint8Array;
  /** Layers 1…ℓ of a node: per layer, a count then M links (undefined for ℓ = 0, most nodes). */
  private upper: (Int32Array | undefined)[] = [];
  /** Label → node (−1: none). */
  private nodeOf = new Int32Array(0).fill(-1);
  private visited: Uint32Array;
  private visitTag = 0;
  private readonly q: Float32Array;
  private readonly candidates = new MinHeap();
  private readonly results = new MinHeap();
  private entry = -1;
  private topLevel = -1;
  /** Nodes ever inserted (deleted ones included). */
  nodes = 0;
  /** Live items. */
  size = 0;

  constructor(
    readonly dim: number,
    readonly params: HnswParams,
    private readonly rng: Rng,
    capacity = 1024,
  ) {
    if (!(params.M >= 2 && params.M <= 127)) throw new Error(`HNSW: M must be between 2 and 127, got ${params.M}`);
    this.maxM0 = 2 * params.M;
    this.mL = 1 / Math.log(params.M);
    this.capacity = Math.max(1, capacity);
    this.vectors = new Float32Array(this.capacity * dim);
    this.labels = new Int32Array(this.capacity);
    this.deleted = new Uint8Array(this.capacity);
    this.levels = new Uint8Array(this.capacity);
    this.links0 = new Int32Array(this.capacity * this.maxM0);
    this.count0 = new Uint8Array(this.capacity);
    this.visited = new Uint32Array(this.capacity);
    this.q = new Float32Array(dim);
  }

  /** Inserts `vector` under `label` (a non-negative integer); an existing label is updated. */
  add(label: number, vector: ArrayLike<number>, offset = 0): void {
    this.remove(label);
    const node = this.nodes++;
    if (node === this.capacity) this.grow();
    const { dim } = this;
    for (let k = 0; k < dim; k++) this.vectors[node * dim + k] = this.q[k] = vector[offset + k];
    const level = Math.min(MAX_LEVEL, Math.floor(-Math.log(1 - this.rng.next()) * this.mL));
    this.labels[node] = label;
    this.levels[node] = level;
    if (level > 0) this.upper[node] = new Int32Array(level * (this.params.M + 1));
    this.setLabel(label, node);
    this.size++;
    if (this.entry < 0) {
      this.entry = node;
      this.topLevel = level;
      return;
    }
    let ep = this.entry;
    for (let l = this.topLevel; l > level; l--) ep = this.greedy(ep, l);
    for (let l = Math.min(level, this.topLevel); l >= 0; l--) {
      const found = this.searchLayer(ep, this.params.efConstruction, l, false);
      const chosen = this.selectNeighbours(node, found.ids, found.dists, this.params.M);
      this.setLinks(node, l, chosen);
      for (const n of chosen) this.linkBack(n, node, l);
      ep = found.ids[0];
    }
    if (level > this.topLevel) {
      this.entry = node;
      this.topLevel = level;
    }
  }

  /** Marks the item deleted: searches no longer return it. Returns whether it was there. */
  remove(label: number): boolean {
    const node = label < this.nodeOf.length ? this.nodeOf[label] : -1;
    if (node < 0) return false;
    this.deleted[node] = 1;
    this.nodeOf[label] = -1;
    this.size--;
    return true;
  }

  has(label: number): boolean {
    return label < this.nodeOf.length && this.nodeOf[label] >= 0;
  }

  /** The k live items with the largest inner product with `query`, searching with `ef` (≥ k). */
  search(query: ArrayLike<number>, k: number, ef: number, offset = 0): Hits {
    if (this.entry < 0 || k <= 0) return { ids: new Int32Array(0), scores: new Float32Array(0) };
    for (let i = 0; i < this.dim; i++) this.q[i] = query[offset + i];
    let ep = this.entry;
    for (let l = this.topLevel; l > 0; l--) ep = this.greedy(ep, l);
    const found = this.searchLayer(ep, Math.max(ef, k), 0, true);
    const n = Math.min(k, found.ids.length);
    return {
      ids: Int32Array.from(found.ids.subarray(0, n), (node) => this.labels[node]),
      scores: Float32Array.from(found.dists.subarray(0, n), (d) => 1 - d),
    };
  }

  /** Nodes per layer (layer 0 first): the hierarchy's shape, a few percent on each layer above. */
  layerSizes(): number[] {
    const sizes = Array<number>(Math.max(0, this.topLevel + 1)).fill(0);
    for (let n = 0; n < this.nodes; n++) for (let l = 0; l <= this.levels[n]; l++) sizes[l]++;
    return sizes;
  }

  /** Bytes held: vectors, links and bookkeeping (typed arrays at their current capacity). */
  memoryBytes(): number {
    let bytes = this.vectors.byteLength + this.labels.byteLength + this.deleted.byteLength + this.levels.byteLength;
    bytes += this.links0.byteLength + this.count0.byteLength + this.visited.byteLength + this.nodeOf.byteLength;
    for (const u of this.upper) if (u) bytes += u.byteLength;
    return bytes;
  }

  // ---- the graph ------------------------------------------------------------------------------

  private distQ(node: number): number {
    return 1 - dot(this.q, 0, this.vectors, node * this.dim, this.dim);
  }

  private dist(a: number, b: number): number {
    return 1 - dot(this.vectors, a * this.dim, this.vectors, b * this.dim, this.dim);
  }

  /** Links of `node` on layer `l`: the array, where they start, and how many. */
  private linksOf(node: number, l: number): { arr: Int32Array; start: number; count: number } {
    if (l === 0) return { arr: this.links0, start: node * this.maxM0, count: this.count0[node] };
    const arr = this.upper[node]!;
    const base = (l - 1) * (this.params.M + 1);
    return { arr, start: base + 1, count: arr[base] };
  }

  private setLinks(node: number, l: number, links: number[]): void {
    if (l === 0) {
      this.links0.set(links, node * this.maxM0);
      this.count0[node] = links.length;
      return;
    }
    const arr = this.upper[node]!;
    const base = (l - 1) * (this.params.M + 1);
    arr[base] = links.length;
    arr.set(links, base + 1);
  }

  /** Adds the link n → node on layer l; a full list is re-chosen by the heuristic. */
  private linkBack(n: number, node: number, l: number): void {
    const max = l === 0 ? this.maxM0 : this.params.M;
    const { arr, start, count } = this.linksOf(n, l);
    if (count < max) {
      arr[start + count] = node;
      if (l === 0) this.count0[n]++;
      else arr[start - 1]++;
      return;
    }
    const ids = [node, ...arr.subarray(start, start + count)];
    const dists = ids.map((m) => this.dist(n, m));
    const order = ids.map((_, i) => i).sort((a, b) => dists[a] - dists[b]);
    this.setLinks(n, l, this.selectNeighbours(n, order.map((i) => ids[i]), order.map((i) => dists[i]), max));
  }

  /**
   * The paper's heuristic: walk the candidates from the closest; keep one if it is closer to
   * `base` than to every neighbour already kept; stop at `m`.
   */
  private selectNeighbours(base: number, ids: ArrayLike<number>, dists: ArrayLike<number>, m: number): number[] {
    const kept: number[] = [];
    for (let i = 0; i < ids.length && kept.length < m; i++) {
      const c = ids[i];
      if (c === base) continue;
      if (kept.every((k) => this.dist(c, k) >= dists[i])) kept.push(c);
    }
    return kept;
  }

  /** Greedy walk on layer l towards the query: the closest node reachable one hop at a time. */
  private greedy(ep: number, l: number): number {
    let best = ep;
    let bestDist = this.distQ(ep);
    for (let moved = true; moved; ) {
      moved = false;
      const { arr, start, count } = this.linksOf(best, l);
      for (let i = 0; i < count; i++) {
        const n = arr[start + i];
        const d = this.distQ(n);
        if (d < bestDist) {
          bestDist = d;
          best = n;
          moved = true;
        }
      }
    }
    return best;
  }

  /**
   * Best-first search on layer l from `ep`: the `ef` closest nodes found, closest first. With
   * `skipDeleted`, deleted nodes are walked through but not returned.
   */
  private searchLayer(ep: number, ef: number, l: number, skipDeleted: boolean): { ids: Int32Array; dists: Float64Array } {
    const { candidates, results } = this;
    candidates.clear();
    results.clear();
    const tag = this.nextVisitTag();
    this.visited[ep] = tag;
    const d0 = this.distQ(ep);
    candidates.push(d0, ep);
    if (!skipDeleted || !this.deleted[ep]) results.push(-d0, ep);
    while (candidates.size) {
      const d = candidates.topKey;
      // results holds negated distances: its top is the farthest kept.
      if (results.size >= ef && d > -results.topKey) break;
      const c = candidates.topId;
      candidates.pop();
      const { arr, start, count } = this.linksOf(c, l);
      for (let i = 0; i < count; i++) {
        const n = arr[start + i];
        if (this.visited[n] === tag) continue;
        this.visited[n] = tag;
        const dn = this.distQ(n);
        if (results.size < ef || dn < -results.topKey) {
          candidates.push(dn, n);
          if (skipDeleted && this.deleted[n]) continue;
          results.push(-dn, n);
          if (results.size > ef) results.pop();
        }
      }
    }
    const n = results.size;
    const ids = new Int32Array(n);
    const dists = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      ids[i] = results.topId;
      dists[i] = -results.topKey;
      results.pop();
    }
    return { ids, dists };
  }

  private nextVisitTag(): number {
    if (++this.visitTag === 0xffffffff) {
      this.visited.fill(0);
      this.visitTag = 1;
    }
    return this.visitTag;
  }

  // ---- storage --------------------------------------------------------------------------------

  private setLabel(label: number, node: number): void {
    if (!Number.isInteger(label) || label < 0) throw new Error(`HNSW: a label is a non-negative integer, got ${label}`);
    if (label >= this.nodeOf.length) {
      const next = new Int32Array(Math.max(label + 1, this.nodeOf.length * 2)).fill(-1);
      next.set(this.nodeOf);
      this.nodeOf = next;
    }
    this.nodeOf[label] = node;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const grown = <T extends Float32Array | Int32Array | Uint8Array | Uint32Array>(a: T, per: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * per);
      b.set(a);
      return b;
    };
    this.vectors = grown(this.vectors, this.dim);
    this.labels = grown(this.labels, 1);
    this.deleted = grown(this.deleted, 1);
    this.levels = grown(this.levels, 1);
    this.links0 = grown(this.links0, this.maxM0);
    this.count0 = grown(this.count0, 1);
    this.visited = grown(this.visited, 1);
    this.capacity = cap;
  }
}

/** ⟨x[i..i+dim), y[j..j+dim)⟩, four lanes at a time (an HNSW build over 30k vectors: 7.6 s → 5.6 s in Node). */
function dot(x: Float32Array, i: number, y: Float32Array, j: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < dim; k += 4) {
    s0 += x[i + k] * y[j + k];
    s1 += x[i + k + 1] * y[j + k + 1];
    s2 += x[i + k + 2] * y[j + k + 2];
    s3 += x[i + k + 3] * y[j + k + 3];
  }
  for (; k < dim; k++) s0 += x[i + k] * y[j + k];
  return s0 + s1 + s2 + s3;
}
