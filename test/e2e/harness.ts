/**
 * Browser-test harness: builds the site into a temp dir, serves it on a free localhost port
 * with a tiny static server, and launches Debian's Chromium through playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP_MESSAGE = 'Chromium not found at /usr/bin/chromium: browser tests skipped (apt-get install chromium)';
export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');

/** Whether the browser tests can run here; throws when REQUIRE_BROWSER=1 and they cannot. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${SKIP_MESSAGE} — but REQUIRE_BROWSER=1`);
  console.warn(SKIP_MESSAGE);
  return false;
}

export async function buildSite(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'two-tower-lab-e2e-'));
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the site would ship React's
  // development build (slower, StrictMode's double effects). Build what users get.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  return outDir;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves `dir` under a sub-path (`/lab/`), as a static host would: proves the relative base. */
export async function serve(dir: string, prefix = '/lab/', headers: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-webgpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--enable-features=Vulkan',
    ],
  });
}

/** Collects console errors and uncaught page errors (the tests require none). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** What every browser test file starts from: the built site, served under a sub-path, and Chromium. */
export interface Lab {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The site the browser tests' global setup built (site.setup.ts), when running under vitest. */
async function builtForTests(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('site');
}

/** `headers`: sent with every file (a host's Content-Security-Policy, say). */
export async function startLab(headers: Record<string, string> = {}): Promise<Lab> {
  mkdirSync(RESULTS, { recursive: true });
  const shared = await builtForTests();
  const dir = shared ?? (await buildSite());
  const site = await serve(dir, '/lab/', headers);
  const browser = await launch();
  return {
    url: site.url,
    browser,
    async close() {
      await browser.close();
      await site.close();
      if (!shared) await removeDir(dir);
    },
  };
}

/** The text of a test id (empty when it has none). */
export async function text(page: Page, testid: string): Promise<string> {
  return (await page.getByTestId(testid).textContent({ timeout: 10_000 })) ?? '';
}

/** Polls until `check` holds; fails with the last observed state. */
export async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}

/** What recharts draws, to count marks in a chart. */
export const BARS = '.recharts-bar-rectangle';
export const LINES = '.recharts-line-curve';
export const DOTS = '.recharts-line-dots circle, .recharts-dot';

/** Marks drawn inside a chart card (bars, lines, dots), once it is drawn and current. */
export async function marks(page: Page, testid: string, selector: string): Promise<number> {
  // A chart mounts in a task of its own (ChartFrame), a moment after its card: count once it is drawn.
  await page.getByTestId(testid).locator('.chart-pending').first().waitFor({ state: 'detached', timeout: 10_000 });
  // A card held while the arms trained out of sight catches up in a turn of its own once they stop (on-screen.tsx).
  await page.locator(`[data-testid="${testid}"]:not([data-held])`).first().waitFor({ timeout: 10_000 });
  return page.getByTestId(testid).locator(selector).count();
}

/**
 * The page's scripts that had arrived when the lesson's text (its idea section) was first drawn:
 * call before `goto`, then `read()` once the text is there. Timed in the page (the animation frame
 * after the text entered the document): Playwright notices the text 1–2 s after that frame, when
 * later chunks (recharts) have come too. Workers' scripts are not the page's and are left out.
 */
export async function scriptsBeforeText(page: Page): Promise<{ read(): Promise<{ urls: string[]; bodies: Buffer[]; gzipBytes: number }> }> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (r) => {
    // Read now (a late one, after the page closed, is refused: kept empty, it is after the text anyway).
    if (r.url().endsWith('.js')) bodies.set(r.url(), r.body().catch(() => Buffer.alloc(0)));
  });
  await page.addInitScript({
    content: `new MutationObserver((_, observer) => {
      if (!document.querySelector('section.idea')) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.__textFrame = performance.now(); });
    }).observe(document, { childList: true, subtree: true });`,
  });
  return {
    async read() {
      const arrived = await page.waitForFunction(
        () => {
          const frame = (window as unknown as { __textFrame?: number }).__textFrame;
          if (frame === undefined) return null;
          return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= frame).map((e) => e.name);
        },
        undefined,
        { timeout: 10_000 },
      );
      const urls = ((await arrived.jsonValue()) as string[]).filter((url) => !/worker/.test(url));
      const read = await Promise.all(urls.map((url) => bodies.get(url) ?? Promise.resolve(Buffer.alloc(0))));
      return { urls, bodies: read, gzipBytes: read.reduce((sum, b) => sum + gzipSync(b).length, 0) };
    },
  };
}
