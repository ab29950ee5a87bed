/**
 * Texts of the serving lesson: its claim and its page texts (zh after the wording of the course
 * notes, en written for this lab). Inline math as $…$, display math in `math` blocks.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';

export const text = {
  claim: {
    en: 'Item vectors are computed offline and stored in a vector database with an index; each request runs the user tower and searches the index for the nearest item vectors. An approximate index (HNSW) returns almost all of the exact top-K at a fraction of the cost, traded by M and efSearch. User vectors are not stored: the user tower reads what the user just did, so a vector computed per request follows interest that moves within a session; one stored at the session’s start does not.',
    zh: '物品向量离线算好，存入向量数据库并建索引；每次请求实时计算用户向量，再在索引中查找最近的物品向量。近似索引（HNSW）以远低于精确计算的代价返回精确 top-K 中的绝大部分，用 M 和 efSearch 权衡。用户向量不存储：用户塔读取用户刚做过的事，每次请求实时计算的向量能跟上会话中变化的兴趣，会话开始时存下的向量跟不上。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '双塔模型训练好之后，线上召回这样做：离线把每个物品的特征输入物品塔，得到物品向量 $b$，存入向量数据库并建索引；用户发起推荐请求时，把用户 ID、用户特征和刚刚的行为输入用户塔，实时算出用户向量 $a$，再在向量数据库中做最近邻查找，取回余弦相似度最高的 $k$ 个物品。为什么存物品向量、却不存用户向量？每做一次召回，只用到一个用户向量，却用到上亿个物品向量；用户兴趣动态变化，而物品特征相对稳定。下面两组训练的是同一个模型，只是物品向量存进了不同的索引：精确的暴力枚举，和近似最近邻索引 HNSW。',
    en: 'Once the two towers are trained, online retrieval works like this: offline, every item’s features go through the item tower and the item vectors $b$ are stored in a vector database with an index; when a user sends a request, the user’s ID, features and most recent actions go through the user tower, the user vector $a$ is computed on the spot, and the vector database returns the $k$ items of highest cosine with it (nearest-neighbour search). Why store the item vectors but not the user vectors? Each retrieval uses one user vector but hundreds of millions of item vectors, and a user’s interest changes all the time while an item’s features are relatively stable. The two arms below train the same model; only the index their item vectors go into differs: exact brute force, or the approximate nearest-neighbour index HNSW.',
  },
  sections: [
    {
      title: { zh: '离线存储物品向量，线上现算用户向量', en: 'Item vectors stored offline, the user vector computed online' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '离线：把物品 ID 和物品特征输入物品塔，得到物品向量 $b$；把 〈特征向量 $b$，物品 ID〉 存入向量数据库，并建索引，以便加速最近邻查找。', en: 'Offline: the item ID and features go through the item tower to give the item vector $b$; the pairs 〈vector $b$, item ID〉 are stored in a vector database, with an index that speeds up nearest-neighbour search.' },
            { zh: '线上：给定用户 ID 和画像，用神经网络实时算出用户向量 $a$；以 $a$ 作为 query，调用向量数据库做最近邻查找，返回余弦相似度最大的 $k$ 个物品，作为召回结果。', en: 'Online: given the user ID and profile, the network computes the user vector $a$ on the spot; with $a$ as the query, the vector database’s nearest-neighbour search returns the $k$ items of largest cosine: the retrieved candidates.' },
          ],
        },
        { kind: 'math', tex: '\\text{top-}k(a) = \\operatorname{arg\\,top}_{k,\\; i} \\; \\cos(a, b_i) \\quad (O(n\\,d) \\text{ exact})' },
        {
          kind: 'p',
          text: {
            zh: '精确查找要把用户向量和全部 $n$ 个物品向量各算一次内积，代价随物品数线性增长。本实验的物品向量是单位向量，所以内积就是余弦。',
            en: 'Exact search takes the inner product of the user vector with all $n$ item vectors, a cost that grows linearly with the catalogue. The lab’s item vectors are unit vectors, so the inner product is the cosine.',
          },
        },
      ],
    },
    {
      arms: ['hnsw'],
      title: { zh: '近似最近邻：HNSW', en: 'Approximate nearest neighbours: HNSW' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: 'HNSW（分层可导航小世界图）把物品向量连成一张多层的图：每个节点抽一个最高层 $\\ell$，第 0 层包含全部节点（每个至多 $2M$ 条边），越往上节点越少（每个至多 $M$ 条边）。查找时从顶层入口贪心地走向 query，逐层下降；在第 0 层保留目前最近的 $ef_{\\text{search}}$ 个候选做最佳优先搜索。$ef_{\\text{search}}$ 越大，返回的精确 top-$k$ 越多、查询越慢；$M$ 越大，图越稠密、内存越多、建索引越慢。',
            en: 'HNSW (hierarchical navigable small-world graphs) links the item vectors into a layered graph: each node draws a top layer $\\ell$; layer 0 holds every node (up to $2M$ links each) and each layer above holds fewer (up to $M$ links each). A search walks greedily towards the query from the entry point at the top, layer by layer down; on layer 0 it runs a best-first search keeping the $ef_{\\text{search}}$ closest candidates seen. A larger $ef_{\\text{search}}$ returns more of the exact top-$k$ and takes longer; a larger $M$ makes a denser graph: more memory, a slower build.',
          },
        },
        { kind: 'math', tex: '\\ell = \\lfloor -\\ln U \\cdot m_L \\rfloor,\\;\\; m_L = 1/\\ln M' },
        { kind: 'math', tex: '\\text{annRecall@}k = |\\text{ANN}_k(a) \\cap \\text{Exact}_k(a)| \\,/\\, k' },
        {
          kind: 'p',
          text: {
            zh: '本实验的 HNSW 是为实验室写的一个小实现（TypeScript，约 300 行），在浏览器测试中与 hnswlib-wasm 在相同向量、相同参数下比较过召回率。向量数据库的用户读的正是下面这条召回率–延迟曲线。',
            en: 'The lab’s HNSW is a small implementation written for it (TypeScript, about 300 lines); the browser test compares its recall with hnswlib-wasm’s on the same vectors and parameters. The recall–latency curve below is what users of a vector database read.',
          },
        },
      ],
    },
    {
      title: { zh: '为什么不存储用户向量？', en: 'Why not store the user vectors too?' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '每做一次召回，用到一个用户向量 $a$，把几亿物品向量 $b$ 都用到。用户兴趣动态变化，而物品特征相对稳定。（可以离线存储用户向量，但不利于推荐效果。）',
            en: 'Each retrieval uses one user vector $a$ and all of the hundreds of millions of item vectors $b$. A user’s interest changes dynamically, while an item’s features are relatively stable. (User vectors could be stored offline, but recommendations would suffer.)',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '本实验的世界里，兴趣在一个会话（用户一天的点击）之内移动：每次点击以概率 $\\rho$ 停留在上一次点击的话题上，否则按用户的整体兴趣抽取。用户塔除了用户 ID 和特征，还读取“本会话上一次点击的话题”。会话实验在测试日为每个用户模拟一个会话，每次请求用两种用户向量从同一个索引召回 top-50：会话开始时算好并存下的向量，和每次请求实时计算的向量。',
            en: 'In this lab’s world, interest moves within a session (a user’s clicks of one day): each click stays on the topic of the previous click with probability $\\rho$, otherwise it is drawn from the user’s overall interest. Besides the user ID and features, the user tower reads “the topic of this session’s previous click”. The session experiment simulates one session per user on the test day; at each request the top-50 is retrieved from the same index with two user vectors: one computed at the session’s start and stored, and one computed per request.',
          },
        },
        { kind: 'math', tex: 'P(i_r \\mid u, i_{r-1}) = \\rho\\, P(i_r \\mid u, t_{r-1}) + (1-\\rho)\\, P(i_r \\mid u)' },
        { kind: 'p', text: { zh: '其中 $t_{r-1}$ 是上一次点击的话题，$P(i \\mid u, t)$ 是限制在话题 $t$ 内的真实偏好。', en: 'where $t_{r-1}$ is the topic of the previous click and $P(i \\mid u, t)$ the true preference restricted to topic $t$.' } },
      ],
    },
    {
      title: { zh: '规模：物品数从一万到一百万', en: 'Scale: from ten thousand to a million items' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '训练好的物品向量只有几千个。规模实验用随机单位向量（按话题成簇，并注明）在 Web Worker 中建索引，测量建索引时间、内存和每次查询的时间：精确查找到十万个物品，HNSW 到一百万个向量。建索引时页面保持可用，进度条显示进度，可以随时取消。',
            en: 'The trained model has a few thousand item vectors. The scale experiment builds indexes in the Web Worker over random unit vectors (clustered by topic, and labelled as such) and measures build time, memory and time per query: exact search up to 100,000 items, HNSW up to a million vectors. The page stays usable while an index builds; a progress bar shows how far it is, and it can be cancelled.',
          },
        },
      ],
    },
  ],
  watch: [
    {
      zh: '召回率–延迟曲线：每条线是一个 $M$，沿线 $ef_{\\text{search}}$ 增大——召回率升向 1，每次查询的时间随之增加；竖线是精确查找的时间（召回率为 1）。加粗的点是当前旋钮的设置。',
      en: 'The recall–latency curve: one line per $M$, $ef_{\\text{search}}$ growing along it — recall rises towards 1 and each query takes longer; the vertical line is the exact scan’s time (recall 1). The bold point is the knobs’ current setting.',
    },
    {
      zh: '$M$、$ef_{\\text{search}}$、$ef_{\\text{construction}}$ 只决定怎样提供服务，不影响模型学到什么：修改它们只会在训练好的双塔上重新建索引、重新测量，不会重新训练。',
      en: '$M$, $ef_{\\text{search}}$ and $ef_{\\text{construction}}$ decide how the model is served, not what it learns: changing them rebuilds and re-measures the index on the trained towers, without retraining.',
    },
    {
      zh: '两组的 recall@K 相同：它们训练的是同一个模型。区别在 annRecall@10（返回了精确 top-10 中的多少）和 queryMs（用户塔 + 查找的时间）。',
      en: 'Both arms have the same recall@K: they train the same model. They differ in annRecall@10 (how much of the exact top-10 comes back) and queryMs (user tower + search).',
    },
    {
      zh: '会话图：第一次请求时两种向量相同；之后实时计算的向量跟着上一次点击走，存下的向量停在会话开始时。',
      en: 'The session chart: at the first request the two vectors are the same; after it, the vector computed per request follows the last click, the stored one stays where the session began.',
    },
  ],
  source: {
    zh: '内容依据王树森《推荐系统》课程“召回：双塔模型——线上召回和更新”一讲的笔记。',
    en: 'Based on the notes of Wang Shusen’s recommender-systems course, “Retrieval: the two-tower model — online serving and updates”.',
  },
};

/** Strings of the lesson's panels. */
export const panelText = {
  diagramTitle: { en: 'The vector database in one picture', zh: '一张图看懂向量数据库' },
  diagramNote: {
    en: 'Offline (top): the item tower runs once per item, its vectors go into the index. Online (bottom): each request runs the user tower once — with what the user just did — and searches the index.',
    zh: '离线（上）：物品塔对每个物品算一次，向量存入索引。线上（下）：每次请求算一次用户塔（读取用户刚做的事），再查索引。',
  },
  offline: { en: 'offline', zh: '离线' },
  online: { en: 'online, per request', zh: '线上，每次请求' },
  itemIn: { en: 'item ID + features', zh: '物品 ID + 特征' },
  itemTower: { en: 'item tower', zh: '物品塔' },
  itemVecs: { en: 'item vectors b', zh: '物品向量 b' },
  index: { en: 'vector database + index', zh: '向量数据库 + 索引' },
  request: { en: 'request: user + last click', zh: '请求：用户 + 上次点击' },
  userTower: { en: 'user tower', zh: '用户塔' },
  userVec: { en: 'user vector a', zh: '用户向量 a' },
  search: { en: 'nearest-neighbour search', zh: '最近邻查找' },
  topK: { en: 'top-k items', zh: 'top-k 物品' },
  curveTitle: { en: 'Recall against latency (HNSW, trained item vectors)', zh: '召回率与延迟（HNSW，训练后的物品向量）' },
  curveNote: {
    en: 'Measured in the worker on the trained towers once training reaches its step target: recall@10 against the exact top-10 over the user vectors of up to 300 users, and the mean search time of one query (the index alone; the user-tower pass is in queryMs).',
    zh: '训练达到目标步数后在 Worker 中对训练好的双塔实测：最多 300 个用户向量的 recall@10（相对精确 top-10），以及一次查询的平均查找时间（只含索引；用户塔的时间计入 queryMs）。',
  },
  curveWaiting: { en: 'Train to the step target: the curve is measured on the trained towers.', zh: '训练到目标步数后，在训练好的双塔上测量这条曲线。' },
  searchMs: { en: 'search time per query (ms)', zh: '每次查询的查找时间（毫秒）' },
  recall: { en: 'recall@10 vs exact', zh: 'recall@10（相对精确）' },
  exact: { en: 'exact scan', zh: '精确查找' },
  knobs: { en: 'the knobs’ setting', zh: '当前旋钮设置' },
  build: { en: 'build', zh: '建索引' },
  curveSize: { en: '{items} item vectors, {queries} user queries, efConstruction {efc}', zh: '{items} 个物品向量，{queries} 个用户查询，efConstruction {efc}' },
  memory: { en: 'memory', zh: '内存' },
  arm: { en: 'arm', zh: '组' },
  sessionTitle: { en: 'Why user vectors are not stored: recall over a session', zh: '为什么不存储用户向量：会话中的召回率' },
  sessionNote: {
    en: 'Measured on the trained towers: one simulated session per user on the test day; at each request, is the clicked item in the top-50 retrieved with the vector stored at the session’s start, or with the vector computed for this request?',
    zh: '在训练好的双塔上实测：测试日为每个用户模拟一个会话；每次请求时，被点击的物品是否在 top-50 里——分别用会话开始时存下的向量和本次请求实时计算的向量召回。',
  },
  sessionWaiting: { en: 'Train to the step target: the sessions run on the trained towers.', zh: '训练到目标步数后，在训练好的双塔上模拟会话。' },
  requestNo: { en: 'request in the session', zh: '会话中的第几次请求' },
  stored: { en: 'stored at session start', zh: '会话开始时存储' },
  perRequest: { en: 'computed per request', zh: '每次请求实时计算' },
  scaleTitle: { en: 'Scale: exact scan and HNSW from 10k to 1M vectors', zh: '规模：从一万到一百万个向量的精确查找与 HNSW' },
  scaleNote: {
    en: 'Synthetic vectors, not the trained model’s: random unit vectors of dimension {dim} around 64 random centres. Built and measured on demand in a worker of its own with the knobs’ M, efConstruction and efSearch; recall@10 against the exact top-10 of 200 queries (50 at 1M). A million vectors take many minutes to index (17 min in Node on the lab’s shared 2-core test machine at M 16, efConstruction 100; a smaller efConstruction builds faster).',
    zh: '合成向量，不是训练得到的向量：围绕 64 个随机中心的 {dim} 维随机单位向量。按需在独立的 Worker 中建索引并测量，使用旋钮的 M、efConstruction 和 efSearch；recall@10 相对 200 个查询（一百万时 50 个）的精确 top-10。为一百万个向量建索引需要很多分钟（在实验室共享的双核测试机上用 Node 实测 17 分钟，M 16，efConstruction 100；efConstruction 越小建得越快）。',
  },
  scaleBuild: { en: 'Build', zh: '建索引' },
  cancel: { en: 'Cancel', zh: '取消' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  starting: { en: 'starting…', zh: '正在启动……' },
  vectors: { en: 'vectors', zh: '向量数' },
  exactQuery: { en: 'exact, per query', zh: '精确查找 / 次' },
  buildS: { en: 'HNSW build', zh: 'HNSW 建索引' },
  hnswMemory: { en: 'HNSW memory', zh: 'HNSW 内存' },
  hnswQuery: { en: 'HNSW, per query', zh: 'HNSW / 次' },
  speedup: { en: 'speed-up', zh: '加速' },
  byEf: { en: 'recall@10 by efSearch —', zh: '不同 efSearch 的 recall@10——' },
  sessionNoGain: {
    en: 'Here the vector computed per request does not beat the stored one. With ρ = 0 the session carries no information about the next click; with few training steps the user tower has not yet learned to read it.',
    zh: '此处实时计算的向量没有胜过存储的向量。ρ = 0 时会话不含关于下一次点击的信息；训练步数太少时用户塔还没学会读取它。',
  },
};
