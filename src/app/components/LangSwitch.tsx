import type { Lang } from '../config';
import { t } from '../i18n';
import { useConfig } from '../store';

export function LangSwitch({ lang }: { lang: Lang }) {
  const setLang = useConfig((s) => s.setLang);
  return (
    <div className="seg" role="group" aria-label={t(lang, 'language')} data-testid="lang">
      <button data-testid="lang-zh" className={lang === 'zh' ? 'active' : ''} aria-pressed={lang === 'zh'} onClick={() => setLang('zh')}>
        中文
      </button>
      <button data-testid="lang-en" className={lang === 'en' ? 'active' : ''} aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
        EN
      </button>
    </div>
  );
}
