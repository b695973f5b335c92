// Tệp đính kèm of an item: the list readers will see (title, type, size), each title editable and each file
// removable, and an upload form. A file is uploaded at once (POST /api/portal/files, checked on the server by
// its content) and becomes part of the item when the draft is saved.
import { useState } from 'react';
import { EDITORIAL_API, PORTAL_MAX_FILE_BYTES, fileKindLabel, formatFileSize } from '@hddt/protocol';
import type { ContentAttachment, PortalFile } from '@hddt/protocol';
import { api } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { Field } from '../shared/field';
import { FilePick } from './file-pick';

const ACCEPT = '.pdf,.docx,.xlsx,.doc,.xls,.zip,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

interface Props {
  value: ContentAttachment[];
  editable: boolean;
  onChange: (next: ContentAttachment[]) => void;
}

export function uploadFile(path: string, file: File): Promise<PortalFile> {
  return api.raw<PortalFile>(`${path}?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
}

export function Attachments({ value, editable, onChange }: Props) {
  const { t, lang } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickKey, setPickKey] = useState(0);

  async function add() {
    if (!file) return setError(t('ed.att.noFile'));
    if (file.size > PORTAL_MAX_FILE_BYTES) return setError(t('ed.att.tooLarge', { mb: PORTAL_MAX_FILE_BYTES / 1024 / 1024 }));
    setBusy(true);
    setError(null);
    try {
      const meta = await uploadFile(EDITORIAL_API.files, file);
      const shown = title.trim() || meta.name.replace(/\.[a-z0-9]+$/i, '');
      onChange([...value, { fileId: meta.id, title: shown, name: meta.name, contentType: meta.contentType, size: meta.size }]);
      setFile(null);
      setTitle('');
      setPickKey((k) => k + 1);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="ed-attachments">
      <legend>{t('ed.att.title')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('ed.att.none')}</p>
      ) : (
        <ul className="list compact" aria-label={t('ed.att.title')}>
          {value.map((a, i) => (
            <li key={a.fileId} className="list-row ed-att-row">
              {editable ? (
                <Field label={t('ed.att.linkText', { n: i + 1 })}>
                  {(f) => (
                    <input
                      {...f}
                      value={a.title}
                      maxLength={200}
                      onChange={(e) => onChange(value.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))}
                    />
                  )}
                </Field>
              ) : (
                <strong>{a.title}</strong>
              )}
              <span className="muted">
                <a href={`/tep/${a.fileId}`} target="_blank" rel="noreferrer">
                  {a.name}
                </a>{' '}
                · {fileKindLabel(a.contentType)} · {formatFileSize(a.size, lang)}
              </span>
              {editable ? (
                <button
                  type="button"
                  className="btn btn-danger"
                  aria-label={t('ed.att.removeOf', { title: a.title })}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {t('ed.att.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="form-row ed-att-add" role="group" aria-label={t('ed.att.add')}>
          <FilePick
            key={pickKey}
            label={t('ed.att.file')}
            accept={ACCEPT}
            fileName={file?.name ?? null}
            testId="attachment-file"
            onPick={(f) => {
              setFile(f);
              setError(null);
            }}
          />
          <Field label={t('ed.att.newTitle')} hint={t('ed.att.newTitleHint')}>
            {(f) => <input {...f} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <button type="button" className="btn" disabled={busy} onClick={() => void add()}>
            {busy ? t('ed.uploading') : t('ed.att.upload')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted small">{t('ed.att.rules', { mb: PORTAL_MAX_FILE_BYTES / 1024 / 1024 })}</p>
    </fieldset>
  );
}
