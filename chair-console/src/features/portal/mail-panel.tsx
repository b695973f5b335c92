import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { MAIL_FAILURES, sessionTitle } from '@hddt/protocol';
import type {
  InvitationReport,
  InvitationStatus,
  MailFailureCause,
  MailSettingsInput,
  MailSettingsView,
  MailTestInput,
  MailTestReport,
  Recipients,
} from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useHallTime } from '../shared/use-hall-time';

const STATUS_KEY: Record<InvitationStatus, MsgKey> = { pending: 'mail.st.pending', sent: 'mail.st.sent', failed: 'mail.st.failed' };

/** What went wrong, what to check, and the mail server's own words for the IT officer. */
function FailureText({ cause, detail, lead }: { cause: MailFailureCause; detail: string | null; lead?: (message: string) => string }) {
  const { t, lang } = useT();
  const i = lang === 'vi' ? 0 : 1;
  const f = MAIL_FAILURES[cause];
  return (
    <>
      <div className="form-error">{lead ? lead(f.message[i]) : f.message[i]}</div>
      <div className="muted">{t('mail.check', { hint: f.hint[i] })}</div>
      {detail ? (
        <div className="muted">
          {t('mail.detail')} <code style={{ wordBreak: 'break-all' }}>{detail}</code>
        </div>
      ) : null}
    </>
  );
}

/** "Gửi tài liệu qua e-mail": SMTP settings, recipients, and per session the invitations and their tracking. */
export function MailPanel() {
  const { t, lang } = useT();
  const [settings, setSettings] = useState<MailSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setSettings(await call('mailSettings'));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  return (
    <section aria-labelledby="mail-h" className="records">
      <h1 id="mail-h">{t('mail.title')}</h1>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {settings && !settings.configured ? (
        <p className="form-error" role="status">
          {t('mail.notConfigured')}
        </p>
      ) : null}
      {settings ? <SettingsForm settings={settings} onSaved={setSettings} /> : null}
      <InvitationsCard configured={settings?.configured ?? false} />
      <RecipientsCard />
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: MailSettingsView; onSaved: (s: MailSettingsView) => void }) {
  const { t, lang } = useT();
  const [host, setHost] = useState(settings.host);
  const [port, setPort] = useState(String(settings.port || 587));
  const [secure, setSecure] = useState(settings.secure);
  const [user, setUser] = useState(settings.user);
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(settings.from);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [testTo, setTestTo] = useState('');
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<MailTestReport | { error: string } | null>(null);

  function formSettings(): MailSettingsInput {
    const body: MailSettingsInput = { host: host.trim(), port: Number(port), secure, user: user.trim(), from: from.trim() };
    if (password) body.password = password;
    return body;
  }

  async function sendTest() {
    setTest(null);
    if (!testTo.trim()) {
      setTest({ error: t('mail.testNeedTo') });
      return;
    }
    setTesting(true);
    try {
      const body: MailTestInput = { ...formSettings(), to: testTo.trim() };
      setTest(await call('mailTest', { body }));
    } catch (err) {
      setTest({ error: errorText(err, lang) });
    } finally {
      setTesting(false);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = formSettings();
    setBusy(true);
    setMsg(null);
    try {
      onSaved(await call('mailSettingsSet', { body }));
      setPassword('');
      setMsg({ ok: true, text: t('mail.settingsSaved') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2 id="mail-set-h">{t('mail.settings')}</h2>
      <form className="form-row" onSubmit={onSubmit} noValidate aria-labelledby="mail-set-h">
        <Field label={t('mail.host')}>{(a) => <input {...a} name="host" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" />}</Field>
        <Field label={t('mail.port')}>{(a) => <input {...a} name="port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" name="secure" checked={secure} onChange={(e) => setSecure(e.target.checked)} />
          {t('mail.secure')}
        </label>
        <Field label={t('mail.user')}>{(a) => <input {...a} name="user" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" />}</Field>
        <Field label={t('mail.password')} hint={settings.passwordSet ? t('mail.passwordKept') : undefined}>
          {(a) => <input {...a} name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label={t('mail.from')}>
          {(a) => <input {...a} name="from" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="HĐND <hdnd@example.gov.vn>" />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
      {msg ? (
        <p className={msg.ok ? 'muted' : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      ) : null}
      <div className="form-row" role="group" aria-label={t('mail.test')}>
        <Field label={t('mail.testTo')} hint={t('mail.testHint')}>
          {(a) => <input {...a} name="testTo" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} autoComplete="off" />}
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" disabled={testing} onClick={() => void sendTest()}>
            {testing ? t('mail.testing') : t('mail.test')}
          </button>
        </div>
      </div>
      {test && 'error' in test ? (
        <p className="form-error" role="alert">
          {test.error}
        </p>
      ) : null}
      {test && 'delivered' in test && test.delivered ? (
        <p className="muted" role="status">
          {t('mail.testSent', { to: test.to })}
        </p>
      ) : null}
      {test && 'delivered' in test && !test.delivered ? (
        <div role="alert">
          <FailureText cause={test.cause} detail={test.detail} lead={(message) => t('mail.testFailed', { message })} />
        </div>
      ) : null}
      {settings.linkBase ? <p className="muted">{t('mail.linkBase', { base: settings.linkBase })}</p> : null}
      {settings.linkBaseLocal ? <p className="form-error">{t('mail.linkBaseLocal')}</p> : null}
    </div>
  );
}

function RecipientsCard() {
  const { t, lang } = useT();
  const [data, setData] = useState<Recipients | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [guestName, setGuestName] = useState('');
  const [guestEmail, setGuestEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await call('mailRecipients'));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function run(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await load();
      return true;
    } catch (err) {
      setError(errorText(err, lang));
      return false;
    }
  }
  async function saveEmail(delegateId: string) {
    const v = (drafts[delegateId] ?? '').trim();
    if (await run(() => call('delegateEmail', { params: { id: delegateId }, body: { email: v || null } }))) {
      setDrafts((d) => {
        const n = { ...d };
        delete n[delegateId];
        return n;
      });
    }
  }
  async function addGuest(e: FormEvent) {
    e.preventDefault();
    if (await run(() => call('guestAdd', { body: { name: guestName.trim(), email: guestEmail.trim() } }))) {
      setGuestName('');
      setGuestEmail('');
    }
  }

  return (
    <div className="card" aria-labelledby="mail-rcp-h">
      <h2 id="mail-rcp-h">{t('mail.recipients')}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {data ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('mail.seat')}</th>
              <th>{t('mail.name')}</th>
              <th>{t('mail.email')}</th>
            </tr>
          </thead>
          <tbody>
            {data.delegates.map((d) => {
              const draft = drafts[d.delegateId];
              return (
                <tr key={d.delegateId}>
                  <td>{d.seat}</td>
                  <td>{d.fullName}</td>
                  <td>
                    <form
                      className="inline-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void saveEmail(d.delegateId);
                      }}
                    >
                      <input
                        type="email"
                        aria-label={t('mail.emailOf', { name: d.fullName })}
                        value={draft ?? d.email ?? ''}
                        onChange={(e) => setDrafts((x) => ({ ...x, [d.delegateId]: e.target.value }))}
                      />
                      {draft !== undefined ? (
                        <button type="submit" className="btn" aria-label={t('mail.saveEmailOf', { name: d.fullName })}>
                          {t('common.save')}
                        </button>
                      ) : null}
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <h3>{t('mail.guests')}</h3>
      {data && data.guests.length === 0 ? <p className="muted">{t('mail.noGuests')}</p> : null}
      {data && data.guests.length > 0 ? (
        <ul className="plain-list">
          {data.guests.map((g) => (
            <li key={g.id}>
              {g.name} &lt;{g.email}&gt;{' '}
              <button
                type="button"
                className="btn"
                aria-label={t('mail.removeGuest', { name: g.name })}
                onClick={() => void run(() => call('guestRemove', { params: { id: g.id } }))}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form-row" onSubmit={addGuest} noValidate aria-label={t('mail.addGuest')}>
        <Field label={t('mail.guestName')}>{(a) => <input {...a} name="guestName" value={guestName} onChange={(e) => setGuestName(e.target.value)} />}</Field>
        <Field label={t('mail.email')}>
          {(a) => <input {...a} name="guestEmail" type="email" value={guestEmail} onChange={(e) => setGuestEmail(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={!guestName.trim() || !guestEmail.trim()}>
            {t('mail.addGuest')}
          </button>
        </div>
      </form>
    </div>
  );
}

function InvitationsCard({ configured }: { configured: boolean }) {
  const { t, lang } = useT();
  const sessions = useStore((s) => s.snapshot?.sessions);
  const current = useStore((s) => s.snapshot?.session?.id ?? null);
  const list = sessions ?? [];
  // The session chosen here; until one is, the current session or else the first.
  const [picked, setPicked] = useState<string | null>(current);
  const sessionId = picked ?? current ?? sessions?.[0]?.id ?? null;
  // The reports of the session they were loaded for: another session's are not shown while its own load.
  const [loaded, setLoaded] = useState<{ sessionId: string; reports: InvitationReport[] } | null>(null);
  const reports = loaded && loaded.sessionId === sessionId ? loaded.reports : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    call('invitations', { params: { id: sessionId } }).then(
      (r) => {
        if (live) setLoaded({ sessionId, reports: r });
      },
      (err: unknown) => {
        if (live) setError(errorText(err, lang));
      },
    );
    return () => {
      live = false;
    };
  }, [sessionId, lang]);

  async function send(retry: boolean) {
    if (!sessionId) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await call(retry ? 'invitationsRetry' : 'invitationsSend', { params: { id: sessionId } });
      setLoaded({ sessionId, reports: sent });
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }
  const failed = reports?.filter((r) => r.status === 'failed' && !r.revokedAt).length ?? 0;
  const fmt = useHallTime();

  return (
    <div className="card" aria-labelledby="mail-inv-h" aria-busy={busy}>
      <h2 id="mail-inv-h">{t('mail.invitations')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('rec.noSessions')}</p>
      ) : (
        <div className="form-row">
          <Field label={t('rec.session')}>
            {(a) => (
              <select {...a} name="mailSession" value={sessionId ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {sessionTitle(s.number, lang)}
                    {s.title ? ` — ${s.title}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy || !sessionId} onClick={() => void send(false)}>
              {busy ? t('mail.sending') : t('mail.send')}
            </button>
            {failed > 0 ? (
              <button type="button" className="btn" disabled={busy} onClick={() => void send(true)}>
                {t('mail.retry', { count: failed })}
              </button>
            ) : null}
          </div>
        </div>
      )}
      {!configured ? <p className="muted">{t('mail.sendUnavailable')}</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {reports && reports.length === 0 ? <p className="muted">{t('mail.noInvitations')}</p> : null}
      {reports && reports.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('mail.name')}</th>
              <th>{t('mail.email')}</th>
              <th>{t('mail.status')}</th>
              <th>{t('mail.opened')}</th>
              <th>{t('mail.link')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={`${r.recipientKind}:${r.recipientId}`}>
                <td>
                  {r.name}
                  {r.recipientKind === 'guest' ? ` (${t('mail.guest')})` : ''}
                </td>
                <td>{r.email}</td>
                <td>
                  {r.revokedAt ? (
                    `${t('mail.st.revoked')} · ${fmt(r.revokedAt)}`
                  ) : (
                    <>
                      {t(STATUS_KEY[r.status])}
                      {r.status === 'sent' && r.sentAt ? ` · ${fmt(r.sentAt)}` : ''}
                      {r.status === 'failed' && r.failedAt ? ` · ${fmt(r.failedAt)}` : ''}
                      {r.status === 'failed' ? <FailureText cause={r.errorCause ?? 'unknown'} detail={r.error} /> : null}
                    </>
                  )}
                </td>
                <td>
                  {r.openedAt ? fmt(r.openedAt) : t('mail.notOpened')}
                  {r.documentsOpened.length > 0 ? (
                    <ul className="plain-list">
                      {r.documentsOpened.map((d, i) => (
                        <li key={d.documentId}>
                          {i === 0 ? `${t('mail.firstDoc')}: ` : ''}
                          <span>{d.title}</span> · {fmt(d.openedAt)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {r.revokedAt ? null : (
                    <>
                      <a href={`${r.url}?xem-truoc=1`} target="_blank" rel="noreferrer" title={t('mail.preview')}>
                        {t('mail.personalLink')}
                      </a>
                      <div>
                        <code style={{ wordBreak: 'break-all' }}>{r.url}</code>
                      </div>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
