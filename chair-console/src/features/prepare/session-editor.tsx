import { useCallback, useEffect, useState } from 'react';
import { formatDateVi, sessionTitle } from '@hddt/protocol';
import type { AgendaItem, Motion, SessionDetail, SessionPerson } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { SessionForm } from './session-form';
import { AgendaEditor } from './agenda-editor';
import { DocumentsBlock } from './documents-block';
import { MotionsBlock } from './motions-block';
import { STATUS_LABEL } from './sessions-panel';

const withTitle = (name: string, title: string | undefined) => (title ? `${name}, ${title}` : name);

function peopleList(people: readonly SessionPerson[] | undefined) {
  if (!people || people.length === 0) return '—';
  return (
    <ul className="plain-list">
      {people.map((p, i) => (
        <li key={i}>{withTitle(p.name, p.title)}</li>
      ))}
    </ul>
  );
}

interface Props {
  sessionId: string;
  onBack: () => void;
}

/** Everything prepared for one kỳ họp: details, agenda, documents and votes per item. */
export function SessionEditor({ sessionId, onBack }: Props) {
  const { t, lang } = useT();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pushToast = useStore((s) => s.pushToast);

  const reload = useCallback(async () => {
    try {
      setDetail(await call('session', { params: { id: sessionId } }));
      setError(null);
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [sessionId, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void reload();
  }, [reload]);

  if (!detail) return <p role="status">{error ?? t('common.loading')}</p>;
  const s = detail.session;
  const itemsAndGeneral: (AgendaItem | null)[] = [...[...detail.agenda].sort((a, b) => a.order - b.order), null];
  const motionsOf = (itemId: string | null): Motion[] => detail.motions.filter((m) => m.itemId === itemId);

  return (
    <section aria-labelledby="session-h">
      <div className="section-head">
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          ← {t('session.backToList')}
        </button>
        <h1 id="session-h">
          {sessionTitle(s.number, lang)}
          {s.title ? ` — ${s.title}` : ''}
        </h1>
        <span className={`pill pill-${s.status}`}>{t(STATUS_LABEL[s.status])}</span>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="card">
        <div className="card-head">
          <h2>{t('session.details')}</h2>
          {!editing ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          ) : null}
        </div>
        {editing ? (
          <SessionForm
            initial={s}
            onSave={(input) => call('sessionUpdate', { params: { id: s.id }, body: input })}
            onDone={() => {
              setEditing(false);
              pushToast({ tone: 'info', text: t('common.saved') });
              void reload();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <dl className="facts">
            <dt>{t('session.place')}</dt>
            <dd>{s.place}</dd>
            <dt>{t('session.dates')}</dt>
            <dd>
              {formatDateVi(s.startDate)}
              {s.endDate !== s.startDate ? ` – ${formatDateVi(s.endDate)}` : ''}
            </dd>
            <dt>{t('session.access')}</dt>
            <dd>{s.isPublic ? t('session.public') : t('session.closedDoors')}</dd>
            <dt>{t('session.chairName')}</dt>
            <dd>{s.chairName ? withTitle(s.chairName, s.chairTitle) : '—'}</dd>
            <dt>{t('session.secretaryName')}</dt>
            <dd>{s.secretaryName ? withTitle(s.secretaryName, s.secretaryTitle) : '—'}</dd>
            <dt>{t('session.guests')}</dt>
            <dd>{peopleList(s.guests)}</dd>
            <dt>{t('session.countingBoard')}</dt>
            <dd>{peopleList(s.countingBoard)}</dd>
          </dl>
        )}
      </div>
      <AgendaEditor sessionId={s.id} agenda={detail.agenda} onChanged={reload} />
      {itemsAndGeneral.map((item) => (
        <div className="card" key={item?.id ?? 'general'}>
          <h2>{item ? `${item.order}. ${item.title}` : t('agenda.general')}</h2>
          <DocumentsBlock
            sessionId={s.id}
            itemId={item?.id ?? null}
            documents={detail.documents.filter((d) => d.itemId === (item?.id ?? null))}
            onChanged={reload}
          />
          <MotionsBlock sessionId={s.id} itemId={item?.id ?? null} motions={motionsOf(item?.id ?? null)} rounds={detail.rounds} onChanged={reload} />
        </div>
      ))}
    </section>
  );
}
