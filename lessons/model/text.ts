/**
 * Texts of the model lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'A user tower and an item tower meet only in a cosine: item vectors can be computed ahead and one user-tower pass plus a nearest-neighbour search retrieves from the whole catalogue. Early fusion — user and item features concatenated into one network — needs a full pass per item, which suits ranking a few hundred candidates, not retrieval from millions.',
    zh: '用户塔和物品塔只在余弦相似度处相遇：物品向量可以提前算好，线上只需算一次用户塔，再做最近邻查找，就能从全体物品中召回。前期融合——把用户和物品特征拼接后输入一个神经网络——每个物品都要算一遍网络，适合给几百个候选排序，不适合从上亿物品中召回。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '双塔模型是矩阵补充模型的升级。用户塔把用户 ID 和用户特征变成一个向量 $a$，物品塔把物品 ID 和物品特征变成一个向量 $b$，用余弦相似度 $\\cos(a,b)$ 预估用户对物品的兴趣。两个塔只在最后一步相遇（后期融合），所以物品向量可以离线算好：线上只算一次用户塔，再做最近邻查找。前期融合把用户和物品的特征在进入神经网络之前就拼接起来，每个物品都要跑一遍网络——那是排序模型，不是召回模型。下面三组用同样的损失和负样本训练，只有模型不同。',
    en: 'The two-tower model is an upgrade of matrix completion. A user tower turns the user’s ID and features into a vector $a$, an item tower turns the item’s ID and features into a vector $b$, and the cosine $\\cos(a,b)$ estimates the user’s interest in the item. The towers meet only at the very end (late fusion), so item vectors can be computed offline: serving runs the user tower once, then a nearest-neighbour search. Early fusion concatenates user and item features before the network, and must run the network once per item — that is a ranking model, not a retrieval model. The three arms below train with the same loss and negatives; only the model differs.',
  },
  sections: [
    {
      arms: ['two-tower'],
      title: { zh: '双塔模型：用户塔和物品塔', en: 'Two towers: a user tower and an item tower' },
      blocks: [
        { kind: 'p', text: { zh: '用户塔的输入是用户 ID、用户离散特征、用户连续特征：', en: 'The user tower takes the user ID, the user’s discrete features and the user’s continuous features:' } },
        {
          kind: 'list',
          items: [
            { zh: '用户 ID 和每个离散特征（如所在城市、设备）各用一个 embedding 层映射成向量；', en: 'the user ID and each discrete feature (city, device, …) go through an embedding layer of their own;' },
            { zh: '连续特征（如年龄）做归一化或分桶；', en: 'continuous features (age, …) are normalised or bucketed;' },
            { zh: '把得到的所有向量拼接（concatenate）起来，输入神经网络，输出用户的表征 $a$。', en: 'all the resulting vectors are concatenated and fed to a neural network, whose output is the user’s representation $a$.' },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: '物品塔同理：物品 ID、物品离散特征、物品连续特征 → 拼接 → 神经网络 → 物品的表征 $b$。用两个向量的余弦相似度预估兴趣：',
            en: 'The item tower does the same: item ID, discrete and continuous item features → concatenate → neural network → the item’s representation $b$. Interest is estimated by the cosine of the two vectors:',
          },
        },
        { kind: 'math', tex: '\\cos(a,b) = \\frac{a \\cdot b}{\\lVert a\\rVert_2 \\, \\lVert b\\rVert_2} \\in [-1, 1]' },
        {
          kind: 'p',
          text: {
            zh: '本实验的世界中，用户特征是年龄（已分桶）、城市、设备；物品特征是类目、子类目、作者、价格（已分桶）、城市和标签（多值，取平均）。',
            en: 'In this lab’s world the user features are age (bucketed), city and device; the item features are category, subcategory, creator, price (bucketed), city and tags (several values, averaged).',
          },
        },
      ],
    },
    {
      arms: ['id-only'],
      title: { zh: '矩阵补充：只用 ID', en: 'Matrix completion: IDs only' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '矩阵补充模型只用 ID：用户 ID 的 embedding 是 $a$，物品 ID 的 embedding 是 $b$，用内积 $\\langle a, b\\rangle$ 预估兴趣。双塔模型在两处升级了它：加入用户和物品的特征并经过神经网络；用余弦相似度代替内积（余弦即把 $a$、$b$ 归一化后的内积）。',
            en: 'Matrix completion uses IDs alone: the embedding of the user ID is $a$, that of the item ID is $b$, and the inner product $\\langle a, b\\rangle$ estimates interest. Two towers upgrade it twice: user and item features go in, through a neural network; and the cosine replaces the inner product (the cosine is the inner product of $a$ and $b$ normalised).',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '本组与双塔组只差在特征：它用同样的塔、同样的余弦、同样的损失和负样本，只是把所有特征都当作“未知”，只有 ID 的 embedding 带有信息——每个 ID 相当于学到自己的一个向量，也就是矩阵补充（这里保留余弦，而不是内积）。只有 ID 时，一个物品的向量只能从它自己的点击中学到；点击很少的长尾物品学得不好。类目、作者、标签这些特征是许多物品共享的，长尾物品可以借用热门物品学到的东西——对比两组的长尾召回率。',
            en: 'This arm differs from the two-tower arm in the features only: the same towers, cosine, loss and negatives, but every feature reads as “unknown”, so only the ID embedding carries information — each ID in effect learns a vector of its own, which is matrix completion (keeping the cosine rather than the inner product). With IDs alone, an item’s vector is learned from that item’s own clicks, and a tail item with few clicks is learned poorly. Category, creator and tags are shared by many items, so a tail item can borrow from what hot items taught the model — compare the two arms’ tail recall.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '在我们的运行中（默认世界，种子 7–9，600 步）：只用 ID 的一组长尾召回率为 0.000（双塔 0.083–0.130），整体 Recall@50 0.186–0.221，每个种子都低于“最热门”基线（0.208–0.235）——它几乎只学到了热度。把训练步数加到 4000，种子 7 上才升到 0.227。笔记说矩阵补充在实践中效果不好，这里能看到原因。双塔 0.244–0.292，前期融合 0.251–0.302：在这个小目录上，前期融合的召回率略高于双塔（高 0.007–0.024）——笔记的论点不在准确率，而在成本：见下方的服务成本图。',
            en: 'In our runs (default world, seeds 7–9, 600 steps): the IDs-only arm’s tail recall was 0.000 (two towers 0.083–0.130) and its recall@50 0.186–0.221, below the most-popular baseline (0.208–0.235) on every seed — it learned little beyond popularity; at 4,000 steps it reached 0.227 on seed 7. The notes say matrix completion works poorly in practice; here is why. Two towers reached 0.244–0.292 and early fusion 0.251–0.302: on this small catalogue early fusion retrieves slightly better than two towers (by 0.007–0.024) — the notes’ point is not accuracy but cost: see the serving-cost chart below.',
          },
        },
      ],
    },
    {
      arms: ['early-fusion'],
      title: { zh: '前期融合：排序模型，不是召回模型', en: 'Early fusion: a ranking model, not a retrieval model' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '前期融合：在进入神经网络之前，就把用户特征和物品特征拼接起来，输入一个神经网络，直接输出兴趣分数 $p$：',
            en: 'Early fusion: user features and item features are concatenated before they enter the network, and one neural network outputs the interest score $p$ directly:',
          },
        },
        { kind: 'math', tex: 'p = f\\big([\\,x_{\\text{user}} \\,;\\, x_{\\text{item}}\\,]\\big)' },
        {
          kind: 'p',
          text: {
            zh: '这种模型不能用于召回：召回时无法提前计算物品的向量，也不能用近似最近邻查找。要给一个用户召回，必须把每一个物品的特征和用户特征一起输入神经网络，对每个物品都跑一遍网络；物品数量上亿时，这不可行。这种模型只能用于排序：从几千个候选物品中选出几百个。',
            en: 'Such a model cannot retrieve: there are no item vectors to compute ahead, and no approximate nearest-neighbour search to use. Retrieving for one user means feeding every item’s features, together with the user’s, through the network — one pass per item; with hundreds of millions of items that is not feasible. The model can only rank: choose a few hundred out of a few thousand candidates.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '在我们的运行中（Node，wasm 后端）：为一个用户召回，100,000 个物品时双塔约 1.3 ms，前期融合约 168 ms（约 130 倍）；前期融合的耗时与物品数成正比（对数坐标下斜率 0.99）。本页的图是在你的浏览器里实测的。',
            en: 'In our runs (Node, wasm backend): retrieving for one user from 100,000 items took about 1.3 ms with two towers and about 168 ms with early fusion (about 130×); early fusion’s time grows in proportion to the catalogue (log-log slope 0.99). The chart on this page is measured in your browser.',
          },
        },
      ],
    },
    {
      arms: ['two-tower', 'id-only'],
      title: { zh: '后期融合：为什么双塔能召回', en: 'Late fusion: why two towers can retrieve' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '双塔是后期融合：用户和物品到最后一步（余弦）才融合。物品向量 $b$ 与用户无关，可以离线算好并存入向量数据库；线上来一个请求，只算一次用户塔得到 $a$，再查找与 $a$ 余弦最大的 $k$ 个物品。给 $n$ 个物品的目录召回一次，粗略的代价是：',
            en: 'Two towers are late fusion: user and item meet only at the last step (the cosine). An item vector $b$ does not depend on the user, so it is computed offline and stored in a vector index; at a request the user tower runs once to give $a$, and the $k$ items of largest cosine with $a$ are looked up. For a catalogue of $n$ items one retrieval costs roughly:',
          },
        },
        { kind: 'math', tex: '\\begin{aligned} T_{\\text{two towers}}(n) &\\approx T_{\\text{user tower}} + n \\cdot c_{\\text{dot}} \\\\ T_{\\text{early fusion}}(n) &\\approx n \\cdot T_{\\text{network}} \\end{aligned}' },
        {
          kind: 'p',
          text: {
            zh: '两者都随 $n$ 线性增长，但系数相差一整个网络的计算量。“服务成本”图在本页的 worker 中实测这两个时间（双塔不计离线计算物品向量的时间——这正是要点），再按线性外推到 $10^8$ 个物品。这里双塔的查找是暴力计算每个内积；用近似最近邻索引后，$n \\cdot c_{\\text{dot}}$ 这一项还会变成次线性。',
            en: 'Both grow linearly in $n$, but the slopes differ by a whole network’s worth of work. The serving-cost chart measures both times in this page’s worker (the two-tower time leaves out computing the item vectors offline — which is the point), then extrapolates linearly to $10^8$ items. Here the two-tower search computes every dot product by brute force; an approximate nearest-neighbour index makes the $n \\cdot c_{\\text{dot}}$ term sub-linear as well.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '结构图：三个模型的区别只在于用户和物品在哪里相遇——双塔和矩阵补充在最后的余弦处，前期融合在网络的入口处。',
      en: 'The architecture panel: the three models differ only in where user and item meet — at the final cosine for two towers and matrix completion, at the network’s input for early fusion.',
    },
    {
      zh: '召回率图和表格：三组的 recall@50。前期融合看到的特征与双塔一样多；无论它的召回率是高是低，为了算出这个召回率，它对目录中的每个物品都跑了一遍网络。',
      en: 'The recall chart and table: recall@50 of the three arms. Early fusion sees as many features as two towers; whatever its recall, it ran the network once for every item of the catalogue to get it.',
    },
    {
      zh: '头部/长尾召回率：对比双塔和只用 ID 的长尾召回率——特征是否帮了点击很少的物品？',
      en: 'Head/tail recall: compare the tail recall of two towers and of IDs only — do the features help the items with few clicks?',
    },
    {
      zh: '服务成本图：两条线都随物品数线性增长，但前期融合的线高出许多；看表格中每个目录大小下的倍数，以及虚线外推到 $10^8$ 个物品时每次请求要多久（外推，不是实测）。',
      en: 'The serving-cost chart: both lines grow linearly with the number of items, but early fusion’s sits far higher; read the ratio at each catalogue size in the table, and how long one request would take at $10^8$ items along the dashed extrapolation (extrapolated, not measured).',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——模型与训练”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — model and training”.',
  },
};

/** The words of the lesson's own panels: the architecture diagrams and the serving-cost chart. */
export const panelText = {
  archTitle: { en: 'The three models, drawn', zh: '三个模型的结构' },
  archNote: {
    en: 'Coloured: the learned networks and tables, and the vectors they output. Two towers and matrix completion meet at the cosine, after everything else is computed; early fusion meets at the network’s input.',
    zh: '彩色部分：要学习的神经网络、Embedding 表，以及它们输出的向量。双塔和矩阵补充在最后的余弦处相遇，其余部分都已算完；前期融合在神经网络的入口处相遇。',
  },
  userIn: { en: 'user ID + features', zh: '用户 ID + 特征' },
  itemIn: { en: 'item ID + features', zh: '物品 ID + 特征' },
  userId: { en: 'user ID', zh: '用户 ID' },
  itemId: { en: 'item ID', zh: '物品 ID' },
  userTower: { en: 'user tower', zh: '用户塔' },
  itemTower: { en: 'item tower', zh: '物品塔' },
  network: { en: 'neural net', zh: '神经网络' },
  oneNetwork: { en: 'one neural net', zh: '一个神经网络' },
  concat: { en: 'concatenate', zh: '拼接' },
  embeddings: { en: 'embedding table', zh: 'Embedding 表' },
  score: { en: 'interest score', zh: '兴趣分数' },
  twoTowerWhat: { en: 'Features and IDs, each side through its own network; late fusion.', zh: '特征和 ID，各自经过自己的神经网络；后期融合。' },
  twoTowerServe: {
    en: 'Serving: item vectors b computed offline; per request one user-tower pass, then a nearest-neighbour search.',
    zh: '线上：物品向量 b 离线算好；每个请求算一次用户塔，再做最近邻查找。',
  },
  earlyWhat: { en: 'User and item IDs and features concatenated before the network; early fusion.', zh: '用户和物品的 ID 与特征在进入神经网络之前拼接；前期融合。' },
  earlyServe: {
    en: 'Serving: nothing to compute ahead; one network pass per (user, item) pair — a ranking model.',
    zh: '线上：没有可以提前算的东西；每个（用户，物品）对都要跑一遍网络——排序模型。',
  },
  idWhat: {
    en: 'The same towers with every feature read as unknown: each ID learns a vector of its own (matrix completion).',
    zh: '同样的塔，但所有特征都当作未知：每个 ID 学到自己的一个向量（矩阵补充）。',
  },
  idServe: { en: 'Serving: as two towers — item vectors computed offline from the item IDs.', zh: '线上：与双塔相同——物品向量由物品 ID 离线算好。' },
  costTitle: { en: 'Serving cost: time to retrieve for one user', zh: '服务成本：为一个用户召回的耗时' },
  costNote: {
    en: 'Time to score a whole catalogue and take the top-K for one user, measured in this page’s worker on the current backend while it is not training (from Ready, one catalogue size at a time): the median of 5 queries after a warm-up, with the lesson’s model shapes, on catalogues made of this world’s items repeated. Two towers: one user-tower pass, a dot product with every precomputed item vector, the top-K — building the item vectors (offline, once for all users) is not counted. Early fusion: the network over every (user, item) pair, item features included. Browsers may round timers to 0.1 ms, so the smallest two-tower times are coarse. Ratio: early fusion ÷ two towers. Dashed beyond the last measurement: extrapolated, linear in items — not measured.',
    zh: '为一个用户给整个目录打分并取前 K 个的耗时，在本页的 worker 不训练时（从就绪起，每次一个目录大小）用当前后端实测：预热一次后取 5 次请求的中位数，模型形状与本课相同，目录由本世界的物品重复组成。双塔：一次用户塔，与每个预先算好的物品向量做一次内积，再取前 K 个——离线计算物品向量（对所有用户只算一次）的时间不计入。前期融合：对每个（用户，物品）对跑一遍网络，包括物品特征的处理。浏览器可能把计时精度取整到 0.1 毫秒，所以双塔最小的几个耗时比较粗。倍数：前期融合 ÷ 双塔。最后一个实测点之后的虚线：按物品数线性外推，不是实测。',
  },
  measuringRest: { en: 'Measured so far: the larger catalogues are timed when the worker is not training (now, or after the run).', zh: '目前已测量的部分：更大的目录在 worker 不训练时计时（现在，或训练结束后）。' },
  measuring: { en: 'The serving cost is measured in the worker while it is not training (a timing beside training would be disturbed): now, or after the run…', zh: '服务成本在 worker 不训练时测量（与训练同时计时会受干扰）：现在，或在训练结束后……' },
  extrapolated: { en: 'extrapolated (linear in items)', zh: '外推（随物品数线性增长）' },
  items: { en: 'items', zh: '物品数' },
  twoShort: { en: 'two towers', zh: '双塔' },
  earlyShort: { en: 'early fusion', zh: '前期融合' },
  ratio: { en: 'ratio', zh: '倍数' },
  ratioLong: { en: 'early fusion ÷ two towers', zh: '前期融合 ÷ 双塔' },
} satisfies Record<string, Text>;
