/**
 * Texts of the negatives lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Easy negatives drawn uniformly are mostly cold items, so the model learns "hot beats cold" and retrieves the head. Drawing them ∝ (clicks+1)^0.75 makes hot items frequent negatives and pulls them down: the retrieved set moves to the tail and cold items are found far more often, but on an unbiased log overall recall drops — a trade-off, not a free win; once the log over-represents what the old recommender showed (exposure bias γ), the same debiasing wins recall. In-batch negatives follow the clicks exactly (∝ clicks^1) and over-punish hot items even more. Hard negatives are items the pipeline retrieved and then cut — by pre-ranking (fairly hard) or at the low end of ranking (very hard). Where that cut lies beyond the top-K retrieval is judged on, as in production, mixing them 50/50 with easy negatives beats the easy negatives alone; taken from inside the top-K they are the user’s next clicks and cost recall.',
    zh: '均匀抽样的简单负样本大多是冷门物品，模型学到的是“热门胜过冷门”，召回偏向头部。按 (点击次数+1) 的 0.75 次方抽样，让热门物品常常成为负样本、被打压：召回结果移向长尾，冷门物品被找到的次数大幅增加；但在无偏的日志上整体召回率下降——这是权衡，不是白捡的好处；而当日志高估了上一代推荐系统展示过的物品（曝光偏差 γ）时，同样的纠偏就能赢得召回率。Batch 内负样本完全服从点击分布（∝ 点击次数^1），对热门物品的打压更重。困难负样本是被召回、又被淘汰的物品——被粗排淘汰（比较困难）或在精排中排在后面（非常困难）。当淘汰发生在召回被评判的前 K 名之外（和线上系统一样），把它们与简单负样本 50/50 混合，胜过只用简单负样本；若取自前 K 名之内，它们就是用户接下来会点击的物品，反而降低召回率。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '召回的目标是从海量物品中快速找到用户可能感兴趣的物品。负样本告诉模型“用户对什么不感兴趣”。未被召回的物品，大概率是用户不感兴趣的；未被召回的物品约等于全体物品，所以可以从全体物品中抽样作为负样本（简单负样本）。另外两种来源：Batch 内负样本（同一批次里别人的正样本），以及困难负样本（被召回、但被排序淘汰的物品）。下面四组都用 Listwise（Softmax）训练，只有负样本的来源不同。三个抽样组每个正样本配 5 个负样本；Batch 内组的负样本是批次中其余的全部正样本——批大小 256 时每行 255 个，多了 50 倍，比较各组时请记住这一点。',
    en: 'Retrieval must quickly find, among a huge catalogue, the items a user might like. Negatives tell the model what the user does not care for. An item that was not retrieved is most likely one the user does not care for, and “not retrieved” is nearly the whole catalogue, so negatives can be drawn from all items (easy negatives). Two other sources: in-batch negatives (the other rows’ positives in the same batch) and hard negatives (items that were retrieved but ranked out by the ranking stage). The four arms below all train listwise (softmax); only where the negatives come from differs. The three sampled arms pair each positive with 5 negatives; the in-batch arm uses all the batch’s other positives — 255 per row at batch size 256, fifty times as many: keep that in mind when comparing them.',
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
        { kind: 'math', tex: 'q_i \\;\\propto\\; (\\text{clicks}_i + 1)^{\\alpha}, \\qquad \\alpha = 0.75' },
        {
          kind: 'p',
          text: {
            zh: '（加 1 让没有训练点击的物品也能被抽到。）$\\alpha = 0$ 即均匀抽样，$\\alpha = 1$ 与 Batch 内负样本相同。不做纠偏时，Softmax 学到的分数近似为 $\\log P(i\\mid u) - \\log q_i$：$\\alpha$ 越大，从分数中扣掉的热度越多，召回结果越偏向长尾。这能帮助冷门物品，但留出点击本身偏向热门物品，扣得太多会损失整体召回率——这是权衡，不是单一的赢家（控件“点击次数的指数 α”）。我们的测量（种子 7–9，无偏日志）：∝ 点击次数$^{0.75}$ 比均匀抽样头部占比低 0.45–0.49，长尾召回高 0.075–0.090，整体 Recall@50 低 0.112–0.128。',
            en: '(The +1 lets items without training clicks be drawn too.) $\\alpha = 0$ is uniform sampling and $\\alpha = 1$ matches in-batch negatives. Without correction a softmax learns scores close to $\\log P(i\\mid u) - \\log q_i$: the larger $\\alpha$, the more popularity is taken out of the score and the further the retrieved set moves to the tail. That helps cold items, but the held-out clicks themselves favour hot items, so taking out too much costs overall recall — a trade-off, not a single winner (the “Exponent α of clicks^α” knob). What we measured (seeds 7–9, unbiased log): ∝ clicks$^{0.75}$ has a head share 0.45–0.49 lower than uniform, tail recall 0.075–0.090 higher and overall recall@50 0.112–0.128 lower.',
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
            zh: '在本实验的世界里，每个用户都走一遍笔记中的漏斗（最后一个训练日）：召回按真实兴趣加噪声返回 $2N$ 个候选，粗排（噪声更小）保留 $N$ 个，精排（噪声最小）给它们排序并展示前 10 个。被粗排淘汰的 $N$ 个是“比较困难”的负样本，精排排在后一半的是“非常困难”的。控件“困难负样本比例”决定混合中困难负样本的份额，“非常困难的比例”决定其中两种的份额，其余是 $\\propto$ (点击次数+1)$^{\\alpha}$ 的简单负样本。控件“粗排保留数” $N$ 移动截断的位置（默认 200）。',
            en: 'In this lab’s world every user goes through the notes’ funnel (on the last training day): retrieval returns $2N$ candidates by true interest plus noise, pre-ranking (less noise) keeps $N$, ranking (least noise) orders those and shows the first 10. The $N$ items pre-ranking cut are the “fairly hard” negatives; the low half of ranking the “very hard”. The “Share of hard negatives” knob sets their share of the mix, “Very hard among the hard” splits it between the two kinds, and the rest are easy negatives $\\propto$ (clicks+1)$^{\\alpha}$. The “Pre-ranking keeps” knob $N$ moves the cut (default 200).',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '截断在哪里决定了困难负样本是帮忙还是添乱。线上系统从上亿物品中保留数千个，淘汰的物品远在召回被评判的前 K 名之外：它们“用户可能感兴趣，但是不够感兴趣”。默认设置下（$N = 200$），只有 0.3% 的困难负样本落在用户真实兴趣的前 50 名内；我们的测量（种子 7–9）：50/50 混合比只用它自己的简单负样本 Recall@50 高 0.032–0.061。把 $N$ 调到 25，困难负样本有 35% 落在前 50 名内——它们就是用户接下来会点击的物品（和“错误的负样本”一课是同一个陷阱）：混合反而低 0.061–0.074。下方“截断”扫描图逐点训练，显示这一转折。注意：在无偏日志上，均匀抽样组的整体召回率仍最高（它多召回头部，而留出点击六成在头部），混合组比它低 0.063–0.081。',
            en: 'Where the cut lies decides whether hard negatives help or hurt. Production keeps thousands out of hundreds of millions, so what is cut lies far beyond the top-K retrieval is judged on: items the user “may like, just not enough”. At the defaults ($N = 200$) only 0.3% of the hard negatives are in the user’s true top-50, and in our runs (seeds 7–9) the 50/50 mix beats its own easy negatives alone by 0.032–0.061 recall@50. Set $N$ to 25 and 35% of them are in the true top-50 — they are the user’s next clicks (the trap of the “Wrong negatives” lesson) — and the mix loses 0.061–0.074 instead. The “cut” sweep below trains one point at a time to show the turn. Note: on an unbiased log the uniform arm still has the highest overall recall (it retrieves more head items, and six in ten held-out clicks are on the head); the mix is 0.063–0.081 below it.',
          },
        },
      ],
    },
    {
      arms: ['uniform', 'pop-0.75'],
      title: { zh: '什么时候纠偏划算：曝光偏差', en: 'When debiasing pays: exposure bias' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '真实的点击日志是上一代推荐系统的产物：它更多地展示热门物品，热门物品因此得到超出用户真实兴趣的点击。控件“日志的曝光偏差 γ”模拟这一点：训练点击的概率多乘一个 $\\pi_i^{\\gamma}$（$\\pi_i$ 为真实热度），留出点击仍服从真实兴趣。$\\gamma = 0$ 时日志无偏，打压热门是权衡；我们的测量（种子 7–9）：$\\propto$ 点击次数$^{0.75}$ 减均匀抽样的 Recall@50 在 $\\gamma = 0$ 时为 −0.112 至 −0.128，在 $\\gamma = 1$ 时为 +0.020 至 +0.038——日志越偏，纠偏越划算。下方的“曝光偏差”扫描图逐点训练两组。',
            en: 'A real click log is the product of the previous recommender: it showed hot items more, so they got clicks beyond what users truly prefer. The “Exposure bias γ of the log” knob simulates that: a training click’s probability carries an extra factor $\\pi_i^{\\gamma}$ ($\\pi_i$ the true popularity), while held-out clicks follow the true preference. At $\\gamma = 0$ the log is unbiased and pushing hot items down is a trade-off. In our runs (seeds 7–9), recall@50 of $\\propto$ clicks$^{0.75}$ minus uniform is −0.112 to −0.128 at $\\gamma = 0$ and +0.020 to +0.038 at $\\gamma = 1$: the more biased the log, the more debiasing pays. The “exposure bias” sweep below trains both arms at each γ.',
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
      zh: '截断扫描：按“测量缺少的点”，看粗排保留数 $N$ 从 25 到 400 时混合组的召回率如何变化，并与 pop 组比较（每个点都是一次完整的训练）。',
      en: 'Cut sweep: press “Measure the missing points” and see the mix’s recall as pre-ranking keeps $N$ = 25 … 400, against the pop arm (each point is one full training run).',
    },
    {
      zh: '曝光偏差扫描：γ 从 0 到 1.5 时，两组的召回率在哪里交叉？',
      en: 'Exposure-bias sweep: where do the two arms’ recall lines cross as γ goes from 0 to 1.5?',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——正负样本”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — positive and negative samples”.',
  },
};
