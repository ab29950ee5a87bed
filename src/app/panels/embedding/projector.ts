/**
 * The Embedding Projector's input pair (projector.tensorflow.org → Load): `vectors.tsv`, one
 * vector a row, tab-separated, no header; `metadata.tsv`, a header row then one row per vector.
 */
import type { ItemMeta } from '../../../worker/inspection';

export function vectorsTsv(vectors: Float32Array, dim: number): string {
  const rows: string[] = [];
  for (let i = 0; i < vectors.length / dim; i++) rows.push(Array.from(vectors.subarray(i * dim, (i + 1) * dim), (v) => v.toPrecision(6)).join('\t'));
  return rows.join('\n') + '\n';
}

/** Item id, topic, head/tail, training clicks, true popularity, then each feature field (multi-valued ones joined by “|”). */
export function metadataTsv(meta: ItemMeta): string {
  const n = meta.topic.length;
  const stride = meta.fields.reduce((s, f) => s + f.slots, 0);
  const header = ['item', 'topic', 'class', 'trainClicks', 'popularity', ...meta.fields.map((f) => f.name)];
  const rows = [header.join('\t')];
  for (let i = 0; i < n; i++) {
    rows.push([i, meta.topic[i], meta.head[i] ? 'head' : 'tail', meta.clicks[i], meta.popularity[i].toPrecision(4), ...featureValues(meta, i, stride).map((v) => v.join('|'))].join('\t'));
  }
  return rows.join('\n') + '\n';
}

/** The values of each field of item `i` (empty slots dropped). */
export function featureValues(meta: ItemMeta, i: number, stride = meta.fields.reduce((s, f) => s + f.slots, 0)): number[][] {
  let slot = i * stride;
  return meta.fields.map((f) => {
    const values: number[] = [];
    for (let s = 0; s < f.slots; s++, slot++) if (meta.features[slot] >= 0) values.push(meta.features[slot]);
    return values;
  });
}

/** A file ready to save: its name and an object URL (revoke it when replaced). */
export interface Prepared {
  name: string;
  url: string;
}

/**
 * The TSV pair as two links the reader clicks (one click, one file: browsers ask before a page
 * saves several files from one gesture). Nothing leaves the browser.
 */
export function prepare(name: string, body: string): Prepared {
  return { name, url: URL.createObjectURL(new Blob([body], { type: 'text/tab-separated-values' })) };
}
