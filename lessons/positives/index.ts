import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { text } from './text';

function arms(s: Settings): ArmSpec[] {
  // Listwise with uniform negatives: the negatives do not follow the positives, so re-sampling
  // the positives really changes what the model learns (with in-batch negatives it would not).
  const base = { loss: 'listwise', negatives: { kind: 'uniform' }, negativeCount: 64, logQ: 'none' } as const;
  return [
    { ...base, id: 'raw', label: { en: 'Raw clicks', zh: '原始点击' }, positives: { kind: 'raw' } },
    { ...base, id: 'downsample-head', label: { en: 'Down-sample hot', zh: '热门降采样' }, positives: { kind: 'downsample-head', drop: s.drop } },
    { ...base, id: 'upsample-tail', label: { en: 'Up-sample cold', zh: '冷门过采样' }, positives: { kind: 'upsample-tail', repeat: s.repeat } },
  ];
}

export const positives: LessonDef = {
  id: 'positives',
  title: { en: 'Positive samples: the hot-item skew', zh: '正样本：热门物品的偏斜' },
  summary: { en: 'A few items take most clicks; re-sample the positives and watch what the model retrieves.', zh: '少数物品占据大部分点击；对正样本重新采样，看模型召回什么。' },
  ready: true,
  armIds: ['raw', 'downsample-head', 'upsample-tail'],
  knobs: [
    { id: 'drop', label: { en: 'Share of hot clicks dropped', zh: '热门点击丢弃比例' }, min: 0, max: 0.95, step: 0.05, default: 0.5 },
    { id: 'repeat', label: { en: 'Extra copies of cold clicks', zh: '冷门点击额外复制次数' }, min: 0, max: 5, step: 1, default: 2, integer: true },
  ],
  world: {},
  arms,
  claim: text.claim,
};
