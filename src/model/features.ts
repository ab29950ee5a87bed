import type { FieldSpec } from '../world/types';

/**
 * How one tower's inputs map into its single embedding table. Field 0 is the ID. Every field
 * gets cardinality + 1 rows: the extra row is the field's default ("unknown" / masked) embedding.
 * A multi-valued field has several slots whose embeddings are mean-pooled.
 */
export interface FeatureLayout {
  fields: FieldSpec[];
  /** First table row of each field. */
  offsets: number[];
  /** Field of each slot. */
  slotField: number[];
  rows: number;
  slots: number;
}

export function featureLayout(idCount: number, fields: FieldSpec[]): FeatureLayout {
  const all: FieldSpec[] = [{ name: 'id', cardinality: idCount, slots: 1 }, ...fields];
  const offsets: number[] = [];
  const slotField: number[] = [];
  let rows = 0;
  all.forEach((f, k) => {
    offsets.push(rows);
    rows += f.cardinality + 1;
    for (let s = 0; s < f.slots; s++) slotField.push(k);
  });
  return { fields: all, offsets, slotField, rows, slots: slotField.length };
}

/** Table rows and pooling weights for a batch of entities, ready for `Tower.apply`. */
export interface EncodedBatch {
  size: number;
  /** [size × slots] table rows. */
  rows: Int32Array;
  /** [size × slots] pooling weights: the slots of a field average to the field's embedding. */
  weights: Float32Array;
}

/**
 * Encodes entities of one kind (users or items) from the world's raw feature matrix. The last
 * `contextFields` fields (one slot each) are not the entity's but the request's — known only when
 * the request arrives (e.g. the topic of the session's previous click) — and come with each call.
 */
export class FeatureEncoder {
  private readonly rawStride: number;

  constructor(
    readonly layout: FeatureLayout,
    /** Raw values [entities × Σ slots of the non-ID, non-context fields], −1 for an empty slot. */
    private readonly raw: Int32Array,
    readonly contextFields = 0,
  ) {
    this.rawStride = layout.slots - 1 - contextFields;
  }

  /**
   * `masked(e, field)` may hide fields per example (self-supervision); `dropSlot(e, slot)` may
   * drop single values of a multi-valued field. Both default to keeping everything. `context`:
   * the context fields' values [examples × contextFields] (absent or −1: unknown).
   */
  encode(
    ids: ArrayLike<number>,
    masked?: (example: number, field: number) => boolean,
    dropSlot?: (example: number, slot: number) => boolean,
    context?: ArrayLike<number>,
  ): EncodedBatch {
    const { layout } = this;
    const n = ids.length;
    const S = layout.slots;
    const F = layout.fields.length;
    const rows = new Int32Array(n * S);
    const weights = new Float32Array(n * S);
    const perField = new Int32Array(F);
    for (let e = 0; e < n; e++) {
      const id = ids[e];
      perField.fill(0);
      for (let s = 0; s < S; s++) {
        const f = layout.slotField[s];
        const c = s - 1 - this.rawStride;
        const value = s === 0 ? id : c < 0 ? this.raw[id * this.rawStride + s - 1] : (context?.[e * this.contextFields + c] ?? -1);
        const defaultRow = layout.offsets[f] + layout.fields[f].cardinality;
        const hidden = (masked?.(e, f) ?? false) || value < 0 || (dropSlot?.(e, s) ?? false);
        rows[e * S + s] = hidden ? defaultRow : layout.offsets[f] + value;
        if (!hidden) perField[f]++;
      }
      for (let s = 0; s < S; s++) {
        const f = layout.slotField[s];
        const kept = rows[e * S + s] !== layout.offsets[f] + layout.fields[f].cardinality;
        if (perField[f] === 0) {
          // Nothing left of the field: its first slot carries the default embedding.
          if (s === layout.slotField.indexOf(f)) weights[e * S + s] = 1;
        } else if (kept) {
          weights[e * S + s] = 1 / perField[f];
        }
      }
    }
    return { size: n, rows, weights };
  }
}
