import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'All three modes learn retrieval from the same clicks; they differ in what a gradient pushes: one score towards a label (pointwise), the gap between a positive and a negative (pairwise), or the positive against many negatives at once (listwise). On our world all beat the popular baseline; listwise, which compares against the most negatives per step, usually comes closest to the oracle.',
    zh: '三种方式都从同样的点击中学习召回；区别在于梯度推动的对象：单个分数逼近标签（Pointwise），正负样本的分数差（Pairwise），或一次把正样本和许多负样本放在一起比较（Listwise）。在我们的世界里，它们都胜过热门基线；每一步比较负样本最多的 Listwise 通常最接近 Oracle。',
  } satisfies Text,
};
