import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Easy negatives drawn uniformly are mostly cold items, so the model learns "hot beats cold" and retrieves the head. Drawing them ∝ clicks^0.75 makes hot items frequent negatives and pulls them down: the retrieved set moves to the tail — better for cold items, but it can cost overall recall: a trade-off, not a free win. In-batch negatives follow the clicks exactly (∝ clicks^1) and over-punish hot items. Hard negatives — items a retrieval returned and the ranker then ranked out — are close to what the user likes; mixed with easy ones they sharpen the boundary.',
    zh: '均匀抽样的简单负样本大多是冷门物品，模型学到的是“热门胜过冷门”，召回偏向头部。按点击次数的 0.75 次方抽样，让热门物品常常成为负样本、被打压：召回结果移向长尾——对冷门物品更好，但可能损失整体召回率：这是权衡，不是白捡的好处。Batch 内负样本完全服从点击分布（∝ 点击次数^1），过度打压热门物品。困难负样本——被召回、又被排序淘汰的物品——接近用户的兴趣；与简单负样本混合使用可以让边界更清晰。',
  } satisfies Text,
};
