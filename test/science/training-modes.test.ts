import { beforeAll, describe, expect, it } from 'vitest';
import { knobsOf } from '../../src/lesson/knobs';
import { trainingModes } from '../../lessons/training-modes';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import type { Settings } from '../../src/lesson/types';
import { runLesson } from '../../src/train/runLesson';
import { SCIENCE_TIMEOUT } from '../helpers/science';

/**
 * The lesson's claim on its default world and settings: every training mode learns retrieval
 * (beats the popular baseline) and gets a substantial share of the oracle's recall@50.
 * The order of the arms is printed, not asserted: it is the lesson's result, not a requirement.
 */
describe('training-modes on the default world', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('every arm beats the popular baseline and reaches a substantial share of the oracle', async () => {
    const settings: Settings = Object.fromEntries(knobsOf(trainingModes).map((k) => [k.id, k.default]));
    const report = await runLesson(trainingModes, { settings, backend: 'wasm' });
    const oracle = report.oracle['recall@50'];
    const popular = report.baselines.popular['recall@50'];
    const ranked = [...report.arms].sort((a, b) => b.metrics['recall@50'] - a.metrics['recall@50']);
    console.log(`oracle recall@50 ${oracle.toFixed(3)}, popular ${popular.toFixed(3)}, test head share ${report.test.headShare.toFixed(3)}`);
    for (const a of ranked)
      console.log(
        `  ${a.id.padEnd(18)} recall@50 ${a.metrics['recall@50'].toFixed(3)} = ${((100 * a.metrics['recall@50']) / oracle).toFixed(0)}% of oracle; head ${a.metrics['recall@50.head'].toFixed(3)} tail ${a.metrics['recall@50.tail'].toFixed(3)} headShare ${a.metrics['headShare@50'].toFixed(3)}`,
      );
    for (const arm of report.arms) {
      expect(arm.diverged).toBeUndefined();
      expect(arm.metrics['recall@50']).toBeGreaterThan(popular);
      expect(arm.metrics['recall@50'] / oracle).toBeGreaterThan(0.4);
    }
  }, SCIENCE_TIMEOUT);
});
