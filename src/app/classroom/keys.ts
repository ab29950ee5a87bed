/**
 * Keyboard shortcuts for a lecture: one listener on the window. Shell keys (lessons, language,
 * presenter, help) live here; a lesson page registers its own (play, step, reset, arms) while it
 * is mounted. Keys are ignored while the user types in a text field, and with Ctrl/Alt/Meta held
 * (the browser's own shortcuts). Each action is announced through an aria-live region.
 */
import { useEffect, useRef } from 'react';
import { LESSONS } from '../../../lessons/registry';
import { lessonHash, parseHash } from '../route';
import { useConfig } from '../store';
import { writeStored, PRESENTER } from '../storage';
import { announce, useClassroom } from './state';
import { ct } from './text';

export interface LessonKeys {
  playPause(): void;
  step(): void;
  reset(): void;
  /** Arm number `n` (1-based, in the lesson's order) on or off. */
  toggleArm(n: number): void;
}

let lessonKeys: LessonKeys | null = null;

/** A lesson page's keys, active while it is mounted (the latest actions are always called). */
export function useLessonKeys(keys: LessonKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const proxy: LessonKeys = {
      playPause: () => ref.current.playPause(),
      step: () => ref.current.step(),
      reset: () => ref.current.reset(),
      toggleArm: (n) => ref.current.toggleArm(n),
    };
    lessonKeys = proxy;
    return () => {
      if (lessonKeys === proxy) lessonKeys = null;
    };
  }, []);
}

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** A field where keys type text: shortcuts stay out of its way. */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !NOT_TEXT.has(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
}

export function setPresenter(on: boolean): void {
  const { config, update, lang } = useConfig.getState();
  if (!config) return;
  writeStored(PRESENTER, on);
  update({ present: on });
  announce(ct(lang, on ? 'presenterOn' : 'presenterOff'));
}

/** The ready lesson `delta` places from the current one (from the home page: the first one). */
function goLesson(delta: number): void {
  const { lang, config } = useConfig.getState();
  // The address, not the store: a key pressed again before the last hashchange is handled still counts from where the page is going.
  const route = parseHash(window.location.hash);
  const ready = LESSONS.filter((l) => l.ready);
  const at = route.page === 'lesson' ? ready.findIndex((l) => l.id === route.id) : -1;
  const next = at < 0 ? ready[0] : ready[at + delta];
  if (!next) return announce(lang === 'zh' ? (delta < 0 ? '已是第一课' : '已是最后一课') : delta < 0 ? 'First lesson' : 'Last lesson');
  const query: [string, string][] = [['lang', lang]];
  if (config?.present) query.push(['present', '1']);
  window.location.hash = lessonHash(next.id, query);
  announce(lang === 'zh' ? next.title.zh : next.title.en);
}

/** What a key does, or null when it is not a shortcut here. */
function action(key: string): (() => void) | null {
  const { config, lang, setLang } = useConfig.getState();
  const lessonOnly = (f: (k: LessonKeys) => void) => (lessonKeys ? () => f(lessonKeys!) : null);
  switch (key) {
    case ' ':
      return lessonOnly((k) => k.playPause());
    case 'ArrowRight':
      return lessonOnly((k) => k.step());
    case 'r':
    case 'R':
      return lessonOnly((k) => k.reset());
    case '[':
      return () => goLesson(-1);
    case ']':
      return () => goLesson(1);
    case 'l':
    case 'L':
      return () => {
        const next = lang === 'zh' ? 'en' : 'zh';
        setLang(next);
        announce(next === 'zh' ? '中文' : 'English');
      };
    case 'p':
    case 'P':
      return config ? () => setPresenter(!config.present) : null;
    case 'k':
    case 'K':
      return config?.present ? () => useClassroom.setState((s) => ({ knobs: !s.knobs })) : null;
    case '?':
      return () => useClassroom.setState((s) => ({ help: !s.help, share: false }));
    default:
      if (/^[1-9]$/.test(key)) return lessonOnly((k) => k.toggleArm(Number(key)));
      return null;
  }
}

/** Installs the window's key listener (once, in the shell). */
export function useShortcuts(): void {
  useEffect(() => {
    // Space is play/pause even on a focused button or checkbox: its own activation (on keyup) is
    // cancelled, and Enter presses a focused button (natively) or toggles a focused checkbox (here).
    let spaceTaken = false;
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && spaceTaken) {
        e.preventDefault();
        spaceTaken = false;
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const focus = document.activeElement;
      if (isTextField(focus)) return;
      if (e.key === 'Enter' && focus instanceof HTMLInputElement && focus.type === 'checkbox') {
        e.preventDefault();
        focus.click();
        return;
      }
      // Arrow keys move a focused slider (or radio group): the step key yields to them.
      if (e.key.startsWith('Arrow') && focus instanceof HTMLInputElement) return;
      const { help, share } = useClassroom.getState();
      // While a dialog is open only its own keys count (Escape, and ? for the help list).
      if ((help || share) && e.key !== '?') return;
      const run = action(e.key);
      if (!run) return;
      e.preventDefault();
      if (e.key === ' ') spaceTaken = true;
      run();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}

/** The keys the help overlay lists, in its order. */
export const KEY_LIST: { keys: string[]; what: Parameters<typeof ct>[1] }[] = [
  { keys: ['Space'], what: 'k_space' },
  { keys: ['→'], what: 'k_step' },
  { keys: ['R'], what: 'k_reset' },
  { keys: ['1', '…', '9'], what: 'k_arms' },
  { keys: ['[', ']'], what: 'k_lessons' },
  { keys: ['L'], what: 'k_lang' },
  { keys: ['P'], what: 'k_present' },
  { keys: ['K'], what: 'k_knobs' },
  { keys: ['?'], what: 'k_help' },
];
