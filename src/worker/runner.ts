/**
 * The worker's training driver: a thin adapter between the protocol and the engine. One
 * sequential actor: commands are queued and handled between chunks of training, so a chunk is
 * never interrupted half-way and the world/arms are never rebuilt under a running step.
 *
 * Each arm runs in its own `Experiment` (all sharing the world and the evaluation context), so an
 * arm can be switched off and on without disturbing the others: arms are seeded identically, so
 * an arm's curve does not depend on which others run. The chunks of all live arms are trained
 * together (one read-back per chunk).
 *
 * No DOM: this file also runs under Node (tests may drive it directly).
 */
import * as tf from '@tensorflow/tfjs';
import { findLesson } from '../../lessons/registry';
import { CLOSENESS_GROUPS, POPULARITY_BUCKETS } from '../eval/breakdown';
import { createEvalContext, type EvalContext } from '../eval/evaluate';
import type { Metrics } from '../eval/metrics';
import { trueBatchProbability } from '../model/frequency';
import { type Augmentation, augmentationExample, itemFeatureMI, type MutualInformationMatrix } from '../model/mutualInformation';
import type { ArmSpec, LessonDef, Settings } from '../lesson/types';
import { type BackendChoice, type BackendName, type BackendOptions, initBackend, label } from '../model/backend';
import { Experiment } from '../train/experiment';
import { generateWorld } from '../world/generate';
import type { World } from '../world/types';
import type { ArmSnapshot, Command, EvalPoint, ItemFeatureInsight, RunPhase, Snapshot, WorkerMessage, WorldSummary } from './protocol';
import { UNSOLICITED } from './protocol';
import { worldConfigOf, worldKnobIds } from './world-config';
import { itemStrideOf } from '../world/truth';

/** Wall time aimed at per training chunk: short enough that Pause answers at once. */
const CHUNK_SECONDS = 0.12;
const MAX_CHUNK = 25;
/** Snapshots go out at most this often while training (the page redraws on each). */
const SNAPSHOT_EVERY_MS = 250;
/** Evaluate at least this far apart, and never spend more than ~30% of the time evaluating. */
const EVAL_EVERY_MS = 1500;
const EVAL_SHARE = 0.3;
/** Loss points kept per arm; beyond this, neighbours are merged (the charts stay light). */
const MAX_LOSS_POINTS = 800;
const MAX_EVAL_POINTS = 400;

interface Checkpoint {
  step: number;
  values: Float32Array[];
}

interface ArmRun {
  spec: ArmSpec;
  exp: Experiment;
  enabled: boolean;
  loss: [number, number][];
  evals: EvalPoint[];
  diverged?: string;
  /** Training seconds of experiments this arm lost to a backend failure. */
  secondsBefore: number;
  trainSeconds: number;
  checkpoint?: Checkpoint;
  /** Streaming-estimator arms: [step, mean |p̂ − p|]. */
  estimator?: [number, number][];
}

/** A sweep: hidden fresh arms, one per (knob value, arm), trained one after another. */
interface SweepJob {
  key: string;
  knob: string;
  queue: { value: number; armId: string }[];
  total: number;
  done: number;
  current?: { value: number; armId: string; exp: Experiment };
  /** Steps per chunk of the hidden run (aimed at CHUNK_SECONDS like the main run's). */
  chunk: number;
  /** A sweep over a world knob: the world generated for the value being trained. */
  hidden?: { value: number; world: World; ctx: EvalContext };
  lastStatus: number;
}

class BackendLost extends Error {}

export class Runner {
  private queue: Command[] = [];
  private wake?: () => void;
  private lesson?: LessonDef;
  private settings: Settings = {};
  private enabled: string[] = [];
  private world?: World;
  private ctx?: EvalContext;
  private arms = new Map<string, ArmRun>();
  private order: BackendName[] = [];
  private backend?: BackendName;
  private backendEpoch = 0;
  private lost?: string;
  private lostSignal?: (reason: string) => void;
  private running = false;
  private phase: RunPhase = 'loading';
  private run = 0;
  private chunk = 1;
  private rate = 0;
  private lastSnapshot = 0;
  private lastEvalEnd = 0;
  private lastEvalSeconds = 0;
  private evalSeconds = 0;
  private sweep?: SweepJob;
  /** The MI matrix of the current world's item features (self-supervised lessons). */
  private mi?: MutualInformationMatrix;
  /** Mean true batch probability of the items with clicks, per batch size (for the estimator chart's scale). */
  private meanP = new Map<number, number>();
  /** Id of the command being answered, for the messages it causes. */
  private replyTo = UNSOLICITED;

  constructor(
    private readonly post: (message: WorkerMessage) => void,
    private readonly backendOptions: BackendOptions = {},
  ) {}

  /** Called for each incoming command. Pause takes effect at the end of the running chunk. */
  push(cmd: Command): void {
    if (cmd.type === 'pause') this.running = false;
    this.queue.push(cmd);
    this.wake?.();
  }

  /** The actor: commands first, then one chunk of training if running, else sleep. */
  async loop(): Promise<void> {
    for (;;) {
      if (this.lost && this.world && !this.running) await this.onFailure(new BackendLost(this.lost));
      while (this.queue.length) {
        const cmd = this.queue.shift()!;
        this.replyTo = cmd.id;
        try {
          await this.handle(cmd);
        } catch (e) {
          await this.onFailure(e);
        }
        if (cmd.type === 'dispose') return;
      }
      if (this.running) {
        try {
          await this.tick();
        } catch (e) {
          await this.onFailure(e);
        }
        // Message events are macrotasks: give them a turn (wasm/cpu reads resolve as microtasks).
        await new Promise((r) => setTimeout(r, 0));
      } else if (this.sweep && this.world) {
        try {
          await this.sweepTick();
        } catch (e) {
          this.endSweep(e instanceof Error ? e.message : String(e));
          if (e instanceof BackendLost) await this.onFailure(e);
        }
        await new Promise((r) => setTimeout(r, 0));
      } else {
        await new Promise<void>((r) => (this.wake = r));
        this.wake = undefined;
      }
    }
  }

  private async handle(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init': {
        const lesson = findLesson(cmd.lessonId);
        if (!lesson || !lesson.ready) throw new Error(`lesson "${cmd.lessonId}" is not available`);
        this.lesson = lesson;
        this.settings = { ...cmd.settings };
        this.enabled = cmd.arms.filter((a) => lesson.armIds.includes(a));
        this.order = cmd.backends;
        await this.startBackend(this.order, false, '', cmd.forced ?? false);
        await this.buildWorld();
        await this.buildArms();
        return;
      }
      case 'configure':
        return this.configure(cmd.settings, cmd.arms);
      case 'play':
        if (!this.world) return;
        if (this.lockstep() >= this.settings.steps && !this.lagging()) {
          this.notice(
            `Already trained ${this.settings.steps} steps: raise “Steps” to train further, or Reset.`,
            `已训练 ${this.settings.steps} 步：调高“训练步数”可继续训练，或点击“重置”。`,
          );
          this.phase = 'done';
        } else {
          this.running = true;
          this.phase = 'running';
        }
        this.snapshot(true);
        return;
      case 'pause':
        this.running = false;
        if (this.world && this.phase === 'running') this.phase = 'paused';
        this.snapshot(true);
        return;
      case 'step': {
        if (!this.world) return;
        this.running = false;
        let left = Math.max(1, Math.round(cmd.steps));
        while (left > 0) left -= await this.trainChunk(left, true);
        await this.evaluateAll();
        this.phase = this.lockstep() >= this.settings.steps ? 'done' : 'paused';
        this.snapshot(true);
        return;
      }
      case 'reset':
        if (!this.world) return;
        this.running = false;
        await this.buildArms();
        return;
      case 'loseBackend':
        return this.loseBackend();
      case 'sweep':
        return this.startSweep(cmd.key, cmd.knob, cmd.values, cmd.arms);
      case 'cancelSweep':
        this.endSweep('cancelled');
        return;
      case 'dispose':
        this.running = false;
        this.endSweep('closed');
        this.disposeArms();
        return;
    }
  }

  // ---- backend ------------------------------------------------------------------------------

  private async startBackend(order: BackendName[], fallback: boolean, prefix: string, forced = false): Promise<void> {
    this.status('Starting TensorFlow.js…', '正在启动 TensorFlow.js…');
    const choice = forced && order.length > 1 ? await this.initForced(order) : await initBackend(order, this.backendOptions);
    this.backend = choice.name;
    this.lost = undefined;
    const epoch = ++this.backendEpoch;
    const onLost = (reason: string) => {
      if (epoch !== this.backendEpoch || this.lost) return;
      this.lost = reason;
      this.lostSignal?.(reason);
      // Idle: recover now rather than at the next Play.
      this.wake?.();
    };
    watchBackend(choice.name, onLost);
    this.post({ type: 'backend', id: this.replyTo, name: choice.name, reason: prefix ? `${prefix} → ${label(choice.name)}` : choice.reason, fallback });
  }

  /**
   * A backend asked for by name: tried alone (so the engine uses it even where automatic mode
   * would skip it, e.g. a software GPU); if it cannot start, the rest of the order as usual.
   */
  private async initForced(order: BackendName[]): Promise<BackendChoice> {
    try {
      const choice = await initBackend(order.slice(0, 1), this.backendOptions);
      return { name: choice.name, reason: `${label(choice.name)}: as asked (backend=${choice.name})` };
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).replace(/^no TensorFlow\.js backend could start \((.*)\)$/, '$1');
      const rest = await initBackend(order.slice(1), this.backendOptions);
      return { name: rest.name, reason: `${why} → ${rest.reason.endsWith(': first choice') ? label(rest.name) : rest.reason}` };
    }
  }

  /** Makes the live backend fail the way a lost device does (a test hook for the fallback path). */
  private async loseBackend(): Promise<void> {
    const b = tf.backend() as unknown as GpuBackendLike;
    if (this.backend === 'webgpu' && b.device) {
      b.device.destroy();
    } else if (this.backend === 'webgl' && b.gpgpu?.gl) {
      const ext = b.gpgpu.gl.getExtension('WEBGL_lose_context') as { loseContext(): void } | null;
      if (ext) ext.loseContext();
      else this.markLost('WebGL context lost (simulated)');
    } else {
      this.markLost(`${label(this.backend ?? 'cpu')} failed (simulated)`);
    }
  }

  private markLost(reason: string): void {
    if (this.lost) return;
    this.lost = reason;
    this.lostSignal?.(reason);
  }

  /** A backend error mid-run: the next backend in the order takes over, from the last checkpoint. */
  private async onFailure(e: unknown): Promise<void> {
    const message = e instanceof Error ? e.message : String(e);
    // A sweep's hidden arm lived on the failed backend: it ends here (its finished points stay).
    this.endSweep(`backend failed: ${message}`);
    const failed = this.backend;
    // Any failure once the world is built, on a backend with a successor, counts as that backend
    // failing (device lost, out of memory, a kernel the driver rejects).
    const rest = failed ? this.order.slice(this.order.indexOf(failed) + 1) : [];
    if (!failed || !this.world || !rest.length) {
      this.lost = undefined;
      this.running = false;
      this.phase = 'error';
      this.post({ type: 'error', id: this.replyTo, message });
      this.snapshot(true);
      return;
    }
    const wasRunning = this.running;
    this.running = false;
    const next = rest;
    const why = `${label(failed)}: ${this.lost ?? message}`;
    this.disposeArms(true);
    try {
      await this.startBackend(next, true, why);
    } catch (err) {
      this.lost = undefined;
      this.phase = 'error';
      this.post({ type: 'error', id: this.replyTo, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const restored = this.rebuildFromCheckpoints();
    this.notice(
      `${why} → ${label(this.backend!)}. Training continues from step ${restored}: weights restored from the last evaluation; the optimizer state restarted.`,
      `${why} → ${label(this.backend!)}。训练从第 ${restored} 步继续：权重取自最近一次评估时的存档，优化器状态重新开始。`,
      'warn',
    );
    this.running = wasRunning;
    this.phase = wasRunning ? 'running' : this.lockstep() >= this.settings.steps ? 'done' : 'paused';
    this.snapshot(true);
  }

  // ---- world and arms -------------------------------------------------------------------------

  private async buildWorld(): Promise<void> {
    const lesson = this.lesson!;
    this.disposeArms();
    this.world = undefined;
    this.ctx = undefined;
    this.mi = undefined;
    this.phase = 'loading';
    const cfg = worldConfigOf(lesson, this.settings);
    this.status(
      `Generating the world: ${cfg.users} users, ${cfg.items} items…`,
      `正在生成世界：${cfg.users} 个用户，${cfg.items} 个物品……`,
    );
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    const world = generateWorld(cfg);
    this.status('Ranking by the truth (oracle) and by popularity…', '正在计算 Oracle 与热门基线……');
    await new Promise((r) => setTimeout(r, 0));
    const ctx = createEvalContext(world);
    const buildSeconds = (performance.now() - t0) / 1000;
    this.world = world;
    this.ctx = ctx;
    const summary: WorldSummary = {
      seed: world.config.seed,
      users: world.config.users,
      items: world.config.items,
      zipf: world.config.zipf,
      clicksPerUser: world.config.clicksPerUser,
      trainClicks: world.train.item.length,
      testClicks: world.test.item.length,
      evalUsers: ctx.users.length,
      buildSeconds,
    };
    this.meanP.clear();
    this.post({
      type: 'ready',
      id: this.replyTo,
      run: this.run,
      world: summary,
      baselines: {
        oracle: ctx.oracle,
        popular: ctx.popular,
        testHeadShare: ctx.testHeadShare,
        oracleDetail: ctx.oracleDetail,
        popularDetail: ctx.popularDetail,
        popularityBuckets: POPULARITY_BUCKETS.map((b) => b.label),
        closenessGroups: [...CLOSENESS_GROUPS],
      },
    });
  }

  /** Fresh arms (new run): the enabled ones now, the others when first switched on. */
  private async buildArms(): Promise<void> {
    this.disposeArms();
    this.run++;
    this.running = false;
    this.evalSeconds = 0;
    this.rate = 0;
    this.chunk = 1;
    for (const id of this.enabled) this.createArm(id);
    this.postItemFeatures();
    this.status('Evaluating the untrained towers…', '正在评估未训练的双塔……');
    await this.evaluateAll();
    this.phase = 'ready';
    this.snapshot(true);
  }

  private specs(): ArmSpec[] {
    return this.lesson!.arms(this.settings);
  }

  private createArm(id: string): ArmRun {
    const spec = this.specs().find((s) => s.id === id);
    if (!spec) throw new Error(`arm "${id}" is not part of lesson ${this.lesson!.id}`);
    const exp = new Experiment(this.world!, [spec], this.settings, this.ctx);
    // The streaming estimator's error before any step: its starting guess p̂ = 1/B₀ for every item.
    const start = exp.arms[0].estimatorError();
    const arm: ArmRun = {
      spec,
      exp,
      enabled: true,
      loss: [],
      evals: [],
      secondsBefore: 0,
      trainSeconds: 0,
      ...(start !== undefined ? { estimator: [[0, start] as [number, number]] } : {}),
    };
    this.arms.set(id, arm);
    return arm;
  }

  private disposeArms(keepHistory = false): void {
    for (const arm of this.arms.values()) {
      try {
        arm.exp.dispose();
      } catch {
        // A lost device may refuse to free its buffers; nothing else holds them.
      }
    }
    if (!keepHistory) this.arms.clear();
  }

  /** After a fallback: new experiments on the new backend, weights from each arm's checkpoint. */
  private rebuildFromCheckpoints(): number {
    let lockstep = Infinity;
    for (const [id, old] of this.arms) {
      const exp = new Experiment(this.world!, [old.spec], this.settings, this.ctx);
      const arm = exp.arms[0];
      const cp = old.checkpoint;
      if (cp) {
        const vars = [...arm.userTower.variables, ...arm.itemTower.variables];
        vars.forEach((v, k) => {
          const t = tf.tensor(cp.values[k], v.shape);
          v.assign(t);
          t.dispose();
        });
        arm.steps = cp.step;
        exp.step = cp.step;
      }
      const step = cp?.step ?? 0;
      this.arms.set(id, {
        ...old,
        exp,
        secondsBefore: old.trainSeconds,
        loss: old.loss.filter(([s]) => s <= step),
        evals: old.evals.filter((e) => e.step <= step),
        // The restored arm's estimator starts afresh (its state is not part of the checkpoint).
        ...(old.estimator ? { estimator: [...old.estimator.filter(([s]) => s <= step)] } : {}),
      });
      if (old.enabled && !old.diverged) lockstep = Math.min(lockstep, step);
    }
    return Number.isFinite(lockstep) ? lockstep : 0;
  }

  private async configure(settings: Settings, arms: string[]): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    const before = this.settings;
    this.settings = { ...settings };
    this.enabled = arms.filter((a) => lesson.armIds.includes(a));
    const changed = Object.keys(settings).filter((k) => settings[k] !== before[k]);
    // A sweep's points hold every other setting fixed: a change of any but the swept knob ends it.
    const breaking = changed.filter((k) => k !== this.sweep?.knob);
    if (breaking.length && this.sweep) this.endSweep(`settings changed (${breaking.join(', ')})`);
    const worldChanged = changed.some((k) => worldKnobIds(lesson).includes(k));
    const armsChanged = changed.some((k) => k !== 'steps' && !worldKnobIds(lesson).includes(k));
    const wasRunning = this.running;
    if (worldChanged) {
      this.running = false;
      await this.buildWorld();
      await this.buildArms();
      this.notice('World settings changed: a new world was generated and training restarted.', '世界设置已改变：已生成新的世界，训练重新开始。');
      return;
    }
    if (armsChanged) {
      await this.buildArms();
      this.notice(
        `Changed ${changed.filter((k) => k !== 'steps').join(', ')}: the arms restarted from step 0.`,
        `已修改 ${changed.filter((k) => k !== 'steps').join('、')}：各组从第 0 步重新训练。`,
      );
      if (wasRunning) {
        this.running = true;
        this.phase = 'running';
      }
      this.snapshot(true);
      return;
    }
    // Arms switched on or off, or the target changed: the run goes on.
    for (const [id, arm] of this.arms) arm.enabled = this.enabled.includes(id);
    for (const id of this.enabled) {
      if (!this.arms.has(id)) {
        const arm = this.createArm(id);
        await this.evaluateArm(arm);
      }
    }
    if (this.phase === 'done' && (this.lockstep() < this.settings.steps || this.lagging())) this.phase = 'paused';
    if (this.running && this.lockstep() >= this.settings.steps && !this.lagging()) {
      this.running = false;
      this.phase = 'done';
    }
    this.snapshot(true);
  }

  // ---- training -------------------------------------------------------------------------------

  private live(): ArmRun[] {
    return [...this.arms.values()].filter((a) => a.enabled && !a.diverged);
  }

  private stepsOf(arm: ArmRun): number {
    return arm.exp.arms[0].steps;
  }

  private lockstep(): number {
    const live = this.live();
    return live.length ? Math.min(...live.map((a) => this.stepsOf(a))) : 0;
  }

  /** An arm switched on mid-run is behind the others: it catches up before they go on. */
  private lagging(): boolean {
    const live = this.live();
    if (!live.length) return false;
    const steps = live.map((a) => this.stepsOf(a));
    return Math.max(...steps) > Math.min(...steps);
  }

  private async tick(): Promise<void> {
    const target = this.settings.steps;
    if (!this.live().length) {
      this.running = false;
      this.phase = 'paused';
      this.snapshot(true);
      return;
    }
    if (this.lockstep() >= target && !this.lagging()) {
      this.running = false;
      await this.evaluateAll();
      this.phase = 'done';
      this.snapshot(true);
      return;
    }
    await this.trainChunk(target - this.lockstep(), false);
    const now = performance.now();
    if (now - this.lastEvalEnd > Math.max(EVAL_EVERY_MS, (this.lastEvalSeconds * 1000 * (1 - EVAL_SHARE)) / EVAL_SHARE)) {
      await this.evaluateAll();
    }
    this.snapshot(false);
  }

  /** One chunk of lockstep training (lagging arms alone while they catch up). Returns steps done. */
  private async trainChunk(maxSteps: number, beyondTarget: boolean): Promise<number> {
    const live = this.live();
    if (!live.length) return maxSteps;
    const steps = live.map((a) => this.stepsOf(a));
    const hi = Math.max(...steps);
    const lo = Math.min(...steps);
    const group = hi > lo ? live.filter((a) => this.stepsOf(a) < hi) : live;
    let n = Math.min(this.chunk, hi > lo ? hi - lo : maxSteps);
    if (!beyondTarget && hi === lo) n = Math.min(n, Math.max(1, this.settings.steps - lo));
    n = Math.max(1, n);
    const t0 = performance.now();
    const lost = new Promise<never>((_, reject) => {
      this.lostSignal = (reason) => reject(new BackendLost(reason));
      if (this.lost) reject(new BackendLost(this.lost));
    });
    lost.catch(() => undefined);
    try {
      const progress = await Promise.race([Promise.all(group.map((a) => a.exp.train(n))), lost]);
      group.forEach((arm, k) => {
        const p = progress[k][0];
        arm.trainSeconds = arm.secondsBefore + p.trainSeconds;
        if (p.diverged && !arm.diverged) {
          arm.diverged = p.diverged;
          this.post({ type: 'diverged', id: this.replyTo, run: this.run, armId: arm.spec.id, reason: p.diverged });
        } else if (p.loss !== null && Number.isFinite(p.loss)) {
          arm.loss.push([p.steps, p.loss]);
          if (arm.loss.length > MAX_LOSS_POINTS) arm.loss = thinPairs(arm.loss);
        }
        if (arm.estimator && p.estimatorError !== undefined && Number.isFinite(p.estimatorError)) {
          arm.estimator.push([p.steps, p.estimatorError]);
          if (arm.estimator.length > MAX_LOSS_POINTS) arm.estimator = thinPairs(arm.estimator);
        }
      });
    } finally {
      this.lostSignal = undefined;
    }
    const seconds = (performance.now() - t0) / 1000;
    // Aim each chunk at CHUNK_SECONDS of wall time.
    const perStep = seconds / n;
    this.chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round(CHUNK_SECONDS / Math.max(perStep, 1e-4))));
    if (hi === lo) {
      const r = n / Math.max(seconds, 1e-6);
      this.rate = this.rate ? 0.7 * this.rate + 0.3 * r : r;
    }
    return n;
  }

  private async evaluateAll(): Promise<void> {
    const t0 = performance.now();
    for (const arm of this.live()) await this.evaluateArm(arm);
    const end = performance.now();
    this.lastEvalSeconds = (end - t0) / 1000;
    this.evalSeconds += this.lastEvalSeconds;
    this.lastEvalEnd = end;
  }

  private async evaluateArm(arm: ArmRun): Promise<void> {
    const step = this.stepsOf(arm);
    if (arm.evals.length && arm.evals[arm.evals.length - 1].step === step) return;
    const metrics: Record<string, Metrics> = await this.raceLost(arm.exp.evaluate());
    const m = metrics[arm.spec.id];
    if (!m) return;
    arm.evals.push({ step, metrics: m, detail: arm.exp.lastDetail[arm.spec.id] });
    if (arm.evals.length > MAX_EVAL_POINTS) arm.evals = thinEvals(arm.evals);
    // A checkpoint of the weights, for a backend that fails later.
    const a = arm.exp.arms[0];
    const vars = [...a.userTower.variables, ...a.itemTower.variables];
    const values = await this.raceLost(Promise.all(vars.map((v) => v.data() as Promise<Float32Array>)));
    arm.checkpoint = { step, values: values.map((v) => Float32Array.from(v)) };
  }

  private async raceLost<T>(p: Promise<T>): Promise<T> {
    const lost = new Promise<never>((_, reject) => {
      this.lostSignal = (reason) => reject(new BackendLost(reason));
      if (this.lost) reject(new BackendLost(this.lost));
    });
    lost.catch(() => undefined);
    try {
      return await Promise.race([p, lost]);
    } finally {
      this.lostSignal = undefined;
    }
  }

  // ---- sweeps ---------------------------------------------------------------------------------

  private startSweep(key: string, knob: string, values: number[], arms: string[]): void {
    const lesson = this.lesson;
    if (!lesson || !this.world) return;
    this.endSweep('replaced by a new sweep');
    const known = arms.filter((a) => lesson.armIds.includes(a));
    const queue = values.filter((v) => Number.isFinite(v)).flatMap((value) => known.map((armId) => ({ value, armId })));
    if (!queue.length) return;
    this.sweep = { key, knob, queue, total: queue.length, done: 0, chunk: 1, lastStatus: 0 };
    this.sweepStatus(true);
  }

  /** Ends the sweep (finished when `reason` is undefined) and frees its hidden arm. */
  private endSweep(reason?: string): void {
    const job = this.sweep;
    if (!job) return;
    this.sweep = undefined;
    try {
      job.current?.exp.dispose();
    } catch {
      // A lost device may refuse to free its buffers.
    }
    this.post({ type: 'sweepStatus', id: this.replyTo, key: job.key, active: false, done: job.done, total: job.total, ...(reason ? { reason } : {}) });
  }

  private sweepStatus(force: boolean): void {
    const job = this.sweep;
    if (!job) return;
    const now = performance.now();
    if (!force && now - job.lastStatus < SNAPSHOT_EVERY_MS) return;
    job.lastStatus = now;
    const cur = job.current;
    this.post({
      type: 'sweepStatus',
      id: this.replyTo,
      key: job.key,
      active: true,
      done: job.done,
      total: job.total,
      ...(cur ? { current: { value: cur.value, armId: cur.armId, step: cur.exp.arms[0].steps } } : {}),
    });
  }

  /** One chunk of the sweep's current hidden run; at the target, evaluates it and moves on. */
  private async sweepTick(): Promise<void> {
    const job = this.sweep!;
    if (!job.current) {
      const next = job.queue.shift();
      if (!next) return this.endSweep();
      const settings = { ...this.settings, [job.knob]: next.value };
      const spec = this.lesson!.arms(settings).find((s) => s.id === next.armId);
      if (!spec) {
        job.done++;
        return;
      }
      let world = this.world!;
      let ctx = this.ctx;
      if (worldKnobIds(this.lesson!).includes(job.knob) && next.value !== this.settings[job.knob]) {
        if (job.hidden?.value !== next.value) {
          job.hidden = undefined;
          this.sweepStatus(true);
          await new Promise((r) => setTimeout(r, 0));
          const w = generateWorld(worldConfigOf(this.lesson!, settings));
          job.hidden = { value: next.value, world: w, ctx: createEvalContext(w) };
        }
        world = job.hidden.world;
        ctx = job.hidden.ctx;
      }
      job.current = { ...next, exp: new Experiment(world, [spec], settings, ctx) };
      this.sweepStatus(true);
      return;
    }
    const cur = job.current;
    const target = this.settings.steps;
    const done = cur.exp.arms[0].steps;
    if (done < target && !cur.exp.divergedReason(cur.armId)) {
      const n = Math.max(1, Math.min(job.chunk, target - done));
      const t0 = performance.now();
      await this.raceLost(cur.exp.train(n));
      const perStep = (performance.now() - t0) / 1000 / n;
      job.chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round(CHUNK_SECONDS / Math.max(perStep, 1e-4))));
      this.sweepStatus(false);
      return;
    }
    const diverged = cur.exp.divergedReason(cur.armId);
    if (diverged) {
      this.notice(`Sweep: ${cur.armId} at ${job.knob} = ${cur.value} diverged (${diverged}); no point drawn.`, `扫描：${cur.armId} 在 ${job.knob} = ${cur.value} 时发散（${diverged}），不画点。`, 'warn');
    } else {
      const metrics = await this.raceLost(cur.exp.evaluate());
      const m = metrics[cur.armId];
      if (m) {
        this.post({
          type: 'sweepPoint',
          id: this.replyTo,
          key: job.key,
          knob: job.knob,
          value: cur.value,
          armId: cur.armId,
          step: cur.exp.arms[0].steps,
          metrics: m,
          detail: cur.exp.lastDetail[cur.armId],
        });
      }
    }
    cur.exp.dispose();
    job.current = undefined;
    job.done++;
    this.sweepStatus(true);
  }

  /**
   * Lessons with a self-supervised arm: the item-feature MI matrix of this world (computed once
   * per world) and what each augmentation does to one tail item, with the current dropout rate.
   */
  private postItemFeatures(): void {
    const world = this.world;
    if (!world || !this.lesson) return;
    const augs = [...new Set(this.specs().flatMap((s) => (s.ssl ? [s.ssl.augmentation] : [])))] as Augmentation[];
    if (!augs.length) return;
    this.mi ??= itemFeatureMI(world);
    const item = exampleItem(world);
    const dropRate = this.settings.dropRate ?? 0.5;
    const clicks = world.itemTrainClicks;
    let sum = 0;
    let zero = 0;
    for (let i = 0; i < clicks.length; i++) {
      sum += clicks[i];
      if (clicks[i] === 0) zero++;
    }
    const insight: ItemFeatureInsight = {
      mi: this.mi,
      item,
      itemTrainClicks: clicks[item],
      meanItemTrainClicks: sum / clicks.length,
      unclickedShare: zero / clicks.length,
      examples: augs.map((a) => augmentationExample(world, a, item, { seed: world.config.seed, dropRate, mi: this.mi })),
      dropRate,
    };
    this.post({ type: 'itemFeatures', id: this.replyTo, run: this.run, insight });
  }

  private meanTrueP(): number {
    const batch = this.settings.batch;
    let mean = this.meanP.get(batch);
    if (mean === undefined && this.world) {
      const clicks = this.world.itemTrainClicks;
      const p = trueBatchProbability(clicks, batch);
      let sum = 0;
      let n = 0;
      p.forEach((v, i) => {
        if (clicks[i] > 0) {
          sum += v;
          n++;
        }
      });
      mean = n ? sum / n : 0;
      this.meanP.set(batch, mean);
    }
    return mean ?? 0;
  }

  // ---- messages -------------------------------------------------------------------------------

  private status(en: string, zh: string): void {
    this.post({ type: 'status', id: this.replyTo, text: { en, zh } });
  }

  private notice(en: string, zh: string, level: 'info' | 'warn' = 'info'): void {
    this.post({ type: 'notice', id: this.replyTo, text: { en, zh }, level });
  }

  private snapshot(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastSnapshot < SNAPSHOT_EVERY_MS) return;
    this.lastSnapshot = now;
    const arms: ArmSnapshot[] = [];
    for (const [id, arm] of this.arms) {
      const seconds = arm.trainSeconds;
      const steps = this.stepsOf(arm);
      arms.push({
        id,
        enabled: arm.enabled,
        steps,
        loss: arm.loss.slice(),
        evals: arm.evals.slice(),
        diverged: arm.diverged,
        trainSeconds: seconds,
        stepsPerSecond: seconds > 0 ? steps / seconds : 0,
        ...(arm.estimator ? { estimator: arm.estimator.slice(), meanTrueP: this.meanTrueP() } : {}),
      });
    }
    const snapshot: Snapshot = {
      run: this.run,
      phase: this.phase,
      step: this.lockstep(),
      target: this.settings.steps,
      arms,
      stepsPerSecond: this.rate,
      evalSeconds: this.evalSeconds,
      lastEvalSeconds: this.lastEvalSeconds,
      settings: { ...this.settings },
    };
    this.post({ type: 'snapshot', id: this.replyTo, snapshot });
  }
}

/**
 * The augmentation example's item: a tail item (not among the 20% most clicked) with the most tags,
 * and among those the one with the median number of training clicks. Deterministic for a world.
 */
function exampleItem(world: World): number {
  const stride = itemStrideOf(world);
  const tags = (i: number) => {
    let n = 0;
    let slot = 0;
    for (const f of world.itemFields) {
      if (f.slots > 1) for (let s = 0; s < f.slots; s++) if (world.itemFeatures[i * stride + slot + s] >= 0) n++;
      slot += f.slots;
    }
    return n;
  };
  const tail: number[] = [];
  let most = 0;
  for (let i = 0; i < world.config.items; i++) {
    if (world.isHead[i]) continue;
    const n = tags(i);
    if (n > most) {
      most = n;
      tail.length = 0;
    }
    if (n === most) tail.push(i);
  }
  if (!tail.length) return 0;
  tail.sort((a, b) => world.itemTrainClicks[a] - world.itemTrainClicks[b] || a - b);
  return tail[Math.floor(tail.length / 2)];
}

/** Halves a loss series by averaging neighbours (keeps the last point as is). */
function thinPairs(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length - 1; i += 2) out.push([points[i + 1][0], (points[i][1] + points[i + 1][1]) / 2]);
  out.push(points[points.length - 1]);
  return out;
}

function thinEvals(points: EvalPoint[]): EvalPoint[] {
  return points.filter((_, i) => i % 2 === 1 || i === 0 || i === points.length - 1);
}

interface GpuBackendLike {
  device?: { destroy(): void; lost?: Promise<{ message?: string; reason?: string }> };
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** Calls `onLost` when the backend's device or context goes away. */
function watchBackend(name: BackendName, onLost: (reason: string) => void): void {
  const b = tf.backend() as unknown as GpuBackendLike;
  if (name === 'webgpu' && b.device?.lost) {
    void b.device.lost.then((info) => onLost(`device lost (${info.message || info.reason || 'unknown'})`));
  } else if (name === 'webgl' && b.gpgpu?.gl) {
    const canvas = b.gpgpu.gl.canvas as unknown as EventTarget | undefined;
    canvas?.addEventListener?.('webglcontextlost', () => onLost('context lost'));
  }
}
