import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { itemFeaturesProbe } from './probes';
import { text } from './text';

/**
 * Every arm trains the same main task — in-batch softmax with logQ correction — and the SSL arms
 * add α·L_self, a contrastive loss between two augmented views of items drawn uniformly from the
 * catalogue. Arms differ only in the augmentation.
 */
function arms(s: Settings): ArmSpec[] {
  const base = { loss: 'in-batch', negatives: { kind: 'in-batch' }, negativeCount: 0, logQ: 'true', positives: { kind: 'raw' } } as const;
  const alpha = s.alpha;
  return [
    { ...base, id: 'baseline', label: { en: 'Baseline (no SSL)', zh: '基线（无自监督）' } },
    { ...base, id: 'ssl-rfm', label: { en: 'SSL: random feature masking', zh: '自监督：随机特征遮挡（互补切分）' }, ssl: { augmentation: 'random-mask', weight: alpha } },
    { ...base, id: 'ssl-cfm', label: { en: 'SSL: correlated feature masking', zh: '自监督：关联特征遮挡（按互信息）' }, ssl: { augmentation: 'correlated-mask', weight: alpha } },
    { ...base, id: 'ssl-dropout', label: { en: 'SSL: dropout of tags', zh: '自监督：多值特征（标签）Dropout' }, ssl: { augmentation: 'dropout', weight: alpha } },
  ];
}

export const selfSupervision: LessonDef = {
  id: 'self-supervision',
  title: { en: 'Self-supervised learning for tail items', zh: '自监督学习：改进长尾物品的向量' },
  summary: text.summary,
  ready: true,
  armIds: ['baseline', 'ssl-rfm', 'ssl-cfm', 'ssl-dropout'],
  knobs: [
    { id: 'alpha', label: { en: 'SSL weight α', zh: '自监督权重 α' }, min: 0, max: 3, step: 0.05, default: 1 },
    { id: 'dropRate', label: { en: 'Tag dropout rate', zh: '标签 Dropout 比例' }, min: 0, max: 1, step: 0.05, default: 0.5 },
    { id: 'sslBatch', label: { en: 'SSL batch (uniform items)', zh: '自监督 batch（均匀抽样物品数）' }, min: 16, max: 512, step: 16, default: 128, integer: true },
    { id: 'sslTemperature', label: { en: 'SSL temperature τ′', zh: '自监督温度 τ′' }, min: 0.02, max: 1, step: 0.01, default: 0.1 },
  ],
  // The lab's standard world: users fed (≈ 20 clicks each, every arm beats the popular baseline),
  // a thin item tail. The old default (5 clicks per user) starved the users: popular beat every
  // arm. Larger catalogues (6,000–12,000 items, zipf 1.0–1.2) gave the same signs (issue 9).
  world: {},
  defaults: { steps: 300 },
  arms,
  claim: text.claim,
  probes: [itemFeaturesProbe],
};
