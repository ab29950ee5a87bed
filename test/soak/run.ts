/**
 * `npm run soak`: the full simulated lecture on the built site. At least 300 actions and 10,000
 * training steps, every lesson at least twice; prints the summary table and exits non-zero if
 * any check failed. `SOAK_MINUTES` sets the planned length (default 15), `SOAK_SEED` the seed.
 */
import { startLab } from '../e2e/harness';
import { checkSoak } from './checks';
import { formatSoak, runSoak } from './soak';

const minutes = Number(process.env.SOAK_MINUTES ?? 15);
const seed = Number(process.env.SOAK_SEED ?? 16);

const lab = await startLab();
try {
  const report = await runSoak({ url: lab.url, browser: lab.browser, seed, durationMs: minutes * 60_000, minActions: 300, minSteps: 10_000, maxMs: 2 * minutes * 60_000, playMs: [6_000, 16_000], log: (l) => console.log(l) });
  console.log(formatSoak(report));
  const failures = checkSoak(report);
  for (const f of failures) console.log(`FAILED: ${f}`);
  if (report.actions < 300 || report.steps < 10_000) console.log(`FAILED: short of the minimums (300 actions, 10,000 steps)`);
  process.exitCode = failures.length || report.actions < 300 || report.steps < 10_000 ? 1 : 0;
} finally {
  await lab.close();
}
