/** The shell's classroom tools: offline badge, presenter toggle, share, keys; the overlays and the screen-reader voice. */
import { useEffect, useState } from 'react';
import './classroom.css';
import type { LessonDef } from '../../lesson/types';
import type { Lang, LessonConfig } from '../config';
import { HelpOverlay } from './HelpOverlay';
import { setPresenter, useShortcuts } from './keys';
import { ShareDialog } from './ShareDialog';
import { useClassroom } from './state';
import { ct } from './text';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Buttons in the top bar (a lesson page gets share and presenter). */
export function ClassroomBar({ lang, lesson, config }: { lang: Lang; lesson: LessonDef | undefined; config: LessonConfig | null }) {
  const online = useOnline();
  const onLesson = !!(lesson?.ready && config);
  return (
    <>
      {!online && (
        <span className="badge offline" role="status" data-testid="offline">
          {ct(lang, 'offline')}
        </span>
      )}
      {onLesson &&
        (config.present ? (
          <button className="badge presenter" data-testid="presenter" aria-pressed="true" aria-keyshortcuts="P" title={ct(lang, 'presenterHint')} onClick={() => setPresenter(false)}>
            {ct(lang, 'presenter')} <span className="dim">· {ct(lang, 'presenterHint')}</span>
          </button>
        ) : (
          <button className="btn ghost" data-testid="presenter-toggle" aria-pressed="false" aria-keyshortcuts="P" onClick={() => setPresenter(true)}>
            {ct(lang, 'presenter')}
          </button>
        ))}
      {onLesson && (
        <button className="btn ghost" data-testid="share" aria-haspopup="dialog" onClick={() => useClassroom.setState({ share: true, help: false })}>
          {ct(lang, 'share')}
        </button>
      )}
      <button className="btn ghost" data-testid="keys" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => useClassroom.setState({ help: true, share: false })}>
        {ct(lang, 'keysButton')} <kbd>?</kbd>
      </button>
    </>
  );
}

/** Overlays and the aria-live region; installs the keyboard shortcuts. */
export function ClassroomLayer({ lang, lesson, config }: { lang: Lang; lesson: LessonDef | undefined; config: LessonConfig | null }) {
  useShortcuts();
  const help = useClassroom((s) => s.help);
  const share = useClassroom((s) => s.share);
  const said = useClassroom((s) => s.said);
  return (
    <>
      {help && <HelpOverlay lang={lang} />}
      {share && lesson?.ready && config && <ShareDialog lesson={lesson} config={config} />}
      {/* One live region for the page's life (a new one would not be read); a repeat differs by an invisible character. */}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announce">
        {said.text + (said.n % 2 ? '\u200b' : '')}
      </div>
    </>
  );
}
