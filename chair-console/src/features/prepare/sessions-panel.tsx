import { useCallback, useEffect, useState } from 'react';
import { formatDateVi, sessionTitle } from '@hddt/protocol';
import type { Session } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { SessionForm } from './session-form';
import { SessionEditor } from './session-editor';

export const STATUS_LABEL: Record<Session['status'], MsgKey> = { draft: 'session.status.draft', open: 'session.status.open', closed: 'session.status.closed' };

export function SessionsPanel() {
  const { t, lang } = useT();
  const editId = useStore((s) => s.editSessionId);
  const setEditId = useStore((s) => s.setEditSessionId);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSessions(await call('sessions'));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  if (editId)
    return (
      <SessionEditor
        sessionId={editId}
        onBack={() => {
          setEditId(null);
          void load();
        }}
      />
    );

  return (
    <section aria-labelledby="sessions-h">
      <div className="section-head">
        <h1 id="sessions-h">{t('prep.tab.sessions')}</h1>
        {!creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('session.new')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {creating ? (
        <div className="card">
          <h2>{t('session.create')}</h2>
          <SessionForm
            onSave={(input) => call('sessionCreate', { body: input })}
            onDone={(s) => {
              setCreating(false);
              setEditId(s.id);
            }}
            onCancel={() => setCreating(false)}
          />
        </div>
      ) : null}
      {sessions && sessions.length === 0 && !creating ? <p className="muted">{t('session.none')}</p> : null}
      <ul className="list">
        {(sessions ?? []).map((s) => (
          <li key={s.id} className="list-row">
            <div>
              <strong>{sessionTitle(s.number, lang)}</strong>
              {s.title ? ` — ${s.title}` : ''}
              <div className="muted">
                {formatDateVi(s.startDate)}
                {s.endDate !== s.startDate ? ` – ${formatDateVi(s.endDate)}` : ''} · {s.place} · {s.isPublic ? t('session.public') : t('session.closedDoors')}
              </div>
            </div>
            <span className={`pill pill-${s.status}`}>{t(STATUS_LABEL[s.status])}</span>
            <button type="button" className="btn" onClick={() => setEditId(s.id)}>
              {t('session.prepare')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
