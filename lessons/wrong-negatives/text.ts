import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Items that were shown but not clicked passed the whole funnel: retrieval and ranking both thought the user would like them, and mostly the user does — they just picked something else that time. Ranking must tell such items apart, so for a ranker they are good negatives. Retrieval must only separate what a user might like from what they never would; using exposed items as its negatives teaches it to push away the user’s own taste. Recall collapses, and the held-out clicks lost most are the ones closest to what the user was shown.',
    zh: '曝光但未点击的物品已经通过了整个漏斗：召回和排序都认为用户会喜欢，而用户大多确实喜欢——只是那一次选了别的。排序模型需要区分这些物品，所以对排序来说它们是好的负样本。召回只需区分用户可能喜欢的和绝不会喜欢的；把曝光物品当作召回的负样本，是在教模型推开用户自己的兴趣。召回率大幅下降，丢失最多的测试点击正是那些最接近用户曝光物品的点击。',
  } satisfies Text,
};
