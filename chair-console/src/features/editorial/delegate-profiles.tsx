// "Đại biểu trên cổng": what the portal shows about each delegate beyond the roster (which keeps name and
// position): đơn vị bầu cử, committees, contact for voters and the photo. The head of the board keeps these;
// editors see them. The photo is uploaded to the portal (an image, resized there) and public at once.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { EDITORIAL_API, PORTAL_MAX_FILE_BYTES } from '@hddt/protocol';
import type { Delegate, DelegateProfile } from '@hddt/protocol';
import { api, call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { uploadFile } from './attachments';
import { FilePick } from './file-pick';

export function DelegateProfiles({ role }: { role: string | undefined }) {
  const { t, lang } = useT();
  const [delegates, setDelegates] = useState<Delegate[]>([]);
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('delegates')
      .then((list) => {
        const seated = list.filter((d) => d.seated).sort((a, b) => a.seat - b.seat);
        setDelegates(seated);
        setId((cur) => cur || (seated[0]?.id ?? ''));
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);

  const delegate = delegates.find((d) => d.id === id);
  return (
    <section aria-labelledby="dp-h" className="records">
      <h1 id="dp-h">{t('ed.dp.title')}</h1>
      <p className="muted">{t('ed.dp.lead')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-row">
        <Field label={t('ed.dp.delegate')}>
          {(a) => (
            <select {...a} value={id} onChange={(e) => setId(e.target.value)}>
              {delegates.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.seat}. {d.fullName} — {d.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {delegate ? <ProfileForm key={delegate.id} delegate={delegate} canEdit={role === 'board-head'} /> : null}
    </section>
  );
}

function ProfileForm({ delegate, canEdit }: { delegate: Delegate; canEdit: boolean }) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [profile, setProfile] = useState<DelegateProfile | null>(null);
  const [constituency, setConstituency] = useState('');
  const [committees, setCommittees] = useState('');
  const [contact, setContact] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [pickKey, setPickKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const p = await api.get<DelegateProfile | null>(EDITORIAL_API.delegateProfile(delegate.id));
      setProfile(p);
      setConstituency(p?.constituency ?? '');
      setCommittees(p?.committees.join('\n') ?? '');
      setContact(p?.contact ?? '');
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [delegate.id, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<DelegateProfile>(EDITORIAL_API.delegateProfile(delegate.id), {
        constituency,
        committees: committees
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
        contact,
      });
      setProfile(saved);
      pushToast({ tone: 'info', text: t('ed.dp.saved') });
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  async function uploadPhoto() {
    if (!photo) return setPhotoError(t('ed.img.noFile'));
    if (photo.size > PORTAL_MAX_FILE_BYTES) return setPhotoError(t('ed.att.tooLarge', { mb: PORTAL_MAX_FILE_BYTES / 1024 / 1024 }));
    setBusy(true);
    setPhotoError(null);
    try {
      await uploadFile(EDITORIAL_API.delegatePhoto(delegate.id), photo);
      setPhoto(null);
      setPickKey((k) => k + 1);
      pushToast({ tone: 'info', text: t('ed.dp.photoSaved') });
      await load();
    } catch (err) {
      setPhotoError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  async function removePhoto() {
    setBusy(true);
    try {
      await api.del(EDITORIAL_API.delegatePhoto(delegate.id));
      await load();
    } catch (err) {
      setPhotoError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ed-profile">
      <div className="card ed-photo">
        <h2>{t('ed.dp.photo')}</h2>
        {profile?.photoFileId ? (
          <img src={`/tep/${profile.photoFileId}`} alt={t('ed.dp.photoOf', { name: delegate.fullName })} width={120} height={160} className="ed-photo-img" />
        ) : (
          <p className="muted">{t('ed.dp.noPhoto')}</p>
        )}
        {canEdit ? (
          <>
            <FilePick
              key={pickKey}
              label={t('ed.dp.photoFile')}
              accept="image/jpeg,image/png,.jpg,.jpeg,.png"
              fileName={photo?.name ?? null}
              testId="photo-file"
              onPick={(f) => {
                setPhoto(f);
                setPhotoError(null);
              }}
            />
            <div className="form-row">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void uploadPhoto()}>
                {busy ? t('ed.uploading') : t('ed.dp.photoUpload')}
              </button>
              {profile?.photoFileId ? (
                <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void removePhoto()}>
                  {t('ed.dp.photoRemove')}
                </button>
              ) : null}
            </div>
            <p className="muted small">{t('ed.dp.photoRules')}</p>
          </>
        ) : null}
        {photoError ? (
          <p className="form-error" role="alert">
            {photoError}
          </p>
        ) : null}
      </div>
      <form className="card" onSubmit={(e) => void save(e)}>
        <h2>{t('ed.dp.facts')}</h2>
        {!canEdit ? (
          <p className="ed-note" role="note">
            {t('ed.dp.headOnly')}
          </p>
        ) : null}
        <Field label={t('ed.dp.constituency')}>
          {(a) => <input {...a} value={constituency} readOnly={!canEdit} maxLength={300} onChange={(e) => setConstituency(e.target.value)} />}
        </Field>
        <Field label={t('ed.dp.committees')} hint={t('ed.dp.committeesHint')}>
          {(a) => <textarea {...a} rows={3} value={committees} readOnly={!canEdit} onChange={(e) => setCommittees(e.target.value)} />}
        </Field>
        <Field label={t('ed.dp.contact')}>
          {(a) => <textarea {...a} rows={3} value={contact} readOnly={!canEdit} maxLength={1000} onChange={(e) => setContact(e.target.value)} />}
        </Field>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {canEdit ? (
          <div className="form-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('ed.dp.save')}
            </button>
            <a className="btn" href={`/dai-bieu/${delegate.id}`} target="_blank" rel="noreferrer">
              {t('ed.view')}
            </a>
          </div>
        ) : null}
      </form>
    </div>
  );
}
