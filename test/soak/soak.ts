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
  /** How long the lecture watches the curves move after a Play, in ms (drawn between the two). */
  playMs?: [number, number];
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
  /** The worker's JS heap (after GC, at the lesson's own settings, fresh arms) after warm-up in its first visit, and at the last measurement (MB). */
  workerHeapMB: { lesson: string; first: number; last: number }[];
  /** Longest delay before the page began handling an input (Event Timing), and the longest whole event. */
  maxInputDelayMs: number;
  /** The same, for inputs more than STEADY_AFTER_MS after the lesson page opened (what the check holds to 100 ms). */
  maxSteadyInputDelayMs: number;
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

/** Phases in which nothing runs or loads: Play must be enabled in them. */
const IDLE_PHASES = ['Ready', 'Paused', 'Done', '就绪', '已暂停', '已完成'];

/** A lesson page is "open" this long after its navigation; inputs before then may wait behind its mount. */
const STEADY_AFTER_MS = 3_000;

const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const rng = new Rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  const log = o.log ?? (() => {});
  const page = await o.browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = watchConsole(page);
  await page.addInitScript((STEADY_AFTER_MS: number) => {
    const w = window as unknown as { __soak: { delay: number; steadyDelay: number; opened: number; duration: number; rejections: string[]; action: string; slow: string[] } };
    w.__soak = { delay: 0, steadyDelay: 0, opened: 0, duration: 0, rejections: [], action: '', slow: [] };
    window.addEventListener('unhandledrejection', (e) => w.__soak.rejections.push(String(e.reason)));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        // An input's wait is its first event's (pointerdown, keydown); later events of the same
        // interaction (keypress, click) wait for the first one's handler, which is work, not delay.
        if (e.name !== 'pointerdown' && e.name !== 'keydown') continue;
        const delay = e.processingStart - e.startTime;
        if (delay > 100) w.__soak.slow.push(`${e.name} during ${w.__soak.action}: ${Math.round(delay)} ms`);
        w.__soak.delay = Math.max(w.__soak.delay, delay);
        // Inputs on a lesson that has been open for a while: not queued behind the page's own mount.
        if (e.startTime - w.__soak.opened > STEADY_AFTER_MS) w.__soak.steadyDelay = Math.max(w.__soak.steadyDelay, delay);
        w.__soak.duration = Math.max(w.__soak.duration, e.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 100) w.__soak.slow.push(`long task during ${w.__soak.action}: ${Math.round(e.duration)} ms`);
    }).observe({ type: 'longtask', buffered: true });
  }, STEADY_AFTER_MS);
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
  // The training worker's heap, through the page's CDP session: attached to its worker targets
  // (non-flat sessions, so Playwright's own session is left alone), GC first, then the heap in use.
  const workers: string[] = [];
  const replies = new Map<number, (v: { result?: { usedSize?: number } }) => void>();
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('lab.worker')) workers.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id: number; result?: { usedSize?: number } };
    replies.get(m.id)?.(m);
    replies.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let rid = 1_000_000;
  const askWorker = (sessionId: string, method: string) =>
    Promise.race([
      new Promise<{ result?: { usedSize?: number } }>((resolve) => {
        const id = ++rid;
        replies.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve({}));
      }),
      new Promise<{ result?: { usedSize?: number } }>((resolve) => setTimeout(() => resolve({}), 5_000)),
    ]);
  const workerHeap = async () => {
    const session = workers[workers.length - 1];
    if (!session) return 0;
    await askWorker(session, 'HeapProfiler.collectGarbage');
    return mb((await askWorker(session, 'Runtime.getHeapUsage')).result?.usedSize ?? 0);
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

  /**
   * Leaving a lesson: back to the settings it opened with, a reset, and then the worker's heap and
   * numTensors, compared with the lesson's first opening (same world, fresh arms, after GC).
   */
  const closeLesson = async () => {
    await page.evaluate((label) => ((window as unknown as { __soak: { action: string } }).__soak.action = label), `closing ${lessonId}`);
    await cancelSweep();
    await page.evaluate((h) => (window.location.hash = h), `#/lessons/${lessonId}?${SMALL}`);
    await page.waitForTimeout(800);
    await ready();
    const reset = page.getByTestId('reset');
    if (await reset.isEnabled().catch(() => false)) {
      await reset.click();
      resets++;
    }
    await waitFor('Ready at the lesson’s own settings', async () => ['Ready', '就绪'].includes(await phase()) && (await text('steps')) === '0', 120_000);
    await cancelSweep();
    const key = `${lessonId} [${(await enabledArms()).join(',')}]`;
    (plateaus[key] ??= []).push((await memory()).numTensors);
    const w = await workerHeap();
    // The end of the lesson's first visit is its warm-up (every path of the lesson has run);
    // each later visit's end is compared with it.
    const seen = workerHeaps.get(lessonId);
    if (seen) seen.last = w;
    else workerHeaps.set(lessonId, { first: w, last: w });
  };

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

  /**
   * Clicks a transport button if it is enabled. Between reading its state and the click the run may
   * change by itself (a tab shown again or a page restored resumes training; a run reaches its end):
   * a button disabled by then is not clicked, and Play may only be so while the run trains or loads.
   */
  const clickIfEnabled = async (id: 'play' | 'pause' | 'step'): Promise<'clicked' | 'disabled' | 'busy'> => {
    const b = page.getByTestId(id);
    if (!(await b.isEnabled().catch(() => false))) return 'disabled';
    if (await b.click({ timeout: 5_000 }).then(() => true, () => false)) return 'clicked';
    const now = await phase();
    if (id === 'play' && IDLE_PHASES.includes(now) && !(await b.isEnabled().catch(() => false))) throw new Error(`Play was enabled, then disabled for 5 s while “${now}”`);
    return 'busy';
  };

  const openLesson = async (id: string) => {
    lessonId = id;
    visits++;
    await page.evaluate((h) => (window.location.hash = h), `#/lessons/${id}?${SMALL}`);
    await page.getByTestId('lesson-page').waitFor({ timeout: 30_000 });
    lastSteps = 0;
    await ready();
    await page.evaluate((label) => {
      const w = window as unknown as { __soak: { opened: number; action: string } };
      w.__soak.opened = performance.now();
      w.__soak.action = label;
    }, `opening ${id}`);
    log(`[soak] ${Math.round((Date.now() - t0) / 1000)} s: ${id} (${actions} actions, ${steps} steps so far)`);
  };

  const act = async (a: Action) => {
    const lesson = LESSONS.find((l) => l.id === lessonId)!;
    switch (a) {
      case 'play':
      case 'pause':
      case 'step':
        await clickIfEnabled(a);
        return;
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
        // A string, not a function: tsx would wrap the getter in a helper the page does not have.
        const set = (hidden: boolean) => page.evaluate(`Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} }); document.dispatchEvent(new Event('visibilitychange'))`);
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
      await closeLesson();
      k++;
      await openLesson(order[k % order.length]);
      lessonStart = Date.now();
      // Warm-up: every lesson opened once.
      if (k === order.length) heapWarmup = await heap();
    }
    const a = pick(ACTIONS);
    await page.evaluate((name) => ((window as unknown as { __soak: { action: string } }).__soak.action = name), `${a} on ${lessonId}`);
    try {
      await act(a);
    } catch (e) {
      errors.push(`action ${actions} (${a}) on ${lessonId}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      break;
    }
    actions++;
    byAction[a] = (byAction[a] ?? 0) + 1;
    await page.waitForTimeout(100 + rng.int(300));
    await countSteps();
    if (errors.length) break;
    // Training a while keeps the step count up: most of a lecture is watching curves move.
    const watch = rng.next() < 0.5 && (await clickIfEnabled('play').catch((e: Error) => (errors.push(`after action ${actions} on ${lessonId}: ${e.message}`), 'disabled')));
    if (errors.length) break;
    if (watch && watch !== 'disabled') {
      const [lo, hi] = o.playMs ?? [3000, 7000];
      await page.waitForTimeout(lo + rng.int(hi - lo));
      await countSteps();
    }
  }
  await closeLesson();
  if (!heapWarmup) heapWarmup = await heap();
  const heapEnd = await heap();
  heapMax = Math.max(heapWarmup, heapEnd);
  const soak = await page.evaluate(() => (window as unknown as { __soak: { delay: number; steadyDelay: number; duration: number; rejections: string[]; slow: string[] } }).__soak);
  for (const slow of soak.slow) log(`[soak] slow input: ${slow}`);
  for (const r of soak.rejections) errors.push(`unhandled rejection: ${r}`);
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
    maxSteadyInputDelayMs: Math.round(soak.steadyDelay),
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
    `  longest input delay      ${r.maxSteadyInputDelayMs} ms on an open lesson, ${r.maxInputDelayMs} ms in all (incl. ${STEADY_AFTER_MS / 1000} s after opening a lesson; longest whole event ${r.maxEventMs} ms)`,
    `  errors                   ${r.errors.length ? r.errors.join(' | ') : 'none'}`,
    '  numTensors after each reset (lesson [arms]: values):',
    ...plateau,
  ].join('\n');
}
