/**
 * What the shared charts draw while the lesson loads: its switched-on arms with no points yet, on
 * the axes of the run to come. The page's thread is idle for seconds while the worker builds the
 * world; the charts mount then (recharts' first render is its heaviest), and once the arms train
 * they only update. Mounted at Play, with training competing for the core, their mounts were the
 * page's longest tasks: in the first 4 s after Play, long tasks summed 1.3–2.2 s (longest
 * 266–907 ms) before, 0.5–0.8 s (longest 176–437 ms) after (training-modes, 5 loads each, 2 cores).
 */
import type { LessonDef, Settings } from '../lesson/types';
import type { Snapshot } from '../worker/protocol';

export function waitingSnapshot(lesson: LessonDef, arms: string[], settings: Settings): Snapshot {
  return {
    run: 0,
    phase: 'loading',
    step: 0,
    target: settings.steps,
    arms: lesson.armIds.map((id) => ({ id, enabled: arms.includes(id), steps: 0, loss: [], evals: [], trainSeconds: 0, stepsPerSecond: 0, series: {} })),
    stepsPerSecond: 0,
    evalSeconds: 0,
    lastEvalSeconds: 0,
    settings,
  };
}
