import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { recipientLines, pathOf } from '@hddt/protocol';
import { OwnRecipientsSchema, RECORDS_ROUTES } from '@hddt/protocol/schemas';
import type { LogHead, MinutesNotes, MinutesResponse, RoundRecord } from '@hddt/protocol';
import { call } from '../../api';
import { errorText, listFieldError } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useHallTime } from '../shared/use-hall-time';
import { useFormSubmit } from '../shared/use-form';

export function LogHeadLine({ head }: { head: LogHead }) {
  const { t } = useT();
  return (
    <p className="muted mono" data-testid="log-head" title={`${head.seq}:${head.hash}`}>
      {t('rec.logHead', { head: `${head.seq}:${head.hash.slice(0, 16)}` })}
    </p>
  );
}

export function RoundLines({ round }: { round: RoundRecord }) {
  const { t } = useT();
  return (
    <li className={round.status === 'cancelled' ? 'rec-round rec-cancelled' : 'rec-round'}>
      <p>
        <strong>{t('rec.round', { n: round.number, question: round.question })}</strong>{' '}
        {round.repeated ? <span className="pill pill-warn">{t('rec.repeated')}</span> : null}{' '}
        {round.status === 'cancelled' ? <span className="pill pill-cancelled">{t('rec.cancelled')}</span> : null}
      </p>
      <p className="muted">
        {round.modeText} · {round.statusText}
      </p>
      {round.resultLines.map((l) => (
        <p key={l} className="rec-result">
          {l}
        </p>
      ))}
      {round.resolutionCode ? (
        <p>
          → <strong>{round.resolutionCode}</strong>
        </p>
      ) : null}
      {round.mode === 'secret' && round.result ? (
        <p className="rec-downloads" role="group" aria-label={t('rec.countingPdf')}>
          <a className="btn" href={pathOf(RECORDS_ROUTES.countingMinutesPdf, { id: round.id })} download>
            {t('rec.countingPdf')}
          </a>
          <a className="btn" href={pathOf(RECORDS_ROUTES.countingMinutesDocx, { id: round.id })} download>
            {t('rec.countingDocx')}
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** The minutes as the JSON model says, with the written parts merged in (what the DOCX/PDF will print). */
export function MinutesPreview({ minutes }: { minutes: MinutesResponse }) {
  const { t } = useT();
  const { record, notes } = minutes;
  return (
    <article className="rec-preview" aria-label={t('rec.preview')} data-testid="minutes-preview">
      <p className="rec-center">{notes.number ? t('rec.minutesNo', { n: notes.number }) : t('rec.minutesNoMissing')}</p>
      <h3 className="rec-center">
        {record.session.heading}
        {record.session.title ? ` — ${record.session.title}` : ''}
      </h3>
      <p className="rec-center muted">
        {record.council.name} · {record.session.place}
      </p>
      {notes.opening ? (
        <>
          <h4>{t('rec.opening')}</h4>
          <p className="rec-text">{notes.opening}</p>
        </>
      ) : null}
      <h4>{t('rec.attendance')}</h4>
      {record.attendance.length === 0 ? <p className="muted">{t('rec.noAttendance')}</p> : record.attendance.map((a) => <p key={a.day}>{a.text}</p>)}
      <h4>{t('rec.items')}</h4>
      <ol className="rec-items">
        {record.items.map((item) => (
          <li key={item.id}>
            <p>
              <strong>{item.title}</strong>
              {item.presenter ? <span className="muted"> · {t('rec.presenter', { name: item.presenter })}</span> : null}
            </p>
            {item.documents.length > 0 ? (
              <p className="muted">
                {t('rec.documents')}: {item.documents.map((d) => `${d.docTypeText} “${d.title}”`).join('; ')}
              </p>
            ) : null}
            {notes.items[item.id] ? <p className="rec-text">{t('rec.debate', { text: notes.items[item.id]! })}</p> : null}
            {item.rounds.length > 0 ? (
              <ul className="rec-rounds">
                {item.rounds.map((r) => (
                  <RoundLines key={r.id} round={r} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {record.otherRounds.length > 0 ? (
        <>
          <h4>{t('rec.otherRounds')}</h4>
          <ul className="rec-rounds">
            {record.otherRounds.map((r) => (
              <RoundLines key={r.id} round={r} />
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('rec.resolutions')}</h4>
      {record.resolutions.length === 0 ? (
        <p className="muted">{t('rec.noResolutions')}</p>
      ) : (
        <ul>
          {record.resolutions.map((r) => (
            <li key={r.id}>{t('rec.resolutionLine', { code: r.code, title: r.title, date: r.adoptedOn })}</li>
          ))}
        </ul>
      )}
      {notes.closing ? (
        <>
          <h4>{t('rec.closing')}</h4>
          <p className="rec-text">{notes.closing}</p>
        </>
      ) : null}
      <h4>{t('rec.recipientsHeading')}</h4>
      <ul className="rec-recipients" aria-label={t('rec.recipientsHeading')}>
        {(notes.recipients.length > 0 ? recipientLines(notes.recipients) : (record.recipients ?? recipientLines())).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </article>
  );
}

/** The lines typed for "Nơi nhận", blank ones skipped. */
const recipientsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const NotesSchema = {
  safeParse(v: unknown) {
    const n = v as Pick<MinutesNotes, 'number' | 'opening' | 'closing' | 'items' | 'recipients'>;
    if (n.number.trim().length > 40) {
      return { success: false as const, error: { issues: [{ code: 'too_big', path: ['number'], message: '', origin: 'string', maximum: 40 }] } };
    }
    const recipients = OwnRecipientsSchema.safeParse(n.recipients);
    if (!recipients.success) {
      return { success: false as const, error: { issues: recipients.error.issues.map((i) => ({ ...i, path: ['recipients', ...i.path] })) } };
    }
    return { success: true as const, data: { number: n.number.trim(), opening: n.opening, closing: n.closing, items: n.items, recipients: recipients.data } };
  },
};

/** The editable parts. Local state: a live reload of the preview never resets what the secretary is typing. */
function NotesForm({ minutes, onSaved }: { minutes: MinutesResponse; onSaved: (n: MinutesNotes) => void }) {
  const { t } = useT();
  const hallTime = useHallTime();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit } = useFormSubmit();
  const [number, setNumber] = useState(minutes.notes.number);
  const [opening, setOpening] = useState(minutes.notes.opening);
  const [closing, setClosing] = useState(minutes.notes.closing);
  const [recipients, setRecipients] = useState(minutes.notes.recipients.join('\n'));
  const [items, setItems] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const item of minutes.record.items) out[item.id] = minutes.notes.items[item.id] ?? '';
    return out;
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit(NotesSchema, { number, opening, closing, items, recipients: recipientsOf(recipients) }, (v) =>
      call('minutesNotes', { params: { id: minutes.record.session.id }, body: v }),
    );
    if (r) {
      pushToast({ tone: 'info', text: t('rec.notesSaved') });
      onSaved(r);
    }
  }

  return (
    <form className="rec-notes" onSubmit={onSubmit} noValidate aria-label={t('rec.notes')}>
      <h3>{t('rec.notes')}</h3>
      {minutes.notes.updatedAt ? (
        <p className="muted">{t('rec.notesUpdated', { at: hallTime(minutes.notes.updatedAt), by: minutes.notes.updatedBy ?? '' })}</p>
      ) : null}
      <Field label={t('rec.notesNumber')} error={errors.number}>
        {(a) => <input {...a} name="minutesNumber" value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <Field label={t('rec.opening')} error={errors.opening}>
        {(a) => <textarea {...a} name="opening" rows={3} value={opening} onChange={(e) => setOpening(e.target.value)} />}
      </Field>
      {minutes.record.items.map((item) => (
        <Field key={item.id} label={t('rec.notesItem', { title: item.title })} error={errors[`items.${item.id}`]}>
          {(a) => <textarea {...a} rows={3} value={items[item.id] ?? ''} onChange={(e) => setItems((s) => ({ ...s, [item.id]: e.target.value }))} />}
        </Field>
      ))}
      <Field label={t('rec.closing')} error={errors.closing}>
        {(a) => <textarea {...a} name="closing" rows={3} value={closing} onChange={(e) => setClosing(e.target.value)} />}
      </Field>
      <Field label={t('rec.recipients')} error={listFieldError(errors, 'recipients', t('session.line'))} hint={t('rec.recipientsHint')}>
        {(a) => (
          <textarea
            {...a}
            name="recipients"
            rows={5}
            value={recipients}
            placeholder={(minutes.record.recipients ?? recipientLines()).join('\n')}
            onChange={(e) => setRecipients(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('rec.notesSave')}
        </button>
      </div>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

export function MinutesPanel({ sessionId }: { sessionId: string }) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const role = useStore((s) => s.identity?.role);
  const [minutes, setMinutes] = useState<MinutesResponse | null>(null);

  const load = useCallback(async () => {
    try {
      setMinutes(await call('minutes', { params: { id: sessionId } }));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [sessionId, lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  // Another session's minutes, still held while this one's load: not shown.
  if (!minutes || minutes.record.session.id !== sessionId)
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  return (
    <div className="card" aria-labelledby="minutes-h">
      <div className="card-head">
        <h2 id="minutes-h">{t('rec.minutes')}</h2>
      </div>
      <LogHeadLine head={minutes.logHead} />
      <div className="rec-downloads" role="group" aria-label={t('rec.downloads')}>
        <a className="btn" href={pathOf(RECORDS_ROUTES.minutesDocx, { id: sessionId })} download>
          {t('rec.docx')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.minutesPdf, { id: sessionId })} download>
          {t('rec.pdf')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.sessionResultsCsv, { id: sessionId })} download>
          {t('rec.sessionCsv')}
        </a>
        <a
          className="btn"
          href={pathOf(RECORDS_ROUTES.sessionResultsJson, { id: sessionId })}
          download={`ket-qua-ky-hop-${minutes.record.session.number}.json`}
        >
          {t('rec.sessionJson')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.termResultsCsv)} download>
          {t('rec.termCsv')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.termResultsJson)} download="ket-qua-nhiem-ky.json">
          {t('rec.termJson')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.sessionResultsXlsx, { id: sessionId })} download>
          {t('rec.sessionXlsx')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.termResultsXlsx)} download>
          {t('rec.termXlsx')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.kyYeuPdf, { id: sessionId })} download>
          {t('rec.kyYeuPdf')}
        </a>
        <a className="btn" href={pathOf(RECORDS_ROUTES.kyYeuDocx, { id: sessionId })} download>
          {t('rec.kyYeuDocx')}
        </a>
      </div>
      <div className="rec-split">
        <MinutesPreview minutes={minutes} />
        {role === 'secretariat' ? <NotesForm key={sessionId} minutes={minutes} onSaved={() => void load()} /> : null}
      </div>
    </div>
  );
}
