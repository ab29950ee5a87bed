/**
 * Charts that change together draw in tasks of their own. An evaluation changes the recall, head
 * share and head/tail charts and the lesson's panels at once; drawn in one React commit that was
 * one main-thread task of 150–250 ms (recharts' updates are synchronous). Each gets the snapshot
 * `slot` steps of SLOT_MS later instead: the same pictures, a few frames apart, none of them long.
 */
import { useEffect, useRef, useState } from 'react';

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
      setLater(latest.current);
    }, slot * SLOT_MS);
  }, [value, slot]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return slot === 0 ? value : later;
}
