import type { SweepDef } from '../../src/lesson/sweep';
import { maxClicksFor } from '../../src/world/config';

const NOTE_RUNS = {
  en: 'Every point is a fresh arm trained the full step count; a finished run adds its own points.',
  zh: '每个点都是从头训练满步数的一组；每次训练完成会自动加上当前设置的点。',
};

/** Data sparsity (one new world per value), then the SSL weight α. */
export const sweeps: SweepDef[] = [
  {
    knob: 'clicks',
    values: [3, 5, 10, 20, 40],
    arms: ['baseline', 'ssl-rfm'],
    format: (v) => String(v),
    log: true,
    metric: 'gain.tail',
    metrics: ['gain.tail', 'recall@50.tail', 'recall@50.head', 'recall@50'],
    relativeTo: 'baseline',
    allowed: (v, s) => s.items === undefined || v <= maxClicksFor(s.items),
    title: { en: 'SSL against data sparsity (mean clicks per user)', zh: '自监督的效果与数据稀疏程度（人均点击数）' },
    note: {
      en: `Each value of “clicks per user” is a new world (same seed, users and items), on which the baseline and random feature masking are trained afresh. “Tail gain” is SSL’s tail recall@50 divided by the baseline’s, minus 1. ${NOTE_RUNS.en}`,
      zh: `“人均点击”的每个取值都是一个新世界（种子、用户数、物品数不变），在上面从头训练基线和随机特征遮挡两组。“长尾增益”＝自监督组的长尾 recall@50 ÷ 基线的 − 1。${NOTE_RUNS.zh}`,
    },
  },
  {
    knob: 'alpha',
    values: [0, 0.25, 0.5, 1, 2, 3],
    arms: ['ssl-cfm'],
    format: (v) => String(v),
    metric: 'recall@50.tail',
    metrics: ['recall@50.tail', 'recall@50.head', 'recall@50'],
    title: { en: 'How much SSL: the weight α', zh: '自监督要加多少：权重 α' },
    note: {
      en: `Correlated feature masking trained at each α (α = 0 is the baseline: the main task alone). ${NOTE_RUNS.en}`,
      zh: `在每个 α 下训练关联特征遮挡组（α = 0 即基线：只有主任务）。${NOTE_RUNS.zh}`,
    },
  },
];
