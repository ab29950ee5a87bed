import type { SweepDef } from '../../src/lesson/sweep';

/** The hard share from 0% to 100%, on the hard-mix arm. */
export const sweeps: SweepDef[] = [
  {
    knob: 'hardShare',
    values: [0, 0.25, 0.5, 0.75, 1],
    arms: ['hard-mix'],
    format: (v) => `${Math.round(v * 100)}%`,
    title: { en: 'Hard-mix as the hard share goes from 0% to 100%', zh: '困难负样本比例从 0% 到 100% 时的混合组' },
    note: {
      en: 'Each point: a fresh hard-mix arm trained the full step count on this world and setting (0% = all easy ∝ clicks^α, the pop arm’s negatives). A finished run adds its own point; the button trains the missing ones, one after another.',
      zh: '每个点：在同一个世界和设置下，从头训练满步数的混合组（0% 即全部为 ∝ 点击次数^α 的简单负样本，与 pop 组的负样本相同）。每次训练完成会自动加上当前比例的点；按钮依次训练缺少的点。',
    },
  },
];
