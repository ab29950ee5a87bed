/**
 * The worker's training driver: a thin adapter between the protocol and the engine. One
 * sequential actor: commands are queued and handled between chunks of training, so a chunk is
 * never interrupted half-way and the world/arms are never rebuilt under a running step.
 *
 * The parts: `BackendHost` (start-up, fallback order, loss), `ArmRuns` (the run's arms in
 * lockstep, evaluations, checkpoints), `Sweep` (hidden runs over a knob), the lesson's probes.
 * No DOM: this file also runs under Node (tests may drive it directly).
 */
import type { EvalContext } from '../eval/evaluate';
import { findLesson } from '../../lessons/registry';
import { lessonWorldConfig, settingsChange } from '../lesson/knobs';
import type { ArmProbe, RunProbe } from '../lesson/probes';
import type { LessonDef, Settings, Text } from '../lesson/types';
import type { BackendOptions } from '../model/backend';
import { type BackendName, label } from '../model/backends';
import type { World } from '../world/types';
import { ArmRuns, runSnapshot } from './arm-runs';
import { BackendHost, BackendLost } from './backend-host';
import { checkpointPoster } from './checkpoints';
import { Inspector } from './inspect';
import { evaluationDue, SNAPSHOT_EVERY_MS } from './pacing';
import type { Command, RunPhase, WorkerMessage, WorkerMessageBody } from './protocol';
import { UNSOLICITED } from './protocol';
import { notices } from './notices';
import { RunProbes } from './run-probes';
import { Sweep, type SweepContext } from './sweeps';
import { TrainedProbes } from './trained-probes';
import { worldReport } from './world-report';
import { worldFor, type WorldStore } from './world-store';

const yieldToEvents = () => new Promise((r) => setTimeout(r, 0));

export class Runner {
  private queue: Command[] = [];
  private wake?: () => void;
  private lesson?: LessonDef;
  private settings: Settings = {};
  private enabled: string[] = [];
  private world?: World;
  private ctx?: EvalContext;
  private arms?: ArmRuns;
  private readonly backend: BackendHost;
  private order: BackendName[] = [];
  private running = false;
  private phase: RunPhase = 'loading';
  private run = 0;
  private lastSnapshot = 0;
  private sweep?: Sweep;
  private readonly inspector = new Inspector();
  private readonly runProbes = new RunProbes();
  private trained?: TrainedProbes;
  /** Id of the command being answered, for the messages it causes. */
  private replyTo = UNSOLICITED;
  private readonly checkpoints = checkpointPoster((m) => this.emit(m), () => this.run);

  constructor(
    private readonly post: (message: WorkerMessage) => void,
    backendOptions: BackendOptions = {},
    /** Worlds built before (the browser's; none under Node). */
    private readonly worlds?: WorldStore,
  ) {
    // A lost device while idle: recover now rather than at the next Play.
    this.backend = new BackendHost(backendOptions, () => this.wake?.());
  }

  /** Called for each incoming command. Pause takes effect at the end of the running chunk. */
  push(cmd: Command): void {
    if (cmd.type === 'pause') this.running = false;
    this.queue.push(cmd);
    this.wake?.();
  }

  /** The actor: commands first, then one chunk of training if running (or of a sweep), else sleep. */
  async loop(): Promise<void> {
    for (;;) {
      if (this.backend.lost && this.world && !this.running) await this.onFailure(new BackendLost(this.backend.lost));
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
        await yieldToEvents();
      } else if (this.runProbes.waiting) {
        try {
          this.runProbes.next();
        } catch (e) {
          await this.onFailure(e);
        }
        await yieldToEvents();
      } else if (this.sweep && this.world) {
        try {
          if (!(await this.sweep.tick(this.sweepContext()))) this.endSweep();
        } catch (e) {
          this.endSweep(e instanceof Error ? e.message : String(e));
          if (e instanceof BackendLost) await this.onFailure(e);
        }
        await yieldToEvents();
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
        this.trained = new TrainedProbes(lesson, this.emit);
        this.settings = { ...cmd.settings };
        this.enabled = cmd.arms.filter((a) => lesson.armIds.includes(a));
        this.order = cmd.backends;
        await this.startBackend(this.order, false, '', cmd.forced ?? false);
        await this.buildWorld();
        await this.buildArms();
        if (cmd.resume?.length && this.arms!.adopt(cmd.resume).length) {
          this.phase = this.finished() ? 'done' : 'paused';
          this.snapshot(true);
        }
        return;
      }
      case 'configure':
        return this.configure(cmd.settings, cmd.arms);
      case 'play':
        if (!this.arms) return;
        // At the target (maybe paused in the last chunk): the next tick evaluates if it has not, and ends the run.
        if (this.finished() && this.phase === 'done') this.notice(notices.alreadyTrained(this.settings.steps));
        else this.phase = 'running';
        this.running = true;
        this.snapshot(true);
        return;
      case 'pause':
        this.running = false;
        if (this.world && this.phase === 'running') this.phase = 'paused';
        this.snapshot(true);
        return;
      case 'step': {
        const arms = this.arms;
        if (!arms) return;
        this.running = false;
        let left = Math.max(1, Math.round(cmd.steps));
        while (left > 0) left -= await this.trainChunk(arms, left, true);
        await arms.evaluateAll();
        this.phase = arms.lockstep() >= this.settings.steps ? 'done' : 'paused';
        if (this.phase === 'done') await this.trained!.measure(this.run, arms, this.world!, this.settings);
        this.snapshot(true);
        return;
      }
      case 'reset':
        if (!this.world) return;
        this.running = false;
        await this.buildArms();
        return;
      case 'loseBackend':
        return this.backend.lose();
      case 'sweep':
        return this.startSweep(cmd.key, cmd.knob, cmd.values, cmd.arms);
      case 'inspect':
        return this.emit({ type: 'inspection', run: this.run, inspection: await this.inspector.answer(cmd.request, { world: this.world, run: this.run, arm: (a) => this.arms?.arm(a) }) });
      case 'cancelSweep':
        return this.endSweep('cancelled');
      case 'dispose':
        this.running = false;
        this.endSweep('closed');
        this.runProbes.stop();
        this.arms?.dispose();
        return;
    }
  }

  // ---- backend ------------------------------------------------------------------------------

  private async startBackend(order: BackendName[], fallback: boolean, prefix: string, forced = false): Promise<void> {
    this.status({ en: 'Starting TensorFlow.js…', zh: '正在启动 TensorFlow.js…' });
    const choice = await this.backend.start(order, forced, !fallback);
    this.emit({ type: 'backend', name: choice.name, reason: prefix ? `${prefix} → ${label(choice.name)}` : choice.reason, fallback, measured: choice.measured });
  }

  /** A backend error mid-run: the next backend in the order takes over, from the last checkpoint. */
  private async onFailure(e: unknown): Promise<void> {
    const message = e instanceof Error ? e.message : String(e);
    // A sweep's hidden arm lived on the failed backend: it ends here (its finished points stay).
    this.endSweep(`backend failed: ${message}`);
    this.runProbes.stop();
    const failed = this.backend.name;
    // Any failure once the world is built, on a backend with a successor, counts as that backend
    // failing (device lost, out of memory, a kernel the driver rejects).
    const rest = failed ? this.order.slice(this.order.indexOf(failed) + 1) : [];
    const arms = this.arms;
    if (!failed || !this.world || !arms || !rest.length) return this.fail(message);
    const wasRunning = this.running;
    this.running = false;
    const why = `${label(failed)}: ${this.backend.lost ?? message}`;
    arms.dispose();
    try {
      await this.startBackend(rest, true, why);
    } catch (err) {
      return this.fail(err instanceof Error ? err.message : String(err), false);
    }
    const restored = arms.restore(this.settings);
    this.notice(notices.restored(why, label(this.backend.name!), restored), 'warn');
    this.running = wasRunning;
    this.phase = wasRunning ? 'running' : arms.lockstep() >= this.settings.steps ? 'done' : 'paused';
    this.snapshot(true);
  }

  /** Nothing left to fall back to: the run stops with the error shown. */
  private fail(message: string, withSnapshot = true): void {
    this.backend.clearLost();
    this.running = false;
    this.phase = 'error';
    this.emit({ type: 'error', message });
    if (withSnapshot) this.snapshot(true);
  }

  // ---- world and arms -------------------------------------------------------------------------

  private async buildWorld(): Promise<void> {
    const lesson = this.lesson!;
    this.arms?.dispose();
    this.arms = undefined;
    this.world = undefined;
    this.ctx = undefined;
    this.phase = 'loading';
    const cfg = lessonWorldConfig(lesson, this.settings);
    const t0 = performance.now();
    const { world, ctx } = await worldFor(cfg, this.worlds, async (part) => {
      this.status(part === 'world' ? { en: `Generating the world: ${cfg.users} users, ${cfg.items} items…`, zh: `正在生成世界：${cfg.users} 个用户，${cfg.items} 个物品……` } : { en: 'Ranking by the truth (oracle) and by popularity…', zh: '正在计算 Oracle 与热门基线……' });
      await yieldToEvents();
    });
    this.world = world;
    this.ctx = ctx;
    this.emit({ type: 'ready', run: this.run, ...worldReport(world, ctx, (performance.now() - t0) / 1000) });
  }

  /** Fresh arms (new run): the enabled ones now, the others when first switched on. */
  private async buildArms(): Promise<void> {
    const lesson = this.lesson!;
    this.arms?.dispose();
    this.run++;
    this.running = false;
    const probes = lesson.probes ?? [];
    const arms = new ArmRuns(this.world!, this.ctx!, probes.filter((p): p is ArmProbe => p.per === 'chunk'), (w) => this.backend.race(w), lesson.evaluateEvery, this.checkpoints);
    this.arms = arms;
    for (const id of this.enabled) this.createArm(id);
    const scope = { world: this.world!, settings: this.settings, specs: this.lesson!.arms(this.settings) };
    const run = this.run;
    this.runProbes.start(probes.filter((p): p is RunProbe => p.per === 'run'), scope, (name, value) => this.emit({ type: 'probe', run, name, value }));
    this.trained!.clear(this.run);
    this.status({ en: 'Evaluating the untrained towers…', zh: '正在评估未训练的双塔……' });
    await arms.evaluateAll();
    this.phase = 'ready';
    this.snapshot(true);
  }

  private createArm(id: string): void {
    const spec = this.lesson!.arms(this.settings).find((s) => s.id === id);
    if (!spec) throw new Error(`arm "${id}" is not part of lesson ${this.lesson!.id}`);
    this.arms!.create(spec, this.settings);
  }

  private async configure(settings: Settings, armIds: string[]): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    const before = this.settings;
    this.settings = { ...settings };
    this.enabled = armIds.filter((a) => lesson.armIds.includes(a));
    const { changed, world, hot, restarting } = settingsChange(lesson, before, settings);
    // A sweep's points hold every other setting fixed: a change of any but the swept knob ends it.
    const breaking = changed.filter((k) => k !== this.sweep?.knob);
    if (breaking.length && this.sweep) this.endSweep(`settings changed (${breaking.join(', ')})`);
    const wasRunning = this.running;
    if (world) {
      this.running = false;
      await this.buildWorld();
      await this.buildArms();
      this.notice(notices.worldChanged);
      return;
    }
    if (restarting.length) {
      await this.buildArms();
      this.notice(notices.restarted(restarting));
      if (wasRunning) {
        this.running = true;
        this.phase = 'running';
      }
      this.snapshot(true);
      return;
    }
    // Arms switched on or off, or the target changed: the run goes on.
    const arms = this.arms;
    if (!arms) return;
    arms.enable(this.enabled);
    for (const id of this.enabled) {
      if (!arms.has(id)) {
        this.createArm(id);
        await arms.evaluate(id);
      }
    }
    if (hot.length) await this.trained!.remeasure(hot, this.run, arms, this.world!, this.settings, this.finished());
    if (this.phase === 'done' && !this.finished()) this.phase = 'paused';
    if (this.running && this.finished()) {
      this.running = false;
      this.phase = 'done';
    }
    this.snapshot(true);
  }

  // ---- training -------------------------------------------------------------------------------

  /** Every live arm at the step target, none catching up. */
  private finished(): boolean {
    return !!this.arms && this.arms.lockstep() >= this.settings.steps && !this.arms.lagging();
  }

  private async tick(): Promise<void> {
    const arms = this.arms!;
    if (!arms.liveCount) {
      this.running = false;
      this.phase = 'paused';
      this.snapshot(true);
      return;
    }
    if (this.finished()) {
      this.running = false;
      await arms.evaluateAll();
      await this.trained!.measure(this.run, arms, this.world!, this.settings);
      this.phase = 'done';
      this.snapshot(true);
      return;
    }
    await this.trainChunk(arms, this.settings.steps - arms.lockstep(), false);
    const every = this.lesson!.evaluateEvery;
    if (every ? arms.lockstep() % every === 0 : evaluationDue(performance.now() - arms.lastEvalEnd, arms.lastEvalSeconds)) await arms.evaluateAll();
    this.snapshot(false);
  }

  private async trainChunk(arms: ArmRuns, maxSteps: number, beyondTarget: boolean): Promise<number> {
    const { steps, diverged } = await arms.train(maxSteps, this.settings.steps, beyondTarget);
    for (const d of diverged) this.emit({ type: 'diverged', run: this.run, armId: d.armId, reason: d.reason });
    return steps;
  }

  // ---- sweeps ---------------------------------------------------------------------------------

  private startSweep(key: string, knob: string, values: number[], arms: string[]): void {
    if (!this.lesson || !this.world) return;
    this.endSweep('replaced by a new sweep');
    this.sweep = Sweep.of(this.lesson, key, knob, values, arms);
    this.sweep?.status(this.emit, true);
  }

  /** Ends the sweep (finished when `reason` is undefined) and frees its hidden arm. */
  private endSweep(reason?: string): void {
    const sweep = this.sweep;
    this.sweep = undefined;
    sweep?.end(this.emit, reason);
  }

  private sweepContext(): SweepContext {
    return { lesson: this.lesson!, settings: this.settings, world: this.world!, ctx: this.ctx!, race: (w) => this.backend.race(w), emit: this.emit };
  }

  // ---- messages -------------------------------------------------------------------------------

  private readonly emit = (message: WorkerMessageBody): void => this.post({ ...message, id: this.replyTo } as WorkerMessage);

  private status(text: Text): void {
    this.emit({ type: 'status', text });
  }

  private notice(text: Text, level: 'info' | 'warn' = 'info'): void {
    this.emit({ type: 'notice', text, level });
  }

  private snapshot(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastSnapshot < SNAPSHOT_EVERY_MS) return;
    this.lastSnapshot = now;
    this.emit({ type: 'snapshot', snapshot: runSnapshot(this.arms, this.run, this.phase, this.settings) });
  }
}
