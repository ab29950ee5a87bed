/**
 * The serving page end to end in headless Chromium, on WASM and a small world: a short run; the
 * index built from the trained item tower and measured (the recall–latency curve, annRecall@10 and
 * queryMs per arm, the session experiment); the scale job at 10k; the main thread watched while the
 * million-vector index builds in its worker (then cancelled); the lab's HNSW checked against
 * hnswlib-wasm on the same 10k vectors and parameters; the Chinese texts; no console errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runJob } from '../../src/lesson/jobs';
import { scanTopK } from '../../src/serve/exact';
import { SCALE_DIM, scaleQueries, scaleVectors } from '../../lessons/serving/scale';
import { browserAvailable, type Lab, RESULTS, ROOT, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const SEED = 7;
const HASH = `#/lessons/serving?users=300&items=600&steps=40&seed=${SEED}&lang=en&backend=wasm`;
const HNSWLIB = join(ROOT, 'node_modules/hnswlib-wasm/dist');

let lab: Lab | undefined;

/**
 * Runs in the page (a string, so the test runner leaves its dynamic import alone): hnswlib-wasm
 * builds an 'ip' index with M 16, efConstruction 100 over the items and returns, per efSearch,
 * each query's share of its exact top-10 that came back.
 */
const HNSWLIB_IN_PAGE = `async ({ items, queries, truth, efs, dim, seed }) => {
  const m = await import(new URL('hnswlib/hnswlib.js', location.href).href);
  await m.__tla;
  const lib = await m.loadHnswlib();
  const index = new lib.HierarchicalNSW('ip', dim, '');
  const count = items.length / dim;
  index.initIndex(count, 16, 100, seed);
  for (let i = 0; i < count; i++) index.addPoint(items.slice(i * dim, (i + 1) * dim), i, false);
  const out = {};
  for (const ef of efs) {
    index.setEfSearch(ef);
    out[ef] = truth.map((t, j) => index.searchKnn(queries.slice(j * dim, (j + 1) * dim), 10, undefined).neighbors.filter((id) => t.includes(id)).length / 10);
  }
  return out;
}`;

/** "10k: 10→0.779 20→0.890 …" → {10: 0.779, 20: 0.890, …} for the 10k row. */
function recallByEf(line: string): Record<number, number> {
  const part = line.split('·').find((s) => s.includes('10k:'))!;
  return Object.fromEntries([...part.matchAll(/(\d+)→([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
}

describe.skipIf(!available)('the serving page in Chromium', () => {
  beforeAll(async () => {
    lab = await startLab();
  }, 240_000);

  afterAll(() => lab?.close());

  test('a wild index knob in the link is clamped with a notice', async () => {
    const page = await lab!.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchConsole(page);
    try {
      await page.goto(`${lab!.url}#/lessons/serving?users=300&items=600&steps=40&backend=wasm&M=-3&efSearch=abc`);
      const notices = page.getByTestId('url-notices');
      await notices.waitFor({ timeout: 60_000 });
      const body = (await notices.textContent()) ?? '';
      expect(body).toContain('M=-3');
      expect(body).toContain('efSearch');
      expect(new URL(page.url()).hash).toContain('M=2');
      await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  test('index from the trained towers, the curve, sessions, scale with a responsive page, and hnswlib-wasm agreeing with the lab’s HNSW', async () => {
    // hnswlib-wasm is the test's reference, loaded into the page by the test (its glue evaluates
    // code): the page's own CSP would refuse it, so this context runs without (the strict-page test keeps it).
    const context = await lab!.browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    const page = await context.newPage();
    const errors = watchConsole(page);
    // A missing file aborts the request (the page's import then fails at once) rather than leaving it pending.
    await page.route('**/hnswlib/*', (route) => {
      const file = join(HNSWLIB, route.request().url().split('/').pop()!);
      return existsSync(file) ? route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' }) : route.abort('filenotfound');
    });
    try {
      await page.goto(lab!.url + HASH);
      await until('the wasm backend', () => text(page, 'backend'), (b) => b === 'wasm', 90_000);
      expect(await page.locator('.katex-error').count()).toBe(0);
      await page.getByTestId('serving-diagram').waitFor();
      const play = page.getByTestId('play');
      await until('Play to be enabled', () => play.isEnabled(), Boolean, 120_000);
      await play.click();
      await until('the run to finish', () => text(page, 'phase'), (p) => p === 'Done', 240_000);

      // The curve: measured on the trained towers, a line of points per M, the builds beside it.
      const curve = page.getByTestId('chart-recall-latency');
      await curve.locator('.recharts-scatter-symbol').first().waitFor({ timeout: 120_000 });
      expect(await curve.locator('.recharts-scatter-symbol').count()).toBeGreaterThanOrEqual(4 * 6);
      for (const M of [4, 8, 16, 32]) expect(await text(page, `build-row-${M}`)).toMatch(/\d ms.*MB/);
      expect(await text(page, 'index-metrics-exact')).toMatch(/1\.000\s*[\d.]+ ms/);
      const hnswRecall = Number((await text(page, 'index-metrics-hnsw')).match(/hnsw\s*(\d\.\d{3})/)![1]);
      expect(hnswRecall).toBeGreaterThan(0.5);
      // Sessions: both means shown.
      expect(await text(page, 'session-stored')).toMatch(/^0\.\d{3}$/);
      expect(await text(page, 'session-per-request')).toMatch(/^0\.\d{3}$/);

      // Scale at 10k, built in the job worker.
      await page.getByTestId('scale-run-10000').click();
      await page.getByTestId('scale-row-10000').waitFor({ timeout: 120_000 });
      const ours = recallByEf(await text(page, 'scale-by-ef'));

      // A million vectors: the main thread stays free while the worker builds; then cancel.
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
      });
      await page.getByTestId('scale-run-1000000').click();
      await page.getByTestId('scale-progress').waitFor();
      await new Promise((r) => setTimeout(r, 15_000));
      const progress = await text(page, 'scale-progress');
      console.log(`after 15 s at 1M: ${progress}`);
      expect(progress).toMatch(/1M · .* \d+%/);
      const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      console.log(`main-thread long tasks while the 1M index built: ${longTasks.length ? longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
      expect(Math.max(0, ...longTasks)).toBeLessThan(200);
      await page.getByTestId('scale-cancel').click();
      expect(await text(page, 'scale-stopped')).toContain('cancelled');
      await page.screenshot({ path: join(RESULTS, 'serving-en.png'), fullPage: true });

      // hnswlib-wasm on the same 10k vectors and parameters (M 16, efConstruction 100), searched at the same efSearch values.
      const n = 10_000;
      const q = scaleQueries(n);
      const { items, queries } = runJob({ name: 'vectors', run: () => scaleVectors(SEED, n, q) }, {});
      const truth = Array.from({ length: q }, (_, j) => [...scanTopK(items, n, SCALE_DIM, queries, j * SCALE_DIM, 10)]);
      const efs = Object.keys(ours).map(Number);
      const theirs = await page.evaluate(([src, args]) => (0, eval)(src)(args) as Promise<Record<number, number[]>>, [
        HNSWLIB_IN_PAGE,
        { items: [...items], queries: [...queries], truth, efs, dim: SCALE_DIM, seed: SEED },
      ] as const);
      for (const ef of efs) {
        const per = theirs[ef];
        const mean = per.reduce((a, b) => a + b, 0) / per.length;
        const sd = Math.sqrt(per.reduce((s, x) => s + (x - mean) ** 2, 0) / (per.length - 1));
        // Two independent graphs, each a mean over q queries: the noise of their difference.
        const noise = 3 * Math.SQRT2 * (sd / Math.sqrt(per.length)) + 0.005;
        console.log(`efSearch ${ef}: lab HNSW ${ours[ef].toFixed(3)}, hnswlib-wasm ${mean.toFixed(3)} (|Δ| ${Math.abs(ours[ef] - mean).toFixed(3)}, noise bound ${noise.toFixed(3)})`);
        expect(Math.abs(ours[ef] - mean), `efSearch ${ef}`).toBeLessThanOrEqual(noise);
      }

      await page.getByTestId('lang-zh').click();
      await until('the Chinese texts', async () => (await page.locator('.idea-text').textContent()) ?? '', (s) => /[\u4e00-\u9fff]{4}/.test(s), 5_000);
      expect(await text(page, 'serving-diagram')).toContain('向量数据库');
      expect(await text(page, 'chart-session')).toContain('每次请求实时计算');
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: join(RESULTS, 'failed-serving.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  }, 600_000);
});
