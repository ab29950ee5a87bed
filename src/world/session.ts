/**
 * Short-term interest within a session (one user's clicks of one day). With probability ρ
 * (`sessionStickiness`) a click stays on the topic of the session's previous click — drawn from
 * the true preference restricted to that topic — otherwise it is drawn from the whole preference.
 * So a user's interest moves during a session, and the last clicked topic tells where it is now.
 * ρ = 0 (the default) draws nothing extra: clicks within a day are independent, as before.
 */
import { type Rng, sampleCdf } from '../util/rng';
import type { World } from './types';

/** Topic of "no previous click": the session has just started. */
export const SESSION_START = -1;

export class SessionChooser {
  private readonly byTopic: Int32Array[];

  constructor(private readonly world: Pick<World, 'itemTopic' | 'config'>) {
    const lists: number[][] = Array.from({ length: world.config.topics }, () => []);
    world.itemTopic.forEach((t, i) => lists[t].push(i));
    this.byTopic = lists.map((l) => Int32Array.from(l));
  }

  /** The next click, from `cdf` (cumulative true preference over items) given the previous click's topic. */
  draw(cdf: Float64Array, prevTopic: number, rng: Rng): number {
    const rho = this.world.config.sessionStickiness;
    if (rho > 0 && prevTopic !== SESSION_START && rng.next() < rho) return this.drawInTopic(cdf, prevTopic, rng);
    return sampleCdf(cdf, rng);
  }

  private drawInTopic(cdf: Float64Array, topic: number, rng: Rng): number {
    const items = this.byTopic[topic];
    const weight = (i: number) => cdf[i] - (i > 0 ? cdf[i - 1] : 0);
    let total = 0;
    for (const i of items) total += weight(i);
    // Nothing left in the topic (every item already clicked): the whole preference decides.
    if (!(total > 0)) return sampleCdf(cdf, rng);
    let r = rng.next() * total;
    for (const i of items) if ((r -= weight(i)) < 0) return i;
    return items[items.length - 1];
  }
}

/**
 * The session context of every training click: the topic of the same user's previous click that
 * day, or SESSION_START for the day's first click (the log is in click order within a user's day).
 */
export function sessionContext(world: Pick<World, 'train' | 'itemTopic'>): Int32Array {
  const { user, item, day } = world.train;
  return Int32Array.from(user, (u, k) => (k > 0 && user[k - 1] === u && day[k - 1] === day[k] ? world.itemTopic[item[k - 1]] : SESSION_START));
}
