import type { Settings, Text } from './types';

/** Metrics a sweep chart can plot. 'gain.tail': tail recall relative to the `relativeTo` arm. */
export type SweepMetric = 'recall@50' | 'recall@50.tail' | 'recall@50.head' | 'headShare@50' | 'slate.auc' | 'gain.tail';

/**
 * A knob sweep a lesson offers: hidden fresh arms trained to the run's step count at each value of
 * one knob, every other setting as the run's. Points are measured, never precomputed.
 */
export interface SweepDef {
  /** The knob swept (a lesson knob or a shared training knob). */
  knob: string;
  values: number[];
  /** Arms the sweep trains; undefined: the arms switched on. */
  arms?: string[];
  /** How a value is written on the axis. */
  format: (v: number) => string;
  /** Log-scaled x axis. */
  log?: boolean;
  title: Text;
  note: Text;
  /** Metric shown first (default recall@50). */
  metric?: SweepMetric;
  /** Metrics offered (default: recall, tail recall, head share). */
  metrics?: SweepMetric[];
  /** The arm the 'gain.tail' view divides by (at the same knob value). */
  relativeTo?: string;
  /** Values this world allows (e.g. clicks ≤ items/4). */
  allowed?: (v: number, settings: Settings) => boolean;
}
