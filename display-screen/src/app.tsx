import { useEffect } from 'react';
import type { DisplayStore } from './store';
import { useDisplay } from './store';
import { applyLang } from './i18n';
import { Stage } from './features/stage/stage';

/** Language follows the store; "L" switches it (a keyboard on the display PC is the only control there is). */
export function App({ store, onLangChange }: { store: DisplayStore; onLangChange?: (lang: 'vi' | 'en') => void }) {
  const lang = useDisplay(store, (s) => s.lang);
  // The texts follow on their own: useTranslation re-renders on i18next's language change.
  useEffect(() => {
    applyLang(lang);
  }, [lang]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'l' || e.key === 'L') {
        const next = store.getState().lang === 'vi' ? 'en' : 'vi';
        store.setState({ lang: next });
        onLangChange?.(next);
      } else if (e.key === 'f' || e.key === 'F') {
        void document.documentElement.requestFullscreen?.().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onLangChange]);
  return <Stage store={store} />;
}
