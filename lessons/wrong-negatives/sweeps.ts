import type { SweepDef } from '../../src/lesson/sweep';

/** How much of the exposed arm's negatives are exposed items, on both tasks. */
export const sweeps: SweepDef[] = [
  {
    knob: 'exposedShare',
    values: [0, 0.25, 0.5, 0.75, 1],
    arms: ['exposed-negatives'],
    format: (v) => `${Math.round(v * 100)}%`,
    metric: 'recall@50',
    metrics: ['recall@50', 'slate.auc'],
    title: { en: 'The exposed arm as its share of exposed negatives goes from 0% to 100%', zh: '曝光未点击负样本比例从 0% 到 100% 时的曝光组' },
    note: {
      en: 'Each point: a fresh exposed-negatives arm trained the full step count on this world (0% = all easy ∝ (clicks+1)^0.75, the easy arm’s negatives). Switch the metric between retrieval (recall@50) and ranking (slate.auc). A finished run adds its own point; the button trains the missing ones, one after another.',
      zh: '每个点：在同一个世界里从头训练满步数的曝光组（0% 即全部为 ∝ (点击次数+1)^0.75 的简单负样本，与简单组相同）。可在召回（Recall@50）与排序（slate.auc）两个指标之间切换。每次训练完成会自动加上当前比例的点；按钮依次训练缺少的点。',
    },
  },
];
