import { knobsOf, worldKey } from '../../lessons/registry';
import type { LessonDef, Settings } from '../lesson/types';
import type { WorldConfig } from '../world/types';

/** Ids of the lesson's knobs that shape the world (changing one regenerates it). */
export function worldKnobIds(lesson: LessonDef): string[] {
  return knobsOf(lesson)
    .filter((k) => k.world)
    .map((k) => k.id);
}

/** The world config of a lesson under the given settings. */
export function worldConfigOf(lesson: LessonDef, settings: Settings): Partial<WorldConfig> {
  const cfg: Record<string, number> = { ...(lesson.world as Record<string, number>) };
  for (const id of worldKnobIds(lesson)) if (settings[id] !== undefined) cfg[worldKey(id)] = settings[id];
  return cfg as Partial<WorldConfig>;
}

/**
 * The world generator also requires clicks per user ≤ items / 4 (a cross-knob rule the knob
 * ranges cannot express). Returns the largest allowed value.
 */
export function maxClicksFor(items: number): number {
  return Math.floor(items / 4);
}
