/**
 * The lab end to end in headless Chromium: the built site served from a sub-path, the
 * training-modes lesson trained on WASM and on WebGPU (SwiftShader), URL state surviving a
 * reload, bad links corrected with a notice, and a lost GPU device falling back mid-run.
 * Skips (with a message) where /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LESSONS } from '../../lessons/registry';
import { BARS, browserAvailable, DOTS, type Lab, LINES, marks, RESULTS, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const LESSON = LESSONS.find((l) => l.id === 'training-modes')!;
/** A small world keeps the browser runs short; the page's defaults are the lesson's own. */
const SMALL = 'users=300&items=600&seed=7';

let lab: Lab | undefined;

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await lab!.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchConsole(page);
  await page.goto(lab!.url + hash);
  return { page, errors };
}

async function recalls(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const arm of LESSON.armIds) out[arm] = await text(page, `arm-${arm}-recall@50`);
  return out;
}

function isRecall(s: string): boolean {
  return /^\d\.\d{3,}$/.test(s) && Number(s) >= 0 && Number(s) <= 1;
}

describe.skipIf(!available)('the lab in Chromium', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('the home page lists and links every lesson of the course; an unknown lesson gets a clear page', async () => {
    const { page, errors } = await open('#/');
    await page.getByTestId('lesson-list').waitFor();
    expect(LESSONS.every((l) => l.ready)).toBe(true);
    for (const lesson of LESSONS) {
      const item = page.getByTestId(`lesson-${lesson.id}`);
      await expect(item.count()).resolves.toBe(1);
      expect(await item.locator('a').count(), lesson.id).toBe(1);
    }
    await page.screenshot({ path: join(RESULTS, 'home.png'), fullPage: true });
    await page.goto(`${lab!.url}#/lessons/no-such-lesson`);
    await page.getByTestId('not-built').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a bad link is corrected with a visible notice, never a crash', async () => {
    const { page, errors } = await open(`#/lessons/training-modes?backend=wasm&${SMALL}&lr=abc&batch=99999&arms=pointwise,bogus&lang=xx&foo=1&k=7`);
    const notices = page.getByTestId('url-notices');
    await notices.waitFor();
    const body = (await notices.textContent()) ?? '';
    for (const word of ['lr', 'batch', 'bogus', 'lang', 'foo', 'k=7']) expect(body).toContain(word);
    const url = new URL(page.url());
    expect(url.hash).toContain('batch=1024');
    expect(url.hash).toContain('arms=pointwise');
    expect(url.hash).not.toContain('foo');
    expect(url.hash).not.toContain('lr=');
    await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 60_000);
    expect(await page.getByTestId('arm-toggle-pointwise').isChecked()).toBe(true);
    expect(await page.getByTestId('arm-toggle-listwise').isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const id of ['positives', 'negatives', 'bias-correction', 'wrong-negatives']) {
    test(`${id}: the page loads, trains on wasm and draws its charts`, { timeout: 300_000 }, async () => {
      const { page, errors } = await open(`#/lessons/${id}?backend=wasm&${SMALL}&steps=40&lang=en`);
      try {
        await samplePage(page, id);
        expect(errors).toEqual([]);
      } catch (e) {
        await page.screenshot({ path: join(RESULTS, `failed-${id}.png`), fullPage: true }).catch(() => undefined);
        throw new Error(`${e instanceof Error ? e.message : String(e)}\npage errors: ${JSON.stringify(errors)}`);
      } finally {
        await page.close();
      }
    });
  }

  for (const backend of ['wasm', 'webgpu'] as const) {
    test(`training-modes trains on ${backend}, and its state survives a reload`, { timeout: 480_000 }, async () => {
      const { page, errors } = await open(`#/lessons/training-modes?backend=${backend}&${SMALL}`);
      try {
        await trainAndReload(page, errors, backend);
      } catch (e) {
        await page.screenshot({ path: join(RESULTS, `failed-${backend}.png`), fullPage: true }).catch(() => undefined);
        throw new Error(`${e instanceof Error ? e.message : String(e)}\npage errors: ${JSON.stringify(errors)}`);
      } finally {
        await page.close();
      }
    });
  }
});

async function trainAndReload(page: Page, errors: string[], backend: 'wasm' | 'webgpu'): Promise<void> {
      const slow = backend === 'webgpu';
      const name = await until('a backend', () => text(page, 'backend'), (b) => b !== '…', 90_000);
      expect(name, `backend reason: ${await text(page, 'backend-reason')}`).toBe(backend);

      const play = page.getByTestId('play');
      await play.waitFor();
      await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
      const t0 = Date.now();
      await play.click();
      await until('steps to grow', async () => Number(await text(page, 'steps')), (n) => n > 0, slow ? 150_000 : 60_000);
      // Metrics from an evaluation after training started, for every arm.
      await until('an evaluation after step 0', async () => Number((await page.getByTestId('eval-step').textContent()) ?? 0), (n) => n > 0, slow ? 150_000 : 60_000);
      const r = await until('recall@50 > 0 on every arm', () => recalls(page), (m) => Object.values(m).every((v) => isRecall(v) && Number(v) > 0), 60_000);
      const seconds = (Date.now() - t0) / 1000;
      const steps = Number(await text(page, 'steps'));
      console.log(`[e2e] ${backend}: ${steps} lockstep steps in ${seconds.toFixed(1)} s after Play; recall@50 ${JSON.stringify(r)}; ${await page.getByTestId('rate').textContent().catch(() => '')}`);

      if (!slow) {
        // Hidden tab: training pauses; shown again: it resumes.
        const setHidden = (hidden: boolean) =>
          page.evaluate(`Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} }); document.dispatchEvent(new Event('visibilitychange'))`);
        await setHidden(true);
        await until('the hidden tab to pause', () => text(page, 'phase'), (p) => p === 'Paused', 30_000);
        const held = Number(await text(page, 'steps'));
        await new Promise((r) => setTimeout(r, 1500));
        expect(Number(await text(page, 'steps'))).toBe(held);
        await setHidden(false);
        await until('the shown tab to resume', async () => Number(await text(page, 'steps')), (n) => n > held, 30_000);
      }

      await page.getByTestId('pause').click();
      await until('the run to pause', () => text(page, 'phase'), (p) => p !== 'Training', slow ? 120_000 : 30_000);

      if (backend === 'webgpu') {
        // A lost device mid-run: the next backend takes over and the history stays.
        const before = await text(page, 'eval-step');
        await page.evaluate('window.__lab.loseBackend()');
        const next = await until('a fallback backend', () => text(page, 'backend'), (b) => b !== 'webgpu' && b !== '…', 120_000);
        expect(['webgl', 'wasm', 'cpu']).toContain(next);
        expect(await text(page, 'backend-reason')).toContain('WebGPU');
        expect(await text(page, 'eval-step')).toBe(before);
        expect(Number(await text(page, 'steps'))).toBeGreaterThanOrEqual(Number(before));
        for (const v of Object.values(await recalls(page))) expect(Number(v)).toBeGreaterThan(0);
        await expect(page.getByTestId('notices').textContent()).resolves.toContain('weights restored');
      }

      // Switch an arm off and the language to Chinese: both go to the URL.
      await page.getByTestId('arm-toggle-pairwise-hinge').uncheck();
      await page.getByTestId('lang-zh').click();
      await until('the URL to hold the arms and language', async () => page.url(), (u) => u.includes('lang=zh') && u.includes('arms=pointwise,pairwise-logistic,listwise'), 5_000);
      await until('the Chinese page', () => page.locator('html').getAttribute('lang'), (l) => l === 'zh-CN', 5_000);
      await page.screenshot({ path: join(RESULTS, `training-modes-${backend}.png`), fullPage: true });
      const url = page.url();

      await page.reload();
      expect(page.url()).toBe(url);
      await until('the backend after reload', () => text(page, 'backend'), (b) => b === backend, 90_000);
      expect(await page.getByTestId('arm-toggle-pairwise-hinge').isChecked()).toBe(false);
      expect(await page.getByTestId('arm-toggle-pointwise').isChecked()).toBe(true);
      expect(await page.getByTestId('lang-zh').getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByTestId('lesson-page').getAttribute('data-lang')).toBe('zh');
      expect(errors).toEqual([]);
}

/** A lesson on samples: texts in place, a short run to the end, every chart drawn from it. */
async function samplePage(page: Page, id: string): Promise<void> {
  const lesson = LESSONS.find((l) => l.id === id)!;
  await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
  // The lesson's texts: the idea, its sections, formulas typeset by KaTeX.
  expect((await page.locator('.idea-text').textContent())?.length ?? 0).toBeGreaterThan(200);
  expect(await page.locator('.mode-card').count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.mode-card .katex').count()).toBeGreaterThan(0);
  expect(await page.locator('.katex-error').count()).toBe(0);

  const play = page.getByTestId('play');
  await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
  await play.click();
  await until('the run to finish', () => text(page, 'phase'), (p) => p === 'Done', 180_000);
  for (const arm of lesson.armIds) expect(isRecall(await text(page, `arm-${arm}-recall@50`)), arm).toBe(true);

  for (const chart of ['chart-loss', 'chart-recall', 'chart-headshare']) expect(await marks(page, chart, LINES), chart).toBeGreaterThanOrEqual(lesson.armIds.length);
  expect(await marks(page, 'chart-headtail', BARS)).toBeGreaterThan(0);
  const bucketBars = 5 * (lesson.armIds.length + 1);
  if (id !== 'wrong-negatives') expect(await marks(page, 'chart-buckets', BARS)).toBeGreaterThanOrEqual(bucketBars - 2);

  if (id === 'bias-correction') {
    // The streaming estimator's error: a line from step 0 to the end of the run.
    expect(await marks(page, 'chart-estimator', LINES)).toBe(1);
    // The finished run put its three arms' points at τ = 0.1 on the temperature chart.
    await until('the run’s points on the τ chart', () => marks(page, 'chart-sweep', DOTS), (n) => n >= 3, 10_000);
    expect(await text(page, 'chart-sweep')).toContain('9 runs');
  }
  if (id === 'negatives') {
    // The finished run's points: hard-mix at 50% and at the default cut, uniform and pop at γ = 0.
    await until('the run’s point on the hard-share chart', () => marks(page, 'chart-sweep-hardShare', DOTS), (n) => n >= 1, 10_000);
    expect(await marks(page, 'chart-sweep-preRanked', DOTS)).toBe(1);
    expect(await marks(page, 'chart-sweep-exposureBias', DOTS)).toBe(2);
    // The hard-share sweep trains the other four, one by one.
    await page.getByTestId('sweep-run-hardShare').click();
    await until('the sweep to finish', () => page.getByTestId('sweep-complete-hardShare').count(), (n) => n === 1, 240_000);
    expect(await marks(page, 'chart-sweep-hardShare', DOTS)).toBe(5);
    await page.getByTestId('sweep-metric-hardShare-headShare@50').click();
    expect(await marks(page, 'chart-sweep-hardShare', DOTS)).toBe(5);
  }
  if (id === 'positives') {
    // The finished run's raw and down-sampled points at γ = 0 on the exposure-bias chart.
    await until('the run’s points on the exposure-bias chart', () => marks(page, 'chart-sweep', DOTS), (n) => n === 2, 10_000);
  }
  if (id === 'wrong-negatives') {
    expect(await marks(page, 'chart-closeness', BARS)).toBeGreaterThanOrEqual(3 * 3 - 1);
    expect(isRecall(await text(page, 'drop-base'))).toBe(true);
    expect(isRecall(await text(page, 'drop-other'))).toBe(true);
    expect(await text(page, 'drop-lost')).toMatch(/^[−+]\d+%$/);
    expect(await page.locator('[data-testid^="drop-row-"]').count()).toBe(4);
    // The two tasks side by side: slate.auc and recall@50 of both arms, the references and the change.
    for (const row of ['easy-negatives', 'exposed-negatives', 'oracle', 'popular']) {
      const cells = (await text(page, `pair-${row}`)).match(/\d\.\d{3}/g) ?? [];
      expect(cells, row).toHaveLength(2);
    }
    expect(await text(page, 'pair-delta')).toMatch(/[−+]\d\.\d{3}.*[−+]\d\.\d{3}/);
    await until('the run’s point on the exposed-share chart', () => marks(page, 'chart-sweep', DOTS), (n) => n === 1, 10_000);
  }
  await new Promise((r) => setTimeout(r, 600));
  await page.screenshot({ path: join(RESULTS, `${id}-en.png`), fullPage: true });
  // The Chinese page: the lesson's own texts, not the English ones.
  await page.getByTestId('lang-zh').click();
  await until('the Chinese texts', async () => (await page.locator('.idea-text').textContent()) ?? '', (s) => /[\u4e00-\u9fff]{4}/.test(s), 5_000);
}
