/**
 * The first `npm start` on a fresh clone, measured: the built site (dist/) and Vite's dependency
 * cache are removed, `npm start` builds and serves, and Chromium opens the first lesson. Reports
 * how often the page loaded, when the lesson's text showed and when Play was enabled, from the
 * start. `--dev` measures the dev server (`npm run dev`) the same way, for comparison: it reloads
 * the page when it discovers dependencies late. `--again`: a later start (caches and dist/ kept).
 * Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LESSONS } from '../lessons/registry';
import { launch } from '../test/e2e/harness';

const root = path.resolve(import.meta.dirname, '..');
const port = 5300 + Math.floor(Math.random() * 500);
const dev = process.argv.includes('--dev');
const again = process.argv.includes('--again');
if (!again) {
  rmSync(path.join(root, 'node_modules/.vite'), { recursive: true, force: true });
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
}
const t0 = Date.now();
const command = dev
  ? [path.join(root, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort']
  : [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/start.ts'), '--port', String(port), '--no-open'];
const server = spawn(process.execPath, command, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const browser = await launch();
try {
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (log.includes('Local:')) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - t0 > 120_000) reject(new Error(`the server did not start:\n${log}`));
    }, 50);
  });
  const serverSeconds = (Date.now() - t0) / 1000;
  const page = await browser.newPage();
  let loads = 0;
  page.on('load', () => loads++);
  const first = LESSONS[0].id;
  await page.goto(`http://127.0.0.1:${port}/#/lessons/${first}?backend=wasm`);
  await page.locator('section.idea').waitFor({ timeout: 120_000 });
  const textSeconds = (Date.now() - t0) / 1000;
  await page.waitForFunction(() => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    return play && !play.disabled;
  }, undefined, { timeout: 180_000, polling: 50 });
  const playSeconds = (Date.now() - t0) / 1000;
  // A late reload would come within a moment of the first render: wait for it.
  await new Promise((r) => setTimeout(r, 3000));
  console.log(JSON.stringify({ server: dev ? 'dev' : 'built', start: again ? 'again' : 'first', lesson: first, serverSeconds, pageLoads: loads, textSeconds, playSeconds, reloaded: /reloading|new dependencies/i.test(log) }));
} finally {
  await browser.close();
  server.kill();
}
