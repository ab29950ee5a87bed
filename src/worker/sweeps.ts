/**
 * Knob sweeps: hidden fresh arms, one per (knob value, arm), trained one after another to the
 * run's step target while the main run is not training; each finished one is evaluated and sent
 * as a `sweepPoint`. A knob that shapes the world trains each value on its own world.
 */
import { createEvalContext, type EvalContext } from '../eval/evaluate';
import { lessonWorldConfig, worldKnobIds } from '../lesson/knobs';
import type { LessonDef, Settings } from '../lesson/types';
import { Experiment } from '../train/experiment';
import { generateWorld } from '../world/generate';
import type { World } from '../world/types';
import type { Race } from './arm-runs';
import { nextChunk, SNAPSHOT_EVERY_MS } from './pacing';
import type { WorkerMessageBody as Outgoing } from './protocol';

/** What a sweep needs of the run it belongs to (read afresh at every tick). */
export interface SweepContext {
  lesson: LessonDef;
  settings: Settings;
  world: World;
  ctx: EvalContext;
  race: Race;
  emit(message: Outgoing): void;
}

interface Job {
  value: number;
  armId: string;
}

export class Sweep {
  private readonly total: number;
  private done = 0;
  private chunk = 1;
  private current?: Job & { exp: Experiment };
  /** A sweep over a world knob: the world generated for the value being trained. */
  private hidden?: { value: number; world: World; ctx: EvalContext };
  private lastStatus = 0;

  constructor(
    readonly key: string,
    readonly knob: string,
    private readonly queue: Job[],
  ) {
    this.total = queue.length;
  }

  /** A sweep over `values` × the lesson's `arms` among those asked for; undefined if that is nothing. */
  static of(lesson: LessonDef, key: string, knob: string, values: number[], arms: string[]): Sweep | undefined {
    const known = arms.filter((a) => lesson.armIds.includes(a));
    const queue = values.filter((v) => Number.isFinite(v)).flatMap((value) => known.map((armId) => ({ value, armId })));
    return queue.length ? new Sweep(key, knob, queue) : undefined;
  }

  /** Frees the hidden arm; says why the sweep ended (finished when `reason` is undefined). */
  end(emit: (m: Outgoing) => void, reason?: string): void {
    try {
      this.current?.exp.dispose();
    } catch {
      // A lost device may refuse to free its buffers.
    }
    emit({ type: 'sweepStatus', key: this.key, active: false, done: this.done, total: this.total, ...(reason ? { reason } : {}) });
  }

  status(emit: (m: Outgoing) => void, force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastStatus < SNAPSHOT_EVERY_MS) return;
    this.lastStatus = now;
    const cur = this.current;
    emit({
      type: 'sweepStatus',
      key: this.key,
      active: true,
      done: this.done,
      total: this.total,
      ...(cur ? { current: { value: cur.value, armId: cur.armId, step: cur.exp.arms[0].steps } } : {}),
    });
  }

  /** One chunk of the current hidden run; at the target, evaluates it and moves on. Returns false once finished. */
  async tick(run: SweepContext): Promise<boolean> {
    if (!this.current) return this.startNext(run);
    const cur = this.current;
    const target = run.settings.steps;
    const done = cur.exp.arms[0].steps;
    if (done < target && !cur.exp.divergedReason(cur.armId)) {
      const n = Math.max(1, Math.min(this.chunk, target - done));
      const t0 = performance.now();
      await run.race(cur.exp.train(n));
      this.chunk = nextChunk((performance.now() - t0) / 1000, n);
      this.status(run.emit, false);
      return true;
    }
    const diverged = cur.exp.divergedReason(cur.armId);
    if (diverged) {
      run.emit({
        type: 'notice',
        text: { en: `Sweep: ${cur.armId} at ${this.knob} = ${cur.value} diverged (${diverged}); no point drawn.`, zh: `扫描：${cur.armId} 在 ${this.knob} = ${cur.value} 时发散（${diverged}），不画点。` },
        level: 'warn',
      });
    } else {
      const metrics = await run.race(cur.exp.evaluate());
      const m = metrics[cur.armId];
      if (m) {
        run.emit({
          type: 'sweepPoint',
          key: this.key,
          knob: this.knob,
          value: cur.value,
          armId: cur.armId,
          step: cur.exp.arms[0].steps,
          metrics: m,
          detail: cur.exp.lastDetail[cur.armId],
        });
      }
    }
    cur.exp.dispose();
    this.current = undefined;
    this.done++;
    this.status(run.emit, true);
    return true;
  }

  private async startNext(run: SweepContext): Promise<boolean> {
    const next = this.queue.shift();
    if (!next) return false;
    const settings = { ...run.settings, [this.knob]: next.value };
    const spec = run.lesson.arms(settings).find((s) => s.id === next.armId);
    if (!spec) {
      this.done++;
      return true;
    }
    let world = run.world;
    let ctx = run.ctx;
    if (worldKnobIds(run.lesson).includes(this.knob) && next.value !== run.settings[this.knob]) {
      if (this.hidden?.value !== next.value) {
        this.hidden = undefined;
        this.status(run.emit, true);
        await new Promise((r) => setTimeout(r, 0));
        const w = generateWorld(lessonWorldConfig(run.lesson, settings));
        this.hidden = { value: next.value, world: w, ctx: createEvalContext(w) };
      }
      world = this.hidden.world;
      ctx = this.hidden.ctx;
    }
    this.current = { ...next, exp: new Experiment(world, [spec], settings, ctx) };
    this.status(run.emit, true);
    return true;
  }
}
