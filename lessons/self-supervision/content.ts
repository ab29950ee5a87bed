/**
 * Page texts of the self-supervision lesson (zh after the wording of the course notes, en written
 * for this lab). Inline math as $…$, display math in `math` blocks. No measured numbers here: the
 * page draws them from the live world and from real training.
 */
import type { LessonContent } from '../../src/app/lesson-content';
import { text } from './text';

export const selfSupervisionContent: LessonContent = {
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
      title: text.findings.title,
      blocks: [
        { kind: 'p', text: text.findings.body },
        { kind: 'p', text: text.alpha.body },
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
