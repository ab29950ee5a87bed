import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'A few hot items take most of the clicks, so most positives are hot items and the towers learn to put hot items near everyone. Dropping a share of the clicks on hot items, or repeating the clicks on cold ones, moves the retrieved set away from the head and raises recall on cold items. The negatives here are drawn uniformly, independently of the positives; with in-batch negatives, which follow the clicks, thinning hot positives would also thin hot negatives and change almost nothing. In this world the raw model already retrieves head items at about the rate the held-out clicks have, so re-sampling overshoots: less head, a little more tail, and lower overall recall. Re-sampling pays off where the head is over-served, not everywhere.',
    zh: '少数热门物品占据了大部分点击，所以大部分正样本是热门物品，双塔学会把热门物品放到每个人附近。丢弃一部分热门物品的点击，或重复冷门物品的点击，会让召回结果离开头部，并提高冷门物品的召回率。这里的负样本是均匀抽样的，与正样本无关；若用 batch 内负样本，负样本也服从点击分布，减少热门正样本同时也减少热门负样本，几乎什么都不会改变。在这个世界里，原始模型召回头部物品的比例已与测试点击接近，所以重新采样会矫枉过正：头部更少、长尾略多、整体召回率下降。只有当头部被过度推荐时，重新采样才划算。',
  } satisfies Text,
};
