/**
 * Texts of the bias-correction lesson: its claim and its page texts (zh after the wording of the
 * course notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'With in-batch negatives an item is a negative as often as it is clicked: p_i ∝ clicks. Hot items are pushed down far more than their relevance deserves, and the retrieved set drifts to the tail. Training on the logit cos(a, b_i)/τ − log p_i cancels that, and serving ranks by plain cos(a, b_i): the correction belongs to the sampling of training, not to the user. p_i need not be known: a streaming estimator learns it from the gaps between sightings of each item. It starts far off (every item at p̂ = 1/B₀) and its error falls over hundreds of steps. In our runs (seeds 7–9, 600 steps) it corrected about as well as the true p on recall@50 (0.30–0.32 against 0.29–0.30; plain in-batch 0.13), but left more head items in the top-50 (head share 0.82–0.83 against 0.72–0.74; held-out clicks 0.60–0.62).',
    zh: '使用 Batch 内负样本时，物品成为负样本的频率与其被点击的频率相同：p_i ∝ 点击次数。热门物品被打压得远超其相关性应得的程度，召回结果偏向长尾。训练时用 logit cos(a, b_i)/τ − log p_i 抵消这一偏差，线上召回仍用 cos(a, b_i) 排序：纠偏针对的是训练时的抽样，而不是用户。p_i 不必预先知道：流式频率估计从每个物品两次出现之间的间隔学到它。它开始时偏差很大（每个物品都是 p̂ = 1/B₀），误差要经过几百步才降下来。在我们的运行中（种子 7–9，600 步），它在 recall@50 上的纠偏效果与真实 p 相当（0.30–0.32 对 0.29–0.30；不纠偏的 Batch 内为 0.13），但前 50 个结果中留下了更多头部物品（头部占比 0.82–0.83 对 0.72–0.74；留出点击中为 0.60–0.62）。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: 'Batch 内负样本很省事：一个 batch 里有 $n$ 个正样本，每个用户和其余 $n-1$ 个物品组成负样本。但一个物品出现在 batch 内的概率 $p_i \\propto$ 点击次数，热门物品成为负样本的概率过大，被过度打压。纠偏的做法：训练时把 logit $\\cos(a,b_i)/\\tau$ 换成 $\\cos(a,b_i)/\\tau - \\log p_i$；线上召回时仍用 $\\cos(a,b_i)$ 排序。$p_i$ 不必事先知道，可以在训练中流式估计。下面三组都用 Batch 内 Softmax 训练，只有纠偏方式不同。',
    en: 'In-batch negatives come for free: a batch holds $n$ positives, and each user paired with the other $n-1$ items gives negatives. But an item is in a batch with probability $p_i \\propto$ its clicks, so hot items are negatives far too often and get over-punished. The fix: in training, replace the logit $\\cos(a,b_i)/\\tau$ by $\\cos(a,b_i)/\\tau - \\log p_i$; at serving, still rank by $\\cos(a,b_i)$. $p_i$ need not be known in advance: it can be estimated while training, from the stream of batches. The three arms below all train with the in-batch softmax; only the correction differs.',
  },
  sections: [
    {
      arms: ['in-batch'],
      title: { zh: 'Batch 内负样本：热门物品被过度打压', en: 'In-batch: hot items over-punished' },
      blocks: [
        { kind: 'p', text: { zh: '对 batch 中的第 $i$ 个用户 $a_i$，正样本是 $b_i$，负样本是其余的 $b_j$：', en: 'For user $a_i$ of the batch the positive is $b_i$ and the negatives are the other $b_j$:' } },
        { kind: 'math', tex: 'L_i = -\\log \\frac{\\exp\\big(\\cos(a_i,b_i)/\\tau\\big)}{\\sum_{j=1}^{n} \\exp\\big(\\cos(a_i,b_j)/\\tau\\big)}' },
        {
          kind: 'p',
          text: {
            zh: '负样本的分布就是点击分布（$\\alpha = 1$），而理想的负样本分布更平（业界常用 $\\propto$ 点击次数$^{0.75}$）。不做纠偏时，模型学到的近似是 $\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u) - \\log p_i$：热度被从分数里整个扣掉，召回结果远离头部。',
            en: 'The negatives follow the clicks exactly ($\\alpha = 1$), where a flatter distribution is wanted (industry uses $\\propto$ clicks$^{0.75}$). Uncorrected, the model learns roughly $\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u) - \\log p_i$: popularity is taken out of the score altogether, and the retrieved set moves far from the head.',
          },
        },
      ],
    },
    {
      arms: ['logq'],
      title: { zh: 'logQ 纠偏：训练时减去 log p，线上不减', en: 'logQ: subtract log p in training, not at serving' },
      blocks: [
        { kind: 'p', text: { zh: '训练时，每个物品的 logit 减去它进入 batch 的概率的对数：', en: 'In training, each item’s logit is lowered by the log of its chance to be in a batch:' } },
        { kind: 'math', tex: 'L_i = -\\log \\frac{\\exp\\big(\\cos(a_i,b_i)/\\tau - \\log p_i\\big)}{\\sum_{j=1}^{n} \\exp\\big(\\cos(a_i,b_j)/\\tau - \\log p_j\\big)}' },
        {
          kind: 'p',
          text: {
            zh: '减去的 $\\log p_j$ 正好抵消“热门物品更常被抽成负样本”的偏差，于是 $\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u)$，学到的是用户真实的兴趣（包括对热门物品的合理偏好）。线上召回用 $\\cos(a,b_i)$ 排序，不再减 $\\log p_i$：修正的是训练时负样本的抽样偏差，而线上没有抽样；如果线上也减，热门物品就被扣了两次。本组用真实的 $p_i = 1-(1-c_i/N)^{B}$（$c_i$：点击次数，$N$：总点击数，$B$：批大小）。',
            en: 'The subtracted $\\log p_j$ cancels exactly the bias of hot items being drawn as negatives more often, so $\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u)$: the model learns the user’s real interest (a fair liking for hot items included). Serving ranks by $\\cos(a,b_i)$ and does not subtract $\\log p_i$: the correction undoes a sampling bias of the training negatives, and serving samples nothing; subtracting there as well would punish hot items twice. This arm uses the true $p_i = 1-(1-c_i/N)^{B}$ ($c_i$: the item’s clicks, $N$: all clicks, $B$: the batch size).',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '注意 $\\log p$ 减在 $\\cos/\\tau$ 上，而不是减在 $\\cos$ 上：温度 $\\tau$ 越大，余弦能表达的 logit 范围（$\\pm 1/\\tau$）越窄，越难吸收热门与冷门之间好几个单位的 $\\log p$ 差距。用下方的温度扫描看 $\\tau$ 的影响。',
            en: 'Note that $\\log p$ is subtracted from $\\cos/\\tau$, not from $\\cos$: the larger the temperature $\\tau$, the narrower the range of logits the cosine can express ($\\pm 1/\\tau$), and the harder it is to absorb the several units of $\\log p$ between hot and cold items. The temperature sweep below shows what $\\tau$ does.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: 'logQ 纠正的是负样本的抽样方式，而不是正样本背后的曝光偏差。如果训练日志本身就因为上一代推荐系统更多地展示热门物品而偏向它们（世界参数“日志的曝光偏差 γ”：训练日志中的点击多带一个因子 $\\pi_i^{\\gamma}$，$\\pi_i$ 是物品的真实热度；留出点击仍按真实兴趣产生），那么用真实 $p$ 做 logQ 学到的是这份有偏的日志本身（$\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u) + \\gamma\\log \\pi_i$），并不会消除这一偏差。这种偏差不在笔记所讲的 logQ 纠偏的范围之内。',
            en: 'logQ corrects how the negatives are sampled, not an exposure bias behind the positives. If the training log itself over-represents popular items because the previous recommender showed them more (the world knob “Exposure bias γ of the log”: a click in the training log carries an extra factor $\\pi_i^{\\gamma}$, $\\pi_i$ being the item’s true popularity, while held-out clicks follow the true preference), logQ with the true $p$ learns that biased log faithfully ($\\cos(a,b_i)/\\tau \\approx \\log P(i\\mid u) + \\gamma\\log \\pi_i$) and does not undo it. That bias is outside the scope of the logQ correction in the notes.',
          },
        },
      ],
    },
    {
      arms: ['logq-streaming'],
      title: { zh: '流式频率估计（Yi et al. 2019）', en: 'Streaming frequency estimation (Yi et al. 2019)' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '线上训练时物品库和点击分布不断变化，$p_i$ 无法事先算好。做法：把物品 ID 哈希到两个数组，$A$ 记录上次见到该物品的步数，$B$ 记录两次出现之间的平均间隔。第 $t$ 步见到物品 $i$ 时：',
            en: 'In production the catalogue and the click distribution keep changing, so $p_i$ cannot be computed in advance. Instead, hash item ids into two arrays: $A$ holds the step the item was last seen, $B$ the mean gap between sightings. When item $i$ shows up at step $t$:',
          },
        },
        { kind: 'math', tex: '\\begin{aligned} B[h(i)] &\\leftarrow (1-\\alpha)\\,B[h(i)] + \\alpha\\,\\big(t - A[h(i)]\\big) \\\\ A[h(i)] &\\leftarrow t \\\\ \\hat p_i &= 1 / B[h(i)] \\end{aligned}' },
        {
          kind: 'p',
          text: {
            zh: '一个平均每 $B$ 步出现一次的物品，进入 batch 的概率约为 $1/B$。$B$ 的初始值是 100（所有物品一开始都估计为 $\\hat p = 0.01$），所以估计一开始偏得很远，要经过几百步才收敛；冷门物品出现得少，收敛得更慢。步长 $\\alpha$（控件“估计器步长 α”）越大，跟得越快，但估计也越抖。训练时用 $\\log \\hat p_i$ 代替 $\\log p_i$。',
            en: 'An item seen once every $B$ steps on average is in a batch with probability about $1/B$. $B$ starts at 100 (every item starts at $\\hat p = 0.01$), so the estimate starts far off and converges over hundreds of steps; cold items are seen rarely and converge later. A larger step $\\alpha$ (the “Estimator step α” knob) follows faster but stays noisier. Training uses $\\log \\hat p_i$ in place of $\\log p_i$.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '头部占比图：不纠偏的 Batch 内组远低于虚线（真实值）——热门物品被过度打压；两个 logQ 组把它拉向真实值（在我们的运行中还越过了它：不纠偏 0.18，真实 p 0.72–0.74，流式估计 0.82–0.83，留出点击 0.60–0.62）。',
      en: 'Head-share chart: the plain in-batch arm sits far below the dashed truth line — hot items over-punished; both logQ arms bring it back towards the truth (in our runs past it: 0.18 uncorrected, 0.72–0.74 with the true p, 0.82–0.83 streaming, 0.60–0.62 in the held-out clicks).',
    },
    {
      zh: '按热度分组的召回率：不纠偏时，最热门几组物品的召回率往往很低；纠偏后看头部召回是否恢复、整体召回率是否随之上升，长尾又付出了多少。',
      en: 'Recall by popularity bucket: uncorrected, the hottest buckets tend to be poorly retrieved; corrected, does head recall come back, does overall recall rise with it, and what does the tail pay?',
    },
    {
      zh: '估计器误差：一开始误差很大（$\\hat p = 0.01$ 的初始猜测），几百步后才降下来。把 α 调小（如 0.005）或调大（如 0.3），看收敛的快慢与最终的抖动。',
      en: 'Estimator error: large at first (the starting guess $\\hat p = 0.01$), down only after hundreds of steps. Try a small α (e.g. 0.005) or a large one (e.g. 0.3): how fast does it converge, and how noisy does it stay?',
    },
    {
      zh: '温度扫描：按“测量缺少的点”，比较不同 $\\tau$ 下三组的召回率和头部占比（每个点都是一次完整的训练）。',
      en: 'Temperature sweep: press “Measure the missing points” and compare the three arms’ recall and head share across $\\tau$ (each point is one full training run).',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——正负样本”一讲的笔记；流式频率估计见 Yi et al., “Sampling-Bias-Corrected Neural Modeling for Large Corpus Item Recommendations”, RecSys 2019。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — positive and negative samples”; streaming frequency estimation from Yi et al., “Sampling-Bias-Corrected Neural Modeling for Large Corpus Item Recommendations”, RecSys 2019.',
  },
};

/** The estimator panel's words. */
export const panelText = {
  estimatorChart: { en: 'Streaming estimator: error of p̂ over steps', zh: '流式频率估计：p̂ 的误差随步数的变化' },
  estimatorNote: {
    en: 'Mean |p̂ − p| over the items with clicks, p = the true chance to be in a batch. Step 0: p̂ = 1/B₀ = 1/100 for every item. Dashed: the mean true p, for scale.',
    zh: '对有点击的物品取 |p̂ − p| 的平均，p 为物品进入一个 batch 的真实概率。第 0 步：所有物品 p̂ = 1/B₀ = 1/100。虚线：真实 p 的平均值，作为尺度参照。',
  },
  estimatorOff: { en: 'Switch on the “logQ, streaming p̂” arm to see its estimator.', zh: '打开“logQ（流式估计 p̂）”组即可看到估计器。' },
  meanTrueP: { en: 'mean true p', zh: '真实 p 的平均' },
} satisfies Record<string, Text>;

/** What to look for on the embedding map (measured: seed 7, default world, 600 steps). */
export const embeddingHint: Text = {
  en: 'Colour by head / tail and switch the arm. Plain in-batch packs the hot items together: in our run (seed 7, default world, 600 steps) two head items had a mean cosine of 0.36, two tail items 0.20. With logQ (true p) the head spreads out over the map: 0.22 for two head items, 0.06 for two tail items. The caption over the map shows these numbers for the arm and step you are looking at.',
  zh: '按“头部 / 长尾”着色并切换实验组。不纠偏的 Batch 内负样本把热门物品挤在一起：在我们的运行中（种子 7，默认世界，600 步），两个头部物品的平均余弦为 0.36，两个长尾物品为 0.20。用 logQ（真实 p）后，头部在图上散开：两个头部物品为 0.22，两个长尾物品为 0.06。地图上方的说明给出当前实验组和步数下的这些数值。',
};
