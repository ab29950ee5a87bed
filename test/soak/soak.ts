/**
 * A simulated lecture on the built site (`npm run soak`; a 2-minute version runs in `npm test`):
 * every lesson in turn, random seeded actions (play, pause, step, reset, knobs incl. world knobs,
 * arm toggles, language, a hidden tab, back/forward, sweeps started and cancelled), and
 * throughout: numTensors back to its plateau after each reset, the page's JS heap within +20%
 * of its value after warm-up, no console error or unhandled rejection, every input answered
 * within 100 ms. Returns the numbers for the summary table.
 */
import type { Browser, CDPSession } from 'playwright-core';
import { LESSONS } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import type { Knob } from '../../src/lesson/types';
import { Rng } from '../../src/util/rng';
import { watchConsole } from '../e2e/harness';

export interface SoakOptions {
  url: string;
  browser: Browser;
  seed: number;
  /** Wall time to run for; the run also goes on until `minActions` and `minSteps` are reached. */
  durationMs: number;
  minActions: number;
  minSteps: number;
  /** Hard stop whatever the minimums (a CI budget). */
  maxMs: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  seconds: number;
  actions: number;
  byAction: Record<string, number>;
  lessonsVisited: number;
  steps: number;
  resets: number;
  /** numTensors measured after each reset, by lesson + arms; each key's values must all be equal. */
  plateaus: Record<string, number[]>;
  heapWarmupMB: number;
  heapEndMB: number;
  heapMaxMB: number;
  /** The worker's JS heap when each lesson was first ready, and at the end of its last visit (MB). */
  workerHeapMB: { lesson: string; first: number; last: number }[];
  /** Longest delay before the page began handling an input (Event Timing), and the longest whole event. */
  maxInputDelayMs: number;
  maxEventMs: number;
  errors: string[];
}

/** A small world per lesson keeps the lecture quick; world knobs still move within these ranges. */
const SMALL = 'backend=wasm&users=300&items=600&lang=en';
const WORLD_RANGES: Record<string, [number, number]> = { users: [150, 400], items: [300, 800], clicks: [5, 30], seed: [1, 50] };
/** Knobs the soak leaves alone: they change the number of tensors (the plateau) or the run's length. */
const FIXED = new Set(['layers', 'steps']);
const ACTIONS = ['play', 'play', 'pause', 'step', 'reset', 'knob', 'knob', 'arm', 'lang', 'hidden', 'backForward', 'sweep', 'cancelSweep', 'wait'] as const;
type Action = (typeof ACTIONS)[number];

const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const rng = new Rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  const log = o.log ?? (() => {});
  const page = await o.browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = watchConsole(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __soak: { delay: number; duration: number; rejections: string[] } };
    w.__soak = { delay: 0, duration: 0, rejections: [] };
    window.addEventListener('unhandledrejection', (e) => w.__soak.rejections.push(String(e.reason)));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        w.__soak.delay = Math.max(w.__soak.delay, e.processingStart - e.startTime);
        w.__soak.duration = Math.max(w.__soak.duration, e.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const text = async (id: string) => ((await page.getByTestId(id).textContent({ timeout: 5_000 }).catch(() => '')) ?? '').trim();
  const phase = () => text('phase');
  const waitFor = async (what: string, check: () => Promise<boolean>, ms: number) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`soak: timed out waiting for ${what}`);
      await page.waitForTimeout(200);
    }
  };
  const memory = () => page.evaluate(() => (window as unknown as { __lab: { memory(): Promise<{ numTensors: number }> } }).__lab.memory());
  const workerHeap = async () => {
    const w = page.workers()[page.workers().length - 1];
    return w ? mb(await w.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0).catch(() => 0)) : 0;
  };

  const t0 = Date.now();
  const byAction: Record<string, number> = {};
  const plateaus: Record<string, number[]> = {};
  const workerHeaps = new Map<string, { first: number; last: number }>();
  let actions = 0;
  let steps = 0;
  let lastSteps = 0;
  let resets = 0;
  let heapWarmup = 0;
  let heapMax = 0;
  let visits = 0;
  let lessonId = '';

  const countSteps = async () => {
    const n = Number(await text('steps')) || 0;
    if (n > lastSteps) steps += n - lastSteps;
    lastSteps = n;
  };
  const ready = () => waitFor('the lesson to be ready', async () => ['Ready', 'Paused', 'Done', 'Training'].includes(await phase()) || ['就绪', '已暂停', '已完成', '训练中'].includes(await phase()), 120_000);
  const enabledArms = async () => {
    const lesson = LESSONS.find((l) => l.id === lessonId)!;
    const on: string[] = [];
    for (const id of lesson.armIds) if (await page.getByTestId(`arm-toggle-${id}`).isChecked().catch(() => false)) on.push(id);
    return on;
  };
  const cancelSweep = async () => {
    const cancel = page.getByTestId('sweep-cancel');
    if (await cancel.count()) await cancel.first().click().catch(() => {});
  };

  const openLesson = async (id: string) => {
    lessonId = id;
    visits++;
    await page.evaluate((h) => (window.location.hash = h), `#/lessons/${id}?${SMALL}`);
    await page.getByTestId('lesson-page').waitFor({ timeout: 30_000 });
    lastSteps = 0;
    await ready();
    const w = await workerHeap();
    const seen = workerHeaps.get(id);
    workerHeaps.set(id, { first: seen?.first ?? w, last: w });
    log(`[soak] ${Math.round((Date.now() - t0) / 1000)} s: ${id} (${actions} actions, ${steps} steps so far)`);
  };

  const act = async (a: Action) => {
    const lesson = LESSONS.find((l) => l.id === lessonId)!;
    switch (a) {
      case 'play':
      case 'pause':
      case 'step': {
        const b = page.getByTestId(a);
        if (await b.isEnabled().catch(() => false)) await b.click();
        return;
      }
      case 'reset': {
        const b = page.getByTestId('reset');
        if (!(await b.isEnabled().catch(() => false))) return;
        await cancelSweep();
        await b.click();
        resets++;
        await waitFor('Ready after the reset', async () => ['Ready', '就绪'].includes(await phase()), 120_000);
        // A sweep started meanwhile holds a hidden arm: only a quiet worker is at its plateau.
        if (await page.getByTestId('sweep-cancel').count()) return;
        const key = `${lessonId} [${(await enabledArms()).join(',')}]`;
        (plateaus[key] ??= []).push((await memory()).numTensors);
        lastSteps = 0;
        return;
      }
      case 'knob': {
        const knobs = knobsOf(lesson).filter((k: Knob) => !FIXED.has(k.id));
        const knob = pick(knobs);
        const input = page.getByTestId(`knob-${knob.id}-value`);
        if (!(await input.count())) return;
        const [lo, hi] = WORLD_RANGES[knob.id] ?? [knob.min, knob.max];
        let v = lo + rng.next() * (hi - lo);
        if (knob.id === 'dim') v = pick([8, 16, 32]);
        if (knob.id === 'batch') v = pick([32, 64, 128]);
        if (knob.id === 'hidden') v = pick([16, 32, 64]);
        await input.fill(String(knob.integer ? Math.round(v) : Number(v.toPrecision(3))));
        await input.press('Enter');
        lastSteps = 0;
        return;
      }
      case 'arm': {
        const on = await enabledArms();
        const id = pick(lesson.armIds);
        if (on.length === 1 && on[0] === id) return;
        await page.getByTestId(`arm-toggle-${id}`).click();
        return;
      }
      case 'lang':
        await page.getByTestId(pick(['lang-zh', 'lang-en'])).click();
        return;
      case 'hidden': {
        const set = (hidden: boolean) => page.evaluate((h) => {
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
        await set(true);
        await page.waitForTimeout(300 + rng.int(1200));
        await set(false);
        return;
      }
      case 'backForward':
        await page.evaluate(() => history.back());
        await page.waitForTimeout(500);
        await page.evaluate(() => history.forward());
        await page.getByTestId('lesson-page').waitFor({ timeout: 30_000 });
        await ready();
        lastSteps = 0;
        return;
      case 'sweep': {
        const run = page.getByTestId('sweep-run');
        if ((await run.count()) && (await run.first().isEnabled())) await run.first().click();
        return;
      }
      case 'cancelSweep':
        await cancelSweep();
        return;
      case 'wait':
        await page.waitForTimeout(1000 + rng.int(3000));
        return;
    }
  };

  await page.goto(`${o.url}#/`);
  const order = [...LESSONS.map((l) => l.id)];
  const perLessonMs = Math.max(10_000, o.durationMs / order.length);
  let lessonStart = 0;
  let k = 0;
  await openLesson(order[0]);
  lessonStart = Date.now();
  for (;;) {
    const elapsed = Date.now() - t0;
    const enough = elapsed >= o.durationMs && actions >= o.minActions && steps >= o.minSteps;
    if (enough || elapsed >= o.maxMs) break;
    if (Date.now() - lessonStart > perLessonMs) {
      // Before leaving, the lesson ends as a lecture would: paused.
      await act('pause');
      k++;
      await openLesson(order[k % order.length]);
      lessonStart = Date.now();
      // Warm-up: every lesson opened once.
      if (k === order.length) heapWarmup = await heap();
    }
    const a = pick(ACTIONS);
    try {
      await act(a);
    } catch (e) {
      errors.push(`action ${actions} (${a}) on ${lessonId}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      break;
    }
    actions++;
    byAction[a] = (byAction[a] ?? 0) + 1;
    await page.waitForTimeout(150 + rng.int(600));
    await countSteps();
    if (errors.length) break;
    // Training a while keeps the step count up: most of a lecture is watching curves move.
    if (rng.next() < 0.3 && (await page.getByTestId('play').isEnabled().catch(() => false))) {
      await page.getByTestId('play').click();
      await page.waitForTimeout(2000 + rng.int(4000));
      await countSteps();
    }
  }
  if (!heapWarmup) heapWarmup = await heap();
  const heapEnd = await heap();
  heapMax = Math.max(heapWarmup, heapEnd);
  const soak = await page.evaluate(() => (window as unknown as { __soak: { delay: number; duration: number; rejections: string[] } }).__soak);
  for (const r of soak.rejections) errors.push(`unhandled rejection: ${r}`);
  const w = await workerHeap();
  const cur = workerHeaps.get(lessonId);
  if (cur) cur.last = w;
  await page.close();
  return {
    seconds: Math.round((Date.now() - t0) / 1000),
    actions,
    byAction,
    lessonsVisited: visits,
    steps,
    resets,
    plateaus,
    heapWarmupMB: mb(heapWarmup),
    heapEndMB: mb(heapEnd),
    heapMaxMB: mb(heapMax),
    workerHeapMB: [...workerHeaps].map(([lesson, h]) => ({ lesson, ...h })),
    maxInputDelayMs: Math.round(soak.delay),
    maxEventMs: Math.round(soak.duration),
    errors,
  };
}

/** The summary table `npm run soak` prints (and the README quotes). */
export function formatSoak(r: SoakReport): string {
  const plateau = Object.entries(r.plateaus).map(([k, v]) => `  ${k.padEnd(56)} ${v.join(' ')}`);
  return [
    'soak summary',
    `  wall time                ${r.seconds} s`,
    `  actions                  ${r.actions}  (${Object.entries(r.byAction).map(([a, n]) => `${a} ${n}`).join(', ')})`,
    `  lessons opened           ${r.lessonsVisited}`,
    `  training steps           ${r.steps}`,
    `  resets measured          ${r.resets}`,
    `  page heap (after GC)     warm-up ${r.heapWarmupMB} MB, end ${r.heapEndMB} MB (${r.heapWarmupMB ? Math.round((r.heapEndMB / r.heapWarmupMB - 1) * 100) : 0}%)`,
    `  worker heap by lesson    ${r.workerHeapMB.map((w) => `${w.lesson} ${w.first}→${w.last}`).join(', ')} MB`,
    `  longest input delay      ${r.maxInputDelayMs} ms (longest whole event ${r.maxEventMs} ms)`,
    `  errors                   ${r.errors.length ? r.errors.join(' | ') : 'none'}`,
    '  numTensors after each reset (lesson [arms]: values):',
    ...plateau,
  ].join('\n');
}
