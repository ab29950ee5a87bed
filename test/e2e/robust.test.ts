/**
 * A lecture without a glitch, on one build: the strict page — every lesson loads under the lab's Content-Security-Policy (the build's meta
 * tag, and the same policy as a header so that the worker is held to it too) with no violation
 * and no request to any other origin; generated bad links render the lesson or the not-found
 * page with one notice per correction; a worker killed mid-run is replaced from its checkpoints
 * with the charts' history kept; a page frozen for longer than the watchdog resumes cleanly; and
 * two minutes of the soak (`npm run soak` runs the full lecture) under the same policy.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findLesson, LESSONS } from '../../lessons/registry';
import { parseLessonQuery } from '../../src/app/config';
import { CONTENT_SECURITY_POLICY } from '../../src/app/csp';
import { parseHash } from '../../src/app/route';
import { Fuzz } from '../helpers/fuzz';
import { fuzzedLink } from '../helpers/urls';
import { checkSoak } from '../soak/checks';
import { formatSoak, runSoak } from '../soak/soak';
import { browserAvailable, type Lab, startLab, text, until, watchConsole } from './harness';

const available = browserAvailable();
const SMALL = 'backend=wasm&users=300&items=600&lang=en';
let lab: Lab | undefined;
/** Every URL any page or worker asked for, across the whole file. */
const requests: string[] = [];

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await lab!.browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = watchConsole(page);
  page.on('request', (r) => requests.push(r.url()));
  // Violations are reported to the document as events: collected before any script of the page runs.
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(lab!.url + hash);
  return { page, errors };
}

/** training-modes on a small world, playing towards a target it will not reach in the test. */
async function training(): Promise<{ page: Page; errors: string[] }> {
  const opened = await open(`#/lessons/training-modes?${SMALL}&steps=20000`);
  await until('ready', () => phase(opened.page), (p) => p === 'Ready', 90_000);
  await opened.page.getByTestId('play').click();
  return opened;
}

/** Each arm's evaluations and losses, as the page's run export (JSON) has them. */
async function exportedHistory(page: Page): Promise<{ id: string; evals: { step: number; metrics: unknown }[]; loss: [number, number][] }[]> {
  await page.getByTestId('export-open').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  await page.keyboard.press('Escape');
  return JSON.parse(await readFile((await download.path())!, 'utf8')).history;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const phase = (page: Page) => text(page, 'phase');
const steps = async (page: Page) => Number(await text(page, 'steps'));

describe.skipIf(!available)('the strict page', () => {
  beforeAll(async () => {
    lab = await startLab({ 'content-security-policy': CONTENT_SECURITY_POLICY });
  }, 240_000);

  afterAll(async () => {
    await lab?.close();
  });

  test('every lesson loads, trains and draws under the CSP, asking nothing of another origin', { timeout: 300_000 }, async () => {
    let formulas = 0;
    for (const lesson of LESSONS) {
      const { page, errors } = await open(`#/lessons/${lesson.id}?${SMALL}`);
      await until(`${lesson.id}: ready`, () => phase(page), (p) => p === 'Ready' || p === 'Done', 90_000);
      if (lesson.id === 'training-modes') {
        await page.getByTestId('step').click();
        await until('a trained evaluation', async () => Number(await text(page, 'eval-step')), (n) => n > 0, 60_000);
      }
      await page.getByTestId('lang-zh').click();
      await until(`${lesson.id} in Chinese`, () => page.getByTestId('lesson-page').getAttribute('data-lang'), (l) => l === 'zh', 10_000);
      formulas += await page.locator('.katex').count();
      expect(await violations(page), lesson.id).toEqual([]);
      expect(errors, lesson.id).toEqual([]);
      expect(await text(page, 'backend'), lesson.id).toBe('wasm');
      await page.close();
    }
    // KaTeX drew its formulas (inline style attributes, font files) under the policy.
    expect(formulas).toBeGreaterThan(10);
    const origin = new URL(lab!.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The worker's own requests are among those seen (its wasm binary), so none escaped the count.
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  });

  test('40 generated bad links: the lesson or the not-found page, one notice per correction, no error', { timeout: 240_000 }, async () => {
    const { page, errors } = await open(`#/lessons/model?${SMALL}`);
    await page.getByTestId('lesson-page').waitFor();
    const f = new Fuzz(1616);
    let lessons = 0;
    for (let i = 0; i < 40; i++) {
      // The link's own world sizes stay in it, but the last word (a small world) keeps the browser quick.
      const link = fuzzedLink(f);
      const hash = `${link.hash}${link.hash.includes('?') ? '&' : '?'}${SMALL}`;
      const what = `link ${i}: ${hash.slice(0, 160)}`;
      await page.evaluate((h) => (window.location.hash = h), hash);
      if (link.lessonId) {
        await page.getByTestId('lesson-page').waitFor({ timeout: 10_000 });
        lessons++;
        const expected = parseHash(hash);
        const parsed = parseLessonQuery(findLesson(link.lessonId)!, expected.query);
        const want = new Set([...expected.notices, ...parsed.notices]);
        const items = page.getByTestId('url-notices').locator('li');
        await until(`${what}: ${want.size} notices`, () => items.count(), (n) => n === want.size, 10_000);
        expect(await page.getByTestId('lesson-page').getAttribute('data-lang'), what).toBe('en');
      } else {
        // `#//…` is the home page; anything else that names no lesson is the not-found page.
        await page.getByTestId(parseHash(hash).page === 'home' ? 'lesson-list' : 'not-built').waitFor({ timeout: 10_000 });
      }
    }
    expect(lessons).toBeGreaterThan(20);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page frozen past the watchdog (a sleeping laptop) resumes as it was; a worker killed mid-run is replaced from its checkpoints, the charts keep their history', { timeout: 240_000 }, async () => {
    const { page, errors } = await training();
    const notices = async () => (await page.getByTestId('notices').textContent().catch(() => '')) ?? '';
    await until('training', () => steps(page), (n) => n > 10, 60_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    await new Promise((r) => setTimeout(r, 18_000));
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    const thawed = await steps(page);
    await until('training to go on after the freeze', () => steps(page), (n) => n > thawed + 10, 60_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await notices()).not.toContain('training worker stopped');

    await until('two evaluations', async () => Number(await text(page, 'eval-step')), (n) => n >= 20, 90_000);
    const evalStep = Number(await text(page, 'eval-step'));
    const curves = await page.locator('.recharts-line-curve').count();
    const before = await exportedHistory(page);
    await page.evaluate(() => (window as unknown as { __lab: { killWorker(): void } }).__lab.killWorker());
    const notice = await until('the restart notice', notices, (t) => t.includes('training worker stopped'), 60_000);
    const from = Number(/continues from step (\d+)/.exec(notice)?.[1] ?? 0);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(evalStep + 1000);
    // Training goes on past where it was, from the checkpoint, with the earlier evaluations still drawn.
    await until('training past the checkpoint', () => steps(page), (n) => n > from + 10, 90_000);
    expect(await phase(page)).toBe('Training');
    expect(Number(await text(page, 'eval-step'))).toBeGreaterThanOrEqual(from);
    // The charts mount afresh with the new worker's first snapshot (drawn a few frames later) and hold the old evaluations.
    await until('the charts redrawn', () => page.locator('.recharts-line-curve').count(), (n) => n >= curves, 15_000);
    const after = await exportedHistory(page);
    for (const arm of before) {
      const kept = after.find((a) => a.id === arm.id)!;
      const upTo = arm.evals.filter((e) => e.step <= from);
      expect(upTo.length, arm.id).toBeGreaterThan(0);
      expect(kept.evals.slice(0, upTo.length), arm.id).toEqual(upTo);
    }

    // Died while paused: noticed when Play goes unanswered, not never.
    const alive = () => page.evaluate(() => Promise.race([(window as unknown as { __lab: { memory(): Promise<unknown> } }).__lab.memory().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2_000))]));
    await page.getByTestId('pause').click();
    await until('paused', () => phase(page), (p) => p === 'Paused', 30_000);
    expect(await alive()).toBe(true);
    await page.evaluate(() => (window as unknown as { __lab: { killWorker(): void } }).__lab.killWorker());
    expect(await alive()).toBe(false);
    await page.getByTestId('play').click();
    await until('a new worker after Play went unanswered', alive, (a) => a, 60_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a 2-minute lecture holds every check of the soak', { timeout: 300_000 }, async () => {
    const report = await runSoak({ url: lab!.url, browser: lab!.browser, seed: 7, durationMs: 120_000, minActions: 40, minSteps: 300, maxMs: 180_000, log: (l) => console.log(l) });
    console.log(formatSoak(report));
    expect(checkSoak(report)).toEqual([]);
    expect(report.actions).toBeGreaterThanOrEqual(40);
    expect(report.steps).toBeGreaterThanOrEqual(300);
    expect(report.lessonsVisited).toBeGreaterThanOrEqual(5);
    // Every lesson's numTensors was measured after a reset at least once.
    expect(Object.keys(report.plateaus).length).toBeGreaterThanOrEqual(5);
  });
});
