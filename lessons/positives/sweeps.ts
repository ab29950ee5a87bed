import type { SweepDef } from '../../src/lesson/sweep';

/** How biased the training log is: when re-sampling the positives pays. */
export const sweeps: SweepDef[] = [
  {
    knob: 'exposureBias',
    values: [0, 0.5, 1, 1.5],
    arms: ['raw', 'downsample-head'],
    format: (v) => `γ=${v}`,
    title: { en: 'When re-sampling pays: exposure bias γ of the training log', zh: '重新采样何时划算：训练日志的曝光偏差 γ' },
    note: {
      en: 'Each value is a new world whose training clicks carry an extra factor pi_i^γ from what the previous recommender showed; held-out clicks still follow the true preference. Each point: a fresh arm trained the full step count. A finished run adds its own points; the button trains the missing ones, one after another.',
      zh: '每个取值都是一个新世界：训练点击多了一个来自上一代推荐系统曝光的因子 pi_i^γ；留出点击仍服从真实兴趣。每个点：从头训练满步数的一组。每次训练完成会自动加上当前设置的点；按钮依次训练缺少的点。',
    },
  },
];
