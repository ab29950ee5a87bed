import type { ArmSpec, LessonDef } from '../../src/lesson/types';
import { servingCostProbe } from './probes';
import { text } from './text';

/**
 * Three retrievers trained alike — listwise softmax against 64 uniform negatives shared by the
 * batch — that differ only in the model: two towers over IDs and features, two towers over IDs
 * alone (matrix completion), and one network over the concatenated features (early fusion).
 */
function arms(): ArmSpec[] {
  const base = { loss: 'listwise', negatives: { kind: 'uniform' }, negativeCount: 64, logQ: 'none', positives: { kind: 'raw' } } as const;
  return [
    { ...base, id: 'two-tower', label: { en: 'Two towers (IDs + features)', zh: '双塔（ID + 特征）' }, model: 'two-tower' },
    { ...base, id: 'early-fusion', label: { en: 'Early fusion (one network)', zh: '前期融合（单个神经网络）' }, model: 'early-fusion' },
    { ...base, id: 'id-only', label: { en: 'IDs only (matrix completion)', zh: '只用 ID（矩阵补充）' }, model: 'id-only' },
  ];
}

export const model: LessonDef = {
  id: 'model',
  title: { en: 'The two-tower model', zh: '双塔模型' },
  summary: {
    en: 'Two towers that meet only in a cosine: why they can retrieve from millions and early fusion cannot.',
    zh: '只在余弦处相遇的两个塔：为什么它能从上亿物品中召回，而前期融合不能。',
  },
  ready: true,
  armIds: ['two-tower', 'early-fusion', 'id-only'],
  knobs: [],
  world: {},
  arms,
  claim: text.claim,
  probes: [servingCostProbe],
};
