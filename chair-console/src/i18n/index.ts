import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { vi } from './vi';
import { en } from './en';
import { enEditorial, viEditorial } from './editorial';

export type MsgKey = keyof typeof vi | keyof typeof viEditorial;
export type Messages = Record<keyof typeof vi, string>;
export type Lang = 'vi' | 'en';

const LANG_KEY = 'hddt.chair.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, ...viEditorial } }, en: { translation: { ...en, ...enEditorial } } },
  lng: initialLang(),
  fallbackLng: 'vi',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18next.language === 'en' ? 'en' : 'vi';

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export type Translate = (key: MsgKey, vars?: Record<string, string | number>) => string;

/** Typed translation: only keys that exist in vi.ts compile. */
export function useT(): { t: Translate; lang: Lang } {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const tt = useCallback<Translate>((key, vars) => t(key, vars ?? {}), [t]);
  return { t: tt, lang };
}

export { i18next };
