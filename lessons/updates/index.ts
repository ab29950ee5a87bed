import type { ArmSpec, LessonDef } from '../../src/lesson/types';
import { HOURS_PER_DAY, STREAM_BATCH } from '../../src/train/updates';
import { dailyOracleProbe, hourlyMixProbe } from './probes';
import { text } from './text';

/** Days of the lesson's log: day 0 makes the first model, days 1–10 are served. */
const DAYS = 11;

/**
 * Four update policies for the same two towers — listwise softmax against 64 uniform negatives
 * shared by the batch — that differ only in when and on what they train (src/train/updates.ts).
 */
function arms(): ArmSpec[] {
  const base = { loss: 'listwise', negatives: { kind: 'uniform' }, negativeCount: 64, logQ: 'none', positives: { kind: 'raw' } } as const;
  return [
    { ...base, id: 'full', label: { en: 'Full update (daily)', zh: '全量更新（每天）' }, update: 'full' },
    { ...base, id: 'incremental', label: { en: 'Incremental only (hourly)', zh: '只做增量更新（每小时）' }, update: 'incremental' },
    { ...base, id: 'full-and-incremental', label: { en: 'Full + incremental', zh: '全量 + 增量' }, update: 'full-and-incremental' },
    { ...base, id: 'frozen', label: { en: 'Frozen after day 0', zh: '第 0 天后不再更新' }, update: 'frozen' },
  ];
}

const servedHours = (DAYS - 1) * HOURS_PER_DAY;

export const updates: LessonDef = {
  id: 'updates',
  title: { en: 'Model updates', zh: '模型更新' },
  summary: {
    en: 'Full updates retrain daily on shuffled data, incremental updates learn ID embeddings from the stream; the industry does both.',
    zh: '全量更新每天用打乱的数据训练，增量更新从实时数据流学习 ID embedding；业界两者结合。',
  },
  ready: true,
  armIds: ['full', 'incremental', 'full-and-incremental', 'frozen'],
  knobs: [
    // The simulated time replaces the step count: a step is one served hour.
    { id: 'steps', label: { en: 'Hours to serve', zh: '模拟的小时数' }, min: HOURS_PER_DAY, max: servedHours, step: HOURS_PER_DAY, default: servedHours, integer: true },
    { id: 'driftPerDay', label: { en: 'Interest drift per day', zh: '兴趣每天的漂移' }, min: 0, max: 0.5, step: 0.01, default: 0.15, world: true },
    { id: 'hourSkew', label: { en: 'Hour-of-day skew of topics', zh: '话题随时段的偏斜' }, min: 0, max: 1, step: 0.05, default: 0.9, world: true },
    { id: 'shuffleNightly', label: { en: 'Nightly update: shuffled (1) or in time order (0)', zh: '夜里的更新：随机打乱 (1) 或按时间顺序 (0)' }, min: 0, max: 1, step: 1, default: 1, integer: true },
    { id: 'streamBatch', label: { en: 'Incremental batch (clicks)', zh: '增量更新的 batch（点击数）' }, min: 4, max: 256, step: 4, default: STREAM_BATCH, integer: true },
  ],
  world: { days: DAYS + 1, clicksPerUser: 40 },
  arms,
  claim: text.claim,
  probes: [dailyOracleProbe, hourlyMixProbe],
  // Each served day is judged as it ends.
  evaluateEvery: HOURS_PER_DAY,
};
