/**
 * Rankings already made in one evaluation, found again by the exact vectors they came from. Arms
 * seeded alike start from the same weights, so before training (and after a reset) the arms of a
 * lesson whose towers have the same shape rank the same lists: ranked once, not once per arm
 * (scoring and the top-K are most of an evaluation; the vectors cost little). Matched by equality
 * of every vector, so a hit is the same result by construction, never an approximation.
 */
import type { SlateAuc } from './slates';

interface Ranked {
  users: Int32Array;
  userVecs: Float32Array;
  itemVecs: Float32Array;
  ranked: Int32Array;
  auc: SlateAuc;
}

export class RankMemo {
  private readonly done: Ranked[] = [];
  /** How many rankings were reused (tests). */
  hits = 0;

  /** The ranking of these vectors if one was made (its slate AUC copied into `auc`), else undefined. */
  find(users: Int32Array, userVecs: Float32Array, itemVecs: Float32Array, auc: SlateAuc): Int32Array | undefined {
    const same = this.done.find((r) => r.users === users && equal(r.userVecs, userVecs) && equal(r.itemVecs, itemVecs));
    if (!same) return undefined;
    auc.copyFrom(same.auc);
    this.hits++;
    return same.ranked;
  }

  /** Keeps a ranking (read-only from now on: later arms share it). */
  add(entry: Ranked): void {
    this.done.push(entry);
  }
}

function equal(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
