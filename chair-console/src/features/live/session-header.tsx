import { useState } from 'react';
import { formatCount, sessionTitle } from '@hddt/protocol';
import { useT } from '../../i18n';
import { selectAttendance, selectSession, useStore } from '../../store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useCommand } from '../shared/use-command';

/** Session title, the quorum light (present / N, whether quorum holds), roll call and opening/closing. */
export function SessionHeader() {
  const { t, lang } = useT();
  const session = useStore(selectSession);
  const attendance = useStore(selectAttendance);
  const { run, busy } = useCommand();
  const [confirmClose, setConfirmClose] = useState(false);
  if (!session || !attendance) return null;
  const met = attendance.quorumMet;
  return (
    <header className="live-header">
      <div className="live-title">
        <h1>
          {sessionTitle(session.number, lang)}
          {session.title ? ` — ${session.title}` : ''}
        </h1>
        <div className="muted">
          {session.place} ·{' '}
          {session.status === 'open' ? t('live.inProgress') : session.status === 'closed' ? t('session.status.closed') : t('session.status.draft')}
        </div>
      </div>
      <div className={met ? 'quorum quorum-ok' : 'quorum quorum-no'} role="status" aria-live="polite" data-testid="quorum">
        <span className="quorum-light" aria-hidden="true" />
        <span className="quorum-count">
          <strong>{formatCount(attendance.present, lang)}</strong>/{formatCount(attendance.seated, lang)}
        </span>
        <span className="quorum-text">
          {t('live.present')}
          <br />
          <strong>{met ? t('live.quorumMet') : t('live.quorumNotMet')}</strong> · {t('live.quorumNeeds', { n: formatCount(attendance.required, lang) })}
        </span>
      </div>
      <div className="live-header-actions">
        {session.status === 'draft' ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run('session:open', { sessionId: session.id })}>
            {t('live.openSession')}
          </button>
        ) : null}
        {session.status === 'open' ? (
          <>
            {session.rollCallOpen ? (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run('rollcall:close', {})} aria-keyshortcuts="Alt+D">
                {t('live.closeRollCall')}
              </button>
            ) : (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run('rollcall:open', {})} aria-keyshortcuts="Alt+D">
                {t('live.openRollCall')}
              </button>
            )}
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setConfirmClose(true)}>
              {t('live.closeSession')}
            </button>
          </>
        ) : null}
      </div>
      {confirmClose ? (
        <ConfirmDialog
          title={t('live.closeSessionConfirm')}
          confirmLabel={t('live.closeSession')}
          danger
          onCancel={() => setConfirmClose(false)}
          onConfirm={() => {
            setConfirmClose(false);
            void run('session:close', { sessionId: session.id });
          }}
        >
          <p>{t('live.closeSessionExplain')}</p>
        </ConfirmDialog>
      ) : null}
    </header>
  );
}
