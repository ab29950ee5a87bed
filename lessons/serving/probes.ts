/**
 * The serving lesson's measurements on the trained towers (run once the arms reach the step
 * target): the recall–latency curve of HNSW over M and efSearch, and the session experiment.
 */
import type { TrainedProbe } from '../../src/lesson/probes';
import { type RecallLatency, recallLatencyCurve } from '../../src/serve/measure';
import { armIndex, spread } from '../../src/train/serving-index';
import { type SessionRecall, sessionRecall } from './session';

export type { RecallLatency, SessionRecall };

export const RECALL_LATENCY = 'recallLatency';
export const SESSION = 'session';

/** The grid drawn: each M a line, efSearch along it (the knobs' own values are added). */
export const CURVE_MS = [4, 8, 16, 32];
export const CURVE_EFS = [10, 20, 40, 80, 160, 320];
/** Queries per curve point: the user vectors of this many users. */
const CURVE_QUERIES = 300;

const withValue = (xs: number[], v: number) => [...new Set([...xs, v])].sort((a, b) => a - b);

export const recallLatencyProbe: TrainedProbe<RecallLatency> = {
  name: RECALL_LATENCY,
  per: 'trained',
  report: true,
  async compute(arm, { world, settings }) {
    if (arm.index?.kind !== 'hnsw') return undefined;
    const { vectors, dim } = await armIndex(arm, { kind: 'exact' }, settings.seed);
    const users = spread(Int32Array.from({ length: world.config.users }, (_, u) => u), CURVE_QUERIES);
    const u = arm.userVectors(users);
    const queries = (await u.data()) as Float32Array;
    u.dispose();
    return recallLatencyCurve(vectors, queries, dim, {
      Ms: withValue(CURVE_MS, settings.M),
      efs: withValue(CURVE_EFS, settings.efSearch),
      efConstruction: settings.efConstruction,
      seed: settings.seed,
      k: 10,
    });
  },
  format(value) {
    const lines: string[] = [];
    for (const [armId, c] of Object.entries(value)) {
      lines.push(`${armId}: recall@${c.k} against the exact top-${c.k} and search time per query (${c.items} item vectors, ${c.queries} user queries, efConstruction ${c.efConstruction}); exact scan ${c.exactMs.toFixed(3)} ms`);
      lines.push(`${'M'.padStart(4)} ${'build ms'.padStart(9)} ${'MB'.padStart(6)} ${'efSearch'.padStart(9)} ${'recall'.padStart(7)} ${'ms/query'.padStart(9)}`);
      for (const p of c.points) {
        const b = c.builds.find((x) => x.M === p.M)!;
        lines.push(`${String(p.M).padStart(4)} ${b.buildMs.toFixed(0).padStart(9)} ${(b.memoryBytes / 1e6).toFixed(2).padStart(6)} ${String(p.efSearch).padStart(9)} ${p.recall.toFixed(4).padStart(7)} ${p.searchMs.toFixed(3).padStart(9)}`);
      }
    }
    return lines;
  },
};

export const sessionProbe: TrainedProbe<SessionRecall> = {
  name: SESSION,
  per: 'trained',
  report: true,
  compute: (arm, { world, settings }) => sessionRecall(arm, world, settings),
  format(value) {
    return Object.entries(value).map(
      ([armId, s]) =>
        `${armId}: session recall@${s.k} over ${s.length} requests (${s.users} users): stored at the session's start ${s.storedMean.toFixed(3)}, computed per request ${s.perRequestMean.toFixed(3)} (by request: ${s.stored.map((x) => x.toFixed(2)).join(' ')} | ${s.perRequest.map((x) => x.toFixed(2)).join(' ')}); ${(100 * s.sameTopic).toFixed(0)}% of clicks stayed on the previous topic`,
    );
  },
};
