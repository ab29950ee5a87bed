/**
 * Texts of the self-supervision lesson: its summary and claim, its page texts (zh after the
 * wording of the course notes, en written for this lab) and the words of its panels. Inline math
 * as $…$, display math in `math` blocks. Numbers quoted here were measured with
 * `npm run -s lab -- run self-supervision --repeats 3 [--clicks N]` (seeds 7–9, the lesson's
 * defaults otherwise); test/science/self-supervision.test.ts prints them.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  summary: {
    en: 'A contrastive loss between two augmented views of an item, on items drawn uniformly: it helps tail items when clicks are scarce.',
    zh: '对物品做数据增强、让同一物品的两个视图彼此接近（物品均匀抽样）：点击稀少时，它帮助长尾物品。',
  } satisfies Text,

  claim: {
    en: 'Self-supervision helps tail items relatively more than head items when clicks are scarce: on the default world (about 5 clicks per user) the SSL arms raise tail recall@50 by +23% to +57% against the baseline while head recall moves by −1% to −5% (mean of 3 seeds). The gain comes mostly from making item vectors depend on features rather than on barely trained ID embeddings; it shrinks and reverses as clicks grow (at 20 clicks per user SSL lowers tail recall), and overall recall is about unchanged.',
    zh: '点击稀少时，自监督对长尾物品的帮助相对大于对头部物品：在默认世界（人均约 5 次点击）里，自监督组的长尾 recall@50 比基线提高 +23% 到 +57%，头部变化 −1% 到 −5%（3 个种子的平均）。收益主要来自让物品向量由特征而不是几乎没训练过的 ID embedding 决定；点击越多收益越小，直至反转（人均 20 次点击时自监督降低长尾召回率），整体召回率基本不变。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '推荐系统的头部效应严重：少部分物品占据了大部分点击，大部分物品的点击次数不高。长尾物品的点击太少，双塔模型学不好它们的向量表征。自监督学习（Yao et al. 2021）对物品做数据增强，得到同一物品的两个视图，让物品塔把它们映射到相近的向量、把不同物品的向量推远，从而更好地学习长尾物品的向量。关键在于：自监督任务只用物品的特征，不用点击——一个冷门物品的特征和热门物品一样完整。下面四组的主任务完全相同（Batch 内负样本的 Softmax，加 logQ 纠偏），三个自监督组只是数据增强的方法不同。',
    en: 'Recommendation has a strong head effect: a few items take most clicks, and most items get few. Tail items have too few clicks for the two-tower model to learn good vectors for them. Self-supervised learning (Yao et al. 2021) augments each item into two views and asks the item tower to map the two views of the same item close together and the views of different items apart — a better vector for tail items. The key: the self-supervised task uses only the item’s features, never clicks, and a cold item’s features are as complete as a hot item’s. The four arms below share the very same main task (in-batch softmax with logQ correction); the three SSL arms differ only in how an item is augmented.',
  },
  sections: [
    {
      title: { zh: '自监督任务：同一物品的两个视图', en: 'The self-supervised task: two views of one item' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '从全体物品中均匀抽样 $m$ 个物品（不是按点击次数抽样——否则抽到的又是热门物品，帮不了长尾）。对第 $i$ 个物品做两次不同的特征变换，得到两个视图，都输入同一个物品塔，得到向量 $b_i\'$ 和 $b_i\'\'$。同一物品的两个向量应有较高的相似度，不同物品的向量相似度应较低：',
            en: 'Draw $m$ items uniformly from the whole catalogue (not by clicks — that would pick hot items again and do nothing for the tail). Transform the $i$-th item’s features in two different ways to get two views, pass both through the same item tower, and get vectors $b_i\'$ and $b_i\'\'$. The two vectors of one item should be similar, those of different items dissimilar:',
          },
        },
        {
          kind: 'math',
          tex: "L_{\\text{self}} \\;=\\; -\\frac{1}{m}\\sum_{i=1}^{m} \\log \\frac{\\exp\\!\\big(\\cos(b_i', b_i'')/\\tau'\\big)}{\\sum_{j=1}^{m}\\exp\\!\\big(\\cos(b_i', b_j'')/\\tau'\\big)}",
        },
        {
          kind: 'p',
          text: {
            zh: '也就是对每个物品 $i$，在这批 $m$ 个物品的 $b_j\'\'$ 上做 Softmax，要求它选中自己的另一个视图（交叉熵）。训练时把它和主任务加在一起，用梯度下降同时更新两个塔：',
            en: 'That is, for each item $i$ a softmax over the batch’s $m$ vectors $b_j\'\'$ must pick its own other view (cross-entropy). In training it is added to the main task, and gradient descent updates both towers together:',
          },
        },
        {
          kind: 'math',
          tex: "L \\;=\\; \\underbrace{-\\frac{1}{n}\\sum_{i=1}^{n}\\log\\frac{\\exp\\!\\big((\\cos(a_i,b_i)-\\log p_i)/\\tau\\big)}{\\sum_{j=1}^{n}\\exp\\!\\big((\\cos(a_i,b_j)-\\log p_j)/\\tau\\big)}}_{L_{\\text{main}}:\\ \\text{in-batch softmax, logQ}} \\;+\\; \\alpha\\cdot L_{\\text{self}}",
        },
        {
          kind: 'p',
          text: {
            zh: '主任务的 $n$ 个（用户，物品）对来自点击，$p_j$ 是物品 $j$ 出现在 batch 中的概率（logQ 纠偏，见“纠偏：logQ”一课）；自监督任务的 $m$ 个物品均匀抽样。$\\alpha$ 是自监督任务的权重（控件“自监督权重 α”），$\\tau\'$ 是它的温度。$\\alpha$ 取多大要靠实验：自监督任务只要求两个视图一致，并不关心用户喜欢什么，所以笔记提醒，权重太大会挤占主任务。下方的 α 扫描图逐点训练，看它在这个世界里实际做了什么（结果见下文“这个世界里看到了什么”）。',
            en: 'The main task’s $n$ (user, item) pairs come from clicks, and $p_j$ is item $j$’s chance of being in a batch (logQ correction, see the “Bias correction: logQ” lesson); the SSL task’s $m$ items are drawn uniformly. $\\alpha$ weighs the self-supervised task (the “SSL weight α” knob) and $\\tau\'$ is its temperature. How much to weigh it is an empirical question: the SSL task only asks two views to agree and knows nothing of what users like, so the notes warn that too much of it crowds out the main task. The α sweep below trains one point at a time so you can see what it does in this world (what we found is under “What this world shows”).',
          },
        },
      ],
    },
    {
      arms: ['ssl-rfm'],
      title: { zh: '随机遮挡：互补切分', en: 'Random masking: a complementary split' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '随机选一些离散特征（例如类目）把它们遮住：特征被遮住后，换成该特征的默认向量（例如 $\\mathcal{U}=\\{\\text{数码},\\text{摄影}\\}$ 遮挡后变成 $\\mathcal{U}\'=\\{\\text{default}\\}$）。互补特征：假设物品一共 4 种特征（ID、类目、关键词、城市），随机分成两组 {ID，关键词} 和 {类目，城市}，一个视图只保留第一组、另一个视图只保留第二组——两个视图的信息互不重叠，却要得到相似的向量，物品塔就必须学会特征之间的联系。本实验的随机遮挡组就是这样：每个物品的全部字段（包括 ID）随机对半分给两个视图。',
            en: 'Pick some discrete features (e.g. the category) at random and mask them: a masked feature takes the field’s default embedding (e.g. $\\mathcal{U}=\\{\\text{digital},\\text{photo}\\}$ becomes $\\mathcal{U}\'=\\{\\text{default}\\}$). Complementary features: say an item has 4 features (ID, category, keywords, city); split them at random into {ID, keywords} and {category, city}, and let one view keep only the first group and the other only the second. The views share no information yet must map to similar vectors, so the tower has to learn how features go together. This lab’s random-masking arm does exactly that: each item’s fields (the ID included) are split at random in half between the two views.',
          },
        },
      ],
    },
    {
      arms: ['ssl-dropout'],
      title: { zh: 'Dropout：多值特征', en: 'Dropout of a multi-valued feature' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '一个物品可以有多个标签（多值离散特征）。Dropout 随机丢弃特征中 50% 的值，例如 $\\mathcal{U}=\\{\\text{美妆},\\text{摄影}\\}$ 丢弃后变成 $\\mathcal{U}\'=\\{\\text{美妆}\\}$。在本实验中，每个视图独立地以“标签 Dropout 比例”丢弃每个标签，其余特征两个视图都保留；物品 ID 随机放在其中一个视图里。',
            en: 'An item can carry several tags (a multi-valued discrete feature). Dropout drops 50% of the feature’s values at random, e.g. $\\mathcal{U}=\\{\\text{beauty},\\text{photo}\\}$ becomes $\\mathcal{U}\'=\\{\\text{beauty}\\}$. Here each view drops each tag independently with the “Tag dropout rate”; every other feature stays in both views, and the item ID goes into one of the two views at random.',
          },
        },
      ],
    },
    {
      arms: ['ssl-cfm'],
      title: { zh: '按互信息遮挡关联特征', en: 'Correlated feature masking, by mutual information' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '随机遮挡会把关联很强的特征拆开：如果“类目”留在一个视图、“子类目”留在另一个，两个视图仍然很容易对上，任务太简单。关联特征遮挡离线计算特征两两之间的互信息（mutual information）',
            en: 'Random masking splits strongly related features: if “category” lands in one view and “subcategory” in the other, the two views still match easily and the task is too easy. Correlated feature masking computes, offline, the mutual information of every pair of features',
          },
        },
        {
          kind: 'math',
          tex: 'MI(\\mathcal{U},\\mathcal{V}) \\;=\\; \\sum_{u\\in\\mathcal{U}}\\sum_{v\\in\\mathcal{V}} p(u,v)\\cdot\\log\\frac{p(u,v)}{p(u)\\,p(v)}',
        },
        {
          kind: 'p',
          text: {
            zh: '设一共有 $k$ 种特征。每个 batch 随机选一个特征作为种子，找出与种子互信息最高的 $k/2$ 种特征，把种子和这 $k/2$ 种特征一起遮挡（视图 $b\'$），保留其余特征；另一个视图反过来。这样关联强的特征总在同一侧，模型要从无关的另一半特征去推断它们。上方的热力图就是当前世界的物品特征互信息矩阵（在全体物品上计算，不按点击加权）。代价：算法复杂，实现和维护都难。',
            en: 'Say there are $k$ features. Each batch picks one feature at random as the seed, finds the $k/2$ features with the highest MI with it, and masks the seed together with them in one view ($b\'$), keeping the rest; the other view does the opposite. Related features always end up on the same side, and the tower must infer them from the unrelated half. The heatmap on this page is the MI matrix of this world’s item features (over the whole catalogue, not weighted by clicks). The price: the method is complex to build and to maintain.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '物品 ID 怎么办？ID 与任何特征的互信息都是最高的：ID 决定了物品的全部特征，所以它与每个特征的互信息就等于该特征的全部熵。如果让 ID 参与排序，它几乎会出现在每个种子的关联集合里，“最相关的特征”永远是 ID。本实验的选择：ID 不参与互信息排序（热力图中 ID 一行为灰色，只作对照）；在每种增强里，ID 都恰好只出现在两个视图中的一个。两个视图都有 ID，只凭 ID 就能把它们对上，学不到特征的任何东西；两个都没有，主任务几乎没训练过的长尾物品 ID 向量就永远不会被拉向其特征所表达的位置。只在一侧，任务就变成“ID 加部分特征”与“其余特征”要一致——这正是长尾物品需要的。',
            en: 'What about the item ID? The ID has the highest possible MI with every other feature: it determines all of an item’s features, so its MI with each equals that feature’s whole entropy. Ranked with the others, it would sit in nearly every seed’s correlated set — a seed’s “most related feature” would always be the ID. This lab’s choice: the ID takes no part in the MI ranking (its row is grey in the heatmap, shown for reference only), and under every augmentation the ID is kept in exactly one of the two views. In both, the views could be matched by the ID alone and nothing would be learned about features; in neither, a tail item’s ID embedding — which the main task barely trains — would never be pulled towards what its features say. In one, the task asks “ID plus some features” and “the other features” to agree, which is what a tail item needs.',
          },
        },
      ],
    },
    {
      title: { zh: '数据越稀疏，自监督越有用', en: 'The sparser the data, the more SSL helps' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: 'Yao et al. 发现，数据越稀疏，收益越大（Wikipedia 数据上 R@10：用全部数据 +6%，只用 10% 的数据 +21%）。道理很直接：当长尾物品也有很多点击时，它们的 ID 向量已经能被主任务训练好，自监督没什么可补充的。所以数据稀疏程度是本课的一个控件（“人均点击”，即每个用户的平均训练点击数），稀疏度扫描图在不同的人均点击下各生成一个新世界、从头训练基线和关联特征遮挡组，画出长尾召回的相对增益。',
            en: 'Yao et al. found the gain grows as data gets sparser (Wikipedia R@10: +6% with all data, +21% with 10% of it). The reason is plain: when tail items have many clicks, the main task trains their ID embeddings well and SSL has little to add. So data sparsity is a knob of this lesson (“Clicks per user”, the mean number of training clicks per user), and the sparsity sweep generates a new world at each value, trains the baseline and correlated masking afresh, and plots the relative gain in tail recall.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '因此本课默认的世界是稀疏的：人均约 5 次训练点击（其他课程默认 20 次），大多数物品只有几次点击，很多一次都没有（增强示例上方给出了当前世界的实际数字）。在这样的世界里，学生能看到自监督对长尾物品的作用；把“人均点击”调高，这个作用随之减弱——在这个世界里甚至反转：人均 10–20 次点击时，自监督反而降低长尾召回率。还要注意：在这个稀疏的默认世界里，热门基线仍胜过所有训练出来的模型（点击太少，双塔学不好）；自监督改变的是召回结果在头部和长尾之间的分配，整体召回率基本不变。本实验的科学测试在默认世界上用三个种子检验：自监督组相对基线提高长尾召回，且长尾的相对提升大于头部的相对变化。',
            en: 'That is why this lesson’s default world is sparse: about 5 training clicks per user (other lessons default to 20), so most items have only a few clicks and many have none (the augmentation example states this world’s actual numbers). In such a world a student can see what SSL does for tail items; raise “Clicks per user” and the effect shrinks — and in this world it reverses: at 10–20 clicks per user SSL lowers tail recall. Note too that on this sparse default world the popular baseline still beats every trained arm (there are too few clicks for the towers); SSL moves retrieval between head and tail at about the same overall recall. The lab’s science test checks this on the default world over three seeds: the SSL arms raise tail recall over the baseline, and the tail’s relative gain exceeds the head’s relative change.',
          },
        },
      ],
    },
    {
      title: { zh: '在这个世界里看到了什么（以及为什么）', en: 'What this world shows (and why)' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '自监督在这里帮助长尾的机制主要是：让物品向量由特征而不是由 ID 决定。证据：人均 5 次点击时，ssl-dropout 的结果几乎与“完全不用物品 ID”的物品塔相同（长尾 +47% 对 +40%，另一个种子 +81% 对 +61%）。长尾物品的 ID embedding 几乎没被主任务训练，只是噪声；自监督把它拉向特征。代价是热门物品：ID 记住的、有用的信息（包括热度）被冲淡，检索结果中头部物品的占比下降（0.54 → 0.46–0.48，而测试点击里头部占 0.69），所以整体召回率基本不变（0.206 → 0.202–0.212）。数据多时（人均 20 次点击），ID 本身已有用：不用 ID 的物品塔反而更差（长尾 −3%、头部 −9%）。此时遮挡类自监督（α = 1）让检索更偏向头部（头部占比 0.83 → 0.85），而且即使只在长尾物品之间排序，长尾点击的召回也下降约 10%——长尾物品的向量确实变差了。我们排除了两个原因：把 τ′ 从 0.1 调到 0.5、或让 ID 两个视图都不出现，损失都一样（−29%、−25%）。较可能的原因：自监督在均匀抽样的物品上做“区分每一个物品”，要求任意一半特征都能认出物品，与主任务争夺同一个小物品塔的容量，而长尾物品没有足够的点击把它们拉回用户附近。α = 0.3 时既无损失也无收益。另外注意：在人均 5 次点击的世界里，“最热门”基线（0.34）胜过所有模型（约 0.21）——用户塔几乎学不到东西；本课关心的是长尾与头部的相对变化，而不是绝对水平。',
            en: 'The mechanism by which SSL helps the tail here is mostly that it makes an item’s vector a function of its features rather than its ID. Evidence: at 5 clicks per user, ssl-dropout gives almost exactly what an item tower without the item ID gives (tail +47% vs +40% on one seed, +81% vs +61% on another). A tail item’s ID embedding is barely trained by the main task — it is noise — and SSL pulls it towards its features. The price is paid by hot items: what their ID embeddings usefully remembered (popularity included) is diluted, the head share of the retrieved items falls (0.54 → 0.46–0.48, while head items are 0.69 of the test clicks), and overall recall stays about where it was (0.206 → 0.202–0.212). With more data (20 clicks per user) the ID earns its place: an item tower without it does worse (tail −3%, head −9%). There the masking SSL (α = 1) tilts retrieval further to the head (head share 0.83 → 0.85), and even ranked among tail items only, tail clicks are recalled about 10% less often — the tail vectors really got worse. We ruled out two causes: τ′ = 0.5 instead of 0.1, or the ID in neither view, hurt just as much (−29%, −25%). The likely cause: on uniformly drawn items SSL does instance discrimination — any half of the features must identify the item — which competes with the main task for the same small item tower, and tail items have too few clicks to pull them back towards their users. At α = 0.3 it neither hurts nor helps. Note also: in the 5-clicks world the “most popular” baseline (0.34) beats every model (about 0.21) — the user tower has almost nothing to learn from; this lesson is about the relative change of tail against head, not about the absolute level.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '$\\alpha=0$ 时自监督组与基线相同。$\\alpha$ 的作用并不单调，也因变换而异（默认世界，3 个种子的平均）：ssl-rfm 在 $\\alpha=1$ 时长尾 +57%、头部 −1%；到 $\\alpha=3$ 时长尾只剩 +10%，头部反而 +19%，整体 recall@50 从 0.206 升到 0.244——太强的自监督不再偏向长尾，而像一个作用于所有物品的正则项。ssl-dropout 在 $\\alpha=3$ 时长尾 +42%（$\\alpha=1$ 时 +49%），头部 −8%（$\\alpha=1$ 时 −5%）。在较稠密的世界（人均 20 次点击）里，$\\alpha=0.3$ 的 ssl-rfm 既无收益也无损失，$\\alpha=1$ 已让长尾召回下降。',
            en: 'At $\\alpha=0$ the SSL arms equal the baseline. The effect of $\\alpha$ is not monotone and differs by transformation (default world, mean of 3 seeds): ssl-rfm at $\\alpha=1$ gives tail +57%, head −1%; at $\\alpha=3$ the tail gain shrinks to +10% while head recall rises +19% and overall recall@50 goes from 0.206 to 0.244 — strong SSL no longer favours the tail and acts like a regulariser on every item. ssl-dropout at $\\alpha=3$ gives tail +42% (+49% at $\\alpha=1$) and head −8% (−5% at $\\alpha=1$). In a denser world (20 clicks per user) ssl-rfm at $\\alpha=0.3$ neither helps nor hurts, and at $\\alpha=1$ it already lowers tail recall.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '头部 / 长尾柱状图：与基线相比，自监督组的长尾柱子是否更高？头部柱子变化多大？（相对变化才可比：头部召回本来就高得多。）',
      en: 'Head/tail bars: are the SSL arms’ tail bars higher than the baseline’s? How much do the head bars move? (Compare relative changes: head recall is far higher to begin with.)',
    },
    {
      zh: '互信息热力图：哪些特征关联最强（类目与子类目？）？关联特征遮挡会把它们放在同一侧。切换到“原始互信息”，看 ID 一行为何处处最大，以及取值很多的作者为何看似与一切相关。',
      en: 'MI heatmap: which features go together most (category and subcategory?)? Correlated masking keeps them on one side. Switch to “plug-in MI” to see why the ID row is the largest everywhere, and why creator, with its many values, seems related to everything.',
    },
    {
      zh: '稀疏度扫描：按“测量缺少的点”，看长尾增益随人均点击增加如何变化（每个点都是在新世界上的一次完整训练，较慢，可随时取消）。',
      en: 'Sparsity sweep: press “Measure the missing points” and watch the tail gain as clicks per user grow (each point is a full training run on a new world — slow; cancel any time).',
    },
    {
      zh: 'α 扫描：α = 0 即基线。α 从小到大，长尾和头部召回各怎样变化？笔记提醒太多的自监督会伤害主任务；在这个世界里，α 很大时随机遮挡更像作用于所有物品的正则项（头部召回也上升），长尾增益则变小——自己看，并比较各组。',
      en: 'α sweep: α = 0 is the baseline. As α grows, how do tail and head recall move? The notes warn that too much SSL hurts the main task; in this world a large α made random masking act like a regulariser on all items (head recall rose too) while the tail gain shrank — see for yourself, and compare arms.',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：自监督学习”一讲的笔记；论文 Tiansheng Yao et al. Self-supervised Learning for Large-scale Item Recommendations. CIKM 2021。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: self-supervised learning”; paper: Tiansheng Yao et al., Self-supervised Learning for Large-scale Item Recommendations, CIKM 2021.',
  },
};

/** The words of the lesson's panels. */
export const panelText = {
  /** The head/tail bars per arm. */
  tailVsHead: {
    title: { en: 'Head vs tail recall@50 per arm', zh: '各组的头部 / 长尾 Recall@50' },
    note: {
      en: 'Held-out clicks on head items (the 20% most clicked in training) and on the rest (tail), at the latest evaluation. Compare each SSL arm with the baseline on the tail bars: that is where the idea should help.',
      zh: '留出点击分为头部物品（训练点击最多的 20%）与其余（长尾），取最近一次评估。把各自监督组与基线的长尾柱子对比：这正是这个方法想帮助的地方。',
    },
    head: { en: 'head items', zh: '头部物品' },
    tail: { en: 'tail items', zh: '长尾物品' },
    empty: { en: 'Switch an arm on to see its bars.', zh: '打开一个实验组即可看到它的柱子。' },
  },
  miTitle: { en: 'Mutual information of the item features (this world)', zh: '物品特征之间的互信息（当前世界）' },
  miNote: {
    en: 'Computed over every item of the catalogue once (not weighted by clicks: SSL samples items uniformly too). “Beyond chance” subtracts the MI that shuffled columns show — a field with many values (creator) shows MI with everything by chance alone. Correlated feature masking ranks fields by this. The diagonal is each field’s entropy H. The ID row is grey: the ID determines every field, so its MI with each is that field’s whole entropy, and it takes no part in the ranking.',
    zh: '在全部物品上各算一次（不按点击加权：自监督任务也均匀抽样物品）。“超出随机”减去了打乱列后仍有的互信息——取值很多的特征（作者）仅靠偶然就与所有特征有互信息。关联特征遮挡按这个值排序。对角线是各特征的熵 H。物品 ID 一行为灰色：ID 决定了所有特征，它与每个特征的互信息就是该特征的全部熵，因此不参与排序。',
  },
  /** The heatmap's modes. */
  adjusted: { en: 'beyond chance', zh: '超出随机' },
  raw: { en: 'plug-in MI', zh: '原始互信息' },
  normalized: { en: 'normalised', zh: '归一化' },
  nats: { en: 'nats', zh: '奈特' },
  cfmSets: { en: 'Correlated masking groups (seed → masked together in view b′):', zh: '关联特征遮挡的分组（种子特征 → 在视图 b′ 中一起遮挡）：' },
  tie: { en: 'tie: picked at random in training', zh: '并列，训练时随机取' },
  waiting: { en: 'Computing from the world…', zh: '正在根据世界计算……' },
  augTitle: { en: 'What each augmentation does to one tail item', zh: '每种数据增强对一个长尾物品做了什么' },
  augNote: {
    en: 'Both views go through the same item tower; the SSL loss pulls b′ and b″ of the same item together and pushes other items’ views away. A masked field takes the field’s default embedding; a dropped tag is left out of the tags’ mean. The views come from the same functions training uses (this item, this world’s seed).',
    zh: '两个视图都经过同一个物品塔；自监督损失让同一物品的 b′ 与 b″ 相互靠近，与其他物品的视图相互远离。被遮挡的特征换成该特征的默认向量；被丢弃的标签不参与标签向量的平均。视图由训练所用的同一组函数生成（同一物品、当前世界的种子）。',
  },
  item: { en: 'Item', zh: '物品' },
  itemClicks: { en: 'training clicks', zh: '次训练点击' },
  catalogueMean: { en: 'catalogue mean', zh: '全体物品平均' },
  unclicked: { en: 'items with no click at all', zh: '的物品一次点击都没有' },
  masked: { en: 'masked → default', zh: '遮挡 → 默认向量' },
  /** A masked field's value. */
  maskedValue: { en: 'default', zh: '默认' },
  dropped: { en: 'dropped', zh: '已丢弃' },
  seed: { en: 'seed field this batch', zh: '本批次的种子特征' },
  maskedSet: { en: 'masked together', zh: '一起遮挡' },
};

/** The world's item fields by name (a field not listed is shown by its name). */
export const fieldNames: Record<string, Text> = {
  id: { en: 'item ID', zh: '物品 ID' },
  category: { en: 'category', zh: '类目' },
  subcategory: { en: 'subcategory', zh: '子类目' },
  creator: { en: 'creator', zh: '作者' },
  price: { en: 'price', zh: '价格档' },
  city: { en: 'city', zh: '城市' },
  tags: { en: 'tags', zh: '标签' },
};

/** The augmentations by name. */
export const augmentationNames: Record<string, Text> = {
  'random-mask': { en: 'Random feature masking (complementary split)', zh: '随机特征遮挡（互补切分）' },
  'correlated-mask': { en: 'Correlated feature masking (by MI)', zh: '关联特征遮挡（按互信息）' },
  dropout: { en: 'Dropout of the tags’ values', zh: '多值特征（标签）Dropout' },
};
