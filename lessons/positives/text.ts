/**
 * Texts of the positives lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'A few hot items take most of the clicks, so most positives are hot items and the towers learn to put hot items near everyone. Dropping a share of the clicks on hot items, or repeating the clicks on cold ones, moves the retrieved set away from the head and raises recall on cold items. The negatives here are drawn uniformly, independently of the positives; with in-batch negatives, which follow the clicks, thinning hot positives would also thin hot negatives and change almost nothing. In this world (an unbiased log, γ = 0) the raw model already retrieves head items at about the rate the held-out clicks have, so re-sampling overshoots: less head, a little more tail, and lower overall recall. Re-sampling pays off where the head is over-served, not everywhere.',
    zh: '少数热门物品占据了大部分点击，所以大部分正样本是热门物品，双塔学会把热门物品放到每个人附近。丢弃一部分热门物品的点击，或重复冷门物品的点击，会让召回结果离开头部，并提高冷门物品的召回率。这里的负样本是均匀抽样的，与正样本无关；若用 batch 内负样本，负样本也服从点击分布，减少热门正样本同时也减少热门负样本，几乎什么都不会改变。在这个世界里（日志无偏，γ = 0 时），原始模型召回头部物品的比例已与留出点击接近，所以重新采样会矫枉过正：头部更少、长尾略多、整体召回率下降。只有当头部被过度推荐时，重新采样才划算。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '正样本是曝光而且有点击的用户—物品二元组：用户对这个物品感兴趣。问题在于少部分物品占据了大部分点击，所以正样本大多是热门物品，双塔容易学会“把热门物品放到每个人附近”。解决方案：过采样冷门物品，或降采样热门物品。过采样（up-sampling）让一个样本出现多次；降采样（down-sampling）抛弃一些样本。下面三组在同一个世界、同样的初始化下同步训练，只有正样本的采样方式不同。',
    en: 'A positive sample is a (user, item) pair that was shown and clicked: the user is interested in the item. The catch: a few items take most of the clicks, so most positives are hot items, and the towers easily learn to “put hot items near everyone”. The remedy: up-sample cold items or down-sample hot ones. Up-sampling lets a sample appear several times; down-sampling throws some samples away. The three arms below train in lockstep on the same world from the same initial weights; only the way positives are sampled differs.',
  },
  sections: [
    {
      arms: ['raw', 'downsample-head', 'upsample-tail'],
      title: { zh: '三种正样本', en: 'Three ways to take the positives' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '原始点击（raw）：每个训练点击用一次。', en: 'Raw clicks: every training click is used once.' },
            {
              zh: '热门降采样：头部物品（训练点击最多的 20%）上的点击，随机丢弃比例 $d$（控件“热门点击丢弃比例”）。',
              en: 'Down-sample hot: drop a share $d$ of the clicks on head items (the 20% of items with the most training clicks; the “Share of hot clicks dropped” knob).',
            },
            {
              zh: '冷门过采样：其余物品上的每个点击额外重复 $r$ 次（控件“冷门点击额外复制次数”）。',
              en: 'Up-sample cold: repeat each click on the other items $r$ extra times (the “Extra copies of cold clicks” knob).',
            },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: '三组都用 Listwise（Softmax）训练：每个正样本与 64 个负样本比较（同一批次共享这 64 个负样本，从全体物品中均匀抽样），温度为 $\\tau$。',
            en: 'All three train listwise (softmax): each positive is compared with 64 negatives (one set per batch, drawn uniformly from the whole catalogue), at temperature $\\tau$.',
          },
        },
        { kind: 'math', tex: 'L = -\\log \\frac{\\exp\\big(\\cos(a,b^+)/\\tau\\big)}{\\exp\\big(\\cos(a,b^+)/\\tau\\big) + \\sum_{j=1}^{64} \\exp\\big(\\cos(a,b_j^-)/\\tau\\big)}' },
      ],
    },
    {
      title: { zh: '为什么这里用均匀负样本，而不用 Batch 内负样本', en: 'Why uniform negatives here, not in-batch' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '不做纠偏的 Softmax 训练，学到的分数近似于正样本分布除以负样本分布（$p_i$：物品 $i$ 成为负样本的概率）：',
            en: 'A softmax trained without correction learns, roughly, the positives’ distribution divided by the negatives’ ($p_i$: how often item $i$ is drawn as a negative):',
          },
        },
        { kind: 'math', tex: '\\cos(a,b_i)/\\tau \\;\\approx\\; \\log P(i \\mid u) - \\log p_i + \\text{const}_u' },
        {
          kind: 'p',
          text: {
            zh: '均匀负样本的 $p_i$ 是常数，所以降采样热门点击（$P(i\\mid u)$ 中热门物品乘以 $1-d$）直接降低热门物品的分数。Batch 内负样本就是同一批次里别人的正样本，$p_i \\propto$ 点击次数：丢掉热门物品的正样本，也同样丢掉了它作为负样本的机会，分子分母同乘 $1-d$，比值不变——几乎什么都不会改变。',
            en: 'With uniform negatives $p_i$ is a constant, so down-sampling hot clicks (multiplying $P(i\\mid u)$ of hot items by $1-d$) lowers their scores directly. In-batch negatives are the other rows’ positives, so $p_i \\propto$ clicks: dropping a hot item’s positives drops its turns as a negative by the same factor $1-d$; numerator and denominator shrink together and the ratio stays put — almost nothing changes.',
          },
        },
      ],
    },
    {
      title: { zh: '重新采样是纠正，不是免费的提升', en: 'Re-sampling is a correction, not a free gain' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '评估用的留出点击本身就偏向热门物品（虚线“真实”是留出点击中头部物品的占比）。如果原始点击训练出的模型召回的头部占比已经接近真实值，再降采样热门、过采样冷门就会矫枉过正：头部更少、长尾更多，整体召回率反而下降。先看模型是否真的过度偏向头部，再决定要不要重新采样、采多少。',
            en: 'The held-out clicks the lab scores against are themselves skewed to hot items (the dashed “truth” line is their share of head items). If the model trained on raw clicks already retrieves about that share of head items, down-sampling hot or up-sampling cold overshoots: less head, more tail, and lower overall recall. Check whether the model really over-serves the head before deciding whether, and how much, to re-sample.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '真实的日志往往是有偏的：上一代推荐系统更多地展示热门物品，热门物品因此得到超出用户真实兴趣的点击。控件“日志的曝光偏差 γ”模拟这一点：训练点击的概率多乘一个 $\\pi_i^{\\gamma}$（$\\pi_i$ 为真实热度），而留出点击仍服从真实兴趣。下方的扫描图逐点训练原始点击和热门降采样两组。在我们的运行中（种子 7–9，$d = 0.5$），γ = 1 时两组的 Recall@50 几乎相同（原始 0.154–0.179，降采样 0.148–0.184）：原始模型的头部占比已达 1.00，而丢掉头部一半的点击只把它降到 0.97–0.99——日志的偏差遍及所有物品（$\\pi_i^{\\gamma}$），只削减前 20% 的物品不够。试试更大的 $d$。',
            en: 'Real logs are often biased: the previous recommender showed hot items more, so they got clicks beyond what users truly prefer. The “Exposure bias γ of the log” knob simulates that: a training click’s probability carries an extra factor $\\pi_i^{\\gamma}$ ($\\pi_i$ the true popularity), while held-out clicks still follow the true preference. The sweep chart below trains raw clicks and down-sampled hot clicks at each γ. In our runs (seeds 7–9, $d = 0.5$) at γ = 1 the two arms’ recall@50 are about the same (raw 0.154–0.179, down-sampled 0.148–0.184): the raw model’s head share is already 1.00 and dropping half of the head’s clicks only brings it to 0.97–0.99 — the log’s bias runs through every item ($\\pi_i^{\\gamma}$), and thinning the top 20% is not enough. Try a larger $d$.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '头部占比图：三组的头部占比与虚线（真实留出点击中的头部占比）相比如何？降采样和过采样把它往下推了多少？',
      en: 'Head-share chart: where does each arm sit against the dashed line (the head share of the real held-out clicks)? How far do down- and up-sampling push it down?',
    },
    {
      zh: '头部 / 长尾与按热度分组的召回率：重新采样把召回从哪些物品移到了哪些物品？长尾的收益是否抵得上头部的损失？',
      en: 'Head/tail and by-popularity recall: which items does re-sampling move recall from, and to which? Does the tail gain pay for the head loss?',
    },
    {
      zh: '试试：把丢弃比例 $d$ 调到 0（应与原始点击一致）再调到 0.9；把额外复制次数调到 0 和 5。',
      en: 'Try: drop share $d$ at 0 (should match raw clicks) and then at 0.9; extra copies at 0 and at 5.',
    },
    {
      zh: '试试：把热度偏斜 $s$ 调大（世界更偏向头部），看重新采样是否变得更有用。',
      en: 'Try: a larger popularity skew $s$ (a more head-heavy world): does re-sampling become more useful?',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——正负样本”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — positive and negative samples”.',
  },
};
