/**
 * Texts of the training-modes lesson: its claim and its page texts (zh original wording of the
 * course notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: "All three modes learn retrieval from the same clicks; they differ in what a gradient pushes: one score towards a label (pointwise), the gap between a positive and a negative (pairwise), or the positive against many negatives at once (listwise). On our default world, on each of seeds 7–9, every mode beats the popular baseline and gets more than 40% of the oracle's recall@50 within 600 steps (50–62% in our runs). No mode wins everywhere: on every one of those seeds pointwise leads on recall@50 (0.27–0.30 in our runs, the other arms 0.24–0.29) with a top-50 of mostly head items (head share 0.85–0.93, against 0.60–0.62 in the held-out clicks), while listwise, which compares each positive with the most negatives, comes closest to the held-out clicks' head share (0.66–0.83 in our runs).",
    zh: '三种方式都从同样的点击中学习召回；区别在于梯度推动的对象：单个分数逼近标签（Pointwise），正负样本的分数差（Pairwise），或一次把正样本和许多负样本放在一起比较（Listwise）。在默认世界的种子 7–9 上，每种方式都胜过热门基线，600 步内达到 Oracle 的 recall@50 的 40% 以上（在我们的运行中为 50%–62%）。没有哪种方式处处最好：在这几个种子上，Pointwise 的 recall@50 都领先（在我们的运行中为 0.27–0.30，其余各组 0.24–0.29），而它召回的前 50 个物品大多是头部物品（头部占比 0.85–0.93，留出点击中为 0.60–0.62）；Listwise 每个正样本与最多的负样本比较，它的头部占比最接近留出点击（在我们的运行中为 0.66–0.83）。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '双塔模型用用户塔把用户 ID 和特征变成向量 $a$，用物品塔把物品 ID 和特征变成向量 $b$，用余弦相似度 $\\cos(a,b)$ 作为兴趣的预估。塔的结构相同，训练方式却有三种：Pointwise 独立看待每个正样本、负样本，做简单的二元分类；Pairwise 每次取一个正样本、一个负样本；Listwise 每次取一个正样本、多个负样本。下面四组（arm）在同一份数据、同样的初始化下同步训练，只有损失函数不同。',
    en: 'A two-tower model maps a user’s ID and features to a vector $a$ with the user tower, an item’s ID and features to a vector $b$ with the item tower, and predicts interest by the cosine similarity $\\cos(a,b)$. The towers are fixed; there are three ways to train them. Pointwise treats every positive and every negative sample on its own, as plain binary classification. Pairwise takes one positive and one negative at a time. Listwise takes one positive and many negatives at a time. The four arms below train in lockstep on identical data from identical initial weights; only the loss differs.',
  },
  sections: [
    {
      arms: ['pointwise'],
      title: { zh: 'Pointwise：独立看待每个样本', en: 'Pointwise: every sample on its own' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '把召回看作二元分类任务。对于正样本，鼓励 $\\cos(a,b)$ 接近 $+1$；对于负样本，鼓励 $\\cos(a,b)$ 接近 $-1$。控制正负样本数量为 1:2 或者 1:3（业界经验）。',
            en: 'Treat retrieval as binary classification. For a positive sample, push $\\cos(a,b)$ towards $+1$; for a negative sample, push $\\cos(a,b)$ towards $-1$. Keep positives to negatives at 1:2 or 1:3 (a rule of thumb from industry).',
          },
        },
        { kind: 'math', tex: 'L = -\\log \\sigma\\!\\left(\\tfrac{\\cos(a,b^+)}{\\tau}\\right) - \\sum_{j=1}^{k} \\log\\!\\left(1-\\sigma\\!\\left(\\tfrac{\\cos(a,b_j^-)}{\\tau}\\right)\\right)' },
        {
          kind: 'p',
          text: {
            zh: '本实验用带温度 $\\tau$ 的二元交叉熵实现；每个正样本配 $k$ 个负样本（控件“Pointwise 每个正样本的负样本数”，默认 2）。',
            en: 'Here it is binary cross-entropy on $\\cos/\\tau$ (temperature $\\tau$), with $k$ negatives per positive (the “Pointwise negatives per positive” knob, 2 by default).',
          },
        },
      ],
    },
    {
      arms: ['pairwise-hinge', 'pairwise-logistic'],
      title: { zh: 'Pairwise：一个正样本，一个负样本', en: 'Pairwise: one positive, one negative' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '每次取一个三元组 $(a, b^+, b^-)$：用户 $a$，正样本物品 $b^+$，负样本物品 $b^-$。基本想法是鼓励 $\\cos(a,b^+)$ 大于 $\\cos(a,b^-)$。如果 $\\cos(a,b^+)$ 大于 $\\cos(a,b^-) + m$，则没有损失；否则，损失等于 $\\cos(a,b^-) + m - \\cos(a,b^+)$。',
            en: 'Each example is a triplet $(a, b^+, b^-)$: user $a$, a positive item $b^+$, a negative item $b^-$. The basic idea: encourage $\\cos(a,b^+)$ to be larger than $\\cos(a,b^-)$. If $\\cos(a,b^+)$ exceeds $\\cos(a,b^-) + m$ there is no loss; otherwise the loss is $\\cos(a,b^-) + m - \\cos(a,b^+)$.',
          },
        },
        { kind: 'p', text: { zh: 'Triplet hinge loss（间隔 $m$）：', en: 'Triplet hinge loss (margin $m$):' } },
        { kind: 'math', tex: 'L(a,b^+,b^-) = \\max\\{0,\\; \\cos(a,b^-) + m - \\cos(a,b^+)\\}' },
        { kind: 'p', text: { zh: 'Triplet logistic loss（$\\sigma>0$ 是超参数，控制曲线的陡峭程度）：', en: 'Triplet logistic loss ($\\sigma > 0$ is a hyper-parameter that sets how steep the curve is):' } },
        { kind: 'math', tex: 'L(a,b^+,b^-) = \\log\\!\\left(1 + \\exp\\!\\big[\\sigma \\cdot \\big(\\cos(a,b^-) - \\cos(a,b^+)\\big)\\big]\\right)' },
        {
          kind: 'p',
          text: {
            zh: 'Hinge 损失在间隔满足之后梯度为零，不再推动这个三元组；Logistic 损失是它的平滑版本，梯度永远不为零，只是越来越小。',
            en: 'The hinge loss has zero gradient once the margin is met and stops pushing that triplet; the logistic loss is its smooth version: its gradient never vanishes, it only shrinks.',
          },
        },
      ],
    },
    {
      arms: ['listwise'],
      title: { zh: 'Listwise：一个正样本，多个负样本', en: 'Listwise: one positive, many negatives' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '一条数据包含：一个用户，特征向量记作 $a$；一个正样本，向量记作 $b^+$；多个负样本，向量记作 $b_1^-, \\dots, b_n^-$。把 $s^+ = \\cos(a,b^+)$ 与 $s_i^- = \\cos(a,b_i^-)$ 一起输入 Softmax，得到 $n+1$ 个概率；标签是 $y = [1, 0, \\dots, 0]$，用交叉熵损失 $-\\log s^+$（这里 $s^+$ 指 Softmax 输出中正样本的那一项）。',
            en: 'One example holds a user (vector $a$), one positive item (vector $b^+$) and many negative items ($b_1^-, \\dots, b_n^-$). Feed $s^+ = \\cos(a,b^+)$ and $s_i^- = \\cos(a,b_i^-)$ together into a softmax to get $n+1$ probabilities; the label is $y = [1, 0, \\dots, 0]$ and the loss is the cross-entropy $-\\log s^+$ (here $s^+$ is the softmax output of the positive).',
          },
        },
        { kind: 'math', tex: 'L = -\\log \\frac{\\exp\\big(\\cos(a,b^+)/\\tau\\big)}{\\exp\\big(\\cos(a,b^+)/\\tau\\big) + \\sum_{i=1}^{n} \\exp\\big(\\cos(a,b_i^-)/\\tau\\big)}' },
        {
          kind: 'p',
          text: {
            zh: '即鼓励 $\\cos(a,b^+)$ 尽量大，鼓励 $\\cos(a,b_1^-), \\dots, \\cos(a,b_n^-)$ 尽量小。本实验中，一个批次内的用户共享同一组 $n$ 个负样本（控件“Listwise 负样本数 n”），温度为 $\\tau$。',
            en: 'That is: make $\\cos(a,b^+)$ as large as possible and $\\cos(a,b_1^-), \\dots, \\cos(a,b_n^-)$ as small as possible. In this lab the users of a batch share one set of $n$ negatives (the “Listwise negatives n” knob), with temperature $\\tau$.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '召回率曲线：四组都应超过热门基线（灰色虚线），并向 Oracle（黑色虚线，按真实兴趣 P(i|u) 排序的上限）靠近。',
      en: 'Recall curves: every arm should pass the popular baseline (grey dashes) and climb towards the oracle (black dashes: ranking by the true P(i|u), the ceiling of this world).',
    },
    {
      zh: '损失曲线的数值尺度各不相同（二元交叉熵、Hinge、Logistic、Softmax），请比较形状，不要比较高度。',
      en: 'Losses live on different scales (binary cross-entropy, hinge, logistic, softmax): compare their shapes, not their heights.',
    },
    {
      zh: '头部与长尾：热门物品的点击更多，模型容易偏向它们。比较各组召回结果中头部物品的占比与真实点击中的占比（虚线）。',
      en: 'Head and tail: popular items have more clicks, and models tend to lean on them. Compare each arm’s share of head items in its top-50 with the share in the real held-out clicks (dashed line).',
    },
    {
      zh: '试试：把学习率调到很大，看哪一组发散；把 Hinge 的间隔 m 调到 0；把 Listwise 的负样本数 n 调小。',
      en: 'Try: a very large learning rate (which arm diverges?), a hinge margin m of 0, a small listwise n.',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——模型和训练”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — model and training”.',
  },
};
