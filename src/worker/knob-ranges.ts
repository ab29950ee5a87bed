/** Every knob of every lesson by id, with the widest range any lesson declares for it (the shards' gate). */
import { LESSONS } from '../../lessons/registry';
import { knobsOf } from '../lesson/knobs';
import type { Knob } from '../lesson/types';

export type KnobRanges = ReadonlyMap<string, { min: number; max: number }>;

export const KNOB_RANGES: KnobRanges = (() => {
  const m = new Map<string, { min: number; max: number }>();
  for (const lesson of LESSONS) {
    for (const k of knobsOf(lesson) as Knob[]) {
      const r = m.get(k.id);
      m.set(k.id, r ? { min: Math.min(r.min, k.min), max: Math.max(r.max, k.max) } : { min: k.min, max: k.max });
    }
  }
  return m;
})();
