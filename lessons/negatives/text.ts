/**
 * Texts of the negatives lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Easy negatives drawn uniformly are mostly cold items, so the model learns "hot beats cold" and retrieves the head. Drawing them ∝ clicks^0.75 makes hot items frequent negatives and pulls them down: the retrieved set moves to the tail and cold items are found far more often, but overall recall drops — a trade-off, not a free win. In-batch negatives follow the clicks exactly (∝ clicks^1) and over-punish hot items even more. Hard negatives are items a retrieval returned and the ranker then ranked out. The notes mix them with easy ones to sharpen the boundary; in this world that costs recall instead, because the ranked-out items sit close to the user\'s true taste, and the held-out clicks come from that same taste: many hard negatives are future clicks. Move the hard share from 0% to 100% and watch recall fall.',
    zh: '均匀抽样的简单负样本大多是冷门物品，模型学到的是“热门胜过冷门”，召回偏向头部。按点击次数的 0.75 次方抽样，让热门物品常常成为负样本、被打压：召回结果移向长尾，冷门物品被找到的次数大幅增加，但整体召回率下降——这是权衡，不是白捡的好处。Batch 内负样本完全服从点击分布（∝ 点击次数^1），对热门物品的打压更重。困难负样本是被召回、又被排序淘汰的物品。笔记中把它们与简单负样本混合，以便让边界更清晰；而在这个世界里它反而降低召回率，因为被淘汰的物品离用户真实兴趣很近，而测试点击正来自同样的兴趣：许多困难负样本其实是未来的点击。把困难负样本比例从 0% 调到 100%，看召回率如何下降。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '召回的目标是从海量物品中快速找到用户可能感兴趣的物品。负样本告诉模型“用户对什么不感兴趣”。未被召回的物品，大概率是用户不感兴趣的；未被召回的物品约等于全体物品，所以可以从全体物品中抽样作为负样本（简单负样本）。另外两种来源：Batch 内负样本（同一批次里别人的正样本），以及困难负样本（被召回、但被排序淘汰的物品）。下面四组都用 Listwise（Softmax）训练，每个正样本配 5 个负样本（Batch 内组用批次中其余的正样本），只有负样本的来源不同。',
    en: 'Retrieval must quickly find, among a huge catalogue, the items a user might like. Negatives tell the model what the user does not care for. An item that was not retrieved is most likely one the user does not care for, and “not retrieved” is nearly the whole catalogue, so negatives can be drawn from all items (easy negatives). Two other sources: in-batch negatives (the other rows’ positives in the same batch) and hard negatives (items that were retrieved but ranked out by the ranking stage). The four arms below all train listwise (softmax) with 5 negatives per positive (the in-batch arm uses the batch’s other positives); only where the negatives come from differs.',
  },
  sections: [
    {
      arms: ['uniform', 'pop-0.75'],
      title: { zh: '简单负样本：全体物品', en: 'Easy negatives: the whole catalogue' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '均匀抽样对冷门物品不公平：正样本大多是热门物品，均匀抽样产生的负样本大多是冷门物品，模型学到的是“热门胜过冷门”。非均匀抽样的目的是打压热门物品：负样本的抽样概率与热门程度（点击次数）正相关，业界常用',
            en: 'Uniform sampling is unfair to cold items: positives are mostly hot items and uniform negatives are mostly cold ones, so the model learns “hot beats cold”. Non-uniform sampling aims to push hot items down: a negative’s chance grows with the item’s popularity (clicks); industry commonly uses',
          },
        },
        { kind: 'math', tex: 'q_i \\;\\propto\\; (\\text{clicks}_i)^{\\alpha}, \\qquad \\alpha = 0.75' },
        {
          kind: 'p',
          text: {
            zh: '$\\alpha = 0$ 即均匀抽样，$\\alpha = 1$ 与 Batch 内负样本相同。不做纠偏时，Softmax 学到的分数近似为 $\\log P(i\\mid u) - \\log q_i$：$\\alpha$ 越大，从分数中扣掉的热度越多，召回结果越偏向长尾。这能帮助冷门物品，但留出点击本身偏向热门物品，扣得太多会损失整体召回率——这是权衡，不是单一的赢家（控件“点击次数的指数 α”）。',
            en: '$\\alpha = 0$ is uniform sampling and $\\alpha = 1$ matches in-batch negatives. Without correction a softmax learns scores close to $\\log P(i\\mid u) - \\log q_i$: the larger $\\alpha$, the more popularity is taken out of the score and the further the retrieved set moves to the tail. That helps cold items, but the held-out clicks themselves favour hot items, so taking out too much costs overall recall — a trade-off, not a single winner (the “Exponent α of clicks^α” knob).',
          },
        },
      ],
    },
    {
      arms: ['in-batch'],
      title: { zh: '简单负样本：Batch 内负样本', en: 'Easy negatives: in-batch' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '一个 batch 内有 $n$ 个正样本（用户—物品二元组）。一个用户和其余 $n-1$ 个物品组成负样本，整个 batch 共有 $n(n-1)$ 个负样本，都是简单负样本（第一个用户大概率不喜欢第二个用户点击的物品）。代价：一个物品出现在 batch 内的概率 $\\propto$ 点击次数，也就是 $\\alpha = 1$——热门物品成为负样本的概率过大，被过度打压。纠偏方法见“纠偏：logQ”一课。',
            en: 'A batch holds $n$ positives ((user, item) pairs). Each user paired with the other $n-1$ items gives negatives, $n(n-1)$ in all, and they are easy ones (the first user most likely does not care for the second user’s item). The price: an item is in a batch with probability $\\propto$ its clicks, i.e. $\\alpha = 1$ — hot items are negatives far too often and get over-punished. The fix is the “Bias correction: logQ” lesson.',
          },
        },
      ],
    },
    {
      arms: ['hard-mix'],
      title: { zh: '困难负样本，与简单负样本混合', en: 'Hard negatives, mixed with easy ones' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '困难负样本是被召回、但在排序阶段被淘汰的物品：被粗排淘汰的物品（比较困难），精排分数靠后的物品（非常困难）。它们接近用户的兴趣，二元分类时容易分错。实践中混合几种负样本，例如 50% 是全体物品（简单负样本），50% 是没通过排序的物品（困难负样本）。',
            en: 'Hard negatives are items that were retrieved but then ranked out: dropped by pre-ranking (fairly hard) or scored low by the final ranker (very hard). They are close to the user’s interests, so a classifier easily gets them wrong. In practice several kinds are mixed, e.g. 50% from the whole catalogue (easy) and 50% that failed ranking (hard).',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '在本实验的世界里，困难负样本这样产生：按用户的真实兴趣（加噪声）召回一批候选，模拟的排序阶段再按真实兴趣（加噪声）打分，排在保留名额之后的就是困难负样本。控件“困难负样本比例”决定混合比例，其余是 $\\propto$ 点击次数$^{\\alpha}$ 的简单负样本。',
            en: 'In this lab’s world they come about like this: a candidate set is retrieved by the user’s true interest (plus noise), a simulated ranking stage re-scores it by the true interest (plus noise), and what falls below the kept slots are the hard negatives. The “Share of hard negatives” knob sets the mix; the rest are easy negatives $\\propto$ clicks$^{\\alpha}$.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '要诚实地看结果：被排序淘汰的物品离用户的真实兴趣很近，而留出点击正是从同一个兴趣中抽出来的，所以不少困难负样本其实是用户将来会点击的物品——和“错误的负样本”一课是同一个陷阱，只是程度较轻。在本世界中困难负样本往往降低召回率。它们是否有用，取决于“被排序淘汰”有多大程度意味着“用户真的不感兴趣”。下方的扫描图逐点训练，显示比例从 0% 到 100% 时的变化。',
            en: 'Read the result honestly: ranked-out items sit close to the user’s true interest, and the held-out clicks are drawn from that same interest, so many hard negatives are in fact future clicks — the trap of the “Wrong negatives” lesson, in a milder form. In this world hard negatives tend to cost recall. Whether they help depends on how far “ranked out” really means “not interested”. The sweep chart below trains one point at a time to show what happens as the share goes from 0% to 100%.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '头部占比图：均匀抽样的头部占比高于虚线（真实值），$\\propto$ 点击次数$^{0.75}$ 和 Batch 内负样本把它压低——Batch 内压得最狠。',
      en: 'Head-share chart: uniform negatives sit above the dashed truth line; $\\propto$ clicks$^{0.75}$ and in-batch pull it down — in-batch the hardest.',
    },
    {
      zh: '头部 / 长尾与按热度分组的召回率：打压热门物品让长尾召回上升、头部召回下降。整体召回率是升还是降？',
      en: 'Head/tail and by-popularity recall: pushing hot items down raises tail recall and lowers head recall. Does overall recall go up or down?',
    },
    {
      zh: '试试：把指数 α 从 0 拖到 1，看头部占比和长尾召回如何随之变化。',
      en: 'Try: drag the exponent α from 0 to 1 and watch the head share and the tail recall follow.',
    },
    {
      zh: '困难负样本扫描：按“测量缺少的点”，看混合组的召回率随困难负样本比例如何变化（每个点都是一次完整的训练）。',
      en: 'Hard-share sweep: press “Measure the missing points” and see how the mix’s recall moves with the hard share (each point is one full training run).',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——正负样本”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — positive and negative samples”.',
  },
};
