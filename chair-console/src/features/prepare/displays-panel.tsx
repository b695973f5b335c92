import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { DisplayDevice } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { QrImage } from '../shared/qr-image';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useFormSubmit } from '../shared/use-form';

/** The display name rule (the server checks it too); shaped like a zod schema for useFormSubmit. */
const DisplayNameSchema = {
  safeParse(v: unknown) {
    const name = String((v as { name?: unknown }).name ?? '').trim();
    if (name.length >= 1 && name.length <= 200) return { success: true as const, data: { name } };
    const code = name.length === 0 ? 'too_small' : 'too_big';
    return { success: false as const, error: { issues: [{ code, path: ['name'], message: '', origin: 'string', minimum: 1, maximum: 200 }] } };
  },
};

/** Pair a hall display: create it, then open its link (or scan its QR) on the display machine. */
export function DisplaysPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit } = useFormSubmit();
  const [displays, setDisplays] = useState<DisplayDevice[]>([]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<DisplayDevice | null>(null);
  const [removing, setRemoving] = useState<DisplayDevice | null>(null);

  const load = useCallback(
    async (quiet = false) => {
      try {
        setDisplays(await call('displays'));
      } catch (err) {
        // A background refresh stays quiet: the connection badge already says when the server is unreachable.
        if (!quiet) pushToast({ tone: 'error', text: errorText(err, lang) });
      }
    },
    [lang, pushToast],
  );
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
    // Whether each screen is connected changes on its own (a projector switched on): look again now and then.
    const timer = setInterval(() => void load(true), 5000);
    return () => clearInterval(timer);
  }, [load]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const d = await submit(DisplayNameSchema, { name }, (v) => call('displayCreate', { body: v }));
    if (d) {
      setCreated(d);
      setName('');
      await load();
    }
  }

  async function remove(d: DisplayDevice) {
    setRemoving(null);
    try {
      await call('displayRemove', { params: { id: d.id } });
      if (created?.id === d.id) setCreated(null);
      await load();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  return (
    <section aria-labelledby="displays-h">
      <h1 id="displays-h">{t('prep.tab.displays')}</h1>
      <div className="card">
        <h2>{t('displays.add')}</h2>
        <form className="form-row" onSubmit={onSubmit} noValidate aria-label={t('displays.add')}>
          <Field label={t('displays.name')} error={errors.name}>
            {(a) => <input {...a} name="displayName" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('displays.namePlaceholder')} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('displays.create')}
            </button>
          </div>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
        </form>
        {created?.pairUrl ? (
          <div className="pair-box" role="status">
            <QrImage text={created.pairUrl} size={200} alt={t('displays.qrAlt', { name: created.name })} />
            <div>
              <p>
                <strong>{created.name}</strong>
              </p>
              <p>{t('displays.pairExplain')}</p>
              <p className="mono break">{created.pairUrl}</p>
            </div>
          </div>
        ) : null}
      </div>
      <div className="card">
        <h2>{t('displays.list')}</h2>
        {displays.length === 0 ? <p className="muted">{t('displays.none')}</p> : null}
        <ul className="list compact">
          {displays.map((d) => (
            <li key={d.id} className="list-row">
              <span>{d.name}</span>
              <span className={d.online ? 'pill pill-open' : 'pill'}>{t(d.online ? 'displays.online' : 'displays.offline')}</span>
              <button type="button" className="btn btn-danger" onClick={() => setRemoving(d)}>
                {t('displays.remove')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {removing ? (
        <ConfirmDialog
          title={t('displays.removeConfirm', { name: removing.name })}
          confirmLabel={t('displays.remove')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
