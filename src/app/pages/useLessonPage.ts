import { useEffect, useState } from 'react';
import { PAGES, TEXTS } from '../../../lessons/pages';
import type { LessonContent } from '../../lesson/content';
import type { LessonPageDef } from '../lesson-page';

/** Page defs already loaded: opening a lesson again draws it at once. */
const loaded = new Map<string, LessonPageDef | null>();

export type LessonPageState = { status: 'loading' } | { status: 'ready'; page: LessonPageDef | null } | { status: 'error'; message: string };

/**
 * The lesson's page def, loaded lazily from `lessons/pages.ts`. `page: null`: a lesson without a
 * page of its own (the shell and the shared charts only).
 */
export function useLessonPage(lessonId: string): LessonPageState {
  const [state, setState] = useState<LessonPageState>(() => (loaded.has(lessonId) ? { status: 'ready', page: loaded.get(lessonId)! } : { status: 'loading' }));
  useEffect(() => {
    if (loaded.has(lessonId)) {
      const page = loaded.get(lessonId)!;
      setState((s) => (s.status === 'ready' && s.page === page ? s : { status: 'ready', page }));
      return;
    }
    let live = true;
    const load = PAGES[lessonId];
    (load ? load().then((m) => m.default) : Promise.resolve(null)).then(
      (page) => {
        loaded.set(lessonId, page);
        if (live) setState({ status: 'ready', page });
      },
      (e: unknown) => {
        if (live) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [lessonId]);
  return state;
}

const texts = new Map<string, LessonContent>();

/**
 * The lesson's texts alone, ahead of its page (whose panels pull in the charts' code): the
 * student reads while the rest loads. Undefined until loaded (or for a lesson without texts).
 */
export function useLessonText(lessonId: string): LessonContent | undefined {
  const [content, setContent] = useState(() => texts.get(lessonId));
  useEffect(() => {
    const load = TEXTS[`./${lessonId}/text.ts`];
    if (texts.has(lessonId) || !load) return setContent(texts.get(lessonId));
    let live = true;
    load().then(
      (m) => {
        texts.set(lessonId, m.content);
        if (live) setContent(m.content);
      },
      // The page def brings the same texts; its loader reports a failure.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lessonId]);
  return content;
}
