import { describe, expect, it } from 'vitest';
import { SlateAuc, slatesByUser } from '../../src/eval/slates';
import { generateWorld } from '../../src/world/generate';
import { hardNegatives, Pipelines, runPipeline, stageCounts } from '../../src/world/pipeline';
import { UserTruth } from '../../src/world/truth';
import type { Exposures, World } from '../../src/world/types';

const world = generateWorld({ seed: 7, users: 300, items: 1500 });

/** The user's true rank of every item on a day (0 = most preferred), training items left out. */
function trueRanks(w: World, user: number, day: number): Map<number, number> {
  const logits = new UserTruth(w, user).logits(day, new Float64Array(w.config.items));
  const { offsets, values } = w.trainByUser;
  const clicked = new Set(values.subarray(offsets[user], offsets[user + 1]));
  const order = Array.from(logits.keys()).filter((i) => !clicked.has(i)).sort((a, b) => logits[b] - logits[a]);
  return new Map(order.map((item, rank) => [item, rank]));
}

function slatesOf(log: Exposures): number[][] {
  const rows = new Map<number, number[]>();
  for (let k = 0; k < log.user.length; k++) (rows.get(log.slate[k]) ?? rows.set(log.slate[k], []).get(log.slate[k])!).push(k);
  return [...rows.values()];
}

describe('the ranking pipeline', () => {
  it('keeps the counts of its stages: retrieval 2 × pre-ranking, ranking shows `shown`', () => {
    const counts = stageCounts(world.config);
    expect(counts).toEqual({ retrieved: 400, preRanked: 200, shown: 10 });
    const p = runPipeline(world, 3);
    expect(p.retrieved.length).toBe(400);
    expect(new Set(p.preRanking).size).toBe(400);
    expect([...p.preRanking].sort()).toEqual([...p.retrieved].sort());
    expect(p.ranking.length).toBe(200);
    expect(new Set(p.ranking)).toEqual(new Set(p.preRanking.subarray(0, 200)));
    const hard = hardNegatives(p, counts);
    expect(hard.fairly.length).toBe(200);
    expect(hard.very.length).toBe(100);
    expect(hard.fairly.some((i) => p.ranking.includes(i))).toBe(false);
  });

  it('never offers a training click as a candidate, and is the same in any order of users', () => {
    const { offsets, values } = world.trainByUser;
    for (const u of [0, 1, 2, 50]) {
      const clicked = new Set(values.subarray(offsets[u], offsets[u + 1]));
      expect(runPipeline(world, u).retrieved.some((i) => clicked.has(i))).toBe(false);
    }
    const a = new Pipelines(world);
    const b = new Pipelines(world);
    b.hard(9);
    expect(a.hard(50).very).toEqual(b.hard(50).very);
  });

  it('cuts beyond the judged top-50 at its defaults and inside it when pre-ranking keeps 25', () => {
    const shareInTop50 = (w: World) => {
      const pipelines = new Pipelines(w);
      let inside = 0, all = 0;
      for (let u = 0; u < 40; u++) {
        const rank = trueRanks(w, u, w.config.days - 2);
        const { fairly, very } = pipelines.hard(u);
        for (const i of [...fairly, ...very]) {
          inside += rank.get(i)! < 50 ? 1 : 0;
          all++;
        }
      }
      return inside / all;
    };
    const beyond = shareInTop50(world);
    const inside = shareInTop50(generateWorld({ ...world.config, preRanked: 25 }));
    console.log(`hard negatives among the user's true top-50: ${(100 * beyond).toFixed(1)}% (keeps 200), ${(100 * inside).toFixed(1)}% (keeps 25)`);
    expect(beyond).toBeLessThan(0.02);
    expect(inside).toBeGreaterThan(0.25);
  });
});

describe('slates and the choice model', () => {
  it('logs every training click with its slate, `shown` items each, one click per slate', () => {
    const slates = slatesOf(world.exposures);
    expect(slates.length).toBe(world.train.item.length);
    for (const rows of slates.slice(0, 200)) {
      expect(rows.length).toBe(world.config.shown);
      expect(rows.filter((k) => world.exposures.clicked[k]).length).toBe(1);
    }
    expect(slatesOf(world.heldOutSlates).length).toBe(world.test.item.length);
  });

  it('shows items the user likes, below the clicked one: clicked > skipped > random in true rank', () => {
    let aboveMedian = 0, n = 0, skippedRank = 0, skipped = 0;
    for (const rows of slatesOf(world.exposures).slice(0, 600)) {
      const { user, day, item, clicked } = world.exposures;
      const logits = new UserTruth(world, user[rows[0]]).logits(day[rows[0]], new Float64Array(world.config.items));
      const click = rows.find((k) => clicked[k])!;
      const others = rows.filter((k) => !clicked[k]).map((k) => logits[item[k]]).sort((a, b) => a - b);
      aboveMedian += logits[item[click]] > others[Math.floor(others.length / 2)] ? 1 : 0;
      n++;
      const rank = trueRanks(world, user[rows[0]], day[rows[0]]);
      for (const k of rows) if (!clicked[k] && rank.has(item[k])) (skippedRank += rank.get(item[k])!), skipped++;
    }
    console.log(`clicked above its slate's median: ${((100 * aboveMedian) / n).toFixed(1)}%; mean true rank of skipped items ${(skippedRank / skipped).toFixed(0)} of ${world.config.items}`);
    expect(aboveMedian / n).toBeGreaterThan(0.6);
    expect(skippedRank / skipped).toBeLessThan(world.config.items / 4);
  });

  it('slate.auc is 1 for a scorer that puts every click first, 0.5 for a constant one', () => {
    const slates = slatesByUser(world.heldOutSlates);
    const { user, item, clicked } = world.heldOutSlates;
    const n = world.config.items;
    const clickedBy = new Set(Array.from(item, (i, k) => (clicked[k] ? user[k] * n + i : -1)));
    const perfect = new SlateAuc(slates);
    const flat = new SlateAuc(slates);
    for (const u of slates.keys()) {
      perfect.addUser(u, (i) => (clickedBy.has(u * n + i) ? 1 : 0));
      flat.addUser(u, () => 0);
    }
    expect(perfect.value()).toBeGreaterThan(0.99);
    expect(flat.value()).toBe(0.5);
  });
});

describe('exposure bias γ', () => {
  it('tilts the training log towards popular items, not the held-out clicks', () => {
    const biased = generateWorld({ ...world.config, exposureBias: 1 });
    const meanPopularity = (w: World, items: Int32Array) => items.reduce((s, i) => s + w.itemPopularity[i], 0) / items.length;
    const train0 = meanPopularity(world, world.train.item);
    const train1 = meanPopularity(biased, biased.train.item);
    const test0 = meanPopularity(world, world.test.item);
    const test1 = meanPopularity(biased, biased.test.item);
    console.log(`mean pi of training clicks ${train0.toExponential(2)} → ${train1.toExponential(2)}; held-out ${test0.toExponential(2)} → ${test1.toExponential(2)}`);
    expect(train1).toBeGreaterThan(1.5 * train0);
    // Held-out clicks follow the true preference (they only avoid the items clicked in training).
    expect(test1).toBeLessThanOrEqual(test0);
  });
});
