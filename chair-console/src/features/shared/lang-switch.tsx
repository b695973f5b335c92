import { setLang, useT } from '../../i18n';

export function LangSwitch() {
  const { t, lang } = useT();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="btn btn-ghost" onClick={() => setLang(next)} lang={next}>
      {t('common.switchLang')}
    </button>
  );
}
