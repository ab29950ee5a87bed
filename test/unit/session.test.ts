/** Short-term interest within a session: the world's stickiness, each click's session context, and the user tower's request field. */
import { describe, expect, it } from 'vitest';
import { featureLayout, FeatureEncoder } from '../../src/model/features';
import { runJob } from '../../src/lesson/jobs';
import { SESSION_START, sessionContext } from '../../src/world/session';
import { generateWorld } from '../../src/world/generate';
import { scaleJob } from '../../lessons/serving/scale';

const small = { seed: 3, users: 200, items: 600, clicksPerUser: 15 };

function sameTopicShare(stickiness: number): number {
  const w = generateWorld({ ...small, sessionStickiness: stickiness });
  const ctx = sessionContext(w);
  let same = 0;
  let n = 0;
  ctx.forEach((t, k) => {
    if (t === SESSION_START) return;
    n++;
    if (t === w.itemTopic[w.train.item[k]]) same++;
  });
  return same / n;
}

describe('sessions', () => {
  it('stickiness 0 leaves the world as it was; ρ > 0 keeps clicks on the previous topic more often', () => {
    const a = generateWorld(small);
    const b = generateWorld({ ...small, sessionStickiness: 0 });
    expect(b.train.item).toEqual(a.train.item);
    expect(b.test.item).toEqual(a.test.item);
    const base = sameTopicShare(0);
    const sticky = sameTopicShare(0.6);
    console.log(`same topic as the session's previous click: ρ=0 ${base.toFixed(3)}, ρ=0.6 ${sticky.toFixed(3)}`);
    expect(sticky).toBeGreaterThan(base + 0.2);
    expect(() => generateWorld({ ...small, sessionStickiness: 1 })).toThrow(/sessionStickiness/);
  });

  it('a click’s context is the topic of the same user’s previous click that day, SESSION_START at a day’s first click', () => {
    const w = generateWorld({ ...small, sessionStickiness: 0.5 });
    const ctx = sessionContext(w);
    const { user, day, item } = w.train;
    for (let k = 0; k < ctx.length; k++) {
      const first = k === 0 || user[k - 1] !== user[k] || day[k - 1] !== day[k];
      expect(ctx[k]).toBe(first ? SESSION_START : w.itemTopic[item[k - 1]]);
    }
  });

  it('the encoder reads a request field from the call, not from the entity, and unknown when absent', () => {
    const fields = [{ name: 'city', cardinality: 3, slots: 1 }, { name: 'lastTopic', cardinality: 4, slots: 1 }];
    const layout = featureLayout(2, fields);
    const enc = new FeatureEncoder(layout, Int32Array.of(2, 0), 1);
    const withCtx = enc.encode([0, 1], undefined, undefined, [3, -1]);
    // rows: id, city, lastTopic; each field has cardinality + 1 rows (the last: unknown).
    expect([...withCtx.rows]).toEqual([0, 3 + 2, 7 + 3, 1, 3 + 0, 7 + 4]);
    expect([...enc.encode([0]).rows]).toEqual([0, 5, 7 + 4]);
  });

  it('the scale job reports what it measured, and a seed reproduces its vectors', () => {
    const row = runJob(scaleJob, { items: 2000, M: 8, efConstruction: 40, efSearch: 20, seed: 1 });
    expect(row.items).toBe(2000);
    expect(row.recall).toBe(row.byEf[20][0]);
    expect(row.byEf[160][0]).toBeGreaterThanOrEqual(row.byEf[10][0]);
    expect(row.exactBytes).toBe(2000 * 32 * 4);
    expect(row.hnswBytes).toBeGreaterThan(row.exactBytes);
    const again = runJob(scaleJob, { items: 2000, M: 8, efConstruction: 40, efSearch: 20, seed: 1 });
    expect(again.byEf[10][0]).toBe(row.byEf[10][0]);
  });
});
