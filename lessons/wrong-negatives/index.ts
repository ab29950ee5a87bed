import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { NEGATIVES_PER_ROW } from '../negatives';
import { text } from './text';

function arms(s: Settings): ArmSpec[] {
  const base = { loss: 'listwise', negativeCount: NEGATIVES_PER_ROW, negativeLayout: 'per-row', logQ: 'none', positives: { kind: 'raw' } } as const;
  return [
    { ...base, id: 'easy-negatives', label: { en: 'Easy negatives', zh: '简单负样本' }, negatives: { kind: 'popularity', alpha: 0.75 } },
    { ...base, id: 'exposed-negatives', label: { en: 'Exposed, not clicked', zh: '曝光未点击' }, negatives: { kind: 'exposed', share: s.exposedShare } },
  ];
}

export const wrongNegatives: LessonDef = {
  id: 'wrong-negatives',
  title: { en: 'Wrong negatives: exposed but not clicked', zh: '错误的负样本：曝光未点击' },
  summary: { en: 'Fine for ranking, wrong for retrieval: the user may well like what they skipped.', zh: '对排序有用，对召回是错的：用户很可能喜欢他们跳过的东西。' },
  ready: true,
  armIds: ['easy-negatives', 'exposed-negatives'],
  knobs: [
    { id: 'exposedShare', label: { en: 'Share of exposed negatives', zh: '曝光未点击负样本的比例' }, min: 0, max: 1, step: 0.05, default: 1 },
  ],
  world: {},
  arms,
  claim: text.claim,
};
