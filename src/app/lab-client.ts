/**
 * The page side of the worker protocol: starts the training worker, sends commands, and turns
 * the worker's messages into store updates. The page never touches TensorFlow.js.
 */
import { useEffect, useRef } from 'react';
import { findLesson } from '../../lessons/registry';
import type { SweepDef } from '../lesson/sweep';
import { backendOrder } from '../model/backends';
import type { Snapshot, WorkerMessage } from '../worker/protocol';
import type { LessonConfig } from './config';
import { receiveInspection, resetInspection } from './panels/embedding/store';
import { registerOfflineCache } from './offline';
import { addNotice, EMPTY_RUN, useConfig, useRun } from './store';
import { type CommandBody, Supervisor } from './supervisor';
import { addSweepPoint, recordRun, setSweepStatus, useSweeps } from './sweeps';

export type { CommandBody };

/** Snapshots are drawn at most this often; the ones in between are dropped, never queued. */
const DRAW_EVERY_MS = 250;
let pending: Snapshot | null = null;
let flushTimer: number | undefined;
let lastFlush = 0;

function flushSnapshot(): void {
  flushTimer = undefined;
  const snapshot = pending;
  pending = null;
  if (!snapshot) return;
  lastFlush = performance.now();
  useRun.setState({ snapshot, status: snapshot.phase === 'loading' ? useRun.getState().status : null, error: null });
}

/**
 * Coalesces snapshots: if the page draws slower than the worker posts (a busy machine), the
 * page skips to the newest snapshot instead of working through a backlog.
 */
function queueSnapshot(snapshot: Snapshot): void {
  const urgent = snapshot.phase !== 'running';
  pending = snapshot;
  if (urgent) {
    window.clearTimeout(flushTimer);
    flushSnapshot();
    return;
  }
  if (flushTimer === undefined) flushTimer = window.setTimeout(flushSnapshot, Math.max(0, DRAW_EVERY_MS - (performance.now() - lastFlush)));
}

function dropPendingSnapshot(): void {
  window.clearTimeout(flushTimer);
  flushTimer = undefined;
  pending = null;
}

/** What the messages of one lesson page's worker are about: the lesson, and its sweeps (for finished runs). */
interface SessionScope {
  lessonId: string;
  sweeps(): readonly SweepDef[];
}

function handle(m: WorkerMessage, scope: SessionScope): void {
  switch (m.type) {
    case 'status':
      useRun.setState({ status: m.text });
      return;
    case 'backend':
      useRun.setState({ backend: { name: m.name, reason: m.reason, fallback: m.fallback } });
      return;
    case 'ready':
      useRun.setState({ world: m.world, baselines: m.baselines, snapshot: null, probes: {} });
      return;
    case 'probe':
      useRun.setState((s) => ({ probes: { ...s.probes, [m.name]: m.value } }));
      return;
    case 'snapshot':
      queueSnapshot(m.snapshot);
      if (m.snapshot.phase === 'done') {
        recordRun(scope.lessonId, scope.sweeps(), m.snapshot);
        registerOfflineCache();
      }
      return;
    case 'inspection':
      receiveInspection(m.inspection, m.run);
      return;
    case 'sweepPoint':
      addSweepPoint(m.key, { value: m.value, armId: m.armId, step: m.step, metrics: m.metrics, detail: m.detail, source: 'sweep' });
      return;
    case 'sweepStatus':
      setSweepStatus({ key: m.key, active: m.active, done: m.done, total: m.total, current: m.current, reason: m.reason });
      return;
    case 'diverged':
      addNotice({ en: `${m.armId}: diverged — lower the learning rate.`, zh: `${m.armId}：已发散——请降低学习率。` }, 'warn');
      return;
    case 'notice':
      addNotice(m.text, m.level);
      return;
    case 'error':
      useRun.setState({ error: m.message, status: null });
      return;
    case 'rejected':
      // The page's own bug (or a hostile script), not the student's: logged, the run goes on.
      console.warn(`training worker: ${m.reason}`);
      return;
  }
}

function configKey(c: LessonConfig): string {
  return JSON.stringify([c.settings, c.arms]);
}

export interface LabSession {
  send(body: CommandBody): void;
}

/**
 * One worker per lesson page (and per forced backend): created on mount, terminated on unmount.
 * Config changes go to the worker debounced, so dragging a slider restarts training once. A
 * finished run adds its points to the lesson's `sweeps`.
 */
export function useLabSession(lessonId: string, config: LessonConfig, restartKey: number, sweeps: readonly SweepDef[]): LabSession {
  const client = useRef<Supervisor | null>(null);
  const sweepsNow = useRef(sweeps);
  sweepsNow.current = sweeps;
  const sentKey = useRef('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    dropPendingSnapshot();
    useRun.setState({ ...EMPTY_RUN });
    resetInspection();
    // A sweep lives in the worker: a new worker has none (its measured points stay).
    useSweeps.setState({ status: null });
    const init = () => {
      const cfg = useConfig.getState().config ?? config;
      sentKey.current = configKey(cfg);
      return { type: 'init', lessonId, settings: cfg.settings, arms: cfg.arms, backends: backendOrder(cfg.backend), forced: cfg.backend !== null, lessonArms: findLesson(lessonId)?.armIds } as const;
    };
    const c = new Supervisor({
      init,
      message: (m) => handle(m, { lessonId, sweeps: () => sweepsNow.current }),
      restarted(reason, step) {
        // The dead worker's last snapshot no longer says what runs (it showed Training, a step count
        // standing still, a Pause to press): the page loads until the new worker's first snapshot.
        dropPendingSnapshot();
        useRun.setState({ snapshot: null });
        useSweeps.setState({ status: null });
        const from = step > 0 ? { en: `continues from step ${step} (the last checkpoint)`, zh: `从第 ${step} 步（最近的检查点）继续` } : { en: 'starts afresh', zh: '从头开始' };
        addNotice({ en: `The training worker stopped (${reason}); a new one ${from.en}, the charts keep their history.`, zh: `训练线程已停止（${reason}）；新线程${from.zh}，图表保留历史。` }, 'warn');
      },
    });
    client.current = c;
    (window as unknown as { __lab?: unknown }).__lab = {
      loseBackend: () => c.send({ type: 'loseBackend' }),
      killWorker: () => c.kill(),
      memory: () => c.ask({ type: 'memory' }),
    };
    return () => {
      window.clearTimeout(timer.current);
      dropPendingSnapshot();
      c.terminate();
      if (client.current === c) client.current = null;
    };
    // The worker restarts only for another lesson, another forced backend, or an explicit restart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonId, config.backend, restartKey]);

  const key = configKey(config);
  useEffect(() => {
    if (!client.current || key === sentKey.current) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const cfg = useConfig.getState().config;
      if (!cfg || !client.current) return;
      sentKey.current = configKey(cfg);
      client.current.send({ type: 'configure', settings: cfg.settings, arms: cfg.arms });
    }, 350);
  }, [key]);

  // Training pauses while the tab is hidden and resumes when it is shown again.
  useEffect(() => {
    const onVisibility = () => {
      const c = client.current;
      if (!c) return;
      const run = useRun.getState();
      if (document.hidden && run.snapshot?.phase === 'running') {
        useRun.setState({ hiddenPause: true });
        c.send({ type: 'pause' });
      } else if (!document.hidden && run.hiddenPause) {
        useRun.setState({ hiddenPause: false });
        c.send({ type: 'play' });
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  return {
    send(body) {
      if (body.type === 'play' || body.type === 'pause' || body.type === 'reset') useRun.setState({ hiddenPause: false });
      client.current?.send(body);
    },
  };
}
