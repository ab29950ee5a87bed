/**
 * What goes into the URL: lesson, arms, seed, knobs, language, forced backend, chart K.
 * One declared knob list (the lesson's) drives parsing, validation, the controls and the URL.
 */
import type { Knob, LessonDef, Settings } from '../lesson/types';
import { BACKENDS, type BackendName, isBackendName } from '../model/backends';
import { knobsOf, lessonBudgetRefusal } from '../lesson/knobs';
import { readSettings } from '../train/settings';
import { oneLine, quote } from '../util/text';
import { maxClicksFor, maxPreRankedFor } from '../world/config';

export type Lang = 'zh' | 'en';
export const RECALL_K = [10, 50, 100] as const;
export type RecallK = (typeof RECALL_K)[number];
export type LossScale = 'relative' | 'raw';

export interface LessonConfig {
  settings: Settings;
  /** Arms switched on, in the lesson's order. */
  arms: string[];
  lang: Lang;
  /** A backend forced from the URL; null: the lab's order (WebGPU, WebGL, WASM, CPU). */
  backend: BackendName | null;
  k: RecallK;
  /** Loss chart: each arm's loss relative to its first chunk, or raw. */
  lossScale: LossScale;
  /** Presenter mode (`present=1`): large type, charts first, texts cut to the claim and what to watch. */
  present: boolean;
}

/** Query keys the shell itself reads (the knobs come on top). */
const SHELL_KEYS = ['arms', 'lang', 'backend', 'k', 'lossScale', 'present'];

export function defaultLang(): Lang {
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return /^zh\b/i.test(nav) ? 'zh' : 'en';
}

export function parseLang(raw: string | undefined, notices: string[]): Lang {
  if (raw === undefined || raw === '') return defaultLang();
  if (raw === 'zh' || raw === 'en') return raw;
  notices.push(`lang=${quote(raw)} is not zh or en; using ${defaultLang()}.`);
  return defaultLang();
}

/** Reads a lesson's URL query: clamps or drops what is invalid and says so, never throws. */
export function parseLessonQuery(lesson: LessonDef, query: Record<string, string>): { config: LessonConfig; notices: string[] } {
  const knobs = knobsOf(lesson);
  const { settings, notices } = readSettings(knobs, query);
  const items = settings.items;
  if (settings.clicks !== undefined && items !== undefined && settings.clicks > maxClicksFor(items)) {
    notices.push(`clicks=${settings.clicks} is more than items/4 for ${items} items; using ${maxClicksFor(items)}.`);
    settings.clicks = maxClicksFor(items);
  }
  if (settings.preRanked !== undefined && items !== undefined && settings.preRanked > maxPreRankedFor(items)) {
    notices.push(`preRanked=${settings.preRanked} is more than items/2 for ${items} items (retrieval returns twice as many); using ${maxPreRankedFor(items)}.`);
    settings.preRanked = maxPreRankedFor(items);
  }
  let arms = [...lesson.armIds];
  if (query.arms !== undefined) {
    const asked = query.arms.split(',').map((a) => a.trim()).filter(Boolean);
    const unknown = asked.filter((a) => !lesson.armIds.includes(a));
    if (unknown.length) {
      const named = unknown.slice(0, 3).map((a) => quote(a, 30)).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
      notices.push(`Unknown arm${unknown.length > 1 ? 's' : ''} ${named} dropped (this lesson has ${lesson.armIds.join(', ')}).`);
    }
    const known = lesson.armIds.filter((a) => asked.includes(a));
    if (known.length) arms = known;
    else if (asked.length) notices.push('No known arm left: showing all arms.');
    else arms = [];
  }
  const lang = parseLang(query.lang, notices);
  let backend: BackendName | null = null;
  if (query.backend !== undefined && query.backend !== '') {
    if (isBackendName(query.backend)) backend = query.backend;
    else notices.push(`backend=${quote(query.backend)} is not one of ${BACKENDS.join(', ')}; using the automatic choice.`);
  }
  let k: RecallK = 50;
  if (query.k !== undefined && query.k !== '') {
    const n = Number(query.k);
    if ((RECALL_K as readonly number[]).includes(n)) k = n as RecallK;
    else notices.push(`k=${oneLine(query.k, 40)} is not one of ${RECALL_K.join(', ')}; using 50.`);
  }
  let lossScale: LossScale = 'relative';
  if (query.lossScale !== undefined && query.lossScale !== '') {
    if (query.lossScale === 'raw' || query.lossScale === 'relative') lossScale = query.lossScale;
    else notices.push(`lossScale=${quote(query.lossScale)} is not relative or raw; using relative.`);
  }
  let present = false;
  if (query.present !== undefined && query.present !== '') {
    if (query.present === '1' || query.present === '0') present = query.present === '1';
    else notices.push(`present=${quote(query.present)} is not 1 or 0; presenter mode off.`);
  }
  const known = new Set([...SHELL_KEYS, ...knobs.map((kn) => kn.id)]);
  for (const key of Object.keys(query)) {
    if (!known.has(key)) notices.push(`Unknown parameter ${quote(key)} ignored.`);
  }
  budgetCheck(lesson, knobs, settings, arms.length, notices);
  return { config: { settings, arms, lang, backend, k, lossScale, present }, notices };
}

/** The world knobs a link may set too large together; over the memory budget they go back to the lesson's own. */
const SIZE_KNOBS = ['users', 'items', 'clicks'];

function budgetCheck(lesson: LessonDef, knobs: Knob[], settings: Settings, arms: number, notices: string[]): void {
  const refusal = lessonBudgetRefusal(lesson, settings, arms, { en: "using the lesson's own users, items and clicks", zh: '改用本课默认的用户数、物品数和人均点击' });
  if (!refusal) return;
  notices.push(refusal.en);
  for (const knob of knobs) if (SIZE_KNOBS.includes(knob.id)) settings[knob.id] = knob.default;
}

/** The canonical query of a config: seed and lang always, everything else when not the default. */
export function lessonQuery(lesson: LessonDef, config: LessonConfig): [string, string][] {
  const out: [string, string][] = [];
  const knobs = knobsOf(lesson);
  out.push(['seed', String(config.settings.seed)]);
  if (config.arms.length !== lesson.armIds.length) out.push(['arms', config.arms.join(',')]);
  out.push(['lang', config.lang]);
  if (config.backend) out.push(['backend', config.backend]);
  for (const knob of knobs) {
    if (knob.id === 'seed') continue;
    const v = config.settings[knob.id];
    if (v !== undefined && v !== knob.default) out.push([knob.id, formatKnob(knob, v)]);
  }
  if (config.k !== 50) out.push(['k', String(config.k)]);
  if (config.lossScale !== 'relative') out.push(['lossScale', config.lossScale]);
  if (config.present) out.push(['present', '1']);
  return out;
}

export function formatKnob(knob: Knob, v: number): string {
  if (knob.integer) return String(Math.round(v));
  return String(Number(v.toPrecision(6)));
}

/** Knobs that take effect without restarting training. */
export function isHotKnob(knob: Knob): boolean {
  return knob.id === 'steps';
}
