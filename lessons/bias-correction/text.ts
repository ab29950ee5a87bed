import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'With in-batch negatives an item is a negative as often as it is clicked: p_i ∝ clicks. Hot items are pushed down far more than their relevance deserves, and the retrieved set drifts to the tail. Training on cos(a, b_i) − log p_i cancels that, and serving ranks by plain cos(a, b_i): the correction belongs to the sampling of training, not to the user. p_i need not be known: a streaming estimator learns it from the gaps between sightings of each item. It starts far off (every item at p̂ = 1/B₀) and converges over hundreds of steps — in this world it corrects about as well as the true p.',
    zh: '使用 Batch 内负样本时，物品成为负样本的频率与其被点击的频率相同：p_i ∝ 点击次数。热门物品被打压得远超其相关性应得的程度，召回结果偏向长尾。训练时用 cos(a, b_i) − log p_i 抵消这一偏差，线上召回仍用 cos(a, b_i) 排序：纠偏针对的是训练时的抽样，而不是用户。p_i 不必预先知道：流式频率估计从每个物品两次出现之间的间隔学到它。它开始时偏差很大（每个物品都是 p̂ = 1/B₀），经过几百步才收敛——在这个世界里，它纠偏的效果与真实 p 相当。',
  } satisfies Text,
};
