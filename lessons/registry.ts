import type { Knob, LessonDef } from '../src/lesson/types';
import { TRAINING_KNOBS } from '../src/train/settings';
import { trainingModes } from './training-modes';

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
  planned('model', 'The two-tower model', '双塔模型', ['two-tower', 'early-fusion']),
  trainingModes,
  planned('positives', 'Positive samples', '正样本', ['raw', 'downsample-head', 'upsample-tail']),
  planned('negatives', 'Negative samples', '负样本', ['uniform', 'pop-0.75', 'in-batch', 'hard-mix']),
  planned('bias-correction', 'Bias correction (logQ)', '纠偏（logQ）', ['in-batch', 'logq', 'logq-streaming']),
  planned('wrong-negatives', 'Wrong negatives', '错误的负样本', ['easy-negatives', 'exposed-negatives']),
  planned('serving', 'Online serving', '线上召回', ['exact', 'hnsw']),
  planned('updates', 'Model updates', '模型更新', ['full', 'incremental', 'full-and-incremental']),
  planned('self-supervision', 'Self-supervised learning', '自监督学习', ['baseline', 'ssl-rfm', 'ssl-cfm', 'ssl-dropout']),
];

export function findLesson(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson's knobs after the shared training knobs, with the lesson's default overrides. */
export function knobsOf(lesson: LessonDef): Knob[] {
  const shared = TRAINING_KNOBS.map((k) => {
    const d = lesson.defaults?.[k.id] ?? (lesson.world as Record<string, number | undefined>)[worldKey(k.id)];
    return d === undefined ? k : { ...k, default: d };
  });
  return [...shared, ...lesson.knobs];
}

/** Knob id → world config key, for the knobs that shape the world. */
export function worldKey(knobId: string): string {
  return knobId === 'clicks' ? 'clicksPerUser' : knobId;
}
