import { type Slate, slatesOf } from '../world/slates';
import type { Exposures } from '../world/types';

/** Held-out slates of each user (those with a click and something skipped beside it). */
export function slatesByUser(log: Exposures): Map<number, Slate[]> {
  const out = new Map<number, Slate[]>();
  for (const slate of slatesOf(log)) {
    if (slate.click < 0 || !slate.skipped.length) continue;
    if (!out.has(slate.user)) out.set(slate.user, []);
    out.get(slate.user)!.push(slate);
  }
  return out;
}

/**
 * `slate.auc`, the ranking task: over held-out slates, the chance that a scorer puts the clicked
 * item above an item shown beside it and not clicked (ties count half). Users are added one at a
 * time, with any score function (a model's row of scores, the truth, click counts).
 */
export class SlateAuc {
  private wins = 0;
  private pairs = 0;
  constructor(private readonly slates: Map<number, Slate[]>) {}

  addUser(user: number, score: (item: number) => number): void {
    for (const { click, skipped } of this.slates.get(user) ?? []) {
      const s = score(click);
      for (const j of skipped) {
        const t = score(j);
        this.wins += s > t ? 1 : s === t ? 0.5 : 0;
        this.pairs++;
      }
    }
  }

  value(): number {
    return this.pairs > 0 ? this.wins / this.pairs : Number.NaN;
  }

  /** The counts of another scorer's pass over the same slates (a ranking reused: rank-memo.ts). */
  copyFrom(other: SlateAuc): void {
    this.wins = other.wins;
    this.pairs = other.pairs;
  }
}
