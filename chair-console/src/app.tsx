import { Suspense, lazy, useEffect } from 'react';
import { ConnectionBadge } from '@hddt/ui';
import { setCsrf, setUnauthenticatedHandler, call } from './api';
import { useT } from './i18n';
import { connectLive, disconnectLive } from './socket';
import { useStore } from './store';
import { LoginScreen } from './features/auth/login-screen';
import { PrepareArea } from './features/prepare/prepare-area';
import { LiveArea } from './features/live/live-area';
import { LangSwitch } from './features/shared/lang-switch';
import { Toasts } from './features/shared/toasts';
import { SecurityAlerts } from './features/shared/security-alerts';
import { PublishStatusBanner } from './features/shared/publish-status';

// The print sheet (and the QR encoder) loads only when the secretariat opens it.
const CardsPrint = lazy(() => import('./features/prepare/cards-print').then((m) => ({ default: m.CardsPrint })));
// The portal's editorial screens (and the rich-text editor) load only when someone opens them.
const PortalArea = lazy(() => import('./features/editorial/portal-area').then((m) => ({ default: m.PortalArea })));
const isPortalRole = (role: string) => role === 'editor' || role === 'board-head';

export function App() {
  const { t } = useT();
  const identity = useStore((s) => s.identity);
  const authChecked = useStore((s) => s.authChecked);
  const area = useStore((s) => s.area);
  const setArea = useStore((s) => s.setArea);
  const setIdentity = useStore((s) => s.setIdentity);
  const connection = useStore((s) => s.connection);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrf(null);
      disconnectLive();
      useStore.setState({ snapshot: null });
      setIdentity(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [setIdentity]);

  useEffect(() => {
    let cancelled = false;
    call('me')
      .then((me) => {
        if (cancelled) return;
        setCsrf(me.csrfToken);
        setArea(isPortalRole(me.role) ? 'portal' : me.role === 'chair' ? 'live' : 'prepare');
        setIdentity(me);
        // The portal's editors have no place in the hall's live console (the server refuses the socket).
        if (!isPortalRole(me.role)) connectLive();
      })
      .catch(() => {
        if (!cancelled) setIdentity(null);
      });
    return () => {
      cancelled = true;
    };
  }, [setArea, setIdentity]);

  if (!authChecked)
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (!identity) return <LoginScreen />;
  if (area === 'cards')
    return (
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('common.loading')}
          </p>
        }
      >
        <CardsPrint />
      </Suspense>
    );

  const portalOnly = isPortalRole(identity.role);

  async function logout() {
    try {
      await call('logout');
    } catch {
      /* signed out locally either way */
    }
    setCsrf(null);
    disconnectLive();
    useStore.setState({ snapshot: null });
    setIdentity(null);
  }

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="emblem emblem-small" aria-hidden="true">
            ★
          </span>
          <span>{t('app.name')}</span>
        </div>
        <nav className="area-tabs" aria-label={t('nav.areas')}>
          {portalOnly ? null : (
            <>
              <button
                type="button"
                className={area === 'prepare' ? 'tab active' : 'tab'}
                aria-current={area === 'prepare' ? 'page' : undefined}
                onClick={() => setArea('prepare')}
              >
                {t('nav.prepare')}
              </button>
              <button
                type="button"
                className={area === 'live' ? 'tab active' : 'tab'}
                aria-current={area === 'live' ? 'page' : undefined}
                onClick={() => setArea('live')}
              >
                {t('nav.live')}
              </button>
            </>
          )}
          <button
            type="button"
            className={area === 'portal' ? 'tab active' : 'tab'}
            aria-current={area === 'portal' ? 'page' : undefined}
            onClick={() => setArea('portal')}
          >
            {t('nav.portal')}
          </button>
        </nav>
        <div className="topbar-right">
          {portalOnly ? null : (
            <ConnectionBadge state={connection} labels={{ connecting: t('conn.connecting'), online: t('conn.online'), offline: t('conn.offline') }} />
          )}
          <span className="user">
            {identity.displayName} · {t(`role.${identity.role}`)}
          </span>
          <LangSwitch />
          <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <SecurityAlerts />
      {portalOnly ? null : <PublishStatusBanner />}
      {area === 'portal' || portalOnly ? (
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          }
        >
          <PortalArea />
        </Suspense>
      ) : area === 'prepare' ? (
        <PrepareArea />
      ) : (
        <LiveArea />
      )}
      <Toasts />
    </div>
  );
}
