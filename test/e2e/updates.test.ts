/**
 * The updates page end to end in headless Chromium, on WASM and a small world: the texts, Step
 * serving one whole simulated day, Play running to the end of the second, the timeline with every
 * arm's point per day and the oracle's line, the clock, the means and the verdict, the hour-of-day
 * topic mix, the Chinese texts, no console errors. Skips (with a message) where /usr/bin/chromium
 * is missing, unless REQUIRE_BROWSER=1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { browserAvailable, DOTS, type Lab, marks, RESULTS, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const LESSON = findLesson('updates')!;
const HASH = '#/lessons/updates?users=300&items=600&steps=48&seed=7&lang=en&backend=wasm';

let lab: Lab | undefined;

describe.skipIf(!available)('the updates page in Chromium', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('Step serves a day, Play the next; the timeline, clock, means and topic mix; no console errors', async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchConsole(page);
    try {
      await page.goto(lab!.url + HASH);
      await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
      expect(await page.locator('.mode-card').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.mode-card').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Data within an hour is biased')]));
      // This lesson draws its own timeline instead of the shared step charts.
      await page.getByTestId('chart-timeline').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('chart-recall').count()).toBe(0);
      expect(await text(page, 'sim-clock')).toContain('Day 1 · 00:00');
      expect(await text(page, 'chart-timeline')).toContain('Press Play');

      // Step: one simulated day (24 hours), every arm judged on it.
      const step = page.getByTestId('step');
      await until('Step to be enabled', () => step.isEnabled(), Boolean, 120_000);
      await step.click();
      await until('a served day', () => text(page, 'steps'), (s) => s === '24', 240_000);
      await until('the clock at day 2', () => text(page, 'sim-clock'), (s) => s.includes('Day 2 · 00:00'), 10_000);
      for (const arm of LESSON.armIds) await until(`day 1 of ${arm}`, () => text(page, `mean-${arm}`), (s) => /\d\.\d{3}/.test(s), 10_000);

      await page.getByTestId('play').click();
      await until('the run to finish', () => text(page, 'phase'), (p) => p === 'Done', 300_000);
      // Two days: a dot per arm and day on the timeline, and the oracle's dashed line (the lesson's
      // panels redraw a moment after the shared parts: each chart in a task of its own).
      await until('both days on the timeline', () => marks(page, 'chart-timeline', DOTS), (n) => n >= 2 * LESSON.armIds.length, 10_000);
      expect(await page.getByTestId('chart-timeline').locator('path.recharts-curve[stroke-dasharray]').count()).toBe(1);
      expect(await text(page, 'sim-clock')).toContain('all days served');
      expect(await text(page, 'timeline-verdict')).toMatch(/claim (holds|does not hold)/);
      for (const arm of LESSON.armIds) expect(await text(page, `arm-${arm}-recall@50`), arm).toMatch(/^\d\.\d{3,}$/);
      expect(await page.getByTestId('hour-mix-svg').locator('rect').count()).toBe(16 * 24);
      expect(await text(page, 'hour-mix-spread')).toMatch(/\d\.\d{3}/);

      await new Promise((r) => setTimeout(r, 600));
      await page.screenshot({ path: join(RESULTS, 'updates-en.png'), fullPage: true });
      await page.getByTestId('lang-zh').click();
      await until('the Chinese texts', async () => (await page.locator('.idea-text').textContent()) ?? '', (s) => /[\u4e00-\u9fff]{4}/.test(s), 5_000);
      expect(await text(page, 'chart-timeline')).toContain('服务日');
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: join(RESULTS, 'failed-updates.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  }, 900_000);
});
