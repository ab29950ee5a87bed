import type { LessonDef } from '../src/lesson/types';
import { biasCorrection } from './bias-correction';
import { model } from './model';
import { negatives } from './negatives';
import { positives } from './positives';
import { selfSupervision } from './self-supervision';
import { serving } from './serving';
import { trainingModes } from './training-modes';
import { updates } from './updates';
import { wrongNegatives } from './wrong-negatives';

/** Every lesson of the design, in course order. Adding a lesson: its folder plus one line here. */
export const LESSONS: LessonDef[] = [
  model,
  trainingModes,
  positives,
  negatives,
  biasCorrection,
  wrongNegatives,
  serving,
  updates,
  selfSupervision,
];

export function findLesson(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}
