/**
 * Out of sight, out of work: while the arms train, a chart or panel the reader cannot see keeps
 * its last picture instead of redrawing at every snapshot, and catches up when it scrolls near the
 * screen (or when the run stops, so exports and a paused page are current everywhere). On a
 * lesson's page most charts are below the fold while a student watches the first two; their
 * redraws, and the embedding map's refreshes, were most of the page's work while training.
 */
import { memo, type ReactNode, type RefObject, startTransition, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { takeTurn } from './later';
import { useRun } from '../store';

/** Near enough to draw: a chart about to scroll in is drawn a moment before. */
const MARGIN = '100px 0px';

/** Whether the element is on (or near) the screen; true until the browser says otherwise. */
export function useOnScreen<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      // A transition: catching up on a scroll is rendered in slices that input interrupts.
      (entries) => startTransition(() => setSeen(entries.at(-1)!.isIntersecting)),
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, seen];
}

/**
 * True while the arms train and the element is out of sight: its redraws can wait. Catching up
 * (scrolled near, or the run stopped) is a whole redraw: each held card takes a turn of its own
 * (later.ts), so a stopped run's cards do not all redraw in one task (113–184 ms here).
 */
export function useHeld<T extends Element>(): [RefObject<T | null>, boolean] {
  const [ref, seen] = useOnScreen<T>();
  const hold = useRun((s) => s.snapshot?.phase === 'running') && !seen;
  const [held, setHeld] = useState(hold);
  useEffect(() => {
    if (hold) setHeld(true);
    else if (held) return takeTurn(() => flushSync(() => setHeld(false)));
  }, [hold, held]);
  return [ref, held];
}

/** Its children as they were when `held` turned true, until it turns false (then as they are now). */
export const Hold = memo(
  function Hold({ children }: { held: boolean; children: ReactNode }) {
    return children;
  },
  (_, next) => next.held,
);
