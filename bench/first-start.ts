/**
 * The first `npm start` on a fresh clone, measured: Vite's dependency cache is removed, the dev
 * server starts, and Chromium opens the first lesson. Reports how often the page loaded (Vite
 * reloads it when it discovers dependencies late), when the lesson's text showed and when Play
 * was enabled, from the server's start. Prints one JSON line (bench/browser.ts runs it too).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LESSONS } from '../lessons/registry';
import { launch } from '../test/e2e/harness';

const root = path.resolve(import.meta.dirname, '..');
const port = 5300 + Math.floor(Math.random() * 500);
rmSync(path.join(root, 'node_modules/.vite'), { recursive: true, force: true });
const t0 = Date.now();
const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
      } else if (Date.now() - t0 > 60_000) reject(new Error(`vite did not start:\n${log}`));
    }, 50);
  });
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
  console.log(JSON.stringify({ lesson: first, pageLoads: loads, textSeconds, playSeconds, reloaded: /reloading|new dependencies/i.test(log) }));
} finally {
  await browser.close();
  server.kill();
}
