import type { ArmSpec, LessonDef, Settings } from './types';

/** The lesson's arms for these settings, restricted to `armIds` (all when absent). */
export function findLessonArms(lesson: LessonDef, settings: Settings, armIds?: string[]): ArmSpec[] {
  const all = lesson.arms(settings);
  if (!armIds) return all;
  const unknown = armIds.filter((id) => !lesson.armIds.includes(id));
  if (unknown.length) throw new Error(`unknown arm ${unknown.map((u) => `"${u}"`).join(', ')} for lesson ${lesson.id} (arms: ${lesson.armIds.join(', ')})`);
  return all.filter((a) => armIds.includes(a.id));
}
