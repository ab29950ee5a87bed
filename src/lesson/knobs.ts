/** A lesson's knobs (the shared training knobs, then its own) and the world they describe. */
import { TRAINING_KNOBS } from '../train/settings';
import { worldConfigOf, worldKey } from '../world/config';
import type { WorldConfig } from '../world/types';
import { budgetRefusal, estimateRunBytes } from '../train/budget';
import type { Knob, LessonDef, Settings, Text } from './types';

/** The lesson's knobs after the shared training knobs, with the lesson's default overrides. */
export function knobsOf(lesson: LessonDef): Knob[] {
  // A lesson may redeclare a shared knob (another label or range): its own declaration wins.
  const own = new Set(lesson.knobs.map((k) => k.id));
  const shared = TRAINING_KNOBS.filter((k) => !own.has(k.id)).map((k) => {
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

/**
 * What a change of settings asks of a run: a new world (a world knob changed), fresh arms (any
 * other knob but `steps` and the hot ones), re-measured serving (hot knobs), or nothing.
 */
export function settingsChange(lesson: LessonDef, before: Settings, after: Settings): { changed: string[]; world: boolean; hot: string[]; restarting: string[] } {
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  const hot = changed.filter((k) => hotKnobIds(lesson).includes(k));
  const world = changed.some((k) => worldKnobIds(lesson).includes(k));
  return { changed, world, hot, restarting: changed.filter((k) => k !== 'steps' && !hot.includes(k)) };
}

/** The world a lesson runs on under these settings: its default world, then its world knobs. */
export function lessonWorldConfig(lesson: LessonDef, settings: Settings): Partial<WorldConfig> {
  return worldConfigOf(lesson.world, settings, worldKnobIds(lesson));
}

/** Whether a run of `arms` arms of the lesson under these settings fits the memory budget (null) or why not. */
export function lessonBudgetRefusal(lesson: LessonDef, settings: Settings, arms: number, remedy?: Text): Text | null {
  return budgetRefusal(estimateRunBytes(lessonWorldConfig(lesson, settings), settings, arms), remedy);
}
