import { LESSONS } from '../../../lessons/registry';
import type { Lang } from '../config';
import { t, tx } from '../i18n';
import { lessonHash } from '../route';

export function Home({ lang }: { lang: Lang }) {
  return (
    <main className="home">
      <section className="hero">
        <h1>{t(lang, 'appTitle')}</h1>
        <p className="tagline">{t(lang, 'appTagline')}</p>
        <p className="intro">{t(lang, 'homeIntro')}</p>
      </section>
      <h2>{t(lang, 'lessons')}</h2>
      <ol className="lesson-list" data-testid="lesson-list">
        {LESSONS.map((lesson, i) => {
          const body = (
            <>
              <span className="lesson-num">{String(i + 1).padStart(2, '0')}</span>
              <span className="lesson-text">
                <span className="lesson-title">{tx(lang, lesson.title)}</span>
                <span className="lesson-sub">{lang === 'zh' ? lesson.title.en : lesson.title.zh}</span>
                {lesson.ready && <span className="lesson-summary">{tx(lang, lesson.summary)}</span>}
                <span className="lesson-arms">{lesson.armIds.map((a) => <code key={a}>{a}</code>)}</span>
              </span>
              {lesson.ready ? <span className="lesson-go">{t(lang, 'open')} →</span> : <span className="tag soon">{t(lang, 'comingSoon')}</span>}
            </>
          );
          return (
            <li key={lesson.id} data-testid={`lesson-${lesson.id}`} className={lesson.ready ? 'ready' : 'planned'}>
              {lesson.ready ? (
                <a href={lessonHash(lesson.id, [['lang', lang]])} className="lesson-card">
                  {body}
                </a>
              ) : (
                <div className="lesson-card" aria-disabled="true">
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
