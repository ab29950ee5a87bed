/**
 * The panel's request loop: one `inspect` in flight at a time, a new one when the request or the
 * run's step changed, at most one a REFRESH_MS (the map refreshes while training without queueing
 * work in the worker: a request waits for the last answer).
 */
import { useEffect, useRef } from 'react';
import type { InspectRequest } from '../../../worker/inspection';
import type { CommandBody } from '../../lab-client';
import { useInspection } from './store';

/** About one refresh a second: enough to watch vectors move, little worker time (a refresh took ~10 ms of PCA on 3,000 × 32). */
const REFRESH_MS = 1000;
/** An answer lost with a restarted worker must not stall the loop forever. */
const STALE_MS = 15_000;

export function useInspect(send: (c: CommandBody) => void, request: Omit<InspectRequest, 'key'> | null, tick: string): void {
  const state = useRef({ inflight: '', sentAt: 0, dirty: false, timer: 0, seq: 0, asked: '' });
  const latest = useRef(request);
  latest.current = request;
  const latestTick = useRef(tick);
  latestTick.current = tick;
  const answers = useInspection((s) => s.answers);
  const latestKey = useInspection((s) => s.latest?.key);

  const fire = useRef(() => {
    const s = state.current;
    const req = latest.current;
    if (!req) return;
    const now = performance.now();
    // Nothing new to ask (a timer or an answer came after the panel stopped ticking): no request,
    // unless the last one was lost (a restarted worker).
    const asking = `${JSON.stringify(req)}|${latestTick.current}`;
    const lost = s.inflight !== '' && now - s.sentAt >= STALE_MS;
    if (asking === s.asked && !lost) return;
    if (s.inflight && !lost) {
      s.dirty = true;
      return;
    }
    const wait = REFRESH_MS - (now - s.sentAt);
    if (wait > 0) {
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(() => fire.current(), wait);
      return;
    }
    s.inflight = `r${++s.seq}`;
    s.asked = asking;
    s.sentAt = now;
    s.dirty = false;
    send({ type: 'inspect', request: { ...req, key: s.inflight } });
  });

  const requestKey = JSON.stringify(request);
  useEffect(() => {
    // A changed request (another arm, another user) goes out at once, not a second later.
    state.current.sentAt = Math.min(state.current.sentAt, performance.now() - REFRESH_MS);
    fire.current();
  }, [requestKey]);
  useEffect(() => fire.current(), [tick]);
  useEffect(() => {
    const s = state.current;
    if (latestKey && latestKey === s.inflight) {
      s.inflight = '';
      if (s.dirty) fire.current();
    }
  }, [answers, latestKey]);
  useEffect(() => () => window.clearTimeout(state.current.timer), []);
}
