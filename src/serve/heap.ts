/**
 * A binary heap of (key, id) pairs with the smallest key on top: HNSW's candidate queue. A
 * max-heap is the same heap fed negated keys. Flat typed arrays, grown by doubling, so a search
 * allocates nothing once warm.
 */
export class MinHeap {
  private keys = new Float64Array(64);
  private ids = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.ids[i] = this.ids[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }

  get topKey(): number {
    return this.keys[0];
  }

  get topId(): number {
    return this.ids[0];
  }

  /** Removes the top pair (read it first with topKey / topId). */
  pop(): void {
    const n = --this.size;
    if (n <= 0) return;
    const key = this.keys[n];
    const id = this.ids[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.ids[i] = this.ids[child];
      i = child;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }
}
