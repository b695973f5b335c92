import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { sessionTitle, pathOf } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import type { Resolution, Session, SessionDetail } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { DocumentsBlock } from '../prepare/documents-block';
import { Field } from '../shared/field';

/** Choose one of the session's PDFs (or upload one first) as the signed text of a resolution. */
function AttachForm({ resolution, onDone, onCancel }: { resolution: Resolution; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const d = await call('session', { params: { id: resolution.sessionId } });
      setDetail(d);
      setDocumentId((cur) => (cur && d.documents.some((x) => x.id === cur) ? cur : (d.documents.at(-1)?.id ?? '')));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [resolution.sessionId, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!documentId) return;
    setBusy(true);
    setError(null);
    try {
      await call('resolutionText', { params: { id: resolution.id }, body: { documentId } });
      pushToast({ tone: 'info', text: t('res.attached', { code: resolution.code }) });
      await onDone();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rec-attach">
      <form className="form-row" onSubmit={onSubmit} noValidate aria-label={t('res.attachOf', { code: resolution.code })}>
        <Field label={t('res.chooseDoc')}>
          {(a) => (
            <select
              {...a}
              name="documentId"
              value={documentId}
              onChange={(e) => setDocumentId(e.target.value)}
              disabled={!detail || detail.documents.length === 0}
            >
              {detail?.documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !documentId}>
            {t('res.attach')}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {detail && detail.documents.length === 0 ? <p className="muted">{t('res.noDocs')}</p> : null}
      {detail ? (
        <DocumentsBlock
          sessionId={resolution.sessionId}
          itemId={resolution.itemId}
          documents={detail.documents.filter((d) => d.itemId === resolution.itemId)}
          onChanged={load}
        />
      ) : null}
    </div>
  );
}

export function ResolutionsPanel({ sessions }: { sessions: Session[] }) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const role = useStore((s) => s.identity?.role);
  const [list, setList] = useState<Resolution[]>([]);
  const [attaching, setAttaching] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('resolutions'));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  const sessionName = (id: string) => {
    const s = sessions.find((x) => x.id === id);
    return s ? sessionTitle(s.number, lang) : '';
  };

  return (
    <div className="card" aria-labelledby="res-h">
      <h2 id="res-h">{t('res.title')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('res.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('res.code')}</th>
              <th>{t('res.name')}</th>
              <th>{t('res.date')}</th>
              <th>{t('res.session')}</th>
              <th>{t('res.signed')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.code}</strong>
                </td>
                <td>
                  {r.title}
                  {attaching === r.id ? (
                    <AttachForm
                      resolution={r}
                      onCancel={() => setAttaching(null)}
                      onDone={async () => {
                        setAttaching(null);
                        await load();
                      }}
                    />
                  ) : null}
                </td>
                <td>{r.adoptedOn}</td>
                <td>{sessionName(r.sessionId)}</td>
                <td>
                  {r.signedDocumentId ? (
                    <a href={pathOf(REST_ROUTES.documentFile, { id: r.signedDocumentId })} target="_blank" rel="noreferrer" data-testid={`signed-${r.id}`}>
                      {t('res.signed')}
                    </a>
                  ) : (
                    <span className="muted">{t('res.noSigned')}</span>
                  )}
                  {role === 'secretariat' && attaching !== r.id ? (
                    <button type="button" className="btn" aria-label={t('res.attachOf', { code: r.code })} onClick={() => setAttaching(r.id)}>
                      {t('res.attach')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
