import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Easy negatives drawn uniformly are mostly cold items, so the model learns "hot beats cold" and retrieves the head. Drawing them ∝ clicks^0.75 makes hot items frequent negatives and pulls them down: the retrieved set moves to the tail and cold items are found far more often, but overall recall drops — a trade-off, not a free win. In-batch negatives follow the clicks exactly (∝ clicks^1) and over-punish hot items even more. Hard negatives are items a retrieval returned and the ranker then ranked out. The notes mix them with easy ones to sharpen the boundary; in this world that costs recall instead, because the ranked-out items sit close to the user\'s true taste, and the held-out clicks come from that same taste: many hard negatives are future clicks. Move the hard share from 0% to 100% and watch recall fall.',
    zh: '均匀抽样的简单负样本大多是冷门物品，模型学到的是“热门胜过冷门”，召回偏向头部。按点击次数的 0.75 次方抽样，让热门物品常常成为负样本、被打压：召回结果移向长尾，冷门物品被找到的次数大幅增加，但整体召回率下降——这是权衡，不是白捡的好处。Batch 内负样本完全服从点击分布（∝ 点击次数^1），对热门物品的打压更重。困难负样本是被召回、又被排序淘汰的物品。笔记中把它们与简单负样本混合，以便让边界更清晰；而在这个世界里它反而降低召回率，因为被淘汰的物品离用户真实兴趣很近，而测试点击正来自同样的兴趣：许多困难负样本其实是未来的点击。把困难负样本比例从 0% 调到 100%，看召回率如何下降。',
  } satisfies Text,
};
