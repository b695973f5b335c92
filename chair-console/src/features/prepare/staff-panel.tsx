import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { PasswordResetSchema, StaffCreateSchema } from '@hddt/protocol/schemas';
import type { StaffAccount, StaffRole } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useFormSubmit } from '../shared/use-form';

function ResetPassword({ account, onDone }: { account: StaffAccount; onDone: () => void }) {
  const { t } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit } = useFormSubmit();
  const [password, setPassword] = useState('');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit(PasswordResetSchema, { password }, (v) =>
      call('staffPassword', { params: { username: account.username }, body: v }).then(() => true),
    );
    if (r) {
      pushToast({ tone: 'info', text: t('staff.passwordReset', { name: account.displayName }) });
      onDone();
    }
  }
  return (
    <form className="form-row" onSubmit={onSubmit} noValidate aria-label={t('staff.resetOf', { name: account.displayName })}>
      <Field label={t('staff.newPassword')} error={errors.password} hint={t('staff.passwordHint')}>
        {(a) => <input {...a} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('staff.reset')}
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

export function StaffPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit } = useFormSubmit();
  const [accounts, setAccounts] = useState<StaffAccount[]>([]);
  const [resetting, setResetting] = useState<string | null>(null);
  const [v, setV] = useState({ username: '', displayName: '', role: 'secretariat' as StaffRole, password: '' });

  const load = useCallback(async () => {
    try {
      setAccounts(await call('staff'));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit(StaffCreateSchema, v, (data) => call('staffCreate', { body: data }));
    if (r) {
      setV({ username: '', displayName: '', role: 'secretariat', password: '' });
      pushToast({ tone: 'info', text: t('staff.created', { name: r.displayName }) });
      await load();
    }
  }

  return (
    <section aria-labelledby="staff-h">
      <h1 id="staff-h">{t('prep.tab.staff')}</h1>
      <div className="card">
        <ul className="list compact">
          {accounts.map((a) => (
            <li key={a.username} className={resetting === a.username ? 'list-edit' : 'list-row'}>
              {resetting === a.username ? (
                <ResetPassword account={a} onDone={() => setResetting(null)} />
              ) : (
                <>
                  <span>
                    <strong>{a.displayName}</strong>{' '}
                    <span className="muted">
                      ({a.username}) · {t(`role.${a.role}`)}
                    </span>
                  </span>
                  <button type="button" className="btn" aria-label={t('staff.resetOf', { name: a.displayName })} onClick={() => setResetting(a.username)}>
                    {t('staff.reset')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2>{t('staff.add')}</h2>
        <form className="form-grid" onSubmit={onSubmit} noValidate aria-label={t('staff.add')}>
          <Field label={t('staff.username')} error={errors.username} hint={t('staff.usernameHint')}>
            {(a) => <input {...a} name="username" autoComplete="off" value={v.username} onChange={(e) => setV({ ...v, username: e.target.value })} />}
          </Field>
          <Field label={t('staff.displayName')} error={errors.displayName}>
            {(a) => <input {...a} name="displayName" value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} />}
          </Field>
          <Field label={t('staff.role')} error={errors.role}>
            {(a) => (
              <select {...a} name="role" value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}>
                <option value="secretariat">{t('role.secretariat')}</option>
                <option value="chair">{t('role.chair')}</option>
                <option value="editor">{t('role.editor')}</option>
                <option value="board-head">{t('role.board-head')}</option>
              </select>
            )}
          </Field>
          <Field label={t('staff.password')} error={errors.password} hint={t('staff.passwordHint')}>
            {(a) => (
              <input
                {...a}
                name="password"
                type="password"
                autoComplete="new-password"
                value={v.password}
                onChange={(e) => setV({ ...v, password: e.target.value })}
              />
            )}
          </Field>
          {formError ? (
            <p className="form-error span-all" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="form-actions span-all">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('staff.create')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
