/**
 * The arms of one run, each in its own `Experiment` (all sharing the world and the evaluation
 * context), so an arm can be switched off and on without disturbing the others: arms are seeded
 * identically, so an arm's curve does not depend on which others run. Live arms train in lockstep
 * (one read-back per chunk); each evaluation also checkpoints the arm's weights, from which a
 * failed backend's successor continues.
 */
import * as tf from '@tensorflow/tfjs';
import type { EvalContext } from '../eval/evaluate';
import { RankMemo } from '../eval/rank-memo';
import type { ArmProbe } from '../lesson/probes';
import type { ArmSpec, Settings } from '../lesson/types';
import type { Arm } from '../train/arm';
import { Experiment } from '../train/experiment';
import type { World } from '../world/types';
import { appendPoint, nextChunk, thinEvals } from './pacing';
import type { ArmSnapshot, EvalPoint, RunPhase, Snapshot } from './protocol';

export interface Checkpoint {
  step: number;
  values: Float32Array[];
}

/** An arm as a crashed worker's page saw it last: its history (a snapshot's) and its latest checkpoint. */
export interface SavedArm {
  snapshot: ArmSnapshot;
  checkpoint?: Checkpoint;
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
  /** The lesson's per-arm probes: [step, value] by probe name. */
  series: Record<string, [number, number][]>;
}

/** Runs engine work, rejecting if the backend is lost meanwhile. */
export type Race = <T>(work: Promise<T>) => Promise<T>;

export class ArmRuns {
  private readonly runs = new Map<string, ArmRun>();
  private chunk = 1;
  /** Lockstep steps per second, smoothed. */
  rate = 0;
  evalSeconds = 0;
  lastEvalSeconds = 0;
  lastEvalEnd = 0;

  constructor(
    private readonly world: World,
    private readonly ctx: EvalContext,
    private readonly probes: ArmProbe[],
    private readonly race: Race,
    /** Chunks end at multiples of this many steps (the lesson's `evaluateEvery`). */
    private readonly every?: number,
    /** Told of each new checkpoint (the page keeps the latest, to survive a crashed worker). */
    private readonly onCheckpoint?: (armId: string, checkpoint: Checkpoint) => void,
  ) {}

  has(id: string): boolean {
    return this.runs.has(id);
  }

  /** The engine's arm behind `id` (the page looks inside its towers), if it was created. */
  arm(id: string): Arm | undefined {
    return this.runs.get(id)?.exp.arms[0];
  }

  create(spec: ArmSpec, settings: Settings): void {
    const exp = new Experiment(this.world, [spec], settings, this.ctx);
    const run: ArmRun = { spec, exp, enabled: true, loss: [], evals: [], secondsBefore: 0, trainSeconds: 0, series: {} };
    this.sample(run, 0);
    this.runs.set(spec.id, run);
  }

  /** Switches arms on and off (an arm switched on for the first time is created by the caller). */
  enable(ids: string[]): void {
    for (const [id, run] of this.runs) run.enabled = ids.includes(id);
  }

  dispose(): void {
    for (const run of this.runs.values()) {
      try {
        run.exp.dispose();
      } catch {
        // A lost device may refuse to free its buffers; nothing else holds them.
      }
    }
  }

  /**
   * After a backend failure (the old experiments disposed): new experiments on the new backend,
   * weights from each arm's checkpoint, history cut back to it. Returns the lockstep step.
   */
  restore(settings: Settings): number {
    let lockstep = Infinity;
    for (const [id, old] of this.runs) {
      const exp = new Experiment(this.world, [old.spec], settings, this.ctx);
      const step = ArmRuns.load(exp, old.checkpoint);
      this.runs.set(id, { ...old, exp, secondsBefore: old.trainSeconds, ...ArmRuns.historyTo(old, step) });
      if (old.enabled && !old.diverged) lockstep = Math.min(lockstep, step);
    }
    return Number.isFinite(lockstep) ? lockstep : 0;
  }

  /**
   * A new worker after the old one died: the arms created fresh take the weights of their saved
   * checkpoint and their history up to it (an arm without a usable checkpoint starts afresh).
   * Returns the ids of the arms restored.
   */
  adopt(saved: SavedArm[]): string[] {
    const restored: string[] = [];
    for (const { snapshot, checkpoint } of saved) {
      const run = this.runs.get(snapshot.id);
      if (!run || !checkpoint) continue;
      const vars = run.exp.arms[0].variables;
      if (checkpoint.values.length !== vars.length || vars.some((v, k) => v.size !== checkpoint.values[k].length)) continue;
      const step = ArmRuns.load(run.exp, checkpoint);
      Object.assign(run, { checkpoint, diverged: snapshot.diverged, secondsBefore: snapshot.trainSeconds, trainSeconds: snapshot.trainSeconds }, ArmRuns.historyTo(snapshot, step));
      restored.push(snapshot.id);
    }
    return restored;
  }

  /** Loads a checkpoint's weights into the experiment's arm; returns its step (0 without one). */
  private static load(exp: Experiment, cp: Checkpoint | undefined): number {
    if (!cp) return 0;
    const arm = exp.arms[0];
    arm.variables.forEach((v, k) => {
      const t = tf.tensor(cp.values[k], v.shape);
      v.assign(t);
      t.dispose();
    });
    arm.steps = cp.step;
    exp.step = cp.step;
    return cp.step;
  }

  /** History up to `step`. Probe state that is not in the checkpoint (the streaming estimator's) starts afresh. */
  private static historyTo(h: Pick<ArmRun, 'loss' | 'evals' | 'series'>, step: number): Pick<ArmRun, 'loss' | 'evals' | 'series'> {
    return {
      loss: h.loss.filter(([s]) => s <= step),
      evals: h.evals.filter((e) => e.step <= step),
      series: Object.fromEntries(Object.entries(h.series).map(([name, points]) => [name, points.filter(([s]) => s <= step)])),
    };
  }

  private live(): ArmRun[] {
    return [...this.runs.values()].filter((a) => a.enabled && !a.diverged);
  }

  /** A hot knob changed: each arm is served as its new spec says, its weights untouched. */
  respec(specs: ArmSpec[]): void {
    for (const run of this.runs.values()) {
      const spec = specs.find((s) => s.id === run.spec.id);
      if (!spec) continue;
      run.spec = spec;
      run.exp.arms[0].index = spec.index;
    }
  }

  /** The live arms' models (for measurements on their trained weights). */
  liveArms(): Arm[] {
    return this.live().map((r) => r.exp.arms[0]);
  }

  get liveCount(): number {
    return this.live().length;
  }

  private static steps(run: ArmRun): number {
    return run.exp.arms[0].steps;
  }

  /** Lockstep steps done: the fewest steps among the live arms. */
  lockstep(): number {
    const live = this.live();
    return live.length ? Math.min(...live.map(ArmRuns.steps)) : 0;
  }

  /** An arm switched on mid-run is behind the others: it catches up before they go on. */
  lagging(): boolean {
    const steps = this.live().map(ArmRuns.steps);
    return steps.length > 0 && Math.max(...steps) > Math.min(...steps);
  }

  /**
   * One chunk of lockstep training (lagging arms alone while they catch up), at most `maxSteps`
   * steps and, unless `beyondTarget`, not past `target`. Returns the steps done and the arms that
   * diverged in it.
   */
  async train(maxSteps: number, target: number, beyondTarget: boolean): Promise<{ steps: number; diverged: { armId: string; reason: string }[] }> {
    const live = this.live();
    if (!live.length) return { steps: maxSteps, diverged: [] };
    const steps = live.map(ArmRuns.steps);
    const hi = Math.max(...steps);
    const lo = Math.min(...steps);
    const group = hi > lo ? live.filter((a) => ArmRuns.steps(a) < hi) : live;
    let n = Math.min(this.chunk, hi > lo ? hi - lo : maxSteps);
    if (!beyondTarget && hi === lo) n = Math.min(n, Math.max(1, target - lo));
    if (this.every) n = Math.min(n, this.every - (lo % this.every));
    n = Math.max(1, n);
    const t0 = performance.now();
    const progress = await this.race(Promise.all(group.map((a) => a.exp.train(n))));
    const diverged: { armId: string; reason: string }[] = [];
    group.forEach((run, k) => {
      const p = progress[k][0];
      run.trainSeconds = run.secondsBefore + p.trainSeconds;
      if (p.diverged && !run.diverged) {
        run.diverged = p.diverged;
        diverged.push({ armId: run.spec.id, reason: p.diverged });
      } else if (p.loss !== null && Number.isFinite(p.loss)) {
        run.loss = appendPoint(run.loss, [p.steps, p.loss]);
      }
      this.sample(run, p.steps);
    });
    const seconds = (performance.now() - t0) / 1000;
    this.chunk = nextChunk(seconds, n);
    if (hi === lo) {
      const r = n / Math.max(seconds, 1e-6);
      this.rate = this.rate ? 0.7 * this.rate + 0.3 * r : r;
    }
    return { steps: n, diverged };
  }

  /** `again`: also arms already evaluated at their step (their serving changed: a hot knob). */
  async evaluateAll(again = false): Promise<void> {
    const t0 = performance.now();
    // Arms seeded alike rank alike until they train (step 0, after a reset): ranked once (rank-memo.ts).
    const memo = new RankMemo();
    for (const run of this.live()) await this.evaluateRun(run, again, memo);
    const end = performance.now();
    this.lastEvalSeconds = (end - t0) / 1000;
    this.evalSeconds += this.lastEvalSeconds;
    this.lastEvalEnd = end;
  }

  /** Evaluates one arm (an arm just switched on), unless it was evaluated at its current step. */
  async evaluate(id: string): Promise<void> {
    const run = this.runs.get(id);
    if (run) await this.evaluateRun(run);
  }

  private async evaluateRun(run: ArmRun, again = false, memo?: RankMemo): Promise<void> {
    const step = ArmRuns.steps(run);
    if (run.evals.length && run.evals[run.evals.length - 1].step === step) {
      if (!again) return;
      run.evals.pop();
    }
    const metrics = await this.race(run.exp.evaluate(memo));
    const m = metrics[run.spec.id];
    if (!m) return;
    run.evals.push({ step, metrics: m, detail: run.exp.lastDetail[run.spec.id] });
    run.evals = thinEvals(run.evals);
    // A checkpoint of the weights, for a backend that fails later.
    const values = await this.race(Promise.all(run.exp.arms[0].variables.map((v) => v.data() as Promise<Float32Array>)));
    run.checkpoint = { step, values: values.map((v) => Float32Array.from(v)) };
    this.onCheckpoint?.(run.spec.id, run.checkpoint);
  }

  /** The lesson's per-arm probes at `step` (finite values only). */
  private sample(run: ArmRun, step: number): void {
    for (const probe of this.probes) {
      const v = probe.compute(run.exp.arms[0]);
      if (v === undefined || !Number.isFinite(v)) continue;
      run.series[probe.name] = appendPoint(run.series[probe.name] ?? [], [step, v]);
    }
  }

  armSnapshots(): ArmSnapshot[] {
    return [...this.runs].map(([id, run]) => {
      const seconds = run.trainSeconds;
      const steps = ArmRuns.steps(run);
      return {
        id,
        enabled: run.enabled,
        steps,
        loss: run.loss.slice(),
        evals: run.evals.slice(),
        diverged: run.diverged,
        trainSeconds: seconds,
        stepsPerSecond: seconds > 0 ? steps / seconds : 0,
        series: Object.fromEntries(Object.entries(run.series).map(([name, points]) => [name, points.slice()])),
      };
    });
  }
}

/** The run as the page draws it (copies: the page may keep them while training goes on); no arms yet: an empty run. */
export function runSnapshot(arms: ArmRuns | undefined, run: number, phase: RunPhase, settings: Settings): Snapshot {
  return {
    run,
    phase,
    step: arms?.lockstep() ?? 0,
    target: settings.steps,
    arms: arms?.armSnapshots() ?? [],
    stepsPerSecond: arms?.rate ?? 0,
    evalSeconds: arms?.evalSeconds ?? 0,
    lastEvalSeconds: arms?.lastEvalSeconds ?? 0,
    settings: { ...settings },
  };
}
