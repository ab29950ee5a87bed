import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: "All three modes learn retrieval from the same clicks; they differ in what a gradient pushes: one score towards a label (pointwise), the gap between a positive and a negative (pairwise), or the positive against many negatives at once (listwise). On our world every mode beats the popular baseline and gets about half of the oracle's recall within a few hundred steps. No mode wins everywhere: at the defaults pointwise leads on recall by retrieving mostly hot items, while listwise, which compares each positive with the most negatives, retrieves head and tail items closest to the rate the held-out clicks have.",
    zh: '三种方式都从同样的点击中学习召回；区别在于梯度推动的对象：单个分数逼近标签（Pointwise），正负样本的分数差（Pairwise），或一次把正样本和许多负样本放在一起比较（Listwise）。在我们的世界里，每种方式都胜过热门基线，几百步内就能达到 Oracle 召回率的一半左右。没有哪种方式处处最好：默认设置下 Pointwise 主要靠召回热门物品而召回率领先；Listwise 每个正样本与最多的负样本比较，它召回头部与长尾物品的比例最接近测试点击。',
  } satisfies Text,
};
