/** View state of the classroom tools: which overlay is open, the knob drawer, the last announcement. */
import { create } from 'zustand';

export interface ClassroomState {
  help: boolean;
  share: boolean;
  /** Presenter mode: the knob drawer is open. */
  knobs: boolean;
  /** What the last shortcut did, for screen readers (aria-live); `n` makes a repeat announce again. */
  said: { text: string; n: number };
}

export const useClassroom = create<ClassroomState>()(() => ({ help: false, share: false, knobs: false, said: { text: '', n: 0 } }));

export function announce(text: string): void {
  useClassroom.setState((s) => ({ said: { text, n: s.said.n + 1 } }));
}
