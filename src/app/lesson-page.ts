/**
 * The React part of a lesson: its page texts, the panels it draws under the shared charts, and
 * its knob sweeps. Each lesson folder default-exports one from `page.tsx`; `lessons/pages.ts`
 * loads it lazily, so a lesson's panels reach the browser only when its page opens.
 */
import type { ReactNode } from 'react';
import type { LessonContent } from '../lesson/content';
import type { SweepDef } from '../lesson/sweep';
import type { LessonDef, Text } from '../lesson/types';
import type { Baselines, Snapshot } from '../worker/protocol';
import type { Lang, LessonConfig } from './config';
import type { CommandBody } from './lab-client';

/** What every lesson panel is drawn from. */
export interface PanelProps {
  lesson: LessonDef;
  lang: Lang;
  snapshot: Snapshot;
  baselines: Baselines;
  /** Arm labels under the current settings. */
  labels: Record<string, Text>;
  config: LessonConfig;
  send: (c: CommandBody) => void;
  /** Changes whenever an evaluation of a live, switched-on arm arrives (memoised panels compare it). */
  version: string;
}

/** One panel of a lesson page, in the order drawn. */
export interface PanelEntry {
  key: string;
  /** Spans the whole row. */
  wide?: boolean;
  render(p: PanelProps): ReactNode;
}

export interface LessonPageDef {
  content: LessonContent;
  /** Draw the shared charts (loss, recall, head/tail, head share over steps) and the references in the arm table; default true. */
  sharedCharts?: boolean;
  /** Panels under the shared charts. An odd half-width panel out spans its row. */
  panels?: PanelEntry[];
  /** Knob sweeps, drawn last, full width. */
  sweeps?: SweepDef[];
}
