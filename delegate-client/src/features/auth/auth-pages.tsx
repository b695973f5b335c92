import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../store';

interface Props {
  auth: Exclude<AuthStatus, 'ok' | 'signing-in'>;
  onTakeOver: () => void;
  onReload: () => void;
  onToggleLang: () => void;
}

/** Full pages for every way sign-in can stop: each says plainly what happened and what to do. */
export function AuthPage({ auth, onTakeOver, onReload, onToggleLang }: Props) {
  const { t } = useTranslation();
  let title: string;
  let body: ReactNode;
  let tone: 'neutral' | 'danger' | 'warn' = 'neutral';
  switch (auth) {
    case 'no-token':
      title = t('auth.noTokenTitle');
      body = <p>{t('auth.noTokenBody')}</p>;
      break;
    case 'signed-out':
      title = t('auth.signedOutTitle');
      body = <p>{t('auth.scanAgain')}</p>;
      break;
    case 'refused':
      tone = 'danger';
      title = t('auth.refusedTitle');
      body = (
        <>
          <p>{t('auth.refusedBody')}</p>
          <p className="auth-strong">{t('auth.refusedHelp')}</p>
        </>
      );
      break;
    case 'in-use':
      tone = 'warn';
      title = t('auth.inUseTitle');
      body = (
        <>
          <p>{t('auth.inUseBody')}</p>
          <button type="button" className="btn btn-primary btn-lg" onClick={onTakeOver}>
            {t('auth.takeOver')}
          </button>
          <p className="muted">{t('auth.takeOverHelp')}</p>
        </>
      );
      break;
    case 'replaced':
      tone = 'warn';
      title = t('auth.replacedTitle');
      body = (
        <>
          <p>{t('auth.replacedBody')}</p>
          <button type="button" className="btn btn-lg" onClick={onTakeOver}>
            {t('auth.replacedAgain')}
          </button>
          <p className="muted">{t('auth.takeOverHelp')}</p>
        </>
      );
      break;
    case 'mismatch':
      tone = 'warn';
      title = t('auth.mismatchTitle');
      body = (
        <>
          <p>{t('auth.mismatchBody')}</p>
          <button type="button" className="btn btn-primary btn-lg" onClick={onReload}>
            {t('auth.reload')}
          </button>
        </>
      );
      break;
    default: {
      const never: never = auth;
      return never;
    }
  }
  return (
    <main className={`auth-page tone-${tone}`} data-auth={auth}>
      <div className="auth-card">
        <div className="auth-brand">
          <span>
            <span aria-hidden="true">★ </span>
            {t('app.title')} · {t('app.subtitle')}
          </span>
          <button type="button" className="btn btn-quiet" onClick={onToggleLang} aria-label={t('app.switchToLabel')}>
            {t('app.switchTo')}
          </button>
        </div>
        <h1>{title}</h1>
        {body}
      </div>
    </main>
  );
}
