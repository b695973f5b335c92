import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from '@hddt/ui';
import { useStore } from '../../store';

interface Props {
  onSignOut: () => void;
  onToggleLang: () => void;
}

export function TopBar({ onSignOut, onToggleLang }: Props) {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  const [confirming, setConfirming] = useState(false);
  return (
    <header className="top-bar">
      <div className="top-bar-brand">
        <span className="emblem" aria-hidden="true">
          ★
        </span>
        <span className="top-bar-title">{t('app.title')}</span>
      </div>
      <div className="top-bar-actions">
        <ConnectionBadge
          className="conn-badge"
          state={connection}
          labels={{ connecting: t('connection.connecting'), online: t('connection.online'), offline: t('connection.offline') }}
        />
        <button
          type="button"
          className="btn btn-quiet"
          onClick={onToggleLang}
          aria-label={t('app.switchToLabel')}
          lang={t('app.switchTo') === 'English' ? 'en' : 'vi'}
        >
          <span className="lang-long">{t('app.switchTo')}</span>
          <span className="lang-short">{t('app.switchToShort')}</span>
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setConfirming(true)}>
          {t('app.signOut')}
        </button>
      </div>
      {confirming && (
        <div className="confirm-overlay">
          <div className="confirm-card" role="alertdialog" aria-modal="true" aria-labelledby="signout-q">
            <p id="signout-q">{t('app.signOutConfirm')}</p>
            <div className="confirm-actions">
              <button type="button" className="btn btn-lg" autoFocus onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </button>
              <button type="button" className="btn btn-primary btn-danger btn-lg" onClick={onSignOut}>
                {t('app.signOutYes')}
              </button>
            </div>
          </div>
        </div>
      )}
    </header>
  );
}
