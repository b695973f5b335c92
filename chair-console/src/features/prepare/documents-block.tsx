import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_UPLOAD_BYTES, formatCount, pathOf } from '@hddt/protocol';
import { DocumentMetaSchema, DocumentTypeSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import type { DocumentType, SessionDocument } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useFormSubmit } from '../shared/use-form';

export const DOC_TYPE_LABEL: Record<DocumentType, MsgKey> = {
  'to-trinh': 'doc.type.toTrinh',
  'bao-cao': 'doc.type.baoCao',
  'bao-cao-tham-tra': 'doc.type.thamTra',
  'du-thao-nghi-quyet': 'doc.type.duThao',
  'nghi-quyet': 'doc.type.nghiQuyet',
  other: 'doc.type.other',
};

interface Props {
  sessionId: string;
  itemId: string | null;
  documents: SessionDocument[];
  onChanged: () => Promise<void>;
}

export function DocumentsBlock({ sessionId, itemId, documents, onChanged }: Props) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit, setErrors } = useFormSubmit();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [docType, setDocType] = useState<DocumentType>('to-trinh');
  const [confidential, setConfidential] = useState(false);
  const [removing, setRemoving] = useState<SessionDocument | null>(null);
  const [adding, setAdding] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setErrors({ file: t('doc.fileRequired') });
      return;
    }
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) {
      setErrors({ file: t('doc.pdfOnly') });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setErrors({ file: t('doc.tooLarge') });
      return;
    }
    const r = await submit(DocumentMetaSchema, { title, docType, itemId, confidential }, (meta) => {
      const query = { title: meta.title, docType: meta.docType, confidential: meta.confidential, itemId: meta.itemId ?? undefined };
      return call('documentUpload', { params: { id: sessionId }, body: file, query });
    });
    if (r) {
      setFile(null);
      setTitle('');
      setConfidential(false);
      if (fileRef.current) fileRef.current.value = '';
      pushToast({ tone: 'info', text: t('doc.uploaded', { title: r.title }) });
      setAdding(false);
      await onChanged();
    }
  }

  async function setConfidentialFlag(doc: SessionDocument, value: boolean) {
    try {
      await call('documentUpdate', { params: { id: doc.id }, body: value ? { confidential: true, published: false } : { confidential: false } });
      await onChanged();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  async function remove(doc: SessionDocument) {
    setRemoving(null);
    try {
      await call('documentRemove', { params: { id: doc.id } });
      await onChanged();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  return (
    <div className="block">
      <h3>{t('doc.title')}</h3>
      {documents.length === 0 ? <p className="muted">{t('doc.none')}</p> : null}
      <ul className="list compact">
        {documents.map((d) => (
          <li key={d.id} className="list-row">
            <span>
              <a href={pathOf(REST_ROUTES.documentFile, { id: d.id })} target="_blank" rel="noreferrer">
                {d.title}
              </a>
              <span className="muted">
                {' '}
                · {t(DOC_TYPE_LABEL[d.docType])} · {d.pages !== null ? t('doc.pages', { n: formatCount(d.pages, lang) }) : ''}{' '}
                {formatCount(Math.ceil(d.size / 1024), lang)} KB
              </span>
            </span>
            {d.confidential ? <span className="pill pill-confidential">{t('doc.confidential')}</span> : null}
            <button
              type="button"
              className="btn"
              aria-pressed={d.confidential}
              aria-label={t('doc.confidentialOf', { title: d.title })}
              onClick={() => void setConfidentialFlag(d, !d.confidential)}
            >
              {t('doc.confidential')}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => setRemoving(d)}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      {!adding ? (
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          + {t('doc.add')}
        </button>
      ) : (
        <form className="form-row" onSubmit={onSubmit} noValidate aria-label={t('doc.upload')}>
          <Field label={t('doc.file')} error={errors.file}>
            {(a) => (
              <input
                {...a}
                ref={fileRef}
                type="file"
                name="file"
                accept="application/pdf,.pdf"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f && !title) setTitle(f.name.replace(/\.pdf$/i, ''));
                }}
              />
            )}
          </Field>
          <Field label={t('doc.docTitle')} error={errors.title}>
            {(a) => <input {...a} name="docTitle" value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label={t('doc.docType')} error={errors.docType}>
            {(a) => (
              <select {...a} name="docType" value={docType} onChange={(e) => setDocType(DocumentTypeSchema.parse(e.target.value))}>
                {DocumentTypeSchema.options.map((o) => (
                  <option key={o} value={o}>
                    {t(DOC_TYPE_LABEL[o])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
            {t('doc.confidential')}
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('doc.upload')}
            </button>
          </div>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
        </form>
      )}
      {removing ? (
        <ConfirmDialog
          title={t('doc.removeConfirm', { title: removing.title })}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
