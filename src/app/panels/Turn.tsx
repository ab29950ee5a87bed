/**
 * A lesson panel that mounts in a task of its own (useMountTurn): a page's panels all appear with
 * its first snapshot, and the heavier ones (the embedding map draws a canvas) would otherwise join
 * that one long task. Until its turn, an empty cell of the panel grid holds its place.
 */
import type { ReactNode } from 'react';
import { useMountTurn } from './later';

export function Turn({ children }: { children: ReactNode }) {
  return useMountTurn() ? children : <div className="panel-pending" aria-hidden />;
}
