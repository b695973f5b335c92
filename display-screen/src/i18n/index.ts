import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { vi } from './vi';
import { en } from './en';

export type MsgKey = keyof typeof vi;
export type Messages = Record<MsgKey, string>;
export type Lang = 'vi' | 'en';

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** Typed translation: only keys that exist in vi.ts compile. */
export function useT(): { t: (key: MsgKey, vars?: Record<string, string | number>) => string; lang: Lang } {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  return { t: (key, vars) => t(key, vars ?? {}), lang };
}

export { i18next };
