import type { SweepDef } from '../../src/lesson/sweep';
import { RETRIEVED_PER_PRERANKED } from '../../src/world/pipeline';

const EACH_POINT = {
  en: 'A finished run adds its own point; the button trains the missing ones, one after another.',
  zh: '每次训练完成会自动加上当前设置的点；按钮依次训练缺少的点。',
};

/** The hard share, where the ranker's cut lies, and how biased the training log is. */
export const sweeps: SweepDef[] = [
  {
    knob: 'hardShare',
    values: [0, 0.25, 0.5, 0.75, 1],
    arms: ['hard-mix'],
    format: (v) => `${Math.round(v * 100)}%`,
    title: { en: 'Hard-mix as the hard share goes from 0% to 100%', zh: '困难负样本比例从 0% 到 100% 时的混合组' },
    note: {
      en: `Each point: a fresh hard-mix arm trained the full step count on this world and setting (0% = all easy ∝ (clicks+1)^α, the pop arm’s negatives). ${EACH_POINT.en}`,
      zh: `每个点：在同一个世界和设置下，从头训练满步数的混合组（0% 即全部为 ∝ (点击次数+1)^α 的简单负样本，与 pop 组的负样本相同）。${EACH_POINT.zh}`,
    },
  },
  {
    knob: 'preRanked',
    values: [25, 50, 100, 200, 400],
    arms: ['hard-mix'],
    format: (v) => String(v),
    log: true,
    allowed: (v, s) => s.items === undefined || RETRIEVED_PER_PRERANKED * v <= s.items,
    title: { en: 'Where the ranker’s cut lies: pre-ranking keeps N of 2N retrieved', zh: '排序的截断在哪里：粗排从 2N 个召回结果中保留 N 个' },
    note: {
      en: `Hard negatives are the items pre-ranking cut (ranks N…2N of its order) and the low half of ranking (N/2…N). With N = 25 they lie inside the top-50 that recall@50 judges: they are the user’s next clicks. With N = 200 they lie far beyond it, as in production. Compare each point with the pop arm’s recall (the same easy negatives without hard ones; the cut does not change it). ${EACH_POINT.en}`,
      zh: `困难负样本是被粗排淘汰的物品（粗排顺序中的第 N…2N 名）和精排排在后一半的物品（第 N/2…N 名）。N = 25 时它们就在 recall@50 评判的前 50 名之内：正是用户接下来会点击的物品。N = 200 时它们远在其外，和线上系统一样。把每个点与 pop 组的召回率比较（同样的简单负样本、没有困难负样本；截断位置不影响它）。${EACH_POINT.zh}`,
    },
  },
  {
    knob: 'exposureBias',
    values: [0, 0.5, 1, 1.5],
    arms: ['uniform', 'pop-0.75'],
    format: (v) => `γ=${v}`,
    title: { en: 'When debiasing pays: exposure bias γ of the training log', zh: '纠偏何时划算：训练日志的曝光偏差 γ' },
    note: {
      en: `Each value is a new world whose training clicks carry an extra factor pi_i^γ from what the previous recommender showed; held-out clicks still follow the true preference. At γ = 0 the log is unbiased and ∝ clicks^α trades recall for the tail; as γ grows the log over-represents popular items and the same debiasing wins recall. ${EACH_POINT.en}`,
      zh: `每个取值都是一个新世界：训练点击多了一个来自上一代推荐系统曝光的因子 pi_i^γ；留出点击仍服从真实兴趣。γ = 0 时日志无偏，∝ 点击次数^α 是用召回率换长尾；γ 越大，日志中的热门物品越被高估，同样的纠偏就能赢得召回率。${EACH_POINT.zh}`,
    },
  },
];
