/** A lesson's knobs (the shared training knobs, then its own) and the world they describe. */
import { TRAINING_KNOBS } from '../train/settings';
import { worldConfigOf, worldKey } from '../world/config';
import type { WorldConfig } from '../world/types';
import type { Knob, LessonDef, Settings } from './types';

/** The lesson's knobs after the shared training knobs, with the lesson's default overrides. */
export function knobsOf(lesson: LessonDef): Knob[] {
  const shared = TRAINING_KNOBS.map((k) => {
    const d = lesson.defaults?.[k.id] ?? (lesson.world as Record<string, number | undefined>)[worldKey(k.id)];
    return d === undefined ? k : { ...k, default: d };
  });
  return [...shared, ...lesson.knobs];
}

/** Ids of the lesson's knobs that shape the world (changing one regenerates it). */
export function worldKnobIds(lesson: LessonDef): string[] {
  return knobsOf(lesson)
    .filter((k) => k.world)
    .map((k) => k.id);
}

/** Ids of the lesson's knobs that re-measure the trained arms without retraining. */
export function hotKnobIds(lesson: LessonDef): string[] {
  return knobsOf(lesson)
    .filter((k) => k.hot)
    .map((k) => k.id);
}

/** The world a lesson runs on under these settings: its default world, then its world knobs. */
export function lessonWorldConfig(lesson: LessonDef, settings: Settings): Partial<WorldConfig> {
  return worldConfigOf(lesson.world, settings, worldKnobIds(lesson));
}
