import { CLOSENESS_GROUPS, POPULARITY_BUCKETS } from '../eval/breakdown';
import type { EvalContext } from '../eval/evaluate';
import type { World } from '../world/types';
import type { Baselines, WorldSummary } from './protocol';

/** What the page learns of a freshly built world: its size and the reference rankings' metrics. */
export function worldReport(world: World, ctx: EvalContext, buildSeconds: number): { world: WorldSummary; baselines: Baselines } {
  const c = world.config;
  return {
    world: {
      seed: c.seed,
      users: c.users,
      items: c.items,
      zipf: c.zipf,
      clicksPerUser: c.clicksPerUser,
      trainClicks: world.train.item.length,
      testClicks: world.test.item.length,
      evalUsers: ctx.users.length,
      buildSeconds,
    },
    baselines: {
      oracle: ctx.oracle,
      popular: ctx.popular,
      testHeadShare: ctx.testHeadShare,
      oracleDetail: ctx.oracleDetail,
      popularDetail: ctx.popularDetail,
      popularityBuckets: POPULARITY_BUCKETS.map((b) => b.label),
      closenessGroups: [...CLOSENESS_GROUPS],
    },
  };
}
