import type { Exposures } from '../world/types';

/** One held-out slate: the item clicked and the items shown beside it. */
export interface Slate {
  click: number;
  skipped: number[];
}

/** Held-out slates of each user. */
export function slatesByUser(log: Exposures): Map<number, Slate[]> {
  const byId = new Map<number, { user: number; slate: Slate }>();
  for (let k = 0; k < log.user.length; k++) {
    let s = byId.get(log.slate[k]);
    if (!s) byId.set(log.slate[k], (s = { user: log.user[k], slate: { click: -1, skipped: [] } }));
    if (log.clicked[k]) s.slate.click = log.item[k];
    else s.slate.skipped.push(log.item[k]);
  }
  const out = new Map<number, Slate[]>();
  for (const { user, slate } of byId.values()) {
    if (slate.click < 0 || !slate.skipped.length) continue;
    if (!out.has(user)) out.set(user, []);
    out.get(user)!.push(slate);
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
}
