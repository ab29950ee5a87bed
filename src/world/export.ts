import { hardNegatives, RETRIEVED_PER_PRERANKED, runPipeline, STAGE_NOISE, stageCounts } from './pipeline';
import { UPSTREAM_FORMULA } from './slates';
import { itemStrideOf, SAME_CITY_BONUS } from './truth';
import type { Exposures, Interactions, World } from './types';

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
  return {
    'users.csv': users,
    'items.csv': items,
    'train.csv': logCsv(world.train),
    'test.csv': logCsv(world.test),
    'exposures.csv': slateCsv(world.exposures),
    'heldout_slates.csv': slateCsv(world.heldOutSlates),
    'pipeline.csv': pipelineCsv(world),
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

function slateCsv(log: Exposures): string {
  return rows(['slate', 'user', 'item', 'day', 'hour', 'clicked'], log.user.length, (k) => [log.slate[k], log.user[k], log.item[k], log.day[k], log.hour[k], log.clicked[k]]);
}

/** Every user's pass through the funnel: each retrieved item, its rank at each stage and what it became. */
function pipelineCsv(world: World): string {
  const counts = stageCounts(world.config);
  const out = ['user,item,retrieval_rank,preranking_rank,ranking_rank,role'];
  for (let u = 0; u < world.config.users; u++) {
    const p = runPipeline(world, u);
    const hard = hardNegatives(p, counts);
    const rankIn = (list: Int32Array) => new Map(Array.from(list, (item, r) => [item, r]));
    const pre = rankIn(p.preRanking);
    const fin = rankIn(p.ranking);
    const very = new Set(hard.very);
    p.retrieved.forEach((item, r) => {
      const f = fin.get(item);
      const role = f === undefined ? 'fairly_hard' : f < counts.shown ? 'shown' : very.has(item) ? 'very_hard' : 'kept';
      out.push(`${u},${item},${r},${pre.get(item)},${f ?? ''},${role}`);
    });
  }
  return out.join('\n') + '\n';
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
${world.train.item.length} training clicks, ${world.test.item.length} held-out clicks, ${world.exposures.item.length} exposures in training slates, ${world.heldOutSlates.item.length} in held-out slates.

## Files
- \`users.csv\` — user, ${world.userFields.map((f) => f.name).join(', ')} (categorical codes).
- \`items.csv\` — item, ${world.itemFields.map((f) => (f.slots > 1 ? `${f.name}_0..${f.slots - 1} (multi-valued, empty = none)` : f.name)).join(', ')}, train_clicks, is_head (1 for the 20% most-clicked items in training).
- \`train.csv\`, \`test.csv\` — user, item, day, hour. Held-out (test) clicks are on the last day and never on an item the user clicked in training.
- \`exposures.csv\` — slate, user, item, day, hour, clicked: the slate (${c.shown} items) in which each training click happened; clicked = 0 rows are "exposed, not clicked".
- \`heldout_slates.csv\` — the same for the held-out clicks (the ranking metric slate.auc is computed on these).
- \`pipeline.csv\` — user, item, retrieval_rank, preranking_rank, ranking_rank (empty if cut by pre-ranking), role: each user's pass through the funnel on day ${c.days - 2} (see below). role is shown, kept, very_hard (the low half of ranking) or fairly_hard (cut by pre-ranking).
- \`items_truth.csv\` — hidden: topic, true popularity pi (sums to 1), latent z0..z${world.latentDim - 1} (unit length).
- \`users_truth.csv\` — hidden: base latent a, daily drift b, topic interest mixture.
- \`truth.json\` — the generator's config and constants.

## The ground truth
On day d the user's latent is u_d = (a + d·b) / |a + d·b|, and

    P(i | u, d) ∝ exp( κ · ( <u_d, z_i> + bonus · [city(u) = city(i)] ) ) · pi_i^β

with κ = ${c.sharpness}, β = ${c.popularityWeight}, bonus = ${SAME_CITY_BONUS}. Training clicks are drawn from P(i | u, d) · pi_i^γ with the
exposure bias γ = ${c.exposureBias} (the previous recommender's exposure; 0 = an unbiased log), without repeats per user;
held-out clicks are drawn from P(i | u, d = ${c.days - 1}) itself. The hour of a click follows the item topic's hourly
multiplier in truth.json (topicHourly[topic·24 + hour]). The oracle ranks every item by P(i | u, d = ${c.days - 1}),
excluding the user's training items.${
    c.sessionStickiness > 0
      ? `

Sessions (sessionStickiness ρ = ${c.sessionStickiness}): within a user's day, each click after the first stays on the topic
of the previous click with probability ρ (drawn from P(i | u, d) restricted to that topic), otherwise it is drawn as
above. train.csv and test.csv list each user's clicks of a day in session order (the hour column is drawn apart from it).`
      : ''
  }

## Slates and the choice model
The previous recommender shows slates drawn from ${UPSTREAM_FORMULA} (noisier and more popularity-biased than the
truth). Each click comes with the ${c.shown - 1} items shown beside it, drawn given that the user, offered the slate and
a no-click option, chose the clicked item by true preference (multinomial logit on P(i | u, d); the no-click option
weighs as much as a typical click).

## The ranking pipeline
Retrieval returns ${stageCounts(c).retrieved} candidates (${RETRIEVED_PER_PRERANKED} × what pre-ranking keeps), pre-ranking keeps ${stageCounts(c).preRanked},
ranking shows ${stageCounts(c).shown}. Each stage scores by the true log-preference plus Gaussian noise of its own
(retrieval ${STAGE_NOISE.retrieval}, pre-ranking ${STAGE_NOISE.preRanking}, ranking ${STAGE_NOISE.ranking}); the user's training items are never candidates.
`;
}
