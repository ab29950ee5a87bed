/**
 * Guards for the page's speed work (the numbers themselves are `npm run bench:browser`'s): the
 * lesson's text arrives with at most 300 kB of gzip JavaScript and without TensorFlow.js, the arms
 * train in one shard worker per core but one, and while training the page's thread never blocks
 * for more than 200 ms (the goal is 50; 200 is a guard far beyond noise, not a timing test).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shardCount } from '../../src/worker/coordinator';
import { browserAvailable, type Lab, scriptsBeforeText, startLab, until, watchConsole } from './harness';

const available = browserAvailable();
let lab: Lab | undefined;

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

describe.skipIf(!available)('the page’s speed guards', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('the lesson text comes first: ≤ 300 kB gzip of JavaScript before it, none of it TensorFlow.js', async () => {
    const page = await lab!.browser.newPage();
    const errors = watchConsole(page);
    const early = await scriptsBeforeText(page);
    await page.goto(`${lab!.url}#/lessons/training-modes?backend=wasm&lang=en`);
    await page.locator('section.idea').waitFor({ timeout: 60_000 });
    const { urls, bodies, gzipBytes } = await early.read();
    expect(urls.length).toBeGreaterThan(0);
    expect(gzipBytes, urls.map((url) => url.split('/').pop()).join(' ')).toBeLessThanOrEqual(300 * 1024);
    // TensorFlow.js's kernel registry, by a name no minifier renames (a string key).
    for (const [k, b] of bodies.entries()) expect(b.toString().includes("'BatchMatMul'") || b.toString().includes('"BatchMatMul"'), urls[k]).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the charts mount while the lesson loads; arms train in a shard worker per core but one; no main-thread task over 200 ms in 10 s of training', { timeout: 240_000 }, async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchConsole(page);
    await page.addInitScript({ content: OBSERVE_LONG_TASKS });
    await page.goto(`${lab!.url}#/lessons/training-modes?backend=wasm&lang=en`);
    const play = page.getByTestId('play');
    // A fresh page builds its world (seconds): the shared charts are drawn, empty, before Play is enabled.
    const drawnEarly = await page.waitForFunction(
      () => {
        const axis = document.querySelector('[data-testid=chart-recall] .recharts-cartesian-axis');
        return axis ? { playDisabled: document.querySelector<HTMLButtonElement>('[data-testid=play]')!.disabled, loading: !!document.querySelector('[data-testid=lab] [data-testid=loading]') } : null;
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    expect(await drawnEarly.jsonValue()).toEqual({ playDisabled: true, loading: true });
    await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const shards = page.workers().filter((w) => w.url().includes('shard.worker')).length;
    expect(shards).toBe(shardCount(cores));
    await play.click();
    // The lesson's panels mount when the first snapshot comes (each in a task of its own: 50–110 ms
    // of CPU each, longer by the clock while the shard has the other core). Then ten seconds of
    // training: snapshots four times a second and evaluations every few seconds redraw them.
    await until('the first evaluation after step 0', async () => Number(await page.getByTestId('eval-step').textContent()), (n) => n > 0, 120_000);
    const start = await page.evaluate(() => performance.now());
    await page.waitForTimeout(10_000);
    const tasks = ((await page.evaluate('window.__longTasks')) as [number, number][]).filter(([t]) => t >= start);
    const longest = Math.max(0, ...tasks.map(([, d]) => d));
    expect(await page.getByTestId('phase').textContent()).toBe('Training');
    expect(longest, `long tasks while training: ${JSON.stringify(tasks.map(([, d]) => Math.round(d)))}`).toBeLessThanOrEqual(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
