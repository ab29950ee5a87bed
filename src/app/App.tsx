import { useEffect } from 'react';
import { findLesson } from '../../lessons/registry';
import { ClassroomBar, ClassroomLayer } from './classroom/ClassroomBar';
import { BackendBadge } from './components/BackendBadge';
import { LangSwitch } from './components/LangSwitch';
import { t, tx } from './i18n';
import { Home } from './pages/Home';
import { LessonPage } from './pages/LessonPage';
import { NotFound } from './pages/NotFound';
import { homeHash } from './route';
import { useConfig } from './store';

export function App() {
  const route = useConfig((s) => s.route);
  const lang = useConfig((s) => s.lang);
  const config = useConfig((s) => s.config);
  const readLocation = useConfig((s) => s.readLocation);

  useEffect(() => {
    const onHash = () => readLocation();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [readLocation]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const lesson = route.page === 'lesson' ? findLesson(route.id) : undefined;
  useEffect(() => {
    document.title = lesson ? `${tx(lang, lesson.title)} · ${t(lang, 'appTitle')}` : t(lang, 'appTitle');
  }, [lesson, lang]);

  return (
    <div className={`app${route.page === 'lesson' && config?.present ? ' presenting' : ''}`}>
      <header className="topbar">
        <a className="brand" href={homeHash([['lang', lang]])}>
          <span className="logo" aria-hidden>
            ⟂
          </span>
          {t(lang, 'appTitle')}
        </a>
        {lesson && <span className="crumb">/ {tx(lang, lesson.title)}</span>}
        <span className="spacer" />
        {route.page === 'lesson' && lesson?.ready && <BackendBadge lang={lang} />}
        <ClassroomBar lang={lang} lesson={lesson} config={config} />
        <LangSwitch lang={lang} />
      </header>
      {route.page === 'home' && <Home lang={lang} />}
      {route.page === 'lesson' && lesson?.ready && config && <LessonPage key={lesson.id} lesson={lesson} config={config} />}
      {route.page === 'lesson' && !(lesson?.ready && config) && <NotFound lang={lang} lessonId={route.id} />}
      {route.page === 'unknown' && <NotFound lang={lang} />}
      <ClassroomLayer lang={lang} lesson={lesson} config={config} />
    </div>
  );
}
