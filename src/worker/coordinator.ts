/**
 * Arms across cores. A lesson's arms are independent (each in its own Experiment, seeded alike),
 * so the coordinator splits them over several shards — each a full `Runner` in a worker of its
 * own, on the same world (generated from the same seed) — and speaks the page's protocol as if
 * it were one runner: commands are routed (an arm's to the shard that owns it, run-wide ones to
 * all), and the shards' messages are merged (one snapshot with every arm; the world's messages
 * once). Lockstep holds across shards: a shard that gets ahead of the slowest is held back.
 * No DOM: the shards are ports, a worker in the page, a Runner in-process in tests.
 */
import type { Command, RunPhase, Snapshot, WorkerMessage } from './protocol';
import { UNSOLICITED } from './protocol';

/** One shard as the coordinator sees it: send it commands; it calls back with messages. */
export interface ShardPort {
  send(cmd: Command): void;
  terminate(): void;
}

export type SpawnShard = (onMessage: (m: WorkerMessage) => void) => ShardPort;

/** More shards than this cost memory (a world and a TensorFlow.js each) for little more speed. */
const MAX_SHARDS = 4;

/**
 * One shard per core but one: the page's thread, the compositor and this coordinator need a core
 * too. Measured on 2 cores (bench:browser, 2 shards against 1): positives' verdict 0.73×, but
 * training-modes 1.11× and negatives 1.38× slower, and main-thread long tasks doubled.
 */
export function shardCount(cores: number): number {
  return Math.max(1, Math.min(MAX_SHARDS, cores - 1));
}

/** How far (in steps) a shard may run ahead of the slowest before it is held back. */
export function lockstepSlack(target: number): number {
  return Math.max(2, Math.round(target / 50));
}

const MERGE_EVERY_MS = 200;
/** Identical notices from several shards within this window are one notice. */
const NOTICE_WINDOW_MS = 3000;

interface Shard {
  port: ShardPort;
  /** Arms this shard owns (trains when enabled). */
  owns: Set<string>;
  snapshot?: Snapshot;
  /** Paused by the coordinator (not the user) to keep lockstep; `resuming`: let go, not yet running again. */
  held: false | 'held' | 'resuming';
  /** Trained-probe values of this shard: name → { run, value }. */
  trained: Map<string, { run: number; value: Record<string, unknown> | undefined }>;
}

export class Coordinator {
  private shards: Shard[] = [];
  /** The lesson's arms in course order. */
  private order: string[] = [];
  private enabled: string[] = [];
  private playing = false;
  private lastMerge = 0;
  private mergeTimer?: ReturnType<typeof setTimeout>;
  private readonly recentNotices = new Map<string, number>();
  /** `memory` answers by command id and shard, until every shard has answered. */
  private readonly memoryAnswers = new Map<number, Map<number, Extract<WorkerMessage, { type: 'memory' }>>>();

  /** The first shard, started with the coordinator: it loads TensorFlow.js while the page renders and the init is on its way. */
  private readonly first: ShardPort;

  constructor(
    private readonly post: (m: WorkerMessage) => void,
    private readonly spawn: SpawnShard,
    /** At most this many shards (the cores there are); never more than the lesson has arms. */
    private readonly maxShards: number,
  ) {
    this.first = spawn((m) => this.receive(0, m));
  }

  /** Shards for the lesson's arms, all at once: each builds the same world, in parallel. */
  private start(): void {
    const count = Math.max(1, Math.min(this.maxShards, this.order.length));
    this.shards = Array.from({ length: count }, (_, k) => ({
      port: k === 0 ? this.first : this.spawn((m) => this.receive(k, m)),
      owns: new Set<string>(),
      held: false as const,
      trained: new Map(),
    }));
  }

  push(cmd: Command): void {
    if (cmd.type !== 'init' && !this.shards.length) return;
    switch (cmd.type) {
      case 'init': {
        if (this.shards.length) return;
        this.order = cmd.lessonArms ?? cmd.arms;
        this.start();
        this.enabled = cmd.arms;
        this.assign();
        this.shards.forEach((s) => s.port.send({ ...cmd, arms: this.armsOf(s) }));
        return;
      }
      case 'configure':
        // A shard held back for lockstep goes on first: a restart keeps running only what ran.
        this.release(this.shards);
        this.enabled = cmd.arms;
        this.assign();
        this.shards.forEach((s) => s.port.send({ ...cmd, arms: this.armsOf(s) }));
        return;
      case 'play':
      case 'pause':
      case 'step':
      case 'reset':
        this.playing = cmd.type === 'play';
        for (const s of this.shards) s.held = false;
        return this.broadcast(cmd);
      case 'inspect':
        return (this.owner(cmd.request.armId) ?? this.shards[0]).port.send(cmd);
      case 'sweep':
      case 'cancelSweep':
        // A sweep trains hidden arms of its own, one after another: one shard is enough.
        return this.shards[0].port.send(cmd);
      case 'dispose':
        this.broadcast(cmd);
        clearTimeout(this.mergeTimer);
        for (const s of this.shards) s.port.terminate();
        return;
      default:
        return this.broadcast(cmd);
    }
  }

  private broadcast(cmd: Command): void {
    for (const s of this.shards) s.port.send(cmd);
  }

  /** Arms keep their shard for the session; a newly enabled arm goes to the shard with the fewest. */
  private assign(): void {
    const ids = [...this.order.filter((a) => this.enabled.includes(a)), ...this.enabled.filter((a) => !this.order.includes(a))];
    for (const id of ids) {
      if (this.owner(id)) continue;
      const load = (s: Shard) => [...s.owns].filter((a) => this.enabled.includes(a)).length;
      const target = this.shards.reduce((best, s) => (load(s) < load(best) ? s : best), this.shards[0]);
      target.owns.add(id);
    }
  }

  private owner(armId: string): Shard | undefined {
    return this.shards.find((s) => s.owns.has(armId));
  }

  private armsOf(shard: Shard): string[] {
    return this.enabled.filter((a) => shard.owns.has(a));
  }

  // ---- messages from the shards ---------------------------------------------------------------

  private receive(k: number, m: WorkerMessage): void {
    const shard = this.shards[k];
    // The first shard before the init: only its failure to load can speak.
    if (!shard) return m.type === 'error' ? this.post(m) : undefined;
    switch (m.type) {
      case 'snapshot':
        shard.snapshot = m.snapshot;
        if (shard.held === 'resuming' && m.snapshot.phase !== 'paused') shard.held = false;
        this.keepLockstep();
        return this.merge(m.id, m.snapshot.phase !== 'running');
      case 'probe':
        return this.probe(k, m);
      case 'notice':
      case 'error':
        return this.once(m);
      // The world, its baselines and the backend are the same in every shard: shard 0 speaks for them.
      case 'ready':
      case 'backend':
        if (k === 0) this.post(m);
        return;
      case 'memory':
        return this.memory(k, m);
      default:
        this.post(m);
    }
  }

  /** A run probe is the world's (shard 0 says it); a trained probe is per arm: the shards' values are joined. */
  private probe(k: number, m: Extract<WorkerMessage, { type: 'probe' }>): void {
    if (!m.perArm) {
      if (k === 0) this.post(m);
      return;
    }
    this.shards[k].trained.set(m.name, { run: m.run, value: m.value as Record<string, unknown> | undefined });
    const latest = Math.max(...this.shards.map((s) => s.trained.get(m.name)?.run ?? -1));
    const parts = this.shards.map((s) => s.trained.get(m.name)).filter((p) => p && p.run === latest && p.value);
    const value = parts.length ? Object.assign({}, ...parts.map((p) => p!.value)) : undefined;
    this.post({ ...m, run: latest, value });
  }

  /** Every shard's tfjs memory for one `memory` command, summed once all have answered. */
  private memory(k: number, m: Extract<WorkerMessage, { type: 'memory' }>): void {
    const answers = this.memoryAnswers.get(m.id) ?? new Map<number, Extract<WorkerMessage, { type: 'memory' }>>();
    answers.set(k, m);
    this.memoryAnswers.set(m.id, answers);
    if (answers.size < this.shards.length) return;
    this.memoryAnswers.delete(m.id);
    const all = [...answers.values()];
    this.post({ type: 'memory', id: m.id, numTensors: all.reduce((s, a) => s + a.numTensors, 0), numBytes: all.reduce((s, a) => s + a.numBytes, 0) });
  }

  private once(m: Extract<WorkerMessage, { type: 'notice' | 'error' }>): void {
    const key = JSON.stringify(m.type === 'notice' ? m.text : m.message);
    const now = Date.now();
    if (now - (this.recentNotices.get(key) ?? -Infinity) < NOTICE_WINDOW_MS) return;
    this.recentNotices.set(key, now);
    this.post(m);
  }

  /** Shards that train something (an empty shard's phase says nothing about the run). */
  private active(): Shard[] {
    const busy = this.shards.filter((s) => s.snapshot?.arms.some((a) => a.enabled));
    return busy.length ? busy : this.shards.slice(0, 1);
  }

  /** Holds back a shard that ran ahead of the slowest; lets it go once the others caught up. */
  private keepLockstep(): void {
    if (!this.playing) return;
    const active = this.active().filter((s) => s.snapshot);
    const running = active.filter((s) => s.snapshot!.phase === 'running' || s.held);
    if (running.length < 2) return this.release(active);
    const slowest = Math.min(...running.map((s) => s.snapshot!.step));
    const slack = lockstepSlack(running[0].snapshot!.target);
    for (const s of running) {
      const ahead = s.snapshot!.step - slowest;
      if (s.held !== 'held' && ahead > slack) {
        s.held = 'held';
        s.port.send({ type: 'pause', id: UNSOLICITED });
      } else if (s.held === 'held' && ahead <= slack / 2) {
        s.held = 'resuming';
        s.port.send({ type: 'play', id: UNSOLICITED });
      }
    }
  }

  private release(shards: Shard[]): void {
    for (const s of shards.filter((x) => x.held === 'held')) {
      s.held = 'resuming';
      s.port.send({ type: 'play', id: UNSOLICITED });
    }
  }

  /** One snapshot of every arm, at most every MERGE_EVERY_MS while running (at once otherwise). */
  private merge(id: number, urgent: boolean): void {
    clearTimeout(this.mergeTimer);
    const wait = MERGE_EVERY_MS - (Date.now() - this.lastMerge);
    if (!urgent && wait > 0) {
      this.mergeTimer = setTimeout(() => this.merge(id, true), wait);
      return;
    }
    this.lastMerge = Date.now();
    const snapshot = this.merged();
    if (snapshot) this.post({ type: 'snapshot', id, snapshot });
  }

  private merged(): Snapshot | null {
    const all = this.shards.map((s) => s.snapshot).filter((s): s is Snapshot => !!s);
    if (!all.length) return null;
    // Snapshots of an older run (a shard that has not rebuilt yet) wait for it.
    const run = Math.max(...all.map((s) => s.run));
    const current = this.shards.filter((s) => s.snapshot?.run === run);
    const active = this.active().filter((s) => s.snapshot?.run === run);
    const lead = (active[0] ?? current[0]).snapshot!;
    const arms = current.flatMap((s) => s.snapshot!.arms).sort((a, b) => this.order.indexOf(a.id) - this.order.indexOf(b.id));
    const steps = active.map((s) => s.snapshot!.step);
    return {
      ...lead,
      run,
      phase: this.phaseOf(active),
      step: steps.length ? Math.min(...steps) : lead.step,
      arms,
      stepsPerSecond: Math.min(...active.map((s) => s.snapshot!.stepsPerSecond)),
      evalSeconds: Math.max(...active.map((s) => s.snapshot!.evalSeconds)),
      lastEvalSeconds: Math.max(...active.map((s) => s.snapshot!.lastEvalSeconds)),
    };
  }

  private phaseOf(shards: Shard[]): RunPhase {
    const phases = shards.map((s) => (s.held ? 'running' : s.snapshot!.phase));
    for (const p of ['error', 'loading', 'running'] as const) if (phases.includes(p)) return p;
    if (phases.every((p) => p === 'done')) return 'done';
    return phases.includes('paused') ? 'paused' : phases.includes('done') ? 'paused' : 'ready';
  }
}
