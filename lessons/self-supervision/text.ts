/**
 * Texts of the self-supervision lesson: its summary, claim and page texts (zh after the wording of
 * the course notes, en written for this lab) and the words of its panels. Inline math as $…$,
 * display math in `math` blocks. Numbers quoted “in our runs” were measured with
 * `npm run -s lab -- run self-supervision --repeats 3 [--clicks 5]` (seeds 7–9) on the world
 * generator of issue 9; test/science/self-supervision.test.ts asserts the signs they show and
 * prints them. Re-measure them whenever the world generator changes.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  summary: {
    en: 'A contrastive loss between two augmented views of an item, on items drawn uniformly: meant for the tail — where it helps, and where it costs.',
    zh: '对物品做数据增强、让同一物品的两个视图彼此接近（物品均匀抽样）：为长尾物品而设——它在哪里有用，在哪里有代价。',
  } satisfies Text,

  claim: {
    en: 'Yao et al. find that self-supervision helps tail items, the more so the sparser the data. On this lesson’s default world every user has enough clicks to learn them (about 20 each; every arm beats the popular baseline) while most items have few — and there, in our world, every SSL arm lowers tail recall@50 against the baseline, more than it moves head recall (tested on 3 seeds). Only on a sparse world (about 5 clicks per user) does random feature masking lift the tail more than the head (tested on 3 seeds) — where the popular baseline beats every model. The sparsity sweep shows the turn; the page says why we think it happens.',
    zh: 'Yao et al. 发现自监督帮助长尾物品，数据越稀疏帮助越大。本课默认的世界里每个用户都有足够的点击（人均约 20 次，所有组都胜过热门基线），而大多数物品点击很少——在我们的世界里，每个自监督组都让长尾 recall@50 低于基线，下降幅度大于头部的变化（3 个种子检验）。只有在稀疏的世界里（人均约 5 次点击），随机特征遮挡才让长尾的相对提升大于头部（3 个种子检验）——而那里热门基线胜过所有模型。稀疏度扫描图显示这一转折；页面说明我们认为的原因。',
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
          tex: "L \\;=\\; \\underbrace{-\\frac{1}{n}\\sum_{i=1}^{n}\\log\\frac{\\exp\\!\\big(\\cos(a_i,b_i)/\\tau-\\log p_i\\big)}{\\sum_{j=1}^{n}\\exp\\!\\big(\\cos(a_i,b_j)/\\tau-\\log p_j\\big)}}_{L_{\\text{main}}:\\ \\text{in-batch softmax, logQ}} \\;+\\; \\alpha\\cdot L_{\\text{self}}",
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
      title: { zh: '数据越稀疏，自监督越有用？', en: 'The sparser the data, the more SSL helps?' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: 'Yao et al. 发现，数据越稀疏，收益越大（Wikipedia 数据上 R@10：用全部数据 +6%，只用 10% 的数据 +21%）。道理很直接：当长尾物品也有很多点击时，它们的 ID 向量已经能被主任务训练好，自监督没什么可补充的。所以数据稀疏程度是本课的一个控件（“人均点击”，即每个用户的平均训练点击数），稀疏度扫描图在不同的人均点击下各生成一个新世界、从头训练基线和随机特征遮挡组，画出长尾召回的相对增益。',
            en: 'Yao et al. found the gain grows as data gets sparser (Wikipedia R@10: +6% with all data, +21% with 10% of it). The reason is plain: when tail items have many clicks, the main task trains their ID embeddings well and SSL has little to add. So data sparsity is a knob of this lesson (“Clicks per user”, the mean number of training clicks per user), and the sparsity sweep generates a new world at each value, trains the baseline and random feature masking afresh, and plots the relative gain in tail recall.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '本课默认的世界与其他课程相同：人均约 20 次训练点击，用户的兴趣学得出来，而物品的长尾很薄（大多数物品只有几次点击；增强示例上方给出了当前世界的实际数字）。在我们的运行中（种子 7–9，300 步），所有组的 Recall@50（0.264–0.313）都胜过热门基线（0.208–0.235），但自监督并没有帮到长尾：相对基线，长尾 Recall@50 的变化是随机遮挡 −39% 至 −54%、关联遮挡 −57% 至 −62%、标签 Dropout −5% 至 −17%，头部只变化 −3% 至 +1%；遮挡组召回结果的头部占比从 0.80–0.86 升到 0.88–0.94。把“人均点击”调到 5：在我们的运行中随机遮挡的长尾提升 +16% 至 +23%，大于头部的变化（−6% 至 +12%），但这时热门基线（0.30–0.36）胜过所有模型（0.19–0.24），关联遮挡（−13% 至 +8%）和 Dropout（−11% 至 +14%）则时好时坏。科学测试检验这两个方向（每个种子都须一致）。',
            en: 'This lesson’s default world is the one the other lessons use: about 20 training clicks per user, so users can be learnt, while the item tail is thin (most items have only a few clicks; the augmentation example states this world’s actual numbers). In our runs (seeds 7–9, 300 steps) every arm’s recall@50 (0.264–0.313) beat the popular baseline (0.208–0.235), but SSL did not help the tail: against the baseline, tail recall@50 changed by −39% to −54% with random masking, −57% to −62% with correlated masking and −5% to −17% with tag dropout, while head recall moved by −3% to +1%; the masking arms’ retrieved sets went from a head share of 0.80–0.86 to 0.88–0.94. Set “Clicks per user” to 5 and in our runs random masking lifted the tail by +16% to +23%, more than it moved the head (−6% to +12%) — but there the popular baseline (0.30–0.36) beat every model (0.19–0.24), and correlated masking (−13% to +8%) and dropout (−11% to +14%) went either way. The science test checks both directions, every seed agreeing.',
          },
        },
      ],
    },
    {
      title: { zh: '为什么在这里自监督伤害了长尾', en: 'Why SSL hurts the tail here' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '我们的解释（没有单独测试）：自监督在均匀抽样的物品上做“区分每一个物品”——任意一半特征都要能认出是哪个物品，于是把特征相近的物品彼此推开。而在这个世界里，物品的真实向量几乎完全由特征决定（类目、子类目、标签、作者），特征相近的物品用户的喜好也相近：把它们推开，正是把长尾物品推离喜欢它们的用户。头部物品有足够的点击把它们拉回用户附近，长尾物品没有——所以检索结果更偏向头部。真实系统的物品特征弱得多，同样特征的物品差别很大，区分它们才有意义；数据稀疏时，长尾物品几乎没被训练的 ID 向量是噪声，自监督把它拉向特征，这是它在稀疏世界里的收益来源。',
            en: 'Our explanation (not separately tested): on uniformly drawn items SSL does instance discrimination — any half of an item’s features must identify it — so it pushes apart items with similar features. In this world an item’s true vector is almost entirely a function of its features (category, subcategory, tags, creator), so items with similar features are liked by the same users: pushing them apart pushes tail items away from the users who like them. Head items have enough clicks to pull them back; tail items do not — hence the retrieved sets lean further to the head. Real item features are far weaker, items with the same features differ a lot, and telling them apart is worth learning; and when data is sparse, a tail item’s barely trained ID embedding is noise that SSL pulls towards the features — the gain we see on the sparse world.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '$\\alpha=0$ 时自监督组与基线相同。$\\alpha$ 的扫描图逐点训练关联遮挡组：看长尾和头部召回如何随 $\\alpha$ 变化，笔记提醒太多的自监督会伤害主任务。',
            en: 'At $\\alpha=0$ the SSL arms equal the baseline. The α sweep trains correlated masking at each $\\alpha$: watch how tail and head recall move with it — the notes warn that too much SSL hurts the main task.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '头部 / 长尾柱状图：与基线相比，自监督组的长尾柱子是高还是低？头部柱子变化多大？（相对变化才可比：头部召回本来就高得多。）再把“人均点击”调到 5 看看。',
      en: 'Head/tail bars: are the SSL arms’ tail bars higher or lower than the baseline’s? How much do the head bars move? (Compare relative changes: head recall is far higher to begin with.) Then set “Clicks per user” to 5.',
    },
    {
      zh: '互信息热力图：哪些特征关联最强（类目与子类目？）？关联特征遮挡会把它们放在同一侧。切换到“原始互信息”，看 ID 一行为何处处最大，以及取值很多的作者为何看似与一切相关。',
      en: 'MI heatmap: which features go together most (category and subcategory?)? Correlated masking keeps them on one side. Switch to “plug-in MI” to see why the ID row is the largest everywhere, and why creator, with its many values, seems related to everything.',
    },
    {
      zh: '稀疏度扫描：按“测量缺少的点”，看长尾增益随人均点击增加如何变化、在哪里由正转负（每个点都是在新世界上的一次完整训练，较慢，可随时取消）。',
      en: 'Sparsity sweep: press “Measure the missing points” and watch the tail gain as clicks per user grow — where does it turn negative? (Each point is a full training run on a new world — slow; cancel any time.)',
    },
    {
      zh: 'α 扫描：α = 0 即基线。α 从小到大，长尾和头部召回各怎样变化？笔记提醒太多的自监督会伤害主任务——自己看。',
      en: 'α sweep: α = 0 is the baseline. As α grows, how do tail and head recall move? The notes warn that too much SSL hurts the main task — see for yourself.',
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

/** What to look for on the embedding map (measured: seed 7, default world, 300 steps). */
export const embeddingHint: Text = {
  en: 'Colour by topic, click a small (tail) dot to list its 10 nearest items, then switch between the baseline and an SSL arm. In our run (seed 7, default world, 300 steps), for tail items with at most 2 training clicks, 79% of the 10 nearest shared the item’s topic without SSL and 88% with random-mask SSL (in the oracle’s space: 100%): self-supervision pulls a tail item towards the items that share its features. On the map itself the SSL arm’s items fall into one island per topic, where the baseline’s overlap.',
  zh: '按话题着色，点击一个小点（长尾物品）列出它最近的 10 个物品，再在基线与自监督组之间切换。在我们的运行中（种子 7，默认世界，300 步），对训练点击不超过 2 次的长尾物品，最近的 10 个物品中与它同话题的比例：不用自监督为 79%，用随机遮挡自监督为 88%（Oracle 空间中为 100%）：自监督把长尾物品拉向特征相同的物品。在地图上，自监督组的物品按话题分成一个个“岛”，而基线组的各话题相互重叠。',
};
