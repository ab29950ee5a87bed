import type { RunProbe } from '../../src/lesson/probes';
import { oracleDays } from '../../src/train/updates';
import type { World } from '../../src/world/types';

export const DAILY_ORACLE = 'dailyOracle';
export const HOURLY_MIX = 'hourlyMix';

/** A served day's recall@50 (after the update on `day`, judged on `servedDay`). */
export interface DayRecall {
  day: number;
  servedDay: number;
  'recall@50': number;
}

/** The ceiling per served day: requests ranked by the true P(i | u, day), judged like the arms. */
export const dailyOracleProbe: RunProbe<DayRecall[]> = {
  name: DAILY_ORACLE,
  per: 'run',
  compute: ({ world }) => oracleDays(world).map((r) => ({ day: r.day, servedDay: r.servedDay, 'recall@50': r.metrics['recall@50'] })),
};

/** How far an hour's clicks depart from the day's topic mix: what a time-ordered batch sees. */
export interface HourlyMix {
  topics: number;
  /** [topic × 24]: the topic's share of the hour's clicks over its share of all clicks. */
  ratio: number[];
  /** Mean over topics and hours of |ratio − 1|, weighting each hour by its clicks. */
  spread: number;
}

export function hourlyMix(world: World): HourlyMix {
  const T = world.config.topics;
  const counts = new Float64Array(T * 24);
  const { item, hour } = world.train;
  for (let k = 0; k < item.length; k++) counts[world.itemTopic[item[k]] * 24 + hour[k]]++;
  const perHour = Array.from({ length: 24 }, (_, h) => Array.from({ length: T }, (_, t) => counts[t * 24 + h]).reduce((s, x) => s + x, 0));
  const perTopic = Array.from({ length: T }, (_, t) => counts.subarray(t * 24, t * 24 + 24).reduce((s, x) => s + x, 0));
  const total = item.length;
  const ratio = Array.from({ length: T * 24 }, (_, k) => {
    const t = Math.floor(k / 24);
    const h = k % 24;
    const dayShare = perTopic[t] / total;
    return perHour[h] > 0 && dayShare > 0 ? counts[k] / perHour[h] / dayShare : 1;
  });
  let spread = 0;
  for (let k = 0; k < T * 24; k++) spread += (perHour[k % 24] / total) * (perTopic[Math.floor(k / 24)] / total) * Math.abs(ratio[k] - 1);
  return { topics: T, ratio, spread };
}

export const hourlyMixProbe: RunProbe<HourlyMix> = { name: HOURLY_MIX, per: 'run', compute: ({ world }) => hourlyMix(world) };
