import { useEffect, useState } from 'react';
import { PAGES } from '../../../lessons/pages';
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

