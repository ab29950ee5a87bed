/**
 * Charts that change together draw in tasks of their own. An evaluation changes the recall, head
 * share and head/tail charts and the lesson's panels at once; drawn in one React commit that was
 * one main-thread task of 150–250 ms (recharts' updates are synchronous). Each gets the snapshot
 * `slot` steps of SLOT_MS later instead: the same pictures, a few frames apart, none of them long.
 * Each is rendered as a transition (slot 0: a deferred value), so React renders it in slices and
 * a click or a key arriving meanwhile is answered first: the snapshots come from a zustand store,
 * whose updates React otherwise renders in one piece.
 */
import { startTransition, useDeferredValue, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

const SLOT_MS = 40;

/** `value` as it was a moment ago (slot 0: now). Never starves: a value that keeps changing is drawn every `slot × SLOT_MS`. */
export function useLater<T>(value: T, slot: number): T {
  const [later, setLater] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (slot === 0 || timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      startTransition(() => setLater(latest.current));
    }, slot * SLOT_MS);
  }, [value, slot]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const deferred = useDeferredValue(value);
  return slot === 0 ? deferred : later;
}

/**
 * Heavy redraws waiting for a turn, first come first served. A recharts chart's first render
 * settles in several synchronous passes (it registers its parts, lays them out, measures its tick
 * labels): 50–80 ms each. A lesson's charts all appear with its first snapshot, so mounted together
 * they were one task of 250–320 ms; mounted one per task, each is its own short task. Held cards
 * catching up (on-screen.tsx) take turns the same way.
 */
const turns: (() => void)[] = [];
/** Between turns the compositor draws what the last one did (on 2 cores it competes for the same one). */
const TURN_GAP_MS = 50;
let draining = false;

function nextTurn(): void {
  const next = turns.shift();
  if (!next) {
    draining = false;
    return;
  }
  next();
  window.setTimeout(nextTurn, TURN_GAP_MS);
}

/**
 * Runs `work` in a task of its own, after the turns queued before it; returns a cancel. `work`
 * should render synchronously (flushSync), so that it is done in its turn and not batched with the next.
 */
export function takeTurn(work: () => void): () => void {
  let waiting = true;
  turns.push(() => waiting && work());
  if (!draining) {
    draining = true;
    window.setTimeout(nextTurn, 0);
  }
  return () => {
    waiting = false;
  };
}

/** False until this component's turn to mount its heavy part (each turn in a task of its own). */
export function useMountTurn(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => takeTurn(() => flushSync(() => setMounted(true))), []);
  return mounted;
}
