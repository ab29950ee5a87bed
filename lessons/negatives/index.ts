import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { text } from './text';

/** Negatives per positive for the sampled arms (each row its own: hard negatives are per user). */
export const NEGATIVES_PER_ROW = 5;

function arms(s: Settings): ArmSpec[] {
  const sampled = { loss: 'listwise', negativeCount: NEGATIVES_PER_ROW, negativeLayout: 'per-row', logQ: 'none', positives: { kind: 'raw' } } as const;
  return [
    { ...sampled, id: 'uniform', label: { en: 'Easy: uniform', zh: '简单负样本：均匀抽样' }, negatives: { kind: 'uniform' } },
    { ...sampled, id: 'pop-0.75', label: { en: 'Easy: ∝ clicks^α', zh: '简单负样本：∝ 点击次数^α' }, negatives: { kind: 'popularity', alpha: s.alpha } },
    { id: 'in-batch', label: { en: 'In-batch', zh: 'Batch 内负样本' }, loss: 'in-batch', negatives: { kind: 'in-batch' }, negativeCount: 0, logQ: 'none', positives: { kind: 'raw' } },
    { ...sampled, id: 'hard-mix', label: { en: 'Hard + easy mix', zh: '困难 + 简单混合' }, negatives: { kind: 'hard-mix', hardShare: s.hardShare, alpha: s.alpha, veryHardShare: s.veryHardShare } },
  ];
}

export const negatives: LessonDef = {
  id: 'negatives',
  title: { en: 'Negative samples: easy, in-batch, hard', zh: '负样本：简单、Batch 内、困难' },
  summary: { en: 'Where the negatives come from decides what the towers learn to push away.', zh: '负样本从哪里来，决定了双塔学会推开什么。' },
  ready: true,
  armIds: ['uniform', 'pop-0.75', 'in-batch', 'hard-mix'],
  knobs: [
    { id: 'alpha', label: { en: 'Exponent α of clicks^α', zh: '点击次数的指数 α' }, min: 0, max: 1, step: 0.05, default: 0.75 },
    { id: 'hardShare', label: { en: 'Share of hard negatives', zh: '困难负样本比例' }, min: 0, max: 1, step: 0.05, default: 0.5 },
    { id: 'veryHardShare', label: { en: 'Very hard among the hard', zh: '困难负样本中“非常困难”的比例' }, min: 0, max: 1, step: 0.05, default: 0.5 },
    // The cut: retrieval returns 2× this many, pre-ranking keeps this many, ranking shows 10.
    { id: 'preRanked', label: { en: 'Pre-ranking keeps', zh: '粗排保留数' }, min: 20, max: 500, step: 10, default: 200, integer: true, world: true },
  ],
  world: {},
  arms,
  claim: text.claim,
};
