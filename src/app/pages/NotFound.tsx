import { findLesson } from '../../../lessons/registry';
import type { Lang } from '../config';
import { t, tx } from '../i18n';
import { homeHash } from '../route';

/** A planned lesson (not built yet), an unknown lesson id, or an unknown address. */
export function NotFound({ lang, lessonId }: { lang: Lang; lessonId?: string }) {
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  return (
    <main className="not-found" data-testid="not-built">
      {lesson ? (
        <>
          <h1>{tx(lang, lesson.title)}</h1>
          <p className="tag soon">{t(lang, 'comingSoon')}</p>
          <p>{t(lang, 'notBuiltBody')}</p>
        </>
      ) : (
        <>
          <h1>{t(lang, lessonId ? 'unknownLesson' : 'unknownPage')}</h1>
          {lessonId && <p><code>{lessonId}</code></p>}
        </>
      )}
      <p>
        <a href={homeHash([['lang', lang]])}>{t(lang, 'backHome')}</a>
      </p>
    </main>
  );
}
