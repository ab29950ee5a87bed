/**
 * The React part of every lesson with a page, loaded when the page opens (each lesson's panels
 * are their own chunk). Adding a lesson: its folder, one line in registry.ts and one line here.
 */
import type { LessonPageDef } from '../src/app/lesson-page';
import type { LessonContent } from '../src/lesson/content';

export const PAGES: Record<string, () => Promise<{ default: LessonPageDef }>> = {
  model: () => import('./model/page'),
  'training-modes': () => import('./training-modes/page'),
  positives: () => import('./positives/page'),
  negatives: () => import('./negatives/page'),
  'bias-correction': () => import('./bias-correction/page'),
  'wrong-negatives': () => import('./wrong-negatives/page'),
  serving: () => import('./serving/page'),
  updates: () => import('./updates/page'),
  'self-supervision': () => import('./self-supervision/page'),
};

/**
 * Each lesson's texts (`./<id>/text.ts`), shown before its panels (and the charts' code they
 * pull in) have loaded. The lessons' definitions import them too, so they are in the first bundle.
 */
const TEXTS = import.meta.glob<LessonContent>('./*/text.ts', { eager: true, import: 'content' });

export function lessonText(lessonId: string): LessonContent | undefined {
  return TEXTS[`./${lessonId}/text.ts`];
}
