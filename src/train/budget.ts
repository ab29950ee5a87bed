/**
 * A run's memory, estimated before anything is built: settings that would not fit are refused
 * up front with the estimated size (the CLI, the page and the worker all ask here), instead of
 * a tab that freezes and dies half-way through generating a world.
 */
import type { Settings } from '../lesson/types';
import { DEFAULT_WORLD } from '../world/generate';
import type { WorldConfig } from '../world/types';

/**
 * What one run may use. Chrome gives a tab's worker about 4 GB of JS heap on 64-bit machines and
 * much less on phones; a lecture keeps the lab open beside slides, so the lab stays under 1 GB.
 */
export const MEMORY_BUDGET_BYTES = 1_000_000_000;

/**
 * Logged rows (training and held-out slates) per click: measured 8.3 at 1,500 users × 20 clicks
 * and 7.9 at 3,000 × 40 (a slate of `shown` items, fewer where the user already clicked some).
 */
const ROWS_PER_CLICK_PER_SHOWN = 0.85;
/**
 * Peak bytes per logged row while the world is generated: measured 140 (1.19 M rows, 166 MB in
 * Node: the log builder's JS arrays, then their typed copies), rounded up.
 */
const BYTES_PER_ROW = 160;
/** Weights, Adam's two moments and a checkpoint copy: four floats per parameter. */
const FLOATS_PER_PARAMETER = 4;
/** Feature embeddings are this wide (src/train/arm.ts towerShape); rows beyond ids are small. */
const EMBEDDING_DIM = 16;
/** Rows of the non-id feature tables of both towers together (categories, tags, cities…): a generous bound. */
const FEATURE_ROWS = 2_000;
/** Users scored per evaluation block (src/eval/evaluate.ts), scores read back as a copy. */
const EVAL_BLOCK_USERS = 256;

export interface MemoryEstimate {
  bytes: number;
  /** Logged rows of the world (its largest part). */
  rows: number;
  fits: boolean;
}

/** The estimated peak memory of a run: the world's logs, each arm's model, one evaluation block. */
export function estimateRunBytes(world: Partial<WorldConfig>, settings: Settings, arms: number): MemoryEstimate {
  const cfg = { ...DEFAULT_WORLD, ...world };
  const rows = Math.ceil(cfg.users * cfg.clicksPerUser * (1 + cfg.testShare) * cfg.shown * ROWS_PER_CLICK_PER_SHOWN);
  const dim = settings.dim ?? 32;
  const hidden = settings.hidden ?? 64;
  const layers = settings.layers ?? 1;
  const tableRows = cfg.users + cfg.items + FEATURE_ROWS;
  const mlp = 2 * (8 * EMBEDDING_DIM * hidden + Math.max(0, layers - 1) * hidden * hidden + hidden * dim);
  const perArm = (tableRows * EMBEDDING_DIM + mlp + cfg.items * dim) * 4 * FLOATS_PER_PARAMETER;
  const evalBlock = EVAL_BLOCK_USERS * cfg.items * 4 * 2;
  const bytes = rows * BYTES_PER_ROW + arms * perArm + evalBlock;
  return { bytes, rows, fits: bytes <= MEMORY_BUDGET_BYTES };
}

/** Bytes as people read them: "1.4 GB", "310 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** What to do about a refusal, by default: the knobs that shrink the world. */
export const LOWER_THE_WORLD = { en: 'lower users, clicks per user or items', zh: '请减少用户数、人均点击或物品数' };

/** The refusal, in one sentence per language, ending with `remedy` (null when the run fits). */
export function budgetRefusal(estimate: MemoryEstimate, remedy: { en: string; zh: string } = LOWER_THE_WORLD): { en: string; zh: string } | null {
  if (estimate.fits) return null;
  const size = formatBytes(estimate.bytes);
  const budget = formatBytes(MEMORY_BUDGET_BYTES);
  const rows = `${(estimate.rows / 1e6).toFixed(1)}M`;
  return {
    en: `These settings would need about ${size} (${rows} logged rows), over the lab's ${budget} budget: ${remedy.en}.`,
    zh: `这组设置约需 ${size} 内存（${rows} 条日志），超出本实验室 ${budget} 的上限：${remedy.zh}。`,
  };
}
