import type { JobDef } from '../../src/lesson/jobs';
import type { ArmSpec, LessonDef, Settings } from '../../src/lesson/types';
import { HNSW_DEFAULTS } from '../../src/serve/index';
import { recallLatencyProbe, sessionProbe } from './probes';
import { scaleJob } from './scale';
import { text } from './text';

/**
 * One model, served two ways. Both arms train the same towers (listwise softmax against 64 shared
 * uniform negatives; the user tower also reads the topic of the session's previous click) and
 * differ only in the index their item vectors go into: the exact scan, or HNSW with the lesson's
 * M / efConstruction / efSearch.
 */
function arms(s: Settings): ArmSpec[] {
  const base = {
    loss: 'listwise',
    negatives: { kind: 'uniform' },
    negativeCount: 64,
    logQ: 'none',
    positives: { kind: 'raw' },
    userContext: 'session-topic',
  } as const;
  return [
    { ...base, id: 'exact', label: { en: 'Exact top-K (brute force)', zh: '精确 top-K（暴力枚举）' }, index: { kind: 'exact' } },
    {
      ...base,
      id: 'hnsw',
      label: { en: `HNSW (M ${s.M}, efSearch ${s.efSearch})`, zh: `HNSW（M ${s.M}，efSearch ${s.efSearch}）` },
      index: { kind: 'hnsw', M: s.M, efConstruction: s.efConstruction, efSearch: s.efSearch },
    },
  ];
}

export const serving: LessonDef = {
  id: 'serving',
  title: { en: 'Online serving', zh: '线上召回' },
  summary: {
    en: 'Item vectors in a vector index, the user vector computed per request: recall against latency, scale, and why user vectors are not stored.',
    zh: '物品向量存入向量数据库并建索引，用户向量在线实时计算：召回率与延迟、规模，以及为什么不存储用户向量。',
  },
  ready: true,
  armIds: ['exact', 'hnsw'],
  knobs: [
    { id: 'M', label: { en: 'HNSW links per node M', zh: 'HNSW 每个节点的连边数 M' }, min: 2, max: 64, step: 1, default: HNSW_DEFAULTS.M, integer: true, hot: true },
    { id: 'efSearch', label: { en: 'HNSW efSearch', zh: 'HNSW 搜索宽度 efSearch' }, min: 1, max: 512, step: 1, default: HNSW_DEFAULTS.efSearch, integer: true, hot: true },
    { id: 'efConstruction', label: { en: 'HNSW efConstruction', zh: 'HNSW 建索引宽度 efConstruction' }, min: 8, max: 400, step: 1, default: HNSW_DEFAULTS.efConstruction, integer: true, hot: true },
    { id: 'sessionLength', label: { en: 'Requests per session', zh: '每个会话的请求数' }, min: 2, max: 20, step: 1, default: 8, integer: true, hot: true },
    {
      id: 'sessionStickiness',
      label: { en: 'Session stickiness ρ', zh: '会话内兴趣延续 ρ' },
      min: 0,
      max: 0.9,
      step: 0.05,
      default: 0.6,
      world: true,
    },
  ],
  world: { sessionStickiness: 0.6 },
  defaults: { steps: 400 },
  arms,
  claim: text.claim,
  probes: [recallLatencyProbe, sessionProbe],
  jobs: [scaleJob as JobDef],
};
