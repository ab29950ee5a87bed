/**
 * The lesson's trained probes in the worker: measured on the live arms once they reach the step
 * target (and again only when something changes: another run, another step count, other arms),
 * posted as `probe` messages whose value is `{ [armId]: value }`. A new run clears them, so the
 * page never shows a measurement of weights that are gone.
 */
import { type Probe, trainedProbeValues } from '../lesson/probes';
import type { LessonDef, Settings } from '../lesson/types';
import type { World } from '../world/types';
import type { ArmRuns } from './arm-runs';
import type { WorkerMessageBody } from './protocol';

export class TrainedProbes {
  private measured = '';

  constructor(
    private readonly lesson: LessonDef,
    private readonly emit: (m: WorkerMessageBody) => void,
  ) {}

  private get probes(): Probe[] {
    return (this.lesson.probes ?? []).filter((p) => p.per === 'trained');
  }

  /** A new run: the previous run's values are withdrawn. */
  clear(run: number): void {
    this.measured = '';
    for (const p of this.probes) this.emit({ type: 'probe', run, name: p.name, value: undefined, perArm: true });
  }

  /** Hot knobs changed: the arms are served anew and measured again, without retraining. */
  async remeasure(changed: string[], run: number, arms: ArmRuns, world: World, settings: Settings, finished: boolean): Promise<void> {
    arms.respec(this.lesson.arms(settings));
    await arms.evaluateAll(true);
    if (finished) await this.measure(run, arms, world, settings);
    this.emit({
      type: 'notice',
      level: 'info',
      text: { en: `Changed ${changed.join(', ')}: the trained arms were measured again, without retraining.`, zh: `已修改 ${changed.join('、')}：已重新测量训练好的各组，未重新训练。` },
    });
  }

  /** Measures the finished arms (once per run, step and set of arms). */
  async measure(run: number, arms: ArmRuns, world: World, settings: Settings): Promise<void> {
    const live = arms.liveArms();
    const key = JSON.stringify([run, arms.lockstep(), live.map((a) => a.id), settings]);
    if (!this.probes.length || !live.length || key === this.measured) return;
    this.measured = key;
    this.emit({ type: 'status', text: { en: 'Measuring the trained towers’ indexes…', zh: '正在测量训练后双塔的索引……' } });
    const values = await trainedProbeValues(this.probes, live, { world, settings, specs: this.lesson.arms(settings) });
    for (const p of this.probes) this.emit({ type: 'probe', run, name: p.name, value: values[p.name], perArm: true });
  }
}
