/** `lab run serving`: the index metrics of design §4/§6 per arm, the curve and session fields, bad index knobs refused. */
import { describe, expect, it } from 'vitest';
import { lab } from '../helpers/cli';

describe('lab run serving', () => {
  it('--json: each arm carries annRecall@10 and queryMs; the recall–latency curve and the session experiment are top-level fields', () => {
    const r = lab(['run', 'serving', '--users', '200', '--items', '400', '--clicks', '10', '--steps', '20', '--batch', '32', '--sessionLength', '4', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.arms.map((a: { id: string }) => a.id)).toEqual(['exact', 'hnsw']);
    const exact = report.arms[0].metrics;
    const hnsw = report.arms[1].metrics;
    expect(exact['annRecall@10']).toBe(1);
    expect(hnsw['annRecall@10']).toBeGreaterThan(0.5);
    expect(hnsw['annRecall@10']).toBeLessThanOrEqual(1);
    for (const m of [exact, hnsw]) expect(m.queryMs).toBeGreaterThan(0);
    const curve = report.recallLatency.hnsw;
    expect(curve.items).toBe(400);
    expect(curve.points.length).toBeGreaterThanOrEqual(4 * 6);
    for (const p of curve.points) expect(p.recall).toBeGreaterThan(0);
    expect(report.recallLatency.exact).toBeUndefined();
    for (const arm of ['exact', 'hnsw']) {
      const s = report.session[arm];
      expect(s.stored).toHaveLength(4);
      expect(s.perRequest).toHaveLength(4);
      // The first request of a session has no previous click: both vectors are the same one.
      expect(s.perRequest[0]).toBe(s.stored[0]);
    }
  });

  it('the text report prints the index metrics and the curve', () => {
    const r = lab(['run', 'serving', '--arms', 'hnsw', '--users', '200', '--items', '400', '--clicks', '10', '--steps', '20', '--batch', '32', '--M', '6', '--efSearch', '12']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/hnsw: annRecall@10 \d\.\d{3}, queryMs \d+\.\d{3}/);
    expect(r.stdout).toMatch(/efSearch\s+recall\s+ms\/query/);
    expect(r.stdout).toMatch(/\n\s+6\s+\d+\s+[\d.]+\s+12\s+[\d.]+\s+[\d.]+/);
    expect(r.stdout).toMatch(/stored at the session's start \d\.\d{3}, computed per request \d\.\d{3}/);
  });

  it.each([
    [['--M', '-3'], /--M must be between 2 and 64, got -3/],
    [['--efSearch', 'wide'], /--efSearch must be a number/],
    [['--sessionStickiness', '1'], /--sessionStickiness must be between 0 and 0.9/],
  ])('%j exits 2 with one line', (flags, message) => {
    const r = lab(['run', 'serving', ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
