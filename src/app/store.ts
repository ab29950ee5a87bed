/**
 * Two small stores: `useConfig` (what the URL holds: lesson, arms, knobs, language, backend, K)
 * and `useRun` (what the worker reports: backend, world, baselines, snapshots, notices).
 * View state (hover, open panels) stays in components.
 */
import { create } from 'zustand';
import { findLesson } from '../../lessons/registry';
import { lessonBudgetRefusal } from '../lesson/knobs';
import type { Text } from '../lesson/types';
import type { BackendName } from '../model/backends';
import type { Baselines, Snapshot, WorldSummary } from '../worker/protocol';
import { defaultLang, type Lang, type LessonConfig, lessonQuery, parseLang, parseLessonQuery } from './config';
import { homeHash, lessonHash, parseHash, type Route } from './route';
import { PRESENTER, readStored } from './storage';

export interface ConfigState {
  route: Route;
  lang: Lang;
  /** The lesson page's config (null off a lesson page). */
  config: LessonConfig | null;
  /** Corrections made while reading the URL. */
  urlNotices: string[];
  /** Reads the current location hash (on load and on hashchange). */
  readLocation(): void;
  setLang(lang: Lang): void;
  update(patch: Partial<LessonConfig>): void;
  dismissUrlNotices(): void;
}

const NOT_APPLIED = { en: 'the change was not applied', zh: '此次修改未生效' };

function writeHash(hash: string): void {
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

export const useConfig = create<ConfigState>()((set, get) => ({
  route: { page: 'home', query: {}, notices: [] },
  lang: defaultLang(),
  config: null,
  urlNotices: [],
  readLocation() {
    const route = parseHash(window.location.hash);
    const notices: string[] = [...route.notices];
    if (route.page === 'lesson') {
      const lesson = findLesson(route.id);
      if (lesson?.ready) {
        const { config, notices: n } = parseLessonQuery(lesson, route.query);
        // A link that does not say keeps this browser's presenter preference.
        if (route.query.present === undefined && readStored(PRESENTER)) config.present = true;
        set({ route, lang: config.lang, config, urlNotices: [...new Set([...notices, ...n])] });
        writeHash(lessonHash(lesson.id, lessonQuery(lesson, config)));
        return;
      }
    }
    const lang = parseLang(route.query.lang, notices);
    set({ route, lang, config: null, urlNotices: notices });
    if (route.page === 'home') writeHash(homeHash([['lang', lang]]));
  },
  setLang(lang) {
    const { route, config } = get();
    if (route.page === 'lesson' && config) return get().update({ lang });
    set({ lang });
    if (route.page === 'home') writeHash(homeHash([['lang', lang]]));
  },
  update(patch) {
    const { route, config } = get();
    if (route.page !== 'lesson' || !config) return;
    const lesson = findLesson(route.id)!;
    const next = { ...config, ...patch, settings: { ...config.settings, ...patch.settings } };
    // A change that would not fit in memory is refused before the worker builds anything.
    const refusal = patch.settings || patch.arms ? lessonBudgetRefusal(lesson, next.settings, next.arms.length, NOT_APPLIED) : null;
    if (refusal) {
      addNotice(refusal, 'warn');
      // The controls show the stored value again (a slider dragged too far springs back).
      set({ config: { ...config } });
      return;
    }
    set({ config: next, lang: next.lang });
    writeHash(lessonHash(lesson.id, lessonQuery(lesson, next)));
  },
  dismissUrlNotices() {
    set({ urlNotices: [] });
  },
}));

export interface Notice {
  key: number;
  text: Text;
  level: 'info' | 'warn';
}

export interface RunState {
  status: Text | null;
  backend: { name: BackendName; reason: string; fallback: boolean } | null;
  world: WorldSummary | null;
  baselines: Baselines | null;
  snapshot: Snapshot | null;
  /** The lesson's run probes by name: their values for the current run (cleared on `ready`). */
  probes: Record<string, unknown>;
  notices: Notice[];
  error: string | null;
  /** Paused by the page because the tab went hidden (resumed when shown). */
  hiddenPause: boolean;
}

export const EMPTY_RUN: RunState = {
  status: null,
  backend: null,
  world: null,
  baselines: null,
  snapshot: null,
  probes: {},
  notices: [],
  error: null,
  hiddenPause: false,
};

export const useRun = create<RunState>()(() => ({ ...EMPTY_RUN }));

/** The latest value of one of the lesson's run probes (its type is the probe's: see the lesson's probes.ts). */
export function useProbe<T>(name: string): T | undefined {
  return useRun((s) => s.probes[name]) as T | undefined;
}

let noticeKey = 0;

export function addNotice(text: Text, level: 'info' | 'warn' = 'info'): void {
  const key = ++noticeKey;
  useRun.setState((s) => ({ notices: [...s.notices.filter((n) => n.text.en !== text.en), { key, text, level }].slice(-4) }));
}

export function dismissNotice(key: number): void {
  useRun.setState((s) => ({ notices: s.notices.filter((n) => n.key !== key) }));
}
