/**
 * The self-supervision page end to end in headless Chromium, on WASM and a small world: the
 * texts with their formulas, the world's MI heatmap and augmentation example (computed in the
 * worker from the live world), a short run with tail-vs-head bars per arm, the sparsity sweep
 * (one new world per clicks value) run to the end, the α sweep started and cancelled, no console
 * errors. Skips (with a message) where /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { BARS, browserAvailable, DOTS, type Lab, marks, RESULTS, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const LESSON = findLesson('self-supervision')!;
const HASH = '#/lessons/self-supervision?users=300&items=600&steps=40&seed=7&lang=en&backend=wasm';

let lab: Lab | undefined;

describe.skipIf(!available)('the self-supervision page in Chromium', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('heatmap, augmentation example, a run, the sparsity and α sweeps; no console errors', async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchConsole(page);
    try {
      await page.goto(lab!.url + HASH);
      await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
      expect(await page.locator('.mode-card').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.mode-card .katex').count()).toBeGreaterThan(3);
      expect(await page.locator('.katex-error').count()).toBe(0);
      expect(await page.locator('.mode-card').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('exactly one of the two views')]));

      // The MI matrix of this world's item fields: ID + 6 fields → 7 × 7 cells.
      await page.getByTestId('mi-svg').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('mi-cell').count()).toBe(49);
      expect(await page.getByTestId('cfm-sets').locator('li').count()).toBe(6);
      await page.getByTestId('mi-mode-raw').click();
      expect(await page.getByTestId('mi-cell').count()).toBe(49);
      await page.getByTestId('mi-mode-adjusted').click();
      // One tail item through each augmentation: two views each.
      for (const aug of ['random-mask', 'correlated-mask', 'dropout']) expect(await page.getByTestId(`aug-${aug}`).locator('.aug-view').count(), aug).toBe(2);
      expect(await text(page, 'aug-item')).toMatch(/Item #\d+: \d+ training clicks/);
      expect(await page.getByTestId('aug-random-mask').locator('.chip.masked').count()).toBeGreaterThan(0);

      const play = page.getByTestId('play');
      await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
      await play.click();
      await until('the run to finish', () => text(page, 'phase'), (p) => p === 'Done', 240_000);
      for (const arm of LESSON.armIds) expect(await text(page, `arm-${arm}-recall@50`), arm).toMatch(/^\d\.\d{3,}$/);
      expect(await marks(page, 'chart-tail-vs-head', BARS)).toBeGreaterThanOrEqual(2 * LESSON.armIds.length);

      // The run's own points: α = 1 on the α chart; the gain at clicks = 20 on the sparsity chart.
      await until('the run’s point on the α chart', () => marks(page, 'chart-sweep-alpha', DOTS), (n) => n >= 1, 10_000);
      await until('the run’s gain on the sparsity chart', () => marks(page, 'chart-sweep-clicks', DOTS), (n) => n >= 1, 10_000);

      // Sparsity: four more worlds (3, 5, 10, 40 clicks per user), baseline and SSL on each.
      expect(await text(page, 'chart-sweep-clicks')).toContain('8 runs');
      await page.getByTestId('sweep-run-clicks').click();
      await until('the sparsity sweep to finish', () => page.getByTestId('sweep-complete-clicks').count(), (n) => n === 1, 300_000);
      expect(await marks(page, 'chart-sweep-clicks', DOTS)).toBe(5);
      await page.getByTestId('sweep-metric-clicks-recall@50.tail').click();
      expect(await marks(page, 'chart-sweep-clicks', DOTS)).toBe(10);

      // α: started, then cancelled.
      await page.getByTestId('sweep-run-alpha').click();
      await page.getByTestId('sweep-progress-alpha').waitFor({ timeout: 60_000 });
      // The progress line redraws a few times a second: dispatch the click rather than wait for a still button.
      await page.getByTestId('sweep-cancel-alpha').dispatchEvent('click', undefined, { timeout: 10_000 }).catch(() => undefined);
      await until('the α sweep to stop', async () => (await page.getByTestId('sweep-run-alpha').count()) + (await page.getByTestId('sweep-complete-alpha').count()), (n) => n === 1, 60_000);

      await new Promise((r) => setTimeout(r, 600));
      await page.screenshot({ path: join(RESULTS, 'self-supervision-en.png'), fullPage: true });
      await page.getByTestId('lang-zh').click();
      await until('the Chinese texts', async () => (await page.locator('.idea-text').textContent()) ?? '', (s) => /[\u4e00-\u9fff]{4}/.test(s), 5_000);
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: join(RESULTS, 'failed-self-supervision.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  }, 900_000);
});
