/**
 * Texts of the wrong-negatives lesson: its claim and its page texts (zh after the wording of the
 * course notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Items that were shown but not clicked passed the whole funnel: the system thought the user would like them, and mostly the user does — they just picked something else from that slate. The notes: for a ranker, which must order such decent candidates, they are good negatives; for retrieval, which must only separate what a user might like from what they never would, they are wrong ones. In our world the retrieval half shows plainly: with exposed negatives recall@50 falls to about a quarter of the easy arm’s, below even the popular baseline, and most on held-out clicks near what the user was shown. The ranking half does not show for two towers trained on this little data: they memorise what each user skipped and lose on new slates too (numbers below).',
    zh: '曝光但未点击的物品已经通过了整个漏斗：系统认为用户会喜欢，而用户大多确实喜欢——只是从那一屏里选了别的。笔记：对排序模型（要在这些“都不错”的候选中分出高下）它们是好的负样本；对召回（只需区分可能喜欢的和绝不会喜欢的）它们是错误的负样本。在我们的世界里，召回这一半清楚可见：用曝光负样本时 Recall@50 跌到简单负样本组的约四分之一，甚至低于热门基线，靠近用户曝光物品的留出点击损失最多。排序这一半在数据这么少的双塔上没有出现：模型记住了每个用户跳过了什么，在新的曝光列表上同样吃亏（数字见下文）。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '一个常见的错误：把“曝光但是没有点击”的物品当作召回的负样本。训练排序模型会用这类负样本，训练召回模型不能用。下面两组都用 Listwise（Softmax）训练，每个正样本配 5 个负样本，只有负样本的来源不同：一组是 $\\propto$ (点击次数+1)$^{0.75}$ 的简单负样本，一组是该正样本所在那一屏里曝光未点击的物品。',
    en: 'A common mistake: using items that were shown but not clicked as retrieval negatives. Ranking models do train on such negatives; retrieval models must not. Both arms below train listwise (softmax) with 5 negatives per positive; only the source of the negatives differs: easy negatives $\\propto$ (clicks+1)$^{0.75}$ for one, the items shown but not clicked in the positive’s own slate for the other.',
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
            zh: '排序模型的任务是在曝光的这些“都不错”的候选中分出高下，所以曝光未点击对排序是好的负样本。召回模型如果把它们当负样本，就是在把用户自己的兴趣推开：',
            en: 'A ranker’s job is to order shown, “all decent” candidates, so shown-but-not-clicked items are good ranking negatives. A retrieval model that takes them as negatives pushes away the user’s own taste:',
          },
        },
        { kind: 'math', tex: 'L = -\\log \\frac{\\exp\\big(\\cos(a,b^+)/\\tau\\big)}{\\exp\\big(\\cos(a,b^+)/\\tau\\big) + \\sum_{j=1}^{5} \\exp\\big(\\cos(a,b_j^{\\text{exposed}})/\\tau\\big)}' },
        {
          kind: 'p',
          text: {
            zh: '本实验的世界这样产生曝光：上一代推荐系统是真实兴趣的一个更嘈杂、更偏向热门的版本（$q_i \\propto (P(i\\mid u)\\,\\pi_i)^{1/2}$），每屏展示 10 个物品；用户按真实兴趣在这一屏里选一个点击（也可以都不点）。所以被跳过的物品是用户喜欢的（远比随机物品靠前），但在同一屏里不如被点击的那个。曝光负样本组的每个正样本，配的是它那一屏里被跳过的物品——正是排序模型的训练方式。',
            en: 'This lab’s world makes exposures like this: the previous recommender is a noisier, more popularity-biased version of the truth ($q_i \\propto (P(i\\mid u)\\,\\pi_i)^{1/2}$) and shows slates of 10; the user clicks one of the slate by true preference (or none). So the skipped items are ones the user likes (far above a random item) but less than the clicked one within their slate. The exposed arm pairs each positive with the items skipped in its own slate — exactly how a ranker is trained.',
          },
        },
      ],
    },
    {
      arms: ['easy-negatives', 'exposed-negatives'],
      title: { zh: '两个任务，并排测量', en: 'Two tasks, measured side by side' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '排序任务：在留出的曝光列表（测试日的每一屏）上，模型把被点击的物品排在同一屏被跳过的物品之前的概率，即 slate.auc（0.5 是瞎猜，Oracle 是真实兴趣能达到的上限）。召回任务：在全体物品中的 Recall@50。“两个任务”面板并排显示两组的这两个数。',
            en: 'The ranking task: on held-out slates (each slate of the test day), the chance that the model scores the clicked item above an item skipped in the same slate — slate.auc (0.5 is a coin flip; the oracle, the true preference, is the ceiling). The retrieval task: recall@50 over the whole catalogue. The “two tasks” panel shows both numbers for both arms side by side.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '我们的测量（默认世界，种子 7–9，600 步）：召回任务上，曝光负样本组的 Recall@50 为 0.039–0.053，简单负样本组为 0.159–0.186，热门基线为 0.21–0.24——召回这一半与笔记一致。排序任务上，曝光负样本组的 slate.auc 为 0.577–0.597，简单负样本组为 0.629–0.641（Oracle 0.657–0.669）：它并没有赢。原因（种子 7）：在训练用的曝光列表上，曝光负样本组的 slate.auc 是 0.83，高于简单负样本组的 0.79——它记住了每个用户跳过了什么；但到了新的曝光列表上就不灵了。每个用户约 20 次点击、训练中反复看十遍，不够学会“为什么被跳过”；线上的排序模型靠的是海量曝光和双塔没有的特征（交叉特征、位置、上下文）。所以笔记中“对排序有用”的一半需要排序模型和它的数据；“对召回是错的”一半在这里清楚可见。',
            en: 'What we measured (default world, seeds 7–9, 600 steps): on retrieval the exposed arm’s recall@50 is 0.039–0.053 against 0.159–0.186 for easy negatives and 0.21–0.24 for the popular baseline — the retrieval half agrees with the notes. On ranking the exposed arm’s slate.auc is 0.577–0.597 against 0.629–0.641 for easy negatives (oracle 0.657–0.669): it does not win. Why (seed 7): on the training slates the exposed arm scores 0.83, above the easy arm’s 0.79 — it memorises what each user skipped — but that does not carry over to new slates. About 20 clicks per user, read ten times over, are too few to learn why an item was skipped; a production ranker learns from vast numbers of impressions with features two towers lack (cross features, position, context). So the notes’ “fine for ranking” needs a ranker and its data; “wrong for retrieval” shows plainly here.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '控件“曝光未点击负样本的比例”把曝光负样本与 $\\propto$ (点击次数+1)$^{0.75}$ 的简单负样本混合；下方的扫描图逐点训练，显示比例从 0 到 1 时两个任务各自如何变化。',
            en: 'The “Share of exposed negatives” knob mixes exposed negatives with easy ones $\\propto$ (clicks+1)$^{0.75}$; the sweep chart below trains one point at a time to show how each task moves as the share goes from 0 to 1.',
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
      zh: '“两个任务”面板：曝光负样本组在召回（Recall@50）上输了多少？在排序（slate.auc）上呢？与 Oracle 和热门基线比一比。',
      en: 'The “two tasks” panel: how much does the exposed arm lose on retrieval (recall@50)? And on ranking (slate.auc)? Compare with the oracle and the popular baseline.',
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
  pairTitle: { en: 'Two tasks: ranking and retrieval', zh: '两个任务：排序与召回' },
  pairNote: {
    en: 'slate.auc: on held-out slates, how often the clicked item is scored above an item skipped in the same slate (0.5 = chance). recall@50: held-out clicks found in the top 50 of the whole catalogue. Latest evaluation of each arm.',
    zh: 'slate.auc：在留出的曝光列表上，被点击的物品得分高于同一屏被跳过的物品的比例（0.5 为随机）。Recall@50：在全体物品的前 50 名中找到的留出点击。取每组最近一次评估。',
  },
  pairRanking: { en: 'ranking: slate.auc', zh: '排序：slate.auc' },
  pairRetrieval: { en: 'retrieval: recall@50', zh: '召回：Recall@50' },
  pairDelta: { en: 'exposed − easy', zh: '曝光 − 简单' },
} satisfies Record<string, Text>;
