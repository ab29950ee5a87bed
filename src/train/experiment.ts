import * as tf from '@tensorflow/tfjs';
import { createEvalContext, detailOf, type EvalContext, type EvalDetail, metricsOf } from '../eval/evaluate';
import type { Metrics } from '../eval/metrics';
import { RankMemo } from '../eval/rank-memo';
import { SlateAuc } from '../eval/slates';
import type { ArmSpec, Settings } from '../lesson/types';
import type { World } from '../world/types';
import { Arm, createEncoders } from './arm';
import { indexMetrics } from './serving-index';

export interface ArmProgress {
  id: string;
  steps: number;
  /** Mean loss over the chunk just trained; null while the arm is stopped. */
  loss: number | null;
  diverged?: string;
  trainSeconds: number;
}

export type EngineEvent =
  | { type: 'progress'; step: number; arms: ArmProgress[] }
  | { type: 'eval'; step: number; metrics: Record<string, Metrics>; detail: Record<string, EvalDetail> }
  | { type: 'diverged'; armId: string; step: number; reason: string };

export type EngineListener = (event: EngineEvent) => void;

/**
 * A lesson's arms trained in lockstep on one world. The driver (CLI, worker, test) calls
 * `train(n)` and `evaluate()` as it likes; results also go out as events. Imports no DOM.
 */
export class Experiment {
  readonly arms: Arm[];
  readonly evalContext: EvalContext;
  private readonly listeners = new Set<EngineListener>();
  private readonly diverged = new Map<string, string>();
  private readonly seconds = new Map<string, number>();
  step = 0;

  constructor(
    readonly world: World,
    specs: ArmSpec[],
    readonly settings: Settings,
    /** Shared by experiments on the same world (the oracle is costly to rank). */
    evalContext?: EvalContext,
  ) {
    const encoders = createEncoders(world);
    this.arms = specs.map((spec) => new Arm(spec, world, encoders, settings));
    this.evalContext = evalContext ?? createEvalContext(world);
  }

  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: EngineEvent): void {
    for (const l of this.listeners) l(event);
  }

  get activeArms(): Arm[] {
    return this.arms.filter((a) => !this.diverged.has(a.id));
  }

  divergedReason(armId: string): string | undefined {
    return this.diverged.get(armId);
  }

  /** Trains every live arm `steps` steps, one step each in turn; reads the mean losses back once. */
  async train(steps: number): Promise<ArmProgress[]> {
    const live = this.activeArms;
    const sums = new Map<string, tf.Scalar>();
    const counts = new Map<string, number>();
    for (let s = 0; s < steps; s++) {
      for (const arm of live) {
        const t0 = performance.now();
        // An arm on a clock serves an hour: it may train several batches, or none.
        const loss = arm.daily ? await arm.daily.serveHour() : arm.step();
        this.seconds.set(arm.id, (this.seconds.get(arm.id) ?? 0) + (performance.now() - t0) / 1000);
        if (!loss) continue;
        const prev = sums.get(arm.id);
        counts.set(arm.id, (counts.get(arm.id) ?? 0) + 1);
        sums.set(arm.id, prev ? tf.tidy(() => tf.add(prev, loss)) : loss);
        if (prev) {
          prev.dispose();
          loss.dispose();
        }
      }
      this.step++;
    }
    const means = new Map<string, number>();
    for (const [id, sum] of sums) {
      const [total] = await sum.data();
      sum.dispose();
      means.set(id, total / counts.get(id)!);
    }
    for (const arm of live) {
      const mean = means.get(arm.id);
      if (mean !== undefined && !Number.isFinite(mean)) {
        const reason = `loss became ${Number.isNaN(mean) ? 'NaN' : 'infinite'} by step ${arm.steps}: the arm diverged — lower the learning rate`;
        this.diverged.set(arm.id, reason);
        this.emit({ type: 'diverged', armId: arm.id, step: arm.steps, reason });
      }
    }
    const progress = this.arms.map((arm) => ({
      id: arm.id,
      steps: arm.steps,
      loss: this.diverged.has(arm.id) ? null : (means.get(arm.id) ?? null),
      diverged: this.diverged.get(arm.id),
      trainSeconds: this.seconds.get(arm.id) ?? 0,
    }));
    this.emit({ type: 'progress', step: this.step, arms: progress });
    return progress;
  }

  /** Breakdowns of the last evaluation (recall by popularity bucket and by closeness to exposures). */
  lastDetail: Record<string, EvalDetail> = {};

  /**
   * Exact top-K metrics of every live arm. `memo`: rankings shared across the arms evaluated at
   * the same time (an experiment per arm in the page passes one for all; see rank-memo.ts).
   */
  async evaluate(memo = new RankMemo()): Promise<Record<string, Metrics>> {
    const metrics: Record<string, Metrics> = {};
    const detail: Record<string, EvalDetail> = {};
    for (const arm of this.activeArms) {
      if (arm.daily) {
        // Judged while serving: the evaluation is the day just finished (none mid-day).
        const day = arm.daily.evaluation();
        if (day) metrics[arm.id] = day;
        continue;
      }
      const auc = new SlateAuc(this.evalContext.slates);
      const ranked = await arm.rank(this.evalContext.users, auc, memo);
      metrics[arm.id] = metricsOf(this.evalContext, ranked, auc);
      // Served from an index: how much of the exact top-10 it returns, and what a query costs.
      if (arm.index) Object.assign(metrics[arm.id], await indexMetrics(arm, arm.index, this.evalContext.users, this.settings.seed));
      detail[arm.id] = detailOf(this.evalContext, ranked);
    }
    this.lastDetail = detail;
    this.emit({ type: 'eval', step: this.step, metrics, detail });
    return metrics;
  }

  dispose(): void {
    for (const arm of this.arms) arm.dispose();
    this.listeners.clear();
  }
}
