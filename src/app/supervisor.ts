/**
 * Keeps a lesson page's training worker alive. A worker that dies (an uncaught error, or silent
 * while it should be training) is replaced: the new one builds the same world from the same
 * settings, takes each arm's latest checkpoint and its chart history, and goes on where the old
 * one stopped; the page says so. The page keeps one checkpoint per arm (the latest it was sent),
 * so this costs a few hundred kB per arm, not a history of weights.
 */
import type { Command, Snapshot, WorkerMessage } from '../worker/protocol';
import { takeTrainingWorker } from './prewarm';
import type { Checkpoint, SavedArm } from '../worker/arm-runs';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;
export type CommandBody = Distribute<Command>;
type InitBody = Extract<CommandBody, { type: 'init' }>;

/**
 * Silence while training that counts as a dead worker. Snapshots come several times a second
 * while training; one evaluation of the largest world allowed takes a few seconds on wasm, so a
 * quarter of a minute without a word (and four times the last evaluation) is not a busy worker.
 */
const WATCHDOG_MS = 15_000;
const WATCHDOG_EVAL_FACTOR = 4;
/** A timer that fires this late means the machine slept: silence then says nothing about the worker. */
const SLEEP_GAP_MS = 5_000;
/** More restarts than this within RESTART_WINDOW_MS: something is broken for good; stop and say so. */
const MAX_RESTARTS = 3;
/** Phases in which the worker waits for commands; and the commands it then answers within one chunk. */
const IDLE_PHASES = new Set(['ready', 'paused', 'done']);
const PROMPT = new Set(['play', 'pause', 'step']);
const RESTART_WINDOW_MS = 60_000;

export interface SupervisorEvents {
  /** Every message of the current worker (checkpoints and memory answers excepted). */
  message(m: WorkerMessage): void;
  /** A new worker replaced a dead one: `step` is where training continues from (0: afresh). */
  restarted(reason: string, step: number): void;
  /** The init a new worker starts with: the page's config now (it may have changed since the first). */
  init(): InitBody;
}

export class Supervisor {
  private worker!: Worker;
  private nextId = 1;
  private closed = false;
  private snapshot: Snapshot | null = null;
  private checkpoints = new Map<string, Checkpoint & { run: number }>();
  private lastHeard = performance.now();
  private lastTick = performance.now();
  private readonly timer: number;
  private restarts: number[] = [];
  private readonly waiting = new Map<number, (m: WorkerMessage) => void>();
  /** Since when a command to an idle worker has gone unanswered. */
  private awaiting: number | undefined;

  constructor(private readonly events: SupervisorEvents) {
    this.start(events.init());
    this.timer = window.setInterval(() => this.watch(), 1_000);
  }

  send(body: CommandBody): number {
    const id = this.nextId++;
    // An idle worker answers these at once: no answer means it died while idle (noticed at Play, not never).
    if (IDLE_PHASES.has(this.snapshot?.phase ?? '') && PROMPT.has(body.type)) this.awaiting ??= performance.now();
    this.worker.postMessage({ ...body, id } as Command);
    return id;
  }

  /** Asks the worker and resolves with its answer (test and soak hooks). */
  ask<T extends WorkerMessage>(body: CommandBody): Promise<T> {
    return new Promise((resolve) => this.waiting.set(this.send(body), resolve as (m: WorkerMessage) => void));
  }

  /** Test hook: the worker stops dead, as a crash would, without telling anyone. */
  kill(): void {
    this.worker.terminate();
  }

  terminate(): void {
    this.closed = true;
    window.clearInterval(this.timer);
    this.worker.terminate();
  }

  private start(init: InitBody): void {
    const worker = takeTrainingWorker();
    this.worker = worker;
    this.lastHeard = performance.now();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (this.closed || worker !== this.worker) return;
      this.hear(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.closed || worker !== this.worker) return;
      // Before the first snapshot the worker never ran: its script failed to load; restarting would fail again.
      if (!this.snapshot) this.events.message({ type: 'error', id: 0, message: e.message || 'the training worker failed to start' });
      else this.restart(e.message || 'the training worker crashed');
    };
    this.send(init);
  }

  private hear(m: WorkerMessage): void {
    this.lastHeard = performance.now();
    this.awaiting = undefined;
    const waiter = this.waiting.get(m.id);
    if (waiter && m.type === 'memory') {
      this.waiting.delete(m.id);
      return waiter(m);
    }
    if (m.type === 'checkpoint') {
      this.checkpoints.set(m.armId, { run: m.run, step: m.step, values: m.values });
      return;
    }
    if (m.type === 'snapshot') {
      this.snapshot = m.snapshot;
      // A new run (reset, new settings): older checkpoints belong to weights that are gone.
      for (const [arm, cp] of this.checkpoints) if (cp.run !== m.snapshot.run || !m.snapshot.arms.some((a) => a.id === arm)) this.checkpoints.delete(arm);
    }
    this.events.message(m);
  }

  private watch(): void {
    const now = performance.now();
    const slept = now - this.lastTick > SLEEP_GAP_MS;
    this.lastTick = now;
    // Hidden or just woken: the browser throttled or froze everything; start counting afresh.
    if (slept || document.hidden) {
      this.lastHeard = now;
      if (this.awaiting !== undefined) this.awaiting = now;
    }
    const limit = Math.max(WATCHDOG_MS, WATCHDOG_EVAL_FACTOR * (this.snapshot?.lastEvalSeconds ?? 0) * 1000);
    const since = this.snapshot?.phase === 'running' ? this.lastHeard : this.awaiting;
    if (since !== undefined && now - since > limit) this.restart(`no word from the training worker for ${Math.round((now - since) / 1000)} s`);
  }

  /** Replaces the dead worker, resuming the arms from their checkpoints when the settings are unchanged. */
  private restart(reason: string): void {
    const now = performance.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    this.worker.terminate();
    if (this.restarts.length > MAX_RESTARTS) {
      this.snapshot = null;
      this.events.message({ type: 'error', id: 0, message: `${reason}; it failed ${MAX_RESTARTS} times in a minute, so the lab stopped trying (reload the page)` });
      return;
    }
    const init = this.events.init();
    const last = this.snapshot;
    const same = !!last && Object.keys(init.settings).every((k) => init.settings[k] === last.settings[k]);
    const resume: SavedArm[] = same ? last.arms.map((a) => ({ snapshot: a, checkpoint: this.checkpoints.get(a.id) })) : [];
    const wasRunning = last?.phase === 'running';
    const step = resume.length ? Math.min(...resume.filter((r) => r.snapshot.enabled).map((r) => r.checkpoint?.step ?? 0)) : 0;
    this.snapshot = null;
    this.awaiting = undefined;
    this.checkpoints.clear();
    this.start({ ...init, resume });
    if (wasRunning) this.send({ type: 'play' });
    this.events.restarted(reason, Number.isFinite(step) ? step : 0);
  }
}
