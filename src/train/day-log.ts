import type { Csr, World } from '../world/types';

/** One served hour's requests: each user who clicked in that hour, with their clicks. */
export interface HourQueries {
  users: Int32Array;
  /** The clicks of each query (row r: users[r]'s clicks of the hour), as a CSR over rows. */
  clicks: Csr;
  /** Items each query's user clicked before this hour (never retrieved again), as a CSR over rows. */
  before: Csr;
}

/**
 * The training log in time order: each day's clicks sorted by hour (ties keep the log's order),
 * and, per user, their clicks by time — what update policies read
 * (a day shuffled, or a day's stream hour by hour) and what serving an hour must exclude.
 */
export class DayLog {
  /** Days of the log (the world's last day holds the held-out clicks and is not part of it). */
  readonly days: number;
  /** Per day: rows of world.train in time order. */
  private readonly rows: Int32Array[];
  /** Per day: 25 offsets into rows[day] by hour. */
  private readonly hourStart: Int32Array[];
  /** Per user: rows of world.train in time order (CSR over users). */
  private readonly byUser: Csr;

  constructor(private readonly world: World) {
    const { train } = world;
    this.days = world.config.days - 1;
    const time = (k: number) => train.day[k] * 24 + train.hour[k];
    const order = Array.from({ length: train.item.length }, (_, k) => k).sort((a, b) => time(a) - time(b) || a - b);
    this.rows = Array.from({ length: this.days }, (_, d) => Int32Array.from(order.filter((k) => train.day[k] === d)));
    this.hourStart = this.rows.map((rows) => {
      const start = new Int32Array(25);
      for (const k of rows) start[train.hour[k] + 1]++;
      for (let h = 0; h < 24; h++) start[h + 1] += start[h];
      return start;
    });
    const offsets = new Int32Array(world.config.users + 1);
    for (const u of train.user) offsets[u + 1]++;
    for (let u = 0; u < world.config.users; u++) offsets[u + 1] += offsets[u];
    const values = new Int32Array(order.length);
    const fill = offsets.slice(0, world.config.users);
    for (const k of order) values[fill[train.user[k]]++] = k;
    this.byUser = { offsets, values };
  }

  /** Rows of one day, in time order. */
  day(d: number): Int32Array {
    return this.rows[d];
  }

  /** Rows of one hour of one day, in time order. */
  hour(d: number, h: number): Int32Array {
    const start = this.hourStart[d];
    return this.rows[d].subarray(start[h], start[h + 1]);
  }

  private readonly queryCache = new Map<number, HourQueries>();

  /** The requests of hour h of day d: who clicked, what, and what they had clicked before (built once). */
  queries(d: number, h: number): HourQueries {
    const key = d * 24 + h;
    let q = this.queryCache.get(key);
    if (!q) this.queryCache.set(key, (q = this.buildQueries(d, h)));
    return q;
  }

  private buildQueries(d: number, h: number): HourQueries {
    const { train } = this.world;
    const rows = this.hour(d, h);
    const users: number[] = [];
    const clickOffsets = [0];
    const clickValues: number[] = [];
    // Rows are sorted by time, not user: group the hour's rows by user (first appearance order).
    const slot = new Map<number, number[]>();
    for (const k of rows) {
      const u = train.user[k];
      if (!slot.has(u)) {
        slot.set(u, []);
        users.push(u);
      }
      slot.get(u)!.push(train.item[k]);
    }
    const beforeOffsets = [0];
    const beforeValues: number[] = [];
    const now = d * 24 + h;
    for (const u of users) {
      clickValues.push(...slot.get(u)!);
      clickOffsets.push(clickValues.length);
      for (let j = this.byUser.offsets[u]; j < this.byUser.offsets[u + 1]; j++) {
        const k = this.byUser.values[j];
        if (train.day[k] * 24 + train.hour[k] >= now) break;
        beforeValues.push(train.item[k]);
      }
      beforeOffsets.push(beforeValues.length);
    }
    return {
      users: Int32Array.from(users),
      clicks: { offsets: Int32Array.from(clickOffsets), values: Int32Array.from(clickValues) },
      before: { offsets: Int32Array.from(beforeOffsets), values: Int32Array.from(beforeValues) },
    };
  }
}

const logs = new WeakMap<World, DayLog>();

/** The world's log in time order, built once per world (every arm of a run shares it). */
export function dayLogOf(world: World): DayLog {
  let log = logs.get(world);
  if (!log) logs.set(world, (log = new DayLog(world)));
  return log;
}
