import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { text } from './text';

function arms(s: Settings): ArmSpec[] {
  // α = 0: uniform easy negatives, so every mode learns popularity from its positives alone.
  const negatives = s.negAlpha > 0 ? ({ kind: 'popularity', alpha: s.negAlpha } as const) : ({ kind: 'uniform' } as const);
  const base = { negatives, logQ: 'none', positives: { kind: 'raw' } } as const;
  return [
    { ...base, id: 'pointwise', label: { en: 'Pointwise (BCE)', zh: 'Pointwise（二元交叉熵）' }, loss: 'pointwise', negativeCount: s.ratio },
    { ...base, id: 'pairwise-hinge', label: { en: 'Pairwise hinge', zh: 'Pairwise（Hinge）' }, loss: 'pairwise-hinge', negativeCount: 1 },
    { ...base, id: 'pairwise-logistic', label: { en: 'Pairwise logistic', zh: 'Pairwise（Logistic）' }, loss: 'pairwise-logistic', negativeCount: 1 },
    { ...base, id: 'listwise', label: { en: 'Listwise softmax', zh: 'Listwise（Softmax）' }, loss: 'listwise', negativeCount: s.listNegatives },
  ];
}

export const trainingModes: LessonDef = {
  id: 'training-modes',
  title: { en: 'Training modes: pointwise, pairwise, listwise', zh: '训练方式：Pointwise、Pairwise、Listwise' },
  summary: {
    en: 'Three ways to turn clicks into a loss for the same two towers.',
    zh: '同样的双塔，三种把点击变成损失函数的方法。',
  },
  ready: true,
  armIds: ['pointwise', 'pairwise-hinge', 'pairwise-logistic', 'listwise'],
  knobs: [
    { id: 'ratio', label: { en: 'Pointwise negatives per positive', zh: 'Pointwise 每个正样本的负样本数' }, min: 1, max: 5, step: 1, default: 2, integer: true },
    { id: 'margin', label: { en: 'Hinge margin m', zh: 'Hinge 间隔 m' }, min: 0, max: 1, step: 0.05, default: 0.2 },
    { id: 'sigma', label: { en: 'Logistic scale σ', zh: 'Logistic 系数 σ' }, min: 1, max: 50, step: 1, default: 10 },
    { id: 'negAlpha', label: { en: 'Negatives ∝ clicks^α', zh: '负样本 ∝ 点击次数^α' }, min: 0, max: 1, step: 0.05, default: 0 },
    { id: 'listNegatives', label: { en: 'Listwise negatives n', zh: 'Listwise 负样本数 n' }, min: 4, max: 256, step: 4, default: 64, integer: true },
  ],
  world: {},
  arms,
  claim: text.claim,
};
