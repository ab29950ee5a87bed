/**
 * What the worker last answered about the towers (view data of the embedding panel, apart from
 * the run's store): the latest answer, and the run's fixed item metadata, kept until a new run.
 */
import { create } from 'zustand';
import type { Inspection, ItemMeta } from '../../../worker/inspection';

export interface InspectionState {
  latest: Inspection | null;
  /** Run of the latest answer. */
  run: number;
  meta: ItemMeta | null;
  metaRun: number;
  /** How many answers have arrived (the panel's request loop waits for the next). */
  answers: number;
}

const EMPTY: InspectionState = { latest: null, run: -1, meta: null, metaRun: -1, answers: 0 };

export const useInspection = create<InspectionState>()(() => ({ ...EMPTY }));

/** A new worker (another lesson, a restart) counts its runs from 1 again: nothing of the last one may stay. */
export function resetInspection(): void {
  useInspection.setState({ ...EMPTY });
}

export function receiveInspection(inspection: Inspection, run: number): void {
  useInspection.setState((s) => ({
    latest: inspection,
    run,
    meta: inspection.meta ?? (s.metaRun === run ? s.meta : null),
    metaRun: inspection.meta ? run : s.metaRun,
    answers: s.answers + 1,
  }));
}
