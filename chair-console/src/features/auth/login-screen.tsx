import { useState } from 'react';
import type { FormEvent } from 'react';
import { StaffLoginSchema } from '@hddt/protocol/schemas';
import { setCsrf, call } from '../../api';
import { errorText, zodFieldErrors } from '../../form-errors';
import type { FieldErrors } from '../../form-errors';
import { useT } from '../../i18n';
import { connectLive } from '../../socket';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { LangSwitch } from '../shared/lang-switch';

export function LoginScreen() {
  const { t, lang } = useT();
  const setIdentity = useStore((s) => s.setIdentity);
  const setArea = useStore((s) => s.setArea);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = StaffLoginSchema.safeParse({ username, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const identity = await call('login', { body: parsed.data });
      setCsrf(identity.csrfToken);
      const portalRole = identity.role === 'editor' || identity.role === 'board-head';
      setArea(portalRole ? 'portal' : identity.role === 'chair' ? 'live' : 'prepare');
      setIdentity(identity);
      if (!portalRole) connectLive();
    } catch (err) {
      setPassword('');
      setFormError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-head">
          <div className="emblem" aria-hidden="true">
            ★
          </div>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
        </div>
        <form onSubmit={submit} noValidate>
          <Field label={t('login.username')} error={errors.username}>
            {(a) => <input {...a} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />}
          </Field>
          <Field label={t('login.password')} error={errors.password}>
            {(a) => <input {...a} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {t('login.submit')}
          </button>
        </form>
        <div className="login-foot">
          <LangSwitch />
        </div>
      </div>
    </main>
  );
}
