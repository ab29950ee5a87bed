/**
 * The model page end to end in headless Chromium, on WASM and a small world: the texts with
 * their formulas, the three architectures drawn, a short run with every arm's recall@50, the
 * serving cost measured in the worker (both arms' points, the table with its ratios and the
 * extrapolated row), the Chinese texts, no console errors. Skips (with a message) where
 * /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { browserAvailable, DOTS, type Lab, marks, RESULTS, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const LESSON = findLesson('model')!;
const HASH = '#/lessons/model?users=300&items=600&steps=40&seed=7&lang=en&backend=wasm';

let lab: Lab | undefined;

describe.skipIf(!available)('the model page in Chromium', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('texts and formulas, three architectures, a run, the measured serving cost; no console errors', async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchConsole(page);
    try {
      await page.goto(lab!.url + HASH);
      await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
      expect(await page.locator('.mode-card').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.mode-card .katex').count()).toBeGreaterThan(3);
      expect(await page.locator('.katex-error').count()).toBe(0);
      expect(await page.locator('.mode-card').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('a ranking model, not a retrieval model')]));

      // One diagram per arm, in the arm's order.
      const arch = page.getByTestId('architecture');
      await arch.waitFor({ timeout: 120_000 });
      expect(await arch.locator('svg').count()).toBe(3);
      for (const arm of LESSON.armIds) expect(await page.getByTestId(`arch-${arm}`).locator('svg').count(), arm).toBe(1);

      const play = page.getByTestId('play');
      await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
      await play.click();
      await until('the run to finish', () => text(page, 'phase'), (p) => p === 'Done', 240_000);
      for (const arm of LESSON.armIds) expect(await text(page, `arm-${arm}-recall@50`), arm).toMatch(/^\d\.\d{3,}$/);

      // The serving cost, measured in the worker: a dot per measured size for each of the two arms.
      await page.getByTestId('serving-cost-table').waitFor({ timeout: 120_000 });
      const sizes = await page.getByTestId('serving-cost-table').locator('tbody tr[data-testid^="cost-row-"]:not([data-testid="cost-row-extrapolated"])').count();
      expect(sizes).toBeGreaterThanOrEqual(2);
      expect(await marks(page, 'chart-serving-cost', DOTS)).toBeGreaterThanOrEqual(2 * sizes);
      expect(await text(page, 'cost-row-extrapolated')).toContain('extrapolated');
      expect(await text(page, 'chart-serving-cost')).toMatch(/\d×/);

      await new Promise((r) => setTimeout(r, 600));
      await page.screenshot({ path: join(RESULTS, 'model-en.png'), fullPage: true });
      await page.getByTestId('lang-zh').click();
      await until('the Chinese texts', async () => (await page.locator('.idea-text').textContent()) ?? '', (s) => /[\u4e00-\u9fff]{4}/.test(s), 5_000);
      expect(await text(page, 'architecture')).toContain('用户塔');
      expect(await text(page, 'chart-serving-cost')).toContain('外推');
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: join(RESULTS, 'failed-model.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  }, 900_000);
});
