import { Rng } from '../util/rng';
import { SESSION_START, SessionChooser } from './session';
import { SlateDay } from './slates';
import { itemStrideOf, truthArrays, UserTruth } from './truth';
import type { Csr, Exposures, FieldSpec, Interactions, World, WorldConfig } from './types';

export const DEFAULT_WORLD: WorldConfig = {
  seed: 7,
  users: 1500,
  items: 3000,
  zipf: 1.0,
  clicksPerUser: 20,
  topics: 16,
  days: 7,
  sharpness: 8,
  popularityWeight: 1,
  driftPerDay: 0.08,
  hourSkew: 0.5,
  testShare: 0.25,
  shown: 10,
  preRanked: 200,
  exposureBias: 0,
  sessionStickiness: 0,
};

const LATENT_DIM = 16;
const SUBCATS_PER_CATEGORY = 4;
const TAGS = 48;
const TAGS_PER_TOPIC = 6;
const MAX_TAGS = 3;
const CITIES = 12;
const PRICE_BUCKETS = 5;
const AGE_BUCKETS = 6;
const DEVICES = 3;

/** Item fields, in slot order (truth.ts relies on city being slot 4). */
function itemFieldsFor(cfg: WorldConfig): FieldSpec[] {
  return [
    { name: 'category', cardinality: cfg.topics, slots: 1 },
    { name: 'subcategory', cardinality: cfg.topics * SUBCATS_PER_CATEGORY, slots: 1 },
    { name: 'creator', cardinality: creatorsFor(cfg), slots: 1 },
    { name: 'price', cardinality: PRICE_BUCKETS, slots: 1 },
    { name: 'city', cardinality: CITIES, slots: 1 },
    { name: 'tags', cardinality: TAGS, slots: MAX_TAGS },
  ];
}

const USER_FIELDS: FieldSpec[] = [
  { name: 'age', cardinality: AGE_BUCKETS, slots: 1 },
  { name: 'city', cardinality: CITIES, slots: 1 },
  { name: 'device', cardinality: DEVICES, slots: 1 },
];

function creatorsFor(cfg: WorldConfig): number {
  return Math.max(cfg.topics * 2, Math.round(cfg.items / 10));
}

function unitVectors(rng: Rng, n: number, dim: number): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (out[i * dim + k] = rng.normal()) ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < dim; k++) out[i * dim + k] /= norm;
  }
  return out;
}

function normaliseInPlace(v: Float32Array, offset: number, dim: number): void {
  let norm = 0;
  for (let k = 0; k < dim; k++) norm += v[offset + k] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < dim; k++) v[offset + k] /= norm;
}

export function validateWorldConfig(cfg: WorldConfig): void {
  const positiveInts: (keyof WorldConfig)[] = ['users', 'items', 'topics', 'days'];
  for (const k of positiveInts) {
    const v = cfg[k];
    if (!Number.isInteger(v) || v <= 0) throw new Error(`world: ${k} must be a positive integer, got ${v}`);
  }
  if (cfg.items < 50) throw new Error(`world: items must be at least 50, got ${cfg.items}`);
  if (cfg.users < 10) throw new Error(`world: users must be at least 10, got ${cfg.users}`);
  if (cfg.days < 2) throw new Error(`world: days must be at least 2 (train days + one test day)`);
  if (!(cfg.zipf >= 0 && cfg.zipf <= 3)) throw new Error(`world: zipf must be in [0, 3], got ${cfg.zipf}`);
  if (!(cfg.clicksPerUser >= 1 && cfg.clicksPerUser <= cfg.items / 4))
    throw new Error(`world: clicks per user must be in [1, items/4], got ${cfg.clicksPerUser}`);
  if (!Number.isInteger(cfg.shown) || cfg.shown < 2) throw new Error(`world: shown must be an integer of at least 2, got ${cfg.shown}`);
  if (!Number.isInteger(cfg.preRanked) || cfg.preRanked <= cfg.shown)
    throw new Error(`world: preRanked must be an integer above shown (${cfg.shown}), got ${cfg.preRanked}`);
  if (!(cfg.driftPerDay >= 0 && cfg.driftPerDay <= 1)) throw new Error(`world: driftPerDay must be in [0, 1], got ${cfg.driftPerDay}`);
  if (!(cfg.hourSkew >= 0 && cfg.hourSkew <= 1)) throw new Error(`world: hourSkew must be in [0, 1], got ${cfg.hourSkew}`);
  if (!(cfg.exposureBias >= 0 && cfg.exposureBias <= 3)) throw new Error(`world: exposureBias must be in [0, 3], got ${cfg.exposureBias}`);
  if (!(cfg.sessionStickiness >= 0 && cfg.sessionStickiness < 1)) throw new Error(`world: sessionStickiness must be in [0, 1), got ${cfg.sessionStickiness}`);
}

/** Builds the whole world from its config; the same config (seed included) gives the same world. */
export function generateWorld(partial: Partial<WorldConfig> = {}): World {
  const config: WorldConfig = { ...DEFAULT_WORLD, ...partial };
  validateWorldConfig(config);
  const rng = Rng.derive(config.seed, 'world');
  const L = LATENT_DIM;
  const T = config.topics;
  const nItems = config.items;
  const nUsers = config.users;

  // Latent directions: topics, sub-categories, tags and creators each carry one.
  const topicVec = unitVectors(rng, T, L);
  const subcatVec = unitVectors(rng, T * SUBCATS_PER_CATEGORY, L);
  const tagVec = unitVectors(rng, TAGS, L);
  const nCreators = creatorsFor(config);
  const creatorVec = unitVectors(rng, nCreators, L);
  const creatorTopic = Int32Array.from({ length: nCreators }, (_, c) => c % T);
  const creatorsOfTopic: number[][] = Array.from({ length: T }, () => []);
  creatorTopic.forEach((t, c) => creatorsOfTopic[t].push(c));
  const topicTags = Array.from({ length: T }, () => Array.from({ length: TAGS_PER_TOPIC }, () => rng.int(TAGS)));
  const categoryPrice = Int32Array.from({ length: T }, () => rng.int(PRICE_BUCKETS));

  // Items.
  const itemFields = itemFieldsFor(config);
  const itemStride = itemStrideOf({ itemFields });
  const itemFeatures = new Int32Array(nItems * itemStride).fill(-1);
  const itemTopic = new Int32Array(nItems);
  const itemLatent = new Float32Array(nItems * L);
  for (let i = 0; i < nItems; i++) {
    const topic = rng.int(T);
    itemTopic[i] = topic;
    const category = rng.next() < 0.9 ? topic : rng.int(T);
    const subcat = category * SUBCATS_PER_CATEGORY + rng.int(SUBCATS_PER_CATEGORY);
    const creator = rng.next() < 0.9 ? creatorsOfTopic[topic][rng.int(creatorsOfTopic[topic].length)] : rng.int(nCreators);
    const price = rng.next() < 0.7 ? categoryPrice[category] : rng.int(PRICE_BUCKETS);
    const city = rng.int(CITIES);
    const nTags = 1 + rng.int(MAX_TAGS);
    const tags = new Set<number>();
    while (tags.size < nTags) tags.add(rng.next() < 0.8 ? topicTags[topic][rng.int(TAGS_PER_TOPIC)] : rng.int(TAGS));
    const row = i * itemStride;
    itemFeatures.set([category, subcat, creator, price, city, ...tags], row);
    // The latent is mostly determined by the features: tail items stay learnable from them.
    const o = i * L;
    for (let k = 0; k < L; k++) {
      let tagMean = 0;
      for (const t of tags) tagMean += tagVec[t * L + k] / tags.size;
      itemLatent[o + k] =
        topicVec[topic * L + k] + 0.6 * subcatVec[subcat * L + k] + 0.35 * tagMean + 0.35 * creatorVec[creator * L + k] + 0.25 * rng.normal() / Math.sqrt(L);
    }
    normaliseInPlace(itemLatent, o, L);
  }

  // True popularity: Zipf over a random order of the items.
  const order = rng.shuffle(Int32Array.from({ length: nItems }, (_, i) => i));
  const itemPopularity = new Float64Array(nItems);
  let popSum = 0;
  order.forEach((item, rank) => (popSum += itemPopularity[item] = Math.pow(rank + 1, -config.zipf)));
  for (let i = 0; i < nItems; i++) itemPopularity[i] /= popSum;

  // Users: sparse interest mixtures, a drift direction, features weakly tied to interests.
  const topicAge = Int32Array.from({ length: T }, () => rng.int(AGE_BUCKETS));
  const userFeatures = new Int32Array(nUsers * USER_FIELDS.length);
  const userInterests = new Float32Array(nUsers * T);
  const userLatent = new Float32Array(nUsers * L);
  const userDrift = new Float32Array(nUsers * L);
  const activity = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    const w = rng.dirichlet(0.25, T);
    userInterests.set(w, u * T);
    let top = 0;
    for (let t = 1; t < T; t++) if (w[t] > w[top]) top = t;
    const o = u * L;
    for (let k = 0; k < L; k++) {
      let v = 0.3 * rng.normal() / Math.sqrt(L);
      for (let t = 0; t < T; t++) v += w[t] * topicVec[t * L + k];
      userLatent[o + k] = v;
    }
    normaliseInPlace(userLatent, o, L);
    for (let k = 0; k < L; k++) userDrift[o + k] = rng.normal();
    normaliseInPlace(userDrift, o, L);
    for (let k = 0; k < L; k++) userDrift[o + k] *= config.driftPerDay;
    userFeatures[u * 3] = rng.next() < 0.5 ? topicAge[top] : rng.int(AGE_BUCKETS);
    userFeatures[u * 3 + 1] = rng.int(CITIES);
    userFeatures[u * 3 + 2] = rng.int(DEVICES);
    // Activity: log-normal, mean 1 — a few heavy users, many light ones.
    activity[u] = Math.exp(0.8 * rng.normal() - 0.32);
  }

  // Hour-of-day topic mix: each topic peaks at its own hour.
  const topicHourly = new Float32Array(T * 24);
  for (let t = 0; t < T; t++) {
    const phase = rng.next() * 24;
    for (let h = 0; h < 24; h++) topicHourly[t * 24 + h] = 1 + config.hourSkew * Math.cos((2 * Math.PI * (h - phase)) / 24);
  }

  const world: World = {
    config,
    latentDim: L,
    itemFields,
    userFields: USER_FIELDS,
    itemFeatures,
    userFeatures,
    itemTopic,
    itemPopularity,
    itemLatent,
    userLatent,
    userDrift,
    userInterests,
    topicHourly,
    train: emptyInteractions(),
    test: emptyInteractions(),
    exposures: emptySlates(),
    heldOutSlates: emptySlates(),
    trainByUser: { offsets: new Int32Array(nUsers + 1), values: new Int32Array(0) },
    testByUser: { offsets: new Int32Array(nUsers + 1), values: new Int32Array(0) },
    itemTrainClicks: new Int32Array(nItems),
    isHead: new Uint8Array(nItems),
  };
  simulateLogs(world, activity, Rng.derive(config.seed, 'logs'));
  return world;
}

function emptyInteractions(): Interactions {
  return { user: new Int32Array(0), item: new Int32Array(0), day: new Uint8Array(0), hour: new Uint8Array(0) };
}

function emptySlates(): Exposures {
  return { ...emptyInteractions(), clicked: new Uint8Array(0), slate: new Int32Array(0) };
}

class LogBuilder {
  user: number[] = [];
  item: number[] = [];
  day: number[] = [];
  hour: number[] = [];
  clicked: number[] = [];
  slate: number[] = [];
  private slates = 0;
  push(u: number, i: number, d: number, h: number, c = 1): void {
    this.user.push(u);
    this.item.push(i);
    this.day.push(d);
    this.hour.push(h);
    this.clicked.push(c);
    this.slate.push(this.slates);
  }
  /** One slate: the clicked item first, then the items shown beside it (all at the click's hour). */
  pushSlate(u: number, click: number, others: number[], d: number, h: number): void {
    this.push(u, click, d, h, 1);
    for (const item of others) this.push(u, item, d, h, 0);
    this.slates++;
  }
  build(): Exposures {
    return {
      user: Int32Array.from(this.user),
      item: Int32Array.from(this.item),
      day: Uint8Array.from(this.day),
      hour: Uint8Array.from(this.hour),
      clicked: Uint8Array.from(this.clicked),
      slate: Int32Array.from(this.slate),
    };
  }
}

/**
 * Clicks, test clicks and slates. Training clicks fall on days 0..D−2 and follow the true
 * preference times pi^γ (exposure bias γ); test clicks fall on the last day, follow the true
 * preference and avoid items the user clicked in training. Every click comes with the slate it was
 * chosen from (slates.ts). The hour shapes the topic mix (accepted by rejection on the topic's
 * hourly multiplier). Slates draw from their own stream, so they never change the clicks.
 */
function simulateLogs(world: World, activity: Float64Array, rng: Rng): void {
  const { config, itemTopic, topicHourly, itemPopularity } = world;
  const nItems = config.items;
  const trainDays = config.days - 1;
  const slateRng = Rng.derive(config.seed, 'slates');
  const logits = new Float64Array(nItems);
  const cdf = new Float64Array(nItems);
  const train = new LogBuilder();
  const test = new LogBuilder();
  const exposures = new LogBuilder();
  const heldOut = new LogBuilder();
  const session = new SessionChooser(world);
  // The exposure factor pi^γ of the training log (1 everywhere at γ = 0).
  const exposure = Float64Array.from(itemPopularity, (p) => Math.pow(p, config.exposureBias));
  const drawHourFor = (item: number): number => {
    // Rejection: hours where the item's topic is popular are more likely.
    for (;;) {
      const h = rng.int(24);
      if (rng.next() * (1 + config.hourSkew) < topicHourly[itemTopic[item] * 24 + h]) return h;
    }
  };

  const slateBuffers = { weight: new Float64Array(nItems), upstreamCdf: new Float64Array(nItems) };
  const truthBuffers = truthArrays(nItems);
  for (let u = 0; u < config.users; u++) {
    const nClicks = Math.max(2, Math.round(config.clicksPerUser * activity[u]));
    const perDay = new Int32Array(trainDays);
    for (let c = 0; c < nClicks; c++) perDay[rng.int(trainDays)]++;
    const clicked = new Set<number>();
    const truth = new UserTruth(world, u, truthBuffers);
    for (let d = 0; d < trainDays; d++) {
      if (perDay[d] === 0) continue;
      const slates = new SlateDay(truth.logits(d, logits), itemPopularity, slateBuffers);
      for (let i = 0, acc = 0; i < nItems; i++) cdf[i] = acc += slates.weight[i] * exposure[i];
      let prevTopic = SESSION_START;
      for (let c = 0, tries = 0; c < perDay[d] && tries < perDay[d] * 20; tries++) {
        const item = session.draw(cdf, prevTopic, rng);
        if (clicked.has(item)) continue;
        clicked.add(item);
        prevTopic = itemTopic[item];
        const hour = drawHourFor(item);
        train.push(u, item, d, hour);
        exposures.pushSlate(u, item, slates.companions(item, config.shown, clicked, slateRng), d, hour);
        c++;
      }
    }
    // Test day: later than all training clicks, never an item clicked in training.
    const testDay = config.days - 1;
    const slates = new SlateDay(truth.logits(testDay, logits), itemPopularity, slateBuffers);
    for (let i = 0, acc = 0; i < nItems; i++) cdf[i] = acc += slates.weight[i];
    const nTest = Math.max(1, Math.round(config.testShare * clicked.size));
    const seen = new Set<number>();
    const hours: number[] = [];
    let prevTopic = SESSION_START;
    for (let c = 0, tries = 0; c < nTest && tries < nTest * 50; tries++) {
      const item = session.draw(cdf, prevTopic, rng);
      if (clicked.has(item) || seen.has(item)) continue;
      seen.add(item);
      prevTopic = itemTopic[item];
      hours.push(drawHourFor(item));
      test.push(u, item, testDay, hours[c]);
      c++;
    }
    const shownBefore = new Set([...clicked, ...seen]);
    [...seen].forEach((item, c) => heldOut.pushSlate(u, item, slates.companions(item, config.shown, shownBefore, slateRng), testDay, hours[c]));
  }

  world.train = stripClicked(train.build());
  world.test = stripClicked(test.build());
  world.exposures = exposures.build();
  world.heldOutSlates = heldOut.build();
  world.trainByUser = groupByUser(world.train, config.users);
  world.testByUser = groupByUser(world.test, config.users);
  for (let k = 0; k < world.train.item.length; k++) world.itemTrainClicks[world.train.item[k]]++;
  world.isHead = headItems(world.itemTrainClicks, 0.2);
}

function stripClicked(e: Exposures): Interactions {
  return { user: e.user, item: e.item, day: e.day, hour: e.hour };
}

export function groupByUser(log: Interactions, nUsers: number): Csr {
  const offsets = new Int32Array(nUsers + 1);
  for (const u of log.user) offsets[u + 1]++;
  for (let u = 0; u < nUsers; u++) offsets[u + 1] += offsets[u];
  const values = new Int32Array(log.item.length);
  const fill = offsets.slice(0, nUsers);
  for (let k = 0; k < log.user.length; k++) values[fill[log.user[k]]++] = log.item[k];
  for (let u = 0; u < nUsers; u++) values.subarray(offsets[u], offsets[u + 1]).sort();
  return { offsets, values };
}

/** Marks the `share` of items with the most clicks as head (ties broken by id). */
export function headItems(clicks: Int32Array, share: number): Uint8Array {
  const order = Array.from(clicks.keys()).sort((a, b) => clicks[b] - clicks[a] || a - b);
  const isHead = new Uint8Array(clicks.length);
  const nHead = Math.round(clicks.length * share);
  for (let k = 0; k < nHead; k++) isHead[order[k]] = 1;
  return isHead;
}
