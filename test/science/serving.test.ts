import { beforeAll, describe, expect, it } from 'vitest';
import { serving } from '../../lessons/serving';
import { RECALL_LATENCY, type RecallLatency, SESSION, type SessionRecall } from '../../lessons/serving/probes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { RunReport } from '../../src/train/runLesson';
import { describeDifference, expectClaim, runSeeds, SCIENCE_TIMEOUT, SEEDS, summarise } from '../helpers/science';

/**
 * The serving lesson on its default world, over SEEDS seeds. One arm (hnsw) is enough: both arms
 * train the same towers, and the session experiment and the curve run on the hnsw arm's index.
 */
describe('serving', () => {
  let runs: RunReport[];
  beforeAll(async () => {
    await initNodeBackend('wasm');
    runs = await runSeeds(serving, {}, ['hnsw']);
  }, SCIENCE_TIMEOUT);

  const session = (r: RunReport) => (r.probes![SESSION] as Record<string, SessionRecall>).hnsw;
  const curve = (r: RunReport) => (r.probes![RECALL_LATENCY] as Record<string, RecallLatency>).hnsw;

  it(`serving: user vectors computed per request beat vectors stored at the session's start on session recall (${SEEDS} seeds)`, () => {
    for (const r of runs) {
      const s = session(r);
      console.log(`seed ${r.world.seed}: session recall@${s.k} stored ${s.storedMean.toFixed(3)} [${s.stored.map((x) => x.toFixed(2)).join(' ')}], per request ${s.perRequestMean.toFixed(3)} [${s.perRequest.map((x) => x.toFixed(2)).join(' ')}], same topic ${(100 * s.sameTopic).toFixed(0)}%`);
      // The first request has no previous click: the two vectors are one.
      expect(s.perRequest[0]).toBe(s.stored[0]);
    }
    const gain = summarise(runs.map((r) => session(r).perRequestMean - session(r).storedMean));
    console.log(describeDifference('session recall per request − stored', gain));
    expectClaim(gain, 1);
  });

  it(`serving: HNSW's recall@10 against the exact top-10 rises with efSearch, for every M (${SEEDS} seeds)`, () => {
    for (const r of runs) {
      const c = curve(r);
      const metrics = r.arms[0].metrics;
      console.log(`seed ${r.world.seed}: annRecall@10 ${metrics['annRecall@10']!.toFixed(4)}, queryMs ${metrics.queryMs!.toFixed(3)}; exact scan ${c.exactMs.toFixed(3)} ms`);
      for (const M of new Set(c.points.map((p) => p.M))) {
        const line = c.points.filter((p) => p.M === M).sort((a, b) => a.efSearch - b.efSearch);
        console.log(`  M ${String(M).padStart(2)}: ${line.map((p) => `ef ${p.efSearch} ${p.recall.toFixed(3)} ${p.searchMs.toFixed(3)}ms`).join(', ')}`);
        expect(line.at(-1)!.recall, `seed ${r.world.seed} M ${M}`).toBeGreaterThan(line[0].recall);
      }
      // Averaged over M, each larger efSearch returns at least as much of the exact top-10.
      const efs = [...new Set(c.points.map((p) => p.efSearch))].sort((a, b) => a - b);
      const byEf = efs.map((ef) => c.points.filter((p) => p.efSearch === ef).reduce((s, p) => s + p.recall, 0));
      for (let i = 1; i < byEf.length; i++) expect(byEf[i], `seed ${r.world.seed} efSearch ${efs[i]}`).toBeGreaterThanOrEqual(byEf[i - 1]);
    }
  });
});
