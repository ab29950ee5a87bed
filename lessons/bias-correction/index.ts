import type { ArmSpec, LessonDef } from '../../src/lesson/types';
import { estimatorErrorProbe, meanTruePProbe } from './probes';
import { text } from './text';

function arms(): ArmSpec[] {
  const base = { loss: 'in-batch', negatives: { kind: 'in-batch' }, negativeCount: 0, positives: { kind: 'raw' } } as const;
  return [
    { ...base, id: 'in-batch', label: { en: 'In-batch (plain)', zh: 'Batch 内（不纠偏）' }, logQ: 'none' },
    { ...base, id: 'logq', label: { en: 'logQ, true p', zh: 'logQ（真实 p）' }, logQ: 'true' },
    { ...base, id: 'logq-streaming', label: { en: 'logQ, streaming p̂', zh: 'logQ（流式估计 p̂）' }, logQ: 'streaming' },
  ];
}

export const biasCorrection: LessonDef = {
  id: 'bias-correction',
  title: { en: 'Bias correction: logQ', zh: '纠偏：logQ' },
  summary: { en: 'In-batch negatives over-punish hot items; subtract log p in training, serve with plain cosine.', zh: 'Batch 内负样本过度打压热门物品；训练时减去 log p，线上用原始余弦。' },
  ready: true,
  armIds: ['in-batch', 'logq', 'logq-streaming'],
  knobs: [
    { id: 'streamingAlpha', label: { en: 'Estimator step α', zh: '估计器步长 α' }, min: 0.001, max: 0.5, step: 0.001, default: 0.05, log: true },
  ],
  world: {},
  arms,
  claim: text.claim,
  probes: [estimatorErrorProbe, meanTruePProbe],
};
