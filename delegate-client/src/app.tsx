import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore, type View } from './store';
import { connect, disconnect } from './socket';
import { forgetToken, storedToken, takeTokenFromLocation } from './session-token';
import { LANG_KEY, type Lang } from './i18n';
import { AuthPage } from './features/auth/auth-pages';
import { TopBar } from './features/shell/top-bar';
import { ConnectionBanner } from './features/shell/connection-banner';
import { HomeScreen } from './features/home/home-screen';
import { DocumentsScreen } from './features/documents/documents-screen';
import { SpeakerScreen } from './features/speaker/speaker-screen';
import { FloorBanner } from './features/speaker/floor-banner';
import { VoteController } from './features/vote/vote-controller';

const TABS: { view: View; key: 'app.tabHome' | 'app.tabDocuments' | 'app.tabSpeak' }[] = [
  { view: 'home', key: 'app.tabHome' },
  { view: 'documents', key: 'app.tabDocuments' },
  { view: 'speak', key: 'app.tabSpeak' },
];

export function App() {
  const { t, i18n } = useTranslation();
  const auth = useStore((s) => s.auth);
  const view = useStore((s) => s.view);
  const hasSnapshot = useStore((s) => s.snapshot !== null);
  const lang = useStore((s) => s.lang);
  const myPosition = useStore((s) => s.me?.speakerPosition ?? null);
  const connection = useStore((s) => s.connection);

  const signIn = useCallback(() => {
    const token = takeTokenFromLocation();
    if (token) connect(token);
    else useStore.setState({ auth: 'no-token' });
  }, []);

  useEffect(() => {
    signIn();
    const onHash = () => {
      if (window.location.hash.includes('token=')) signIn();
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      disconnect();
    };
  }, [signIn]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${i18n.getFixedT(lang)('app.title')} — ${i18n.getFixedT(lang)('app.subtitle')}`;
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang, i18n]);

  const toggleLang = () => {
    const next: Lang = lang === 'vi' ? 'en' : 'vi';
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // not persisted
    }
    useStore.setState({ lang: next });
  };

  const signOut = () => {
    disconnect();
    forgetToken();
    useStore.setState({ auth: 'signed-out', snapshot: null, me: null, connection: 'offline', offlineSince: null, view: 'home', openDocumentId: null });
  };

  const takeOver = () => {
    const token = storedToken();
    if (token) connect(token, { takeover: true });
    else useStore.setState({ auth: 'no-token' });
  };

  if (auth !== 'ok' && auth !== 'signing-in') {
    return <AuthPage auth={auth} onTakeOver={takeOver} onReload={() => window.location.reload()} onToggleLang={toggleLang} />;
  }
  if (!hasSnapshot) {
    return (
      <main className="auth-page">
        <div className="auth-card" role="status">
          <p>
            <span className="spinner" aria-hidden="true" /> {t('app.loading')}
          </p>
          {connection === 'offline' && <p className="muted">{t('connection.banner')}</p>}
        </div>
      </main>
    );
  }

  return (
    <div className="app">
      <div id="app-shell" className="app-shell">
        <TopBar onSignOut={signOut} onToggleLang={toggleLang} />
        <nav className="tabs" aria-label={t('app.nav')}>
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              className={`tab${view === tab.view ? ' is-active' : ''}`}
              aria-current={view === tab.view ? 'page' : undefined}
              onClick={() => useStore.setState({ view: tab.view, openDocumentId: tab.view === 'documents' ? null : useStore.getState().openDocumentId })}
            >
              {t(tab.key)}
              {tab.view === 'speak' && myPosition !== null && myPosition > 0 && <span className="tab-badge">{myPosition}</span>}
            </button>
          ))}
        </nav>
        <FloorBanner />
        <main className="main" id="main">
          {view === 'home' && <HomeScreen />}
          {view === 'documents' && <DocumentsScreen />}
          {view === 'speak' && <SpeakerScreen />}
        </main>
      </div>
      <ConnectionBanner />
      <VoteController />
    </div>
  );
}
