/**
 * Texts of the updates lesson: its claim, its page texts (zh after the wording of the course notes,
 * en written for this lab) and the strings of its panels. Inline math as $…$.
 */
import type { LessonContent } from '../../src/lesson/content';
import type { Text } from '../../src/lesson/types';
import { FIRST_DAY_EPOCHS, STREAM_BATCH } from '../../src/train/updates';

export const text = {
  claim: {
    en: 'Full updates (daily, one shuffled epoch over yesterday’s data, all parameters) and incremental updates (online, in time order, ID embeddings only) each help; the industry does both, and together they retrieve best on the next requests. Incremental updates alone fall behind: data within an hour is biased, and shuffled beats time-ordered.',
    zh: '全量更新（每天、用昨天的数据随机打乱训练 1 epoch、更新全部参数）与增量更新（online learning、按时间顺序、只更新 ID embedding）各有作用；业界两者结合，对新的请求召回最好。只做增量更新会落后：小时级数据有偏，随机打乱优于按顺序排列。',
  } satisfies Text,
};

export const content: LessonContent = {
  idea: {
    zh: '双塔模型上线之后要持续更新：用户的兴趣每天都在变，新的点击不断产生。笔记讲两种更新：全量更新每天凌晨用昨天的全部数据训练整个模型；增量更新做 online learning，用实时数据流更新 ID embedding。下面四组用同一个模型、同样的数据，只是更新策略不同：每个模拟的小时，有点击的用户各发一次请求，当时在线的模型为他们召回，用他们这个小时实际点击的物品检验——这些数据模型从未训练过。',
    en: 'A two-tower model in production keeps being updated: users’ interests change every day and new clicks keep coming. The notes describe two kinds of update: a full update retrains the whole model every night on all of yesterday’s data; an incremental update learns online from the live stream, updating the ID embeddings. The four arms below share the model and the data and differ only in how they update. Each simulated hour, every user who clicks sends one request; the model in service at that moment retrieves for them and is judged on what they actually click in that hour — data it has never trained on.',
  },
  sections: [
    {
      arms: ['full'],
      title: { zh: '全量更新', en: 'Full update' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '今天凌晨，用昨天的数据训练整个神经网络。', en: 'Early this morning, train the whole network on yesterday’s data.' },
            { zh: '在昨天模型参数的基础上做训练（不是重新随机初始化）。', en: 'Start from yesterday’s parameters (not a fresh random initialisation).' },
            { zh: '用昨天的数据训练 1 epoch，即每天的数据只用一遍；数据随机打乱（random shuffle）。', en: 'One epoch over yesterday’s data — each day’s data is used once — randomly shuffled.' },
            { zh: '发布新的用户塔神经网络和物品向量，供线上召回使用。', en: 'Publish the new user-tower network and item vectors for online retrieval.' },
            { zh: '全量更新对数据流、系统的要求比较低。', en: 'Full updates ask little of the data pipeline and the system.' },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: `本实验中：第 0 天的数据训练出第一个模型（随机打乱，${FIRST_DAY_EPOCHS} 个 epoch，所有组都从它开始）；之后每个“夜里”，全量组在自己前一天模型的基础上，用前一天的点击随机打乱训练 1 epoch，更新全部参数。`,
            en: `In this lab: day 0’s data trains the first model (shuffled, ${FIRST_DAY_EPOCHS} epochs; every arm starts from it); after that, each “night” the full arm trains one shuffled epoch over the previous day’s clicks, from its own previous model, updating every parameter.`,
          },
        },
      ],
    },
    {
      arms: ['incremental'],
      title: { zh: '增量更新（online learning）', en: 'Incremental update (online learning)' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '用户兴趣会随时发生变化。', en: 'Users’ interests change at any time.' },
            { zh: '实时收集线上数据，做流式处理，生成训练数据。', en: 'Collect online data in real time and stream it into training examples.' },
            { zh: '对模型做 online learning，增量更新 ID embedding 参数（不更新神经网络其他部分的参数）。', en: 'Learn online, updating the ID embedding parameters incrementally (the rest of the network is not updated).' },
            { zh: '发布用户 ID embedding，供用户塔在线上计算用户向量。', en: 'Publish the user ID embeddings, from which the user tower computes user vectors online.' },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: `本实验中：每个小时结束时，增量组按时间顺序、以小 batch（默认 ${STREAM_BATCH} 个点击）学习这一小时的点击，只更新用户和物品的 ID embedding；神经网络和其他特征的 embedding 在第 0 天之后冻结（单元测试检查它们在增量更新前后逐位相同）。`,
            en: `In this lab: at the end of each hour the incremental arm learns that hour’s clicks in time order, in small batches (${STREAM_BATCH} clicks by default), updating only the user and item ID embeddings; the network and the other features’ embeddings are frozen after day 0 (a unit test checks they are bit-identical before and after an incremental update).`,
          },
        },
      ],
    },
    {
      arms: ['full-and-incremental', 'frozen'],
      title: { zh: '全量 + 增量；不更新', en: 'Full plus incremental; and never updating' },
      blocks: [
        {
          kind: 'p',
          text: {
            zh: '业界的做法是两者结合：每天凌晨做全量更新，白天在全量模型的基础上做增量更新。本实验按笔记的图：每晚的全量更新从前一晚的全量模型开始（而不是从增量更新过的模型开始），白天的增量更新从新的全量模型开始。“不更新”组在第 0 天之后不再训练，显示兴趣漂移的代价。',
            en: 'The industry combines the two: a full update every night, incremental updates during the day on top of the full model. This lab follows the notes’ picture: each night’s full update starts from the previous night’s full model (not from the incrementally updated one), and the day’s incremental updates start from the new full model. The frozen arm never trains after day 0: it shows what the drift of interests costs.',
          },
        },
      ],
    },
    {
      title: { zh: '能否只做增量更新，不做全量更新？', en: 'Could one do incremental updates alone, and no full update?' },
      blocks: [
        {
          kind: 'list',
          items: [
            { zh: '小时级数据有偏；分钟级数据偏差更大。', en: 'Data within an hour is biased; within a minute, more so.' },
            { zh: '全量更新：random shuffle 一天的数据，做 1 epoch 训练。', en: 'Full update: shuffle a whole day’s data, train one epoch.' },
            { zh: '增量更新：按照数据从早到晚的顺序，做 1 epoch 训练。', en: 'Incremental update: train one epoch on the data in time order, from morning to night.' },
            { zh: '随机打乱优于按顺序排列数据；全量训练优于增量训练。', en: 'Shuffled beats time-ordered; full training beats incremental training.' },
          ],
        },
        {
          kind: 'p',
          text: {
            zh: '本实验的世界里，每个话题在一天中有自己的高峰时段（“话题随时段的偏斜”控制高峰有多高），所以同一小时的点击集中在少数几个话题上：按时间顺序的 batch 是有偏的（见下方的话题分布图）。用户的兴趣每天漂移（“兴趣每天的漂移”）。“夜里的更新”设为 0，全量更新就按时间顺序而不是随机打乱训练——直接检验“随机打乱优于按顺序排列”。',
            en: 'In this lab’s world each topic has its own peak hour of the day (“hour-of-day skew” sets how high the peaks are), so an hour’s clicks crowd into a few topics: time-ordered batches are biased (see the topic map below). Users’ interests drift every day (“interest drift per day”). Set “nightly update” to 0 and the full update trains in time order instead of shuffled — the notes’ “shuffled beats time-ordered”, tested directly.',
          },
        },
        {
          kind: 'p',
          text: {
            zh: '我们的运行中（默认世界，种子 7–9）：全量 + 增量的平均召回率比只做全量高 0.012–0.015，比只做增量高 0.013–0.032；最后 3 天每种更新都比不更新高 0.06–0.11。只做增量比全量低 0.014、0.020，种子 9 上反而高 0.002。夜里按时间顺序训练，全量更新的平均值只低 0–0.006：一个 batch（256）大约就是一小时的点击，而模型的大部分参数是各个 ID 自己的 embedding，只受自己的点击影响，不管是几点。同理，把偏斜从 0.9 调到 0，增量组几乎不变（种子 7：0.206 对 0.205）。即使漂移为 0，“不更新”组也一天比一天落后（种子 7，最后 3 天：漂移 0 时 0.127，0.15 时 0.106，0.5 时 0.085）：它学不到新的点击，而且用户不会重复点击同一个物品，后来的点击落在他列表中更靠后的位置——Oracle 的召回率也随之下降。漂移越大，增量更新越接近全量（0.5 时超过：0.205 对 0.199）。',
            en: 'In our runs (default world, seeds 7–9): full + incremental beat full alone by 0.012–0.015 on the mean and incremental alone by 0.013–0.032; on the last 3 days every updating policy beat the frozen model by 0.06–0.11. Incremental alone trailed full by 0.014 and 0.020, and led it by 0.002 on seed 9. Training the night in time order cost the full update only 0–0.006 on the mean: a batch (256) is about one hour of clicks, and most of the model’s parameters are per-ID embeddings, which move only with their own clicks, whatever the hour. For the same reason the incremental arm barely moves when the skew goes from 0.9 to 0 (seed 7: 0.206 vs 0.205). The frozen arm falls behind even without drift (seed 7, last 3 days: 0.127 at drift 0, 0.106 at 0.15, 0.085 at 0.5): it never learns from the new clicks, and a user never clicks an item twice, so later clicks reach further down their list — the oracle falls too. The more drift, the closer incremental updates come to full ones (at 0.5 they pass them: 0.205 vs 0.199).',
          },
        },
      ],
    },
  ],
  watch: [
    {
      en: 'The frozen arm falls further behind every day: it never learns from the new clicks, and drift widens the gap — raise the drift and it falls faster.',
      zh: '“不更新”组一天比一天落后：它学不到新的点击，漂移又拉大了差距——调高漂移，它落后得更快。',
    },
    {
      en: 'Full + incremental sits on top on most days: the night’s full update plus the day’s fresh ID embeddings.',
      zh: '“全量 + 增量”在多数日子里最高：夜里的全量更新，加上白天新鲜的 ID embedding。',
    },
    {
      en: 'Incremental alone starts strong (fresh data) and then falls behind full updates: its network and feature embeddings never learn again. With strong drift it catches up.',
      zh: '只做增量更新起步不错（数据新鲜），之后落后于全量更新：它的神经网络和特征 embedding 不再学习。漂移很强时，它会追上来。',
    },
    {
      en: 'The oracle’s line falls over the days too: a user never clicks an item twice, so later clicks go further down their list.',
      zh: 'Oracle 的曲线也随天数下降：用户不会重复点击同一个物品，后来的点击落在他列表中更靠后的位置。',
    },
  ],
  source: {
    en: 'Course notes on two-tower retrieval: online serving and model updates (full update, incremental update, why not incremental alone).',
    zh: '课程笔记《双塔模型》：线上服务与模型更新（全量更新、增量更新、能否只做增量更新）。',
  },
};

/** Strings of the lesson's panels. */
export const panelText = {
  timelineTitle: { en: 'Recall@50 of each served day', zh: '每个服务日的召回率 Recall@50' },
  timelineNote: {
    en: 'Each point: every request of that day, retrieved by the model in service at that hour and judged on that hour’s clicks (after the update on the day before). Dashed: the oracle, which ranks by the true interests of that day.',
    zh: '每个点：这一天的全部请求，由当时在线的模型召回，用这一小时的点击检验（前一天之后的更新已完成）。虚线：Oracle，按这一天的真实兴趣排序。',
  },
  day: { en: 'Day', zh: '第' },
  dayUnit: { en: '', zh: '天' },
  servedDay: { en: 'served day', zh: '服务日' },
  oracle: { en: 'Oracle (true interests that day)', zh: 'Oracle（当天的真实兴趣）' },
  clockTitle: { en: 'Simulated time', zh: '模拟时间' },
  clockNight: { en: 'night: full updates on yesterday’s clicks', zh: '夜里：用昨天的点击做全量更新' },
  clockDay: { en: 'serving; incremental updates after each hour', zh: '线上服务；每小时结束时做增量更新' },
  clockFirst: { en: 'first, every arm trains on day 0', zh: '首先，所有组用第 0 天的数据训练' },
  clockDone: { en: 'all days served', zh: '所有日子都已服务完' },
  meanTitle: { en: 'Mean over the served days', zh: '各服务日的平均' },
  meanNote: { en: 'recall@50, mean of the days served so far; last: the latest day', zh: 'Recall@50，已服务各天的平均；最近：最近一天' },
  mean: { en: 'mean', zh: '平均' },
  last: { en: 'last', zh: '最近' },
  verdictHolds: {
    en: 'So far, full + incremental is at or above both single policies on the mean — the notes’ claim holds in this run.',
    zh: '到目前为止，“全量 + 增量”的平均值不低于两种单一策略——笔记的结论在这次运行中成立。',
  },
  verdictFails: {
    en: 'So far, full + incremental is below a single policy on the mean — the notes’ claim does not hold in this run (yet).',
    zh: '到目前为止，“全量 + 增量”的平均值低于某个单一策略——笔记的结论在这次运行中（暂时）不成立。',
  },
  incrementalBeatsFull: {
    en: 'In this run incremental updates alone beat full updates on the mean. In our world users’ features never change, so a user’s drifting interest can be learned only by their ID embedding — exactly what incremental updates train, the same day, while a full update learns it a day later. The network’s frozen weights and the hour-biased batches cost less here than that delay.',
    zh: '这次运行中，只做增量更新的平均值高于全量更新。我们的世界里用户特征不变，用户兴趣的漂移只能由用户 ID embedding 学到——这正是增量更新当天就训练的参数，而全量更新要晚一天才学到。在这里，神经网络被冻结、batch 受时段影响有偏的损失小于这一天的滞后。',
  },
  waiting: { en: 'Press Play: the first day is judged after 24 simulated hours.', zh: '点击“开始”：24 个模拟小时后得到第一天的结果。' },
  mixTitle: { en: 'Topics by hour of day (the click log)', zh: '各时段的话题分布（点击日志）' },
  mixNote: {
    en: 'Share of each topic among an hour’s clicks, relative to its share over the whole day (darker: over-represented). A time-ordered batch sees one column at a time.',
    zh: '每个话题在某个小时的点击中所占比例，相对于它在全天中的比例（颜色越深，越偏多）。按时间顺序的 batch 一次只看到一列。',
  },
  hour: { en: 'hour', zh: '时' },
  topic: { en: 'topic', zh: '话题' },
  mixSpread: { en: 'mean |hour share − day share| / day share', zh: '平均 |小时比例 − 全天比例| / 全天比例' },
} satisfies Record<string, Text>;
