import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { FEEDBACK_STATUS_LIST, sessionTitle } from '@hddt/protocol';
import type { FeedbackItem, FeedbackStatus } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useHallTime } from '../shared/use-hall-time';

const STATUS_KEY: Record<FeedbackStatus, MsgKey> = { new: 'fb.status.new', forwarded: 'fb.status.forwarded', answered: 'fb.status.answered' };

/** "Ý kiến cử tri": the voters' feedback from the portal, filtered by status; open one to answer it. */
export function FeedbackPanel() {
  const { t, lang } = useT();
  const [filter, setFilter] = useState<FeedbackStatus | ''>('');
  const [items, setItems] = useState<FeedbackItem[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await call('feedback', { query: { status: filter || undefined } }));
      setError(null);
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [filter, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  const open = items?.find((x) => x.id === openId) ?? null;
  const fmt = useHallTime();

  return (
    <section aria-labelledby="fb-h" className="records">
      <h1 id="fb-h">{t('fb.title')}</h1>
      <div className="form-row">
        <Field label={t('fb.filter')}>
          {(a) => (
            <select {...a} name="feedbackFilter" value={filter} onChange={(e) => setFilter(e.target.value as FeedbackStatus | '')}>
              <option value="">{t('fb.all')}</option>
              {FEEDBACK_STATUS_LIST.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEY[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {items && items.length === 0 ? <p className="muted">{t('fb.none')}</p> : null}
      {items && items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('fb.received')}</th>
              <th>{t('fb.name')}</th>
              <th>{t('fb.topic')}</th>
              <th>{t('fb.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <td>{fmt(x.createdAt)}</td>
                <td>{x.name}</td>
                <td>{x.topic}</td>
                <td>
                  {t(STATUS_KEY[x.status])}
                  {x.answerPublished ? ` · ${t('fb.published')}` : ''}
                </td>
                <td>
                  <button type="button" className="btn" onClick={() => setOpenId(x.id)} aria-label={t('fb.openOf', { name: x.name, topic: x.topic })}>
                    {t('fb.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open ? (
        <FeedbackDetail
          key={open.id}
          item={open}
          onClose={() => setOpenId(null)}
          onSaved={(saved) => setItems((list) => (list ?? []).map((x) => (x.id === saved.id ? saved : x)))}
        />
      ) : null}
    </section>
  );
}

function FeedbackDetail({ item, onClose, onSaved }: { item: FeedbackItem; onClose: () => void; onSaved: (item: FeedbackItem) => void }) {
  const { t, lang } = useT();
  const sessions = useStore((s) => s.snapshot?.sessions);
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [publish, setPublish] = useState(item.answerPublished);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const session = item.sessionId ? sessions?.find((s) => s.id === item.sessionId) : undefined;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (publish && !answer.trim()) {
      setError(t('fb.publishNeedsAnswer'));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await call('feedbackUpdate', {
        params: { id: item.id },
        body: {
          status,
          answer: answer.trim() ? answer.trim() : null,
          answerPublished: publish,
        },
      });
      onSaved(next);
      setSaved(true);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" aria-labelledby="fb-detail-h">
      <h2 id="fb-detail-h">{item.topic}</h2>
      <dl className="fb-meta">
        <dt>{t('fb.name')}</dt>
        <dd>{item.name}</dd>
        <dt>{t('fb.contact')}</dt>
        <dd>{item.contact || '—'}</dd>
        <dt>{t('fb.area')}</dt>
        <dd>{item.area || '—'}</dd>
        <dt>{t('fb.linked')}</dt>
        <dd>
          {item.sessionId ? (session ? `${sessionTitle(session.number, lang)}${session.title ? ` — ${session.title}` : ''}` : item.sessionId) : '—'}
          {item.resolutionId ? ` · ${t('fb.resolution')} ${item.resolutionId}` : ''}
        </dd>
      </dl>
      <p className="fb-text">{item.text}</p>
      <form className="fb-answer" onSubmit={onSubmit} noValidate aria-label={t('fb.answerForm')}>
        <Field label={t('fb.status')}>
          {(a) => (
            <select {...a} name="status" value={status} onChange={(e) => setStatus(e.target.value as FeedbackStatus)}>
              {FEEDBACK_STATUS_LIST.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEY[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fb.answer')}>
          {(a) => <textarea {...a} name="answer" rows={5} maxLength={8000} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" name="answerPublished" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('fb.publish')}
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('fb.save')}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {saved ? (
          <p className="muted" role="status">
            {t('fb.saved')}
          </p>
        ) : null}
      </form>
    </div>
  );
}
