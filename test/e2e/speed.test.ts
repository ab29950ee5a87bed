/**
 * Guards for the page's speed work (the numbers themselves are `npm run bench:browser`'s): the
 * lesson's text arrives with at most 300 kB of gzip JavaScript and without TensorFlow.js, and the
 * arms train in one shard worker per core but one. (A long-task guard — no main-thread task over
 * 200 ms while training — is not here yet: the redraw when Play starts a run still takes 200–300 ms
 * of CPU on these 2 cores, so it would fail now and then; the long tasks are in bench:browser.)
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shardCount } from '../../src/worker/coordinator';
import { browserAvailable, type Lab, startLab, until, watchConsole } from './harness';

const available = browserAvailable();
let lab: Lab | undefined;

describe.skipIf(!available)('the page’s speed guards', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('the lesson text comes first: ≤ 300 kB gzip of JavaScript before it, none of it TensorFlow.js', async () => {
    const page = await lab!.browser.newPage();
    const errors = watchConsole(page);
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.set(r.url(), r.body());
    });
    await page.goto(`${lab!.url}#/lessons/training-modes?backend=wasm&lang=en`);
    await page.locator('section.idea').waitFor({ timeout: 60_000 });
    const before = [...scripts.entries()].filter(([url]) => !/worker/.test(url));
    const bodies = await Promise.all(before.map(([, body]) => body));
    const gzipBytes = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(gzipBytes).toBeLessThanOrEqual(300 * 1024);
    // TensorFlow.js's kernel registry, by a name no minifier renames (a string key).
    for (const [k, b] of bodies.entries()) expect(b.toString().includes("'BatchMatMul'") || b.toString().includes('"BatchMatMul"'), before[k][0]).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('arms train in a shard worker per core but one', { timeout: 240_000 }, async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchConsole(page);
    await page.goto(`${lab!.url}#/lessons/training-modes?backend=wasm&lang=en`);
    const play = page.getByTestId('play');
    await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const shards = page.workers().filter((w) => w.url().includes('shard.worker')).length;
    expect(shards).toBe(shardCount(cores));
    await play.click();
    await until('training', async () => Number(await page.getByTestId('steps').textContent()), (n) => n > 0, 60_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
