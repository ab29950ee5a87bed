import type { Knob, Settings } from '../lesson/types';
import { oneLine, quote } from '../util/text';

/** Knobs every lesson has: the training set-up and the world's size and skew. */
export const TRAINING_KNOBS: Knob[] = [
  { id: 'seed', label: { en: 'Seed', zh: '随机种子' }, min: 0, max: 1_000_000, step: 1, default: 7, integer: true, world: true },
  { id: 'steps', label: { en: 'Steps', zh: '训练步数' }, min: 10, max: 20_000, step: 10, default: 600, integer: true },
  { id: 'lr', label: { en: 'Learning rate', zh: '学习率' }, min: 0.0001, max: 1, step: 0.0001, default: 0.01, log: true },
  { id: 'batch', label: { en: 'Batch size', zh: '批大小' }, min: 16, max: 1024, step: 16, default: 256, integer: true },
  { id: 'dim', label: { en: 'Vector dim', zh: '向量维度' }, min: 4, max: 128, step: 4, default: 32, integer: true },
  { id: 'layers', label: { en: 'Hidden layers', zh: '隐藏层数' }, min: 0, max: 3, step: 1, default: 1, integer: true },
  { id: 'hidden', label: { en: 'Hidden width', zh: '隐藏层宽度' }, min: 8, max: 256, step: 8, default: 64, integer: true },
  { id: 'temperature', label: { en: 'Temperature τ', zh: '温度 τ' }, min: 0.02, max: 1, step: 0.01, default: 0.1 },
  { id: 'users', label: { en: 'Users', zh: '用户数' }, min: 50, max: 10_000, step: 50, default: 1500, integer: true, world: true },
  { id: 'items', label: { en: 'Items', zh: '物品数' }, min: 100, max: 20_000, step: 100, default: 3000, integer: true, world: true },
  { id: 'zipf', label: { en: 'Popularity skew s', zh: '热度偏斜 s' }, min: 0, max: 2, step: 0.05, default: 1, world: true },
  { id: 'clicks', label: { en: 'Clicks per user', zh: '人均点击' }, min: 2, max: 200, step: 1, default: 20, world: true },
  { id: 'exposureBias', label: { en: 'Exposure bias γ of the log', zh: '日志的曝光偏差 γ' }, min: 0, max: 2, step: 0.05, default: 0, world: true },
];

/** Clamps a value into a knob's range (and to an integer where the knob is one). */
export function clampKnob(knob: Knob, value: number): number {
  let v = Math.min(knob.max, Math.max(knob.min, value));
  if (knob.integer) v = Math.round(v);
  return v;
}

/** Problems found while reading settings: each is one clear sentence for the user. */
export interface SettingsResult {
  settings: Settings;
  notices: string[];
}

/**
 * Reads raw string values (URL query, CLI flags) against the knobs: unknown keys and non-numbers
 * are dropped, out-of-range values clamped, and each correction is reported.
 */
export function readSettings(knobs: Knob[], raw: Record<string, string | undefined>, defaults: Settings = {}): SettingsResult {
  const settings: Settings = {};
  const notices: string[] = [];
  for (const knob of knobs) {
    const fallback = defaults[knob.id] ?? knob.default;
    const text = raw[knob.id];
    if (text === undefined) {
      settings[knob.id] = fallback;
      continue;
    }
    if (text.trim() === '') {
      notices.push(`${knob.id} is empty; using ${fallback}.`);
      settings[knob.id] = fallback;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) {
      notices.push(`${knob.id}=${quote(text)} is not a number; using ${fallback}.`);
      settings[knob.id] = fallback;
      continue;
    }
    // Six significant digits, as links write them (config.ts formatKnob): a reload reads the same value.
    const clamped = clampKnob(knob, knob.integer ? value : Number(value.toPrecision(6)));
    if (Math.abs(clamped - value) > 1e-5 * Math.abs(value)) notices.push(`${knob.id}=${oneLine(text, 40)} is outside ${knob.min}…${knob.max}; using ${clamped}.`);
    settings[knob.id] = clamped;
  }
  return { settings, notices };
}
