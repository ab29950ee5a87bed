/**
 * The lab in a lecture (issue 13), in headless Chromium on one build: presenter mode at 1280×720
 * (nothing overlaps or clips), every shortcut, the share link round trip with its QR decoded,
 * the exports (PNG, SVG, JSON, CSV, the copied table), the reference bands, offline after a first
 * visit, and axe with no serious violation on every lesson page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LESSONS } from '../../lessons/registry';
import { browserAvailable, type Lab, RESULTS, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const SMALL = 'users=300&items=600&steps=200&seed=7&backend=wasm';
const READY = LESSONS.filter((l) => l.ready);

let lab: Lab | undefined;

async function ready(page: Page): Promise<void> {
  await until('the lab to be ready', () => text(page, 'phase'), (p) => !/Loading|加载/.test(p), 120_000);
}

async function phase(page: Page): Promise<string> {
  return text(page, 'phase');
}

async function steps(page: Page): Promise<number> {
  return Number(await text(page, 'steps'));
}

async function withPage<T>(name: string, f: (page: Page) => Promise<T>, options: Parameters<Lab['browser']['newContext']>[0] = {}, allowed?: RegExp): Promise<T> {
  const context = await lab!.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const errors = watchConsole(page);
  try {
    const out = await f(page);
    expect(errors.filter((e) => !allowed?.test(e))).toEqual([]);
    return out;
  } catch (e) {
    await page.screenshot({ path: join(RESULTS, `failed-classroom-${name}.png`) }).catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}

function overlaps(a: DOMRectLike, b: DOMRectLike): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}
type DOMRectLike = { x: number; y: number; width: number; height: number };

describe.skipIf(!available)('the lab in a lecture', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('presenter mode at 1280×720: charts on screen, nothing overlaps or clips; every shortcut; help overlay', async () => {
    await withPage('keys', async (page) => {
      await page.goto(`${lab!.url}#/lessons/negatives?${SMALL}&lang=en&present=1`);
      await page.getByTestId('presenter').waitFor();
      await ready(page);
      await page.getByTestId('chart-recall').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      // Nothing wider than the screen; the top bar's parts side by side inside it; the charts in view.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      const bar = await page.evaluate(() => [...document.querySelectorAll('.topbar > *')].map((e) => e.getBoundingClientRect().toJSON() as DOMRectLike).filter((r) => r.width > 0));
      for (let i = 0; i < bar.length; i++) {
        expect(bar[i].x + bar[i].width).toBeLessThanOrEqual(1280);
        for (let j = i + 1; j < bar.length; j++) expect(overlaps(bar[i], bar[j]), `top bar items ${i} and ${j}`).toBe(false);
      }
      for (const id of ['chart-loss', 'chart-recall']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x + box.width, id).toBeLessThanOrEqual(1280);
        expect(box.y + box.height, id).toBeLessThanOrEqual(720);
      }
      const charts = await page.evaluate(() => [...document.querySelectorAll('.chart-card')].slice(0, 4).map((e) => e.getBoundingClientRect().toJSON() as DOMRectLike));
      for (let i = 0; i < charts.length; i++) for (let j = i + 1; j < charts.length; j++) expect(overlaps(charts[i], charts[j])).toBe(false);
      expect(await page.locator('.idea').count()).toBe(0); // the long texts are folded away
      expect(await page.getByTestId('presenter-claim').isVisible()).toBe(true);
      await page.screenshot({ path: join(RESULTS, 'classroom-presenter.png') });

      // Space: play / pause; → step; R reset (announced for screen readers).
      const before = await phase(page);
      await page.keyboard.press('Space');
      await until('Space to toggle the run', () => phase(page), (p) => p !== before, 10_000);
      if ((await phase(page)) === 'Training') {
        await page.keyboard.press('Space');
        await until('Space to pause', () => phase(page), (p) => p === 'Paused', 10_000);
      }
      expect(await text(page, 'announce')).toMatch(/Paused|Training/);
      const at = await steps(page);
      await page.keyboard.press('ArrowRight');
      await until('→ to step', () => steps(page), (s) => s >= at + 10, 30_000);
      await page.keyboard.press('r');
      await until('R to reset', () => steps(page), (s) => s === 0, 30_000);
      expect(await text(page, 'announce')).toContain('reset');
      // 1–9: arms.
      await page.keyboard.press('2');
      await until('2 to switch arm 2 off', () => page.getByTestId('arm-toggle-pop-0.75').isChecked(), (c) => !c, 5_000);
      expect(page.url()).toContain('arms=uniform,in-batch,hard-mix');
      await page.keyboard.press('2');
      await until('2 to switch it back on', () => page.getByTestId('arm-toggle-pop-0.75').isChecked(), Boolean, 5_000);
      // Not while typing in a text field.
      await page.getByTestId('knob-drawer').click();
      await page.getByTestId('knob-lr-value').focus();
      await page.keyboard.press('l');
      await page.keyboard.press('2');
      expect(await page.getByTestId('lesson-page').getAttribute('data-lang')).toBe('en');
      expect(await page.getByTestId('arm-toggle-pop-0.75').isChecked()).toBe(true);
      await page.getByTestId('knob-lr-value').evaluate((e: HTMLElement) => e.blur());
      // Space on a focused checkbox plays or pauses (the arm stays on); → on a focused slider moves the slider.
      await page.getByTestId('arm-toggle-uniform').focus();
      const was = await phase(page);
      await page.keyboard.press('Space');
      await until('Space on a focused checkbox to toggle the run', () => phase(page), (p) => p !== was, 10_000);
      expect(await page.getByTestId('arm-toggle-uniform').isChecked()).toBe(true);
      if ((await phase(page)) === 'Training') await page.keyboard.press('Space');
      const slider = page.getByTestId('knob-lr');
      await slider.focus();
      const lr = await slider.inputValue();
      await page.keyboard.press('ArrowRight');
      expect(await slider.inputValue()).not.toBe(lr);
      await slider.evaluate((e: HTMLElement) => e.blur());
      // L: language; P: presenter; ?: help (Escape closes it).
      await page.keyboard.press('L');
      await until('L to switch language', () => page.getByTestId('lesson-page').getAttribute('data-lang'), (l) => l === 'zh', 5_000);
      await page.keyboard.press('L');
      await page.keyboard.press('?');
      await page.getByTestId('shortcut-help').waitFor();
      const help = await text(page, 'shortcut-help');
      for (const key of ['Space', '→', 'R', '1', '9', '[', ']', 'L', 'P', '?']) expect(help).toContain(key);
      await page.screenshot({ path: join(RESULTS, 'classroom-help.png') });
      await page.keyboard.press('Escape');
      await until('Escape to close the help', () => page.getByTestId('shortcut-help').count(), (n) => n === 0, 5_000);
      await page.keyboard.press('p');
      await until('P to leave presenter mode', () => page.getByTestId('presenter').count(), (n) => n === 0, 5_000);
      expect(page.url()).not.toContain('present=1');
      // ] and [: next and previous lesson.
      await page.keyboard.press(']');
      await until('] to open the next lesson', async () => page.url(), (u) => u.includes('#/lessons/bias-correction'), 10_000);
      await page.keyboard.press('[');
      await until('[ to come back', async () => page.url(), (u) => u.includes('#/lessons/negatives'), 10_000);
    });
  }, 300_000);

  test('share: the link reproduces the view, the QR decodes to it; exports download and parse; bands drawn', async () => {
    await withPage(
      'share',
      async (page) => {
        // A corrupt saved preference: ignored with a notice, never a crash.
        await page.addInitScript(() => localStorage.setItem('two-tower-lab:presenter', '{not json'));
        // Default settings (the reference bands apply), a view off the defaults: arms, K, language.
        await page.goto(`${lab!.url}#/lessons/positives?lang=zh&arms=raw,upsample-tail&k=10`);
        await ready(page);
        expect(await text(page, 'notices')).toContain('已保存的设置（presenter）');
        await page.getByTestId('chart-recall').waitFor({ timeout: 60_000 });
        await until('reference bands on the recall chart', () => page.getByTestId('chart-recall').locator('.recharts-reference-area').count(), (n) => n === 2, 10_000);
        // The charts mount one per task, 50 ms apart: the head-share chart comes after the recall chart.
        await until('reference bands on the head-share chart', () => page.getByTestId('chart-headshare').locator('.recharts-reference-area').count(), (n) => n === 2, 10_000);

        await page.getByTestId('share').click();
        const qr = page.getByTestId('share-qr');
        await qr.waitFor();
        const link = await page.getByTestId('share-link').inputValue();
        expect(link).toContain('#/lessons/positives?');
        for (const part of ['seed=7', 'arms=raw,upsample-tail', 'lang=zh', 'k=10']) expect(link).toContain(part);
        const pixels = await until(
          'the QR code to be drawn',
          () => qr.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, data: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data) })),
          (p) => p.data.some((v) => v < 128),
          10_000,
        );
        expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300);
        expect(jsQR(Uint8ClampedArray.from(pixels.data), pixels.w, pixels.h)?.data).toBe(link);
        await page.screenshot({ path: join(RESULTS, 'classroom-share.png') });
        await page.keyboard.press('Escape');

        // The link, opened elsewhere, is the same view.
        const other = await page.context().newPage();
        await other.goto(link);
        await other.getByTestId('lesson-page').waitFor();
        expect(await other.getByTestId('lesson-page').getAttribute('data-lang')).toBe('zh');
        expect(await other.getByTestId('arm-toggle-downsample-head').isChecked()).toBe(false);
        expect(await other.getByTestId('k-10').getAttribute('class')).toContain('active');
        expect(other.url().split('#')[1]).toBe(link.split('#')[1]);
        await other.close();

        // Exports: JSON and CSV of the run, each chart as PNG and SVG, the arm table copied.
        await page.getByTestId('export-open').click();
        const save = async (testid: string) => {
          const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
          return { name: dl.suggestedFilename(), body: await readFile((await dl.path())!) };
        };
        const json = await save('export-json');
        const run = JSON.parse(json.body.toString('utf8'));
        expect(run.lesson).toBe('positives');
        expect(run.seed).toBe(7);
        expect(run.settings.steps).toBeGreaterThan(0);
        expect(run.history.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['raw', 'upsample-tail']));
        const csv = (await save('export-csv')).body.toString('utf8').split('\n');
        expect(csv.filter((l) => l.startsWith('#')).join('\n')).toMatch(/seed=7[\s\S]*settings=\{/);
        const header = csv.find((l) => !l.startsWith('#'))!.split(',');
        expect(header.slice(0, 3)).toEqual(['arm', 'step', 'loss']);
        expect(header).toContain('recall@50');
        expect(csv.filter((l) => l.startsWith('raw,')).length).toBeGreaterThan(0);
        const png = await save('export-png-chart-recall');
        expect(png.name).toMatch(/\.png$/);
        expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
        const svg = (await save('export-svg-chart-recall')).body.toString('utf8');
        expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null, svg)).toBe(true);
        await page.getByTestId('export-table').click();
        const table = await until('the copied table', () => page.evaluate(() => navigator.clipboard.readText()), (s) => s.includes('\t'), 5_000);
        expect(table.split('\n')[0]).toMatch(/R@10\t/);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  }, 300_000);

  test('offline after a first visit: a lesson loads and trains with the network off', async () => {
    await withPage('offline', async (page) => {
      // A first visit: one short run to its end (the offline cache installs then).
      await page.goto(`${lab!.url}#/lessons/training-modes?${SMALL}&steps=30&lang=en`);
      await ready(page);
      await page.keyboard.press('Space');
      await until('the run done', () => page.locator('.phase-done').count(), (n) => n > 0, 120_000);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.context().setOffline(true);
      await page.goto(`${lab!.url}#/lessons/positives?${SMALL}&lang=en`);
      await page.reload();
      await page.getByTestId('offline').waitFor({ timeout: 10_000 });
      await ready(page);
      await page.keyboard.press('Space');
      await until('training offline', () => steps(page), (s) => s >= 10, 120_000);
      await page.context().setOffline(false);
    }, {}, /Failed to load resource: net::ERR_INTERNET_DISCONNECTED/); // the browser's own update check of sw.js, offline
  }, 300_000);

  test('axe: no serious or critical violation on the home page and every lesson page', async () => {
    await withPage('axe', async (page) => {
      const found: string[] = [];
      for (const hash of ['#/?lang=en', ...READY.map((l) => `#/lessons/${l.id}?${SMALL}&lang=en`), `#/lessons/${READY[0].id}?${SMALL}&lang=zh&present=1`]) {
        await page.goto(lab!.url + hash);
        if (hash.includes('lessons')) {
          await ready(page);
          await page.waitForTimeout(800);
        }
        // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected inline script.
        await page.evaluate(axe.source);
        const violations = await page.evaluate(async () => {
          const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
          const r = await w.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        found.push(...violations.map((v) => `${hash.split('?')[0]}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }, 400_000);
});
