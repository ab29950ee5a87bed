/** What the worker tells the reader, in both languages: one place for the runner's notices. */
import type { Text } from '../lesson/types';

export const notices = {
  alreadyTrained: (steps: number): Text => ({
    en: `Already trained ${steps} steps: raise “Steps” to train further, or Reset.`,
    zh: `已训练 ${steps} 步：调高“训练步数”可继续训练，或点击“重置”。`,
  }),
  restored: (why: string, now: string, step: number): Text => ({
    en: `${why} → ${now}. Training continues from step ${step}: weights restored from the last evaluation; the optimizer state restarted.`,
    zh: `${why} → ${now}。训练从第 ${step} 步继续：权重取自最近一次评估时的存档，优化器状态重新开始。`,
  }),
  worldChanged: { en: 'World settings changed: a new world was generated and training restarted.', zh: '世界设置已改变：已生成新的世界，训练重新开始。' } as Text,
  restarted: (knobs: string[]): Text => ({ en: `Changed ${knobs.join(', ')}: the arms restarted from step 0.`, zh: `已修改 ${knobs.join('、')}：各组从第 0 步重新训练。` }),
};
