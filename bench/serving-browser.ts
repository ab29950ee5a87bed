/**
 * The serving bench in Chromium (`npx tsx bench/serving-browser.ts [--sizes 10000,100000]`): the
 * lab's HNSW as the page runs it (the scale panel's job worker) beside hnswlib-wasm 0.8.2 (on the
 * page's thread) on the same vectors, with the same M, efConstruction and efSearch values: build
 * time, time per query and recall@10 against the exact top-10. hnswlib-wasm does not run in Node,
 * hence a browser. The vectors travel to the page as one binary file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALE_DIM, SCALE_EFS, scaleQueries, scaleVectors, type ScaleRow } from '../lessons/serving/scale';
import { runJob } from '../src/lesson/jobs';
import { scanTopK } from '../src/serve/exact';
import { ROOT, startLab } from '../test/e2e/harness';
import { flag } from './flags';

const sizes = flag('sizes', '10000,100000').split(',').map(Number);
const SEED = 7;
const M = 16;
const EFC = 100;
const EF = 64;

/** Runs in the page: hnswlib-wasm over the vectors file, timed. */
const HNSWLIB = `async ({ url, n, q, dim, truth, efs, M, efc, seed }) => {
  const m = await import(new URL('hnswlib/hnswlib.js', location.href).href);
  await m.__tla;
  const lib = await m.loadHnswlib();
  const all = new Float32Array(await (await fetch(url)).arrayBuffer());
  const index = new lib.HierarchicalNSW('ip', dim, '');
  const t0 = performance.now();
  index.initIndex(n, M, efc, seed);
  for (let i = 0; i < n; i++) index.addPoint(all.subarray(i * dim, (i + 1) * dim), i, false);
  const buildMs = performance.now() - t0;
  const byEf = {};
  for (const ef of efs) {
    index.setEfSearch(ef);
    let found = 0;
    const t1 = performance.now();
    for (let j = 0; j < q; j++) {
      const got = index.searchKnn(all.subarray((n + j) * dim, (n + j + 1) * dim), 10, undefined).neighbors;
      for (const id of got) if (truth[j].includes(id)) found++;
    }
    byEf[ef] = [found / (10 * q), (performance.now() - t1) / q];
  }
  return { buildMs, byEf };
}`;

const lab = await startLab();
try {
  const page = await lab.browser.newPage();
  const files = new Map<string, Buffer>();
  await page.route('**/hnswlib/*', (route) => route.fulfill({ body: readFileSync(join(ROOT, 'node_modules/hnswlib-wasm/dist', route.request().url().split('/').pop()!)), contentType: 'text/javascript' }));
  await page.route('**/bench-vectors/*', (route) => route.fulfill({ body: files.get(route.request().url().split('/').pop()!)!, contentType: 'application/octet-stream' }));
  await page.goto(`${lab.url}#/lessons/serving?backend=wasm&users=300&items=600&seed=${SEED}&M=${M}&efConstruction=${EFC}&efSearch=${EF}&lang=en`);
  await page.getByTestId('scale-run-10000').waitFor({ timeout: 120_000 });
  console.log(`   items  impl           build s  ${SCALE_EFS.map((ef) => `ef ${ef}: recall  ms/q`.padStart(22)).join('')}`);
  for (const n of sizes) {
    const q = scaleQueries(n);
    const { items, queries } = runJob({ name: 'vectors', run: () => scaleVectors(SEED, n, q) }, {});
    const all = new Float32Array((n + q) * SCALE_DIM);
    all.set(items);
    all.set(queries, n * SCALE_DIM);
    files.set(`${n}.bin`, Buffer.from(all.buffer));
    const truth = Array.from({ length: q }, (_, j) => [...scanTopK(items, n, SCALE_DIM, queries, j * SCALE_DIM, 10)]);
    // The lab's HNSW, as the page runs it.
    await page.getByTestId(`scale-run-${n}`).click();
    const row = page.getByTestId(`scale-row-${n}`);
    await row.waitFor({ timeout: 3_600_000 });
    const ours = JSON.parse((await row.getAttribute('data-row'))!) as ScaleRow;
    const line = (name: string, buildMs: number, byEf: Record<number, [number, number]>) =>
      `${String(n).padStart(8)}  ${name.padEnd(13)} ${(buildMs / 1000).toFixed(1).padStart(8)}  ${SCALE_EFS.map((ef) => `${byEf[ef][0].toFixed(3)} ${byEf[ef][1].toFixed(3)}`.padStart(22)).join('')}`;
    // Ours first: a page that fails later (hnswlib-wasm out of memory) must not lose it.
    console.log(line('lab HNSW', ours.buildMs, ours.byEf));
    try {
      const theirs = (await page.evaluate(([src, args]) => (0, eval)(src)(args), [
        HNSWLIB,
        { url: new URL(`bench-vectors/${n}.bin`, lab.url).href, n, q, dim: SCALE_DIM, truth, efs: SCALE_EFS, M, efc: EFC, seed: SEED },
      ] as const)) as { buildMs: number; byEf: Record<number, [number, number]> };
      console.log(line('hnswlib-wasm', theirs.buildMs, theirs.byEf));
    } catch (e) {
      console.log(`${String(n).padStart(8)}  hnswlib-wasm  failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    console.log(`${''.padStart(8)}  exact scan (lab, in the page's job worker): ${ours.exactMs.toFixed(2)} ms/query; lab HNSW memory ${(ours.hnswBytes / 1e6).toFixed(1)} MB`);
  }
} finally {
  await lab.close();
}
