/**
 * Texts of the wrong-negatives lesson: its claim and its page texts (zh after the wording of the
 * course notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Items that were shown but not clicked passed the whole funnel: retrieval and ranking both thought the user would like them, and mostly the user does — they just picked something else that time. Ranking must tell such items apart, so for a ranker they are good negatives. Retrieval must only separate what a user might like from what they never would; using exposed items as its negatives teaches it to push away the user’s own taste. Recall collapses, and the held-out clicks lost most are the ones closest to what the user was shown.',
    zh: '曝光但未点击的物品已经通过了整个漏斗：召回和排序都认为用户会喜欢，而用户大多确实喜欢——只是那一次选了别的。排序模型需要区分这些物品，所以对排序来说它们是好的负样本。召回只需区分用户可能喜欢的和绝不会喜欢的；把曝光物品当作召回的负样本，是在教模型推开用户自己的兴趣。召回率大幅下降，丢失最多的测试点击正是那些最接近用户曝光物品的点击。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '一个常见的错误：把“曝光但是没有点击”的物品当作召回的负样本。训练排序模型会用这类负样本，训练召回模型不能用。下面两组都用 Listwise（Softmax）训练，每个正样本配 5 个负样本，只有负样本的来源不同：一组是 $\\propto$ 点击次数$^{0.75}$ 的简单负样本，一组是该用户曝光未点击的物品。',
    en: 'A common mistake: using items that were shown but not clicked as retrieval negatives. Ranking models do train on such negatives; retrieval models must not. Both arms below train listwise (softmax) with 5 negatives per positive; only the source of the negatives differs: easy negatives $\\propto$ clicks$^{0.75}$ for one, the user’s own exposed-but-not-clicked items for the other.',
  },
  sections: [
    {
      title: { zh: '选择负样本的原理', en: 'Why negatives are chosen the way they are' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '全体物品（简单）：绝大多数是用户根本不感兴趣的。', en: 'The whole catalogue (easy): almost all of it the user does not care for at all.' },
            { zh: '被排序淘汰（困难）：用户可能感兴趣，但是不够感兴趣。', en: 'Ranked out (hard): the user may be interested, just not enough.' },
            { zh: '有曝光没点击（没用）：用户感兴趣，可能只是碰巧没有点击。', en: 'Shown, not clicked (useless here): the user is interested and perhaps just did not click that time.' },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: '召回的目标是快速找到用户可能感兴趣的物品，只需把“可能感兴趣的”与“根本不感兴趣的”分开。',
            en: 'Retrieval must quickly find what a user might like: it only has to separate “might like” from “would never care for”.',
          },
        },
      ],
    },
    {
      arms: ['exposed-negatives'],
      title: { zh: '对排序有用，对召回是错的', en: 'Fine for ranking, wrong for retrieval' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '曝光的物品已经通过了整个漏斗：召回和排序都认为用户会喜欢，而用户大多确实喜欢——只是那一次选了别的。排序模型的任务是在这些“都不错”的候选中分出高下，所以曝光未点击对排序是好的负样本。召回模型如果把它们当负样本，就是在把用户自己的兴趣推开：',
            en: 'Shown items have passed the whole funnel: retrieval and ranking both thought the user would like them, and mostly the user does — they just picked something else that time. A ranker’s job is to order such “all decent” candidates, so shown-but-not-clicked items are good ranking negatives. A retrieval model that takes them as negatives pushes away the user’s own taste:',
          },
        },
        { kind: 'math', tex: 'L = -\\log \\frac{\\exp\\big(\\cos(a,b^+)/\\tau\\big)}{\\exp\\big(\\cos(a,b^+)/\\tau\\big) + \\sum_{j=1}^{5} \\exp\\big(\\cos(a,b_j^{\\text{exposed}})/\\tau\\big)}' },
        {
          kind: 'p',
          text: {
            zh: '在本实验的世界里，模拟的上游推荐器按用户的真实兴趣给每个用户展示物品，用户只点击其中少数。所以曝光物品就是从用户自己的兴趣中抽出来的，而留出的测试点击也来自同一个兴趣：把曝光物品推远，也就把用户将来会点击的物品推远了。',
            en: 'In this lab’s world a simulated upstream recommender shows each user items drawn from the user’s true interest, and the user clicks only a few of them. So the exposed items come from the user’s own taste — and so do the held-out test clicks: pushing the exposed items away pushes away what the user will click next.',
          },
        },
      ],
    },
    {
      arms: ['easy-negatives', 'exposed-negatives'],
      title: { zh: '哪些留出点击丢失了', en: 'Which held-out clicks are lost' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '把每个留出点击按它与该用户“曝光未点击”物品的接近程度（在真实兴趣空间中与最接近的那个曝光物品的亲和度 $\\max_e \\langle z_{\\text{click}}, z_e\\rangle$）分成三等份：远离、中等、靠近曝光物品。对比两组在每一份上的 Recall@50，看损失落在哪里——按实测结果读，不要先入为主。',
            en: 'Each held-out click is put into one of three equal groups by how close it is to the user’s shown-but-not-clicked items (its true affinity to the closest of them, $\\max_e \\langle z_{\\text{click}}, z_e\\rangle$): far from, middle, near the exposed items. Compare the two arms’ recall@50 in each group to see where the loss falls — read it off the measurement, not off expectations.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '召回率曲线：曝光负样本组的召回率远低于简单负样本组，甚至可能低于热门基线。',
      en: 'Recall curves: the exposed-negatives arm ends far below the easy-negatives arm — possibly below the popular baseline.',
    },
    {
      zh: '“召回率下降”面板：整体下降了多少；按接近程度分组后，哪一组损失（相对）最大？',
      en: 'The “recall drop” panel: how much is lost overall, and which closeness group loses the most (relative)?',
    },
    {
      zh: '训练损失：损失下降只说明模型在优化它的目标；曝光负样本组的目标（把曝光物品推远）本身就是错的，所以损失下降并不代表召回变好。',
      en: 'Training loss: a falling loss only says the model is meeting its objective; the exposed arm’s objective (push the exposed items away) is itself wrong, so a falling loss does not mean better retrieval.',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——正负样本”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — positive and negative samples”.',
  },
};

/** The recall-drop panel's words. */
export const panelText = {
  dropTitle: { en: 'The recall drop, and where it falls', zh: '召回率下降了多少，落在哪里' },
  dropNote: {
    en: 'Recall@50 of both arms at their latest evaluation; “lost”: the share of the easy arm’s hits the exposed arm misses.',
    zh: '两组最近一次评估的 Recall@50；“损失”：简单负样本组命中的点击中，曝光负样本组漏掉的比例。',
  },
  dropAll: { en: 'all held-out clicks', zh: '全部留出点击' },
  dropChange: { en: 'change', zh: '变化' },
  dropLost: { en: 'lost', zh: '损失' },
  dropNeedBoth: { en: 'Switch on both arms and train to compare them.', zh: '请打开两组并训练，以便比较。' },
  dropLargest: { en: 'Largest loss (relative):', zh: '相对损失最大的一组：' },
} satisfies Record<string, Text>;
