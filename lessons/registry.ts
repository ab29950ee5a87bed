import type { LessonDef } from '../src/lesson/types';
import { biasCorrection } from './bias-correction';
import { model } from './model';
import { negatives } from './negatives';
import { positives } from './positives';
import { selfSupervision } from './self-supervision';
import { serving } from './serving';
import { trainingModes } from './training-modes';
import { wrongNegatives } from './wrong-negatives';

/** A lesson of the design not built yet: listed on the home page as coming. */
function planned(id: string, en: string, zh: string, armIds: string[]): LessonDef {
  return {
    id,
    title: { en, zh },
    summary: { en: 'Coming soon.', zh: '即将推出。' },
    ready: false,
    armIds,
    knobs: [],
    world: {},
    arms: () => [],
    claim: { en: '', zh: '' },
  };
}

/** Every lesson of the design, in course order. Adding a lesson: its folder plus one line here. */
export const LESSONS: LessonDef[] = [
  model,
  trainingModes,
  positives,
  negatives,
  biasCorrection,
  wrongNegatives,
  serving,
  planned('updates', 'Model updates', '模型更新', ['full', 'incremental', 'full-and-incremental']),
  selfSupervision,
];

export function findLesson(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}
