/**
 * Why user vectors are not stored: a session on the test day in which the user's interest moves
 * (each click stays on the previous click's topic with probability ρ, the world's
 * sessionStickiness). Each request retrieves the top-K from the arm's index with either
 *   - the user vector stored at the session's start (computed once, as a vector database of users
 *     would hold it), or
 *   - the user vector computed per request, the user tower reading the session's last click.
 * Both exclude the user's training clicks and the session's earlier clicks; a hit is the request's
 * click being among the K retrieved.
 */
import type { Arm } from '../../src/train/arm';
import type { Settings } from '../../src/lesson/types';
import { armIndex, spread } from '../../src/train/serving-index';
import { Rng } from '../../src/util/rng';
import { SESSION_START, SessionChooser } from '../../src/world/session';
import { UserTruth } from '../../src/world/truth';
import type { World } from '../../src/world/types';

export const SESSION_K = 50;
/** Sessions simulated per measurement (users spread over the catalogue of users). */
export const SESSION_USERS = 400;

export interface SessionRecall {
  k: number;
  length: number;
  users: number;
  /** Recall@K at each request of the session (index 0: the first request). */
  stored: number[];
  perRequest: number[];
  storedMean: number;
  perRequestMean: number;
  /** Share of clicks after the first that stayed on the previous click's topic. */
  sameTopic: number;
}

interface Sessions {
  users: Int32Array;
  /** [users × length] the clicked item and the topic of the click before it (SESSION_START first). */
  clicks: Int32Array;
  context: Int32Array;
}

/** The sessions: clicks drawn from the truth on the test day, never an item clicked before. */
export function simulateSessions(world: World, users: Int32Array, length: number, seed: number): Sessions {
  const rng = Rng.derive(seed, 'sessions');
  const chooser = new SessionChooser(world);
  const n = world.config.items;
  const day = world.config.days - 1;
  const logits = new Float64Array(n);
  const cdf = new Float64Array(n);
  const clicks = new Int32Array(users.length * length);
  const context = new Int32Array(users.length * length);
  const { offsets, values } = world.trainByUser;
  users.forEach((u, j) => {
    new UserTruth(world, u).logits(day, logits);
    const max = logits.reduce((m, x) => Math.max(m, x), -Infinity);
    const seen = new Set(values.subarray(offsets[u], offsets[u + 1]));
    let prev = SESSION_START;
    for (let r = 0; r < length; r++) {
      for (let i = 0, acc = 0; i < n; i++) cdf[i] = acc += seen.has(i) ? 0 : Math.exp(logits[i] - max);
      const item = chooser.draw(cdf, prev, rng);
      context[j * length + r] = prev;
      clicks[j * length + r] = item;
      seen.add(item);
      prev = world.itemTopic[item];
    }
  });
  return { users, clicks, context };
}

export async function sessionRecall(arm: Arm, world: World, settings: Settings): Promise<SessionRecall> {
  const length = settings.sessionLength;
  const all = Int32Array.from({ length: world.config.users }, (_, u) => u);
  const s = simulateSessions(world, spread(all, SESSION_USERS), length, settings.seed);
  const { index } = await armIndex(arm, arm.index ?? { kind: 'exact' }, settings.seed);
  const storedT = arm.userVectors(s.users);
  const repeated = Int32Array.from(s.clicks, (_, k) => s.users[Math.floor(k / length)]);
  const perRequestT = arm.userVectors(repeated, s.context);
  const [stored, perRequest] = [(await storedT.data()) as Float32Array, (await perRequestT.data()) as Float32Array];
  storedT.dispose();
  perRequestT.dispose();
  const dim = storedT.shape[1];
  const { offsets, values } = world.trainByUser;
  const hits = { stored: new Array<number>(length).fill(0), perRequest: new Array<number>(length).fill(0) };
  let same = 0;
  s.users.forEach((u, j) => {
    const excluded = new Set(values.subarray(offsets[u], offsets[u + 1]));
    for (let r = 0; r < length; r++) {
      const k = j * length + r;
      const topK = (vectors: Float32Array, offset: number) => {
        const found = index.search(vectors, SESSION_K + excluded.size, undefined, offset).ids;
        return found.filter((i) => !excluded.has(i)).slice(0, SESSION_K);
      };
      if (topK(stored, j * dim).includes(s.clicks[k])) hits.stored[r]++;
      if (topK(perRequest, k * dim).includes(s.clicks[k])) hits.perRequest[r]++;
      if (r > 0 && s.context[k] === world.itemTopic[s.clicks[k]]) same++;
      excluded.add(s.clicks[k]);
    }
  });
  const n = s.users.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length * n);
  return {
    k: SESSION_K,
    length,
    users: n,
    stored: hits.stored.map((h) => h / n),
    perRequest: hits.perRequest.map((h) => h / n),
    storedMean: mean(hits.stored),
    perRequestMean: mean(hits.perRequest),
    sameTopic: same / (n * Math.max(1, length - 1)),
  };
}
