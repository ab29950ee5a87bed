/**
 * The one place a world config is built from settings: the CLI, the worker and the page all come
 * here, so a knob means the same world wherever it is turned.
 */
import type { WorldConfig } from './types';

/** Knob id → world config key, for the knobs that shape the world (`clicks` sets `clicksPerUser`). */
export function worldKey(knobId: string): string {
  return knobId === 'clicks' ? 'clicksPerUser' : knobId;
}

/**
 * The world of a lesson: its default world (`base`), then the value of every world knob in
 * `settings` (knobs without a value keep the base's or the generator's default).
 */
export function worldConfigOf(base: Partial<WorldConfig>, settings: Record<string, number>, worldKnobIds: readonly string[]): Partial<WorldConfig> {
  const cfg: Record<string, number> = { ...(base as Record<string, number>) };
  for (const id of worldKnobIds) if (settings[id] !== undefined) cfg[worldKey(id)] = settings[id];
  return cfg as Partial<WorldConfig>;
}

/**
 * The generator requires clicks per user ≤ items / 4 (a cross-knob rule the knob ranges cannot
 * express). Returns the largest allowed value.
 */
export function maxClicksFor(items: number): number {
  return Math.floor(items / 4);
}

/** Retrieval hands pre-ranking twice as many candidates as pre-ranking keeps. */
export const RETRIEVED_PER_PRERANKED = 2;

/** Retrieval can return at most every item: the most pre-ranking can keep. */
export function maxPreRankedFor(items: number): number {
  return Math.floor(items / RETRIEVED_PER_PRERANKED);
}
