import { itemStrideOf, SAME_CITY_BONUS } from './truth';
import type { Interactions, World } from './types';

/**
 * The world as files a student can load in a notebook: the logs, the features, the hidden truth
 * (enough to recompute P(i|u) and the oracle outside the lab) and a README of the columns.
 */
export function exportWorld(world: World): Record<string, string> {
  const { config, latentDim: L } = world;
  const itemStride = itemStrideOf(world);
  const itemHeader = world.itemFields.flatMap((f) => (f.slots === 1 ? [f.name] : Array.from({ length: f.slots }, (_, k) => `${f.name}_${k}`)));
  const items = rows(['item', ...itemHeader, 'train_clicks', 'is_head'], config.items, (i) => [
    i,
    ...Array.from(world.itemFeatures.subarray(i * itemStride, (i + 1) * itemStride), (v) => (v < 0 ? '' : v)),
    world.itemTrainClicks[i],
    world.isHead[i],
  ]);
  const users = rows(['user', ...world.userFields.map((f) => f.name)], config.users, (u) => [
    u,
    ...world.userFeatures.subarray(u * world.userFields.length, (u + 1) * world.userFields.length),
  ]);
  const latentCols = (p: string) => Array.from({ length: L }, (_, k) => `${p}${k}`);
  const itemsTruth = rows(['item', 'topic', 'popularity', ...latentCols('z')], config.items, (i) => [
    i,
    world.itemTopic[i],
    world.itemPopularity[i].toExponential(6),
    ...Array.from(world.itemLatent.subarray(i * L, (i + 1) * L), (x) => x.toFixed(6)),
  ]);
  const T = config.topics;
  const usersTruth = rows(['user', ...latentCols('a'), ...latentCols('b'), ...Array.from({ length: T }, (_, t) => `interest_${t}`)], config.users, (u) => [
    u,
    ...Array.from(world.userLatent.subarray(u * L, (u + 1) * L), (x) => x.toFixed(6)),
    ...Array.from(world.userDrift.subarray(u * L, (u + 1) * L), (x) => x.toFixed(6)),
    ...Array.from(world.userInterests.subarray(u * T, (u + 1) * T), (x) => x.toFixed(4)),
  ]);
  const exposures = rows(['user', 'item', 'day', 'hour', 'clicked'], world.exposures.user.length, (k) => [
    world.exposures.user[k],
    world.exposures.item[k],
    world.exposures.day[k],
    world.exposures.hour[k],
    world.exposures.clicked[k],
  ]);
  return {
    'users.csv': users,
    'items.csv': items,
    'train.csv': logCsv(world.train),
    'test.csv': logCsv(world.test),
    'exposures.csv': exposures,
    'items_truth.csv': itemsTruth,
    'users_truth.csv': usersTruth,
    'truth.json': JSON.stringify(
      { config, latentDim: L, sameCityBonus: SAME_CITY_BONUS, topicHourly: Array.from(world.topicHourly, (x) => +x.toFixed(4)) },
      null,
      2,
    ),
    'README.md': readme(world),
  };
}

function logCsv(log: Interactions): string {
  return rows(['user', 'item', 'day', 'hour'], log.user.length, (k) => [log.user[k], log.item[k], log.day[k], log.hour[k]]);
}

function rows(header: string[], n: number, row: (i: number) => ArrayLike<string | number>): string {
  const out = [header.join(',')];
  for (let i = 0; i < n; i++) out.push(Array.from(row(i)).join(','));
  return out.join('\n') + '\n';
}

function readme(world: World): string {
  const c = world.config;
  return `# Two-Tower Lab world (seed ${c.seed})

${c.users} users, ${c.items} items, ${c.topics} topics, ${c.days} days (days 0–${c.days - 2} train, day ${c.days - 1} test).
${world.train.item.length} training clicks, ${world.test.item.length} test clicks, ${world.exposures.item.length} exposures.

## Files
- \`users.csv\` — user, ${world.userFields.map((f) => f.name).join(', ')} (categorical codes).
- \`items.csv\` — item, ${world.itemFields.map((f) => (f.slots > 1 ? `${f.name}_0..${f.slots - 1} (multi-valued, empty = none)` : f.name)).join(', ')}, train_clicks, is_head (1 for the 20% most-clicked items in training).
- \`train.csv\`, \`test.csv\` — user, item, day, hour. Test clicks are on the last day and never on an item the user clicked in training.
- \`exposures.csv\` — user, item, day, hour, clicked: slates of the simulated upstream recommender (drawn from the user's own preference that day); clicked = 0 rows are "exposed, not clicked".
- \`items_truth.csv\` — hidden: topic, true popularity pi (sums to 1), latent z0..z${world.latentDim - 1} (unit length).
- \`users_truth.csv\` — hidden: base latent a, daily drift b, topic interest mixture.
- \`truth.json\` — the generator's config and constants.

## The ground truth
On day d the user's latent is u_d = (a + d·b) / |a + d·b|, and

    P(i | u, d) ∝ exp( κ · ( <u_d, z_i> + bonus · [city(u) = city(i)] ) ) · pi_i^β

with κ = ${c.sharpness}, β = ${c.popularityWeight}, bonus = ${SAME_CITY_BONUS}. Training clicks are drawn from it (without repeats per user);
the hour of a click follows the item topic's hourly multiplier in truth.json (topicHourly[topic·24 + hour]).
The oracle ranks every item by P(i | u, d = ${c.days - 1}), excluding the user's training items.
`;
}
