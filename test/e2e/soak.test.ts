/**
 * The 2-minute soak (`npm run soak` runs the full lecture): random seeded actions over the
 * lessons of the built site, with numTensors at its plateau after every reset, the page's heap
 * within +20% of warm-up, no error and no input kept waiting over 100 ms.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSoak } from '../soak/checks';
import { formatSoak, runSoak } from '../soak/soak';
import { browserAvailable, type Lab, startLab } from './harness';

const available = browserAvailable();
let lab: Lab | undefined;

describe.skipIf(!available)('a 2-minute lecture', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(async () => {
    await lab?.close();
  });

  test('holds every check of the soak', { timeout: 300_000 }, async () => {
    const report = await runSoak({ url: lab!.url, browser: lab!.browser, seed: 7, durationMs: 120_000, minActions: 40, minSteps: 300, maxMs: 200_000, log: (l) => console.log(l) });
    console.log(formatSoak(report));
    expect(checkSoak(report)).toEqual([]);
    expect(report.actions).toBeGreaterThanOrEqual(40);
    expect(report.steps).toBeGreaterThanOrEqual(300);
    expect(report.lessonsVisited).toBeGreaterThanOrEqual(5);
    expect(Object.keys(report.plateaus).length).toBeGreaterThan(0);
  });
});
