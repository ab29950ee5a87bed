/**
 * `npm run bench:browser`: the page as a student meets it. Builds and serves the site, opens
 * every lesson with its default settings in headless Chromium, presses Play as soon as it is
 * enabled and waits for the verdict (all default steps of all arms trained and evaluated). Per
 * lesson: ready and verdict seconds from navigation start (and ready again, reopened in the same
 * browser, its world kept), lockstep steps/s, main-thread long
 * tasks while training (count over 50 ms, longest), and the gzip bytes of JavaScript loaded before
 * the lesson's text (its idea section) showed. The Node engine bench (one listwise arm) runs beside it, so the
 * browser/Node ratio is visible. Writes bench/results/browser.json.
 *
 * Flags: --lessons a,b  --backend wasm|auto (default wasm: this machine's WebGPU is SwiftShader)
 *        --rounds N (default 1; each lesson keeps its best round)
 *        --baseline DIR: also a site built earlier (e.g. from another commit), measured in the same
 *        rounds, interleaved lesson by lesson, so the ratio new/baseline is fair under any load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LESSONS } from '../lessons/registry';
import { scriptsBeforeText, serve, startLab } from '../test/e2e/harness';
import { flag } from './flags';

const root = path.resolve(import.meta.dirname, '..');
const lessons = flag('lessons', LESSONS.filter((l) => l.ready).map((l) => l.id).join(',')).split(',');
const backend = flag('backend', 'wasm');
const rounds = Number(flag('rounds', '1'));
const baselineDir = flag('baseline', '');

interface Row {
  lesson: string;
  readySeconds: number;
  /** Ready again, the lesson reopened in the same browser (its world kept: world-store.ts). */
  readyAgainSeconds: number;
  steps: number;
  lockstepStepsPerSecond: number;
  verdictSeconds: number;
  longTasks: number;
  longestTaskMs: number;
  firstTextJsGzipBytes: number;
  backend: string;
}

/**
 * Records long tasks from the first moment (the observer buffers what happened before it).
 */
const OBSERVE_PAGE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

async function measure(page: Page, url: string, lesson: string): Promise<Row> {
  const early = await scriptsBeforeText(page);
  await page.addInitScript(OBSERVE_PAGE);
  const query = backend === 'auto' ? 'lang=en' : `backend=${backend}&lang=en`;
  await page.goto(`${url}#/lessons/${lesson}?${query}`);
  await page.locator('section.idea').waitFor({ timeout: 60_000 });
  const { gzipBytes } = await early.read();
  const ready = await page.waitForFunction(() => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    return play && !play.disabled ? performance.now() : 0;
  }, undefined, { timeout: 120_000, polling: 20 });
  const readyMs = (await ready.jsonValue()) as number;
  await page.getByTestId('play').click();
  const done = await page.waitForFunction(() => (document.querySelector('.phase-done') ? performance.now() : 0), undefined, { timeout: 600_000, polling: 50 });
  const verdictMs = (await done.jsonValue()) as number;
  const steps = Number(await page.getByTestId('steps').textContent());
  const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
  const training = tasks.filter(([start]) => start >= readyMs && start <= verdictMs).map(([, d]) => d);
  return {
    lesson,
    readySeconds: readyMs / 1000,
    readyAgainSeconds: 0,
    steps,
    lockstepStepsPerSecond: steps / ((verdictMs - readyMs) / 1000),
    verdictSeconds: verdictMs / 1000,
    longTasks: training.length,
    longestTaskMs: Math.round(Math.max(0, ...training)),
    firstTextJsGzipBytes: gzipBytes,
    backend: ((await page.getByTestId('backend').textContent()) ?? '').trim(),
  };
}

/** Seconds from navigation to Play enabled, the lesson opened once more in the same context. */
async function readyAgain(page: Page, url: string, lesson: string): Promise<number> {
  const query = backend === 'auto' ? 'lang=en' : `backend=${backend}&lang=en`;
  await page.goto(`${url}#/lessons/${lesson}?${query}`);
  const ready = await page.waitForFunction(() => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    return play && !play.disabled ? performance.now() : 0;
  }, undefined, { timeout: 120_000, polling: 20 });
  const ms = (await ready.jsonValue()) as number;
  await page.close();
  return ms / 1000;
}

function nodeEngine(): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/engineLoop.ts'), '--arm', 'listwise', '--steps', '150'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!).stepsPerSecond;
}

const lab = await startLab();
const baseline = baselineDir ? await serve(path.resolve(baselineDir)) : null;
const sites: [string, string][] = [['new', lab.url], ...(baseline ? [['baseline', baseline.url] as [string, string]] : [])];
const best = new Map<string, Row>();
const nodeRates: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    nodeRates.push(nodeEngine());
    for (const lesson of lessons) {
      for (const [site, url] of sites) {
        const context = await lab.browser.newContext({ viewport: { width: 1280, height: 900 } });
        const row = await measure(await context.newPage(), url, lesson);
        row.readyAgainSeconds = await readyAgain(await context.newPage(), url, lesson);
        await context.close();
        console.log(`round ${r + 1}: ${site} ${lesson}: verdict ${row.verdictSeconds.toFixed(1)} s`);
        const key = `${site} ${lesson}`;
        if (!best.has(key) || best.get(key)!.verdictSeconds > row.verdictSeconds) best.set(key, row);
      }
    }
  }
} finally {
  await baseline?.close();
  await lab.close();
}

const node = Math.max(...nodeRates);
console.log(`\nNode engine, listwise arm (wasm): ${node.toFixed(1)} steps/s (4 arms in lockstep on one core: ${(node / 4).toFixed(1)})`);
const rows: Record<string, Row[]> = {};
for (const [site] of sites) {
  rows[site] = lessons.map((l) => best.get(`${site} ${l}`)!);
  console.log(`\n${site}:\nlesson             backend  ready s (again)  steps  lockstep steps/s  verdict s  long tasks (max ms)  first-text JS gzip kB`);
  for (const r of rows[site])
    console.log(
      `${r.lesson.padEnd(18)} ${r.backend.padEnd(8)} ${r.readySeconds.toFixed(1).padStart(7)} ${`(${r.readyAgainSeconds.toFixed(1)})`.padStart(7)} ${String(r.steps).padStart(6)} ${r.lockstepStepsPerSecond.toFixed(1).padStart(17)} ${r.verdictSeconds.toFixed(1).padStart(10)} ${`${r.longTasks} (${r.longestTaskMs})`.padStart(20)} ${(r.firstTextJsGzipBytes / 1024).toFixed(0).padStart(22)}`,
    );
}
if (baseline) {
  console.log('\nnew / baseline:  verdict s   lockstep steps/s');
  for (const l of lessons) {
    const [n, b] = [best.get(`new ${l}`)!, best.get(`baseline ${l}`)!];
    console.log(`${l.padEnd(18)} ${(n.verdictSeconds / b.verdictSeconds).toFixed(2).padStart(7)} ${(n.lockstepStepsPerSecond / b.lockstepStepsPerSecond).toFixed(2).padStart(18)}`);
  }
}
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results/browser.json');
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), backend, rounds, nodeListwiseStepsPerSecond: node, rows }, null, 2) + '\n');
console.log(`written ${path.relative(root, file)}`);
