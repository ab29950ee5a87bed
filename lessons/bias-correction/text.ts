import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'With in-batch negatives an item is a negative as often as it is clicked: p_i ∝ clicks. Hot items are pushed down far more than their relevance deserves. Training on cos(a, b_i) − log p_i cancels that, and serving ranks by plain cos(a, b_i). p_i need not be known: a streaming estimator learns it from the gaps between sightings of each item.',
    zh: '使用 Batch 内负样本时，物品成为负样本的频率与其被点击的频率相同：p_i ∝ 点击次数。热门物品被打压得远超其相关性应得的程度。训练时用 cos(a, b_i) − log p_i 抵消这一偏差，线上召回仍用 cos(a, b_i) 排序。p_i 不必预先知道：流式频率估计从每个物品两次出现之间的间隔学到它。',
  } satisfies Text,
};
