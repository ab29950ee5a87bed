import type { SweepDef } from '../../src/lesson/sweep';

/** The softmax temperature τ, for the arms switched on. */
export const sweeps: SweepDef[] = [
  {
    knob: 'temperature',
    values: [0.05, 0.1, 0.2, 0.5],
    format: (v) => String(v),
    log: true,
    title: { en: 'Effect of the temperature τ', zh: '温度 τ 的影响' },
    note: {
      en: 'Each point: a fresh arm trained the full step count at that τ (everything else as set). A finished run adds its own points; the button trains the missing ones for the arms switched on.',
      zh: '每个点：在该 τ 下从头训练满步数的一组（其余设置不变）。每次训练完成会自动加上当前 τ 的点；按钮为已打开的各组依次训练缺少的点。',
    },
  },
];
