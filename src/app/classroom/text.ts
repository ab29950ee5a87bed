/** The classroom tools' strings (presenter, keys, share, export, offline), in both languages. */
import type { Lang } from '../config';

const STRINGS = {
  presenter: { en: 'Presenter mode', zh: '演示模式' },
  presenterOn: { en: 'Presenter mode on', zh: '演示模式已开' },
  presenterOff: { en: 'Presenter mode off', zh: '演示模式已关' },
  presenterHint: { en: 'P exits · ? keys · K knobs', zh: 'P 退出 · ? 快捷键 · K 参数' },
  knobs: { en: 'Knobs', zh: '参数' },
  keys: { en: 'Keyboard shortcuts', zh: '键盘快捷键' },
  keysButton: { en: 'Keys', zh: '快捷键' },
  keysNote: { en: 'Keys work anywhere on the page except while typing in a text field. Space always plays or pauses: press a focused button or checkbox with Enter; arrow keys still move a focused slider.', zh: '焦点在文本框里时快捷键不起作用，其余任何位置都可用。空格键总是开始/暂停：用回车键按下获得焦点的按钮或复选框；方向键仍可调节获得焦点的滑块。' },
  close: { en: 'Close', zh: '关闭' },
  k_space: { en: 'Play / pause', zh: '开始 / 暂停' },
  k_step: { en: 'Step', zh: '单步' },
  k_reset: { en: 'Reset the arms', zh: '重置各组' },
  k_arms: { en: 'Switch arm 1–9 on or off', zh: '打开或关闭第 1–9 组' },
  k_lessons: { en: 'Previous / next lesson', zh: '上一课 / 下一课' },
  k_lang: { en: 'Language: 中文 / English', zh: '语言：中文 / English' },
  k_present: { en: 'Presenter mode on / off', zh: '演示模式 开 / 关' },
  k_knobs: { en: 'Show / hide the knobs (presenter mode)', zh: '显示 / 隐藏参数（演示模式）' },
  k_help: { en: 'This list', zh: '本列表' },
  playing: { en: 'Training', zh: '训练中' },
  paused: { en: 'Paused', zh: '已暂停' },
  stepped: { en: 'Stepped', zh: '单步' },
  resetDone: { en: 'Arms reset', zh: '各组已重置' },
  armOn: { en: 'on', zh: '开' },
  armOff: { en: 'off', zh: '关' },
  share: { en: 'Share', zh: '分享' },
  shareTitle: { en: 'Share this view', zh: '分享当前视图' },
  shareNote: { en: 'Opens this lesson with the same arms, knobs, seed and language. Scan the code with a phone camera.', zh: '打开同一课、同样的实验组、参数、随机种子和语言。用手机相机扫描二维码。' },
  shareLocal: { en: 'This address only works on this computer: serve the lab on the room’s network (or a public host) for students to open it.', zh: '这个地址只在本机有效：请把实验室部署在教室网络（或公网）上，学生才能打开。' },
  copyLink: { en: 'Copy link', zh: '复制链接' },
  copied: { en: 'Copied', zh: '已复制' },
  link: { en: 'Link', zh: '链接' },
  export: { en: 'Export', zh: '导出' },
  exportRun: { en: 'The run', zh: '本次运行' },
  exportJson: { en: 'Run as JSON', zh: '运行结果 JSON' },
  exportCsv: { en: 'Per-step CSV', zh: '逐步 CSV' },
  copyTable: { en: 'Copy arm table', zh: '复制结果表' },
  tableCopied: { en: 'Arm table copied (tab-separated)', zh: '结果表已复制（制表符分隔）' },
  exportCharts: { en: 'Charts (for slides)', zh: '图表（用于幻灯片）' },
  exported: { en: 'Downloaded', zh: '已下载' },
  offline: { en: 'Offline — running from this browser’s copy', zh: '离线——使用本浏览器缓存的副本运行' },
  reference: { en: 'reference', zh: '参考' },
  seeds: { en: 'seeds', zh: '个种子' },
  bandNote: {
    en: 'Shaded bands: where each arm ends after {steps} steps on seeds {seeds} (reference, computed headless by the same engine).',
    zh: '阴影带：各组在随机种子 {seeds} 上训练 {steps} 步后的结果（参考值，由同一引擎离线算出）。',
  },
  bandOff: { en: 'Reference bands hidden: they are for the default settings.', zh: '参考带已隐藏：它们只对应默认参数。' },
} as const;

export type ClassroomKey = keyof typeof STRINGS;

export function ct(lang: Lang, key: ClassroomKey): string {
  return STRINGS[key][lang];
}
