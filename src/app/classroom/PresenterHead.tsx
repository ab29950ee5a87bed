import { useState } from 'react';
import type { LessonContent } from '../../lesson/content';
import type { LessonDef, Text } from '../../lesson/types';
import { RichText } from '../components/Tex';
import type { Lang } from '../config';
import { t, tx } from '../i18n';

/** The lesson's "what to look for" lines (the page's takeaways and presenter mode's fold). */
export function WatchList({ watch, lang, className }: { watch: Text[]; lang: Lang; className?: string }) {
  return (
    <ul className={className}>
      {watch.map((w) => (
        <li key={w.en}>
          <RichText text={tx(lang, w)} />
        </li>
      ))}
    </ul>
  );
}

/** Claims longer than this many characters start folded to two lines (the charts keep the screen). */
const LONG_CLAIM = 220;

/** Presenter mode's texts: the claim, and what to watch one click away (the room reads the charts). */
export function PresenterHead({ lesson, content, lang }: { lesson: LessonDef; content: LessonContent | undefined; lang: Lang }) {
  const claim = tx(lang, lesson.claim);
  const [open, setOpen] = useState(claim.length <= LONG_CLAIM);
  return (
    <section className="presenter-head" aria-label={t(lang, 'claim')}>
      <p className={`claim${open ? '' : ' clamped'}`} data-testid="presenter-claim">
        <b>{tx(lang, lesson.title)}:</b> {claim}
      </p>
      <div className="presenter-tools">
      {claim.length > LONG_CLAIM && (
        <button className="btn ghost more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? (lang === 'zh' ? '收起' : 'less') : lang === 'zh' ? '展开' : 'more'}
        </button>
      )}
      {content && content.watch.length > 0 && (
        <details>
          <summary>
            {t(lang, 'watch')} ({content.watch.length})
          </summary>
          <WatchList watch={content.watch} lang={lang} className="watch" />
        </details>
      )}
      </div>
    </section>
  );
}
