import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formatCount, pathOf } from '@hddt/protocol';
import { DelegateInputSchema, VacateSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import type { Delegate, ImportRowError } from '@hddt/protocol';
import { ApiError, call } from '../../api';
import { errorText, zodFieldErrors } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useFormSubmit } from '../shared/use-form';

/** Some server messages already start with "Dòng 3:" / "Line 3:"; the list adds the line itself. */
/** Search by seat number, or by any part of the name, position or group, without caring for diacritics or case. */
export function matchesDelegate(d: Delegate, query: string): boolean {
  const fold = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const q = fold(query.trim());
  if (q === '') return true;
  if (/^\d+$/.test(q)) return String(d.seat) === q;
  return fold(`${d.fullName} ${d.title} ${d.group}`).includes(q);
}

export function withoutLinePrefix(message: string): string {
  return message.replace(/^(Dòng|Line)\s+\d+\s*:\s*/i, '');
}

/** The CSV as UTF-8 text (Vietnamese names); FileReader works in every browser the hall may have. */
function readUtf8(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

function DelegateForm({
  initial,
  onSave,
  onDone,
  onCancel,
  submitLabel,
}: {
  initial?: Delegate;
  onSave: (v: { seat: number; fullName: string; title: string; group: string }) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const { t } = useT();
  const { errors, formError, busy, submit } = useFormSubmit();
  const [seat, setSeat] = useState(initial ? String(initial.seat) : '');
  const [fullName, setFullName] = useState(initial?.fullName ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [group, setGroup] = useState(initial?.group ?? '');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit(DelegateInputSchema, { seat: seat.trim() === '' ? Number.NaN : Number(seat), fullName, title, group }, onSave);
    if (r !== null) {
      if (!initial) {
        setSeat('');
        setFullName('');
        setTitle('');
        setGroup('');
      }
      onDone();
    }
  }
  return (
    <form className="form-row" onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      <Field label={t('roster.seat')} error={errors.seat}>
        {(a) => <input {...a} name="seat" inputMode="numeric" className="input-narrow" value={seat} onChange={(e) => setSeat(e.target.value)} />}
      </Field>
      <Field label={t('roster.fullName')} error={errors.fullName}>
        {(a) => <input {...a} name="fullName" value={fullName} onChange={(e) => setFullName(e.target.value)} />}
      </Field>
      <Field label={t('roster.position')} error={errors.title}>
        {(a) => <input {...a} name="position" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('roster.group')} error={errors.group}>
        {(a) => <input {...a} name="group" value={group} onChange={(e) => setGroup(e.target.value)} />}
      </Field>
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
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

export function RosterPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const liveDelegates = useStore((s) => s.snapshot?.delegates);
  const [delegates, setDelegates] = useState<Delegate[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [vacating, setVacating] = useState<Delegate | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [importRows, setImportRows] = useState<ImportRowError[] | null>(null);
  const [importMsg, setImportMsg] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setDelegates(await call('delegates'));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  // Someone else changed the roster (the server pushes a fresh snapshot): reload.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load, liveDelegates]);

  const [query, setQuery] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const sorted = [...delegates].sort((a, b) => a.seat - b.seat);
  const shown = query.trim() === '' ? sorted : sorted.filter((d) => matchesDelegate(d, query));
  const seated = delegates.filter((d) => d.seated).length;

  async function vacate() {
    if (!vacating) return;
    const parsed = VacateSchema.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(zodFieldErrors(parsed.error, t).reason);
      return;
    }
    try {
      await call('delegateVacate', { params: { id: vacating.id }, body: parsed.data });
      pushToast({ tone: 'info', text: t('roster.vacated', { name: vacating.fullName }) });
      setVacating(null);
      setReason('');
      setReasonError(undefined);
      await load();
    } catch (err) {
      setReasonError(errorText(err, lang));
    }
  }

  async function reseat(d: Delegate) {
    try {
      await call('delegateReseat', { params: { id: d.id } });
      await load();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  async function importCsv(file: File) {
    setImportRows(null);
    setImportMsg(null);
    try {
      const text = await readUtf8(file);
      const report = await call('delegatesImport', { body: text });
      setImportMsg(t('roster.imported', { n: formatCount(report.imported, lang) }));
      await load();
    } catch (err) {
      if (err instanceof ApiError) setImportRows(err.rows);
      setImportMsg(errorText(err, lang));
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  return (
    <section aria-labelledby="roster-h">
      <div className="section-head">
        <h1 id="roster-h">{t('prep.tab.roster')}</h1>
        <p className="stat" data-testid="seated-count">
          {t('roster.seatedCount', { n: formatCount(seated, lang) })}
        </p>
      </div>
      <div className="card">
        <h2>{t('roster.importTitle')}</h2>
        <p className="muted">{t('roster.importHint')}</p>
        <div className="form-row">
          {/* The browser's own file button speaks the browser's language: a Vietnamese button stands in for it. */}
          <div className="file-pick">
            <span className="field-label" id="csv-label">
              {t('roster.importFile')}
            </span>
            <input
              ref={fileRef}
              id="csv-file"
              type="file"
              name="csv"
              accept=".csv,text/csv"
              className="visually-hidden"
              aria-labelledby="csv-label csv-choose"
              onChange={(e) => {
                const f = e.target.files?.[0];
                setFileName(f?.name ?? null);
                if (f) void importCsv(f);
              }}
            />
            <span className="file-pick-row">
              <label htmlFor="csv-file" id="csv-choose" className="btn">
                {t('roster.chooseFile')}
              </label>
              <span className="muted" data-testid="csv-file-name">
                {fileName ?? t('roster.noFile')}
              </span>
            </span>
          </div>
          <a className="btn" href={pathOf(REST_ROUTES.delegatesExport)} download="dai-bieu.csv">
            {t('roster.export')}
          </a>
        </div>
        <div role="status" aria-live="polite">
          {importMsg ? <p className={importRows ? 'form-error' : 'ok-text'}>{importMsg}</p> : null}
          {importRows && importRows.length > 0 ? (
            <ul className="import-errors">
              {importRows.map((r, i) => (
                <li key={`${r.line}-${i}`}>{t('roster.lineError', { line: r.line, message: withoutLinePrefix(lang === 'vi' ? r.message : r.messageEn) })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="card">
        <h2>{t('roster.add')}</h2>
        <DelegateForm submitLabel={t('roster.addButton')} onSave={(v) => call('delegateCreate', { body: v })} onDone={() => void load()} />
      </div>
      <div className="card">
        <div className="roster-search">
          <Field label={t('roster.search')}>
            {(a) => <input {...a} type="search" name="q" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('roster.searchHint')} />}
          </Field>
          <p className="muted" role="status" data-testid="roster-shown">
            {t('roster.shown', { n: formatCount(shown.length, lang), total: formatCount(sorted.length, lang) })}
          </p>
        </div>
        <table className="table table-compact">
          <caption className="visually-hidden">{t('prep.tab.roster')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.seat')}</th>
              <th scope="col">{t('roster.fullName')}</th>
              <th scope="col">{t('roster.position')}</th>
              <th scope="col">{t('roster.group')}</th>
              <th scope="col">{t('roster.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) =>
              editing === d.id ? (
                <tr key={d.id}>
                  <td colSpan={6}>
                    <DelegateForm
                      initial={d}
                      submitLabel={t('common.save')}
                      onSave={(v) => call('delegateUpdate', { params: { id: d.id }, body: v })}
                      onDone={() => {
                        setEditing(null);
                        void load();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={d.id} className={d.seated ? '' : 'row-vacant'}>
                  <td>{d.seat}</td>
                  <td>{d.fullName}</td>
                  <td>{d.title}</td>
                  <td>{d.group}</td>
                  <td>{d.seated ? t('roster.seated') : `${t('roster.vacant')}${d.vacatedReason ? ` (${d.vacatedReason})` : ''}`}</td>
                  <td className="row-actions">
                    <button type="button" className="btn" aria-label={t('roster.editOf', { name: d.fullName })} onClick={() => setEditing(d.id)}>
                      {t('common.edit')}
                    </button>
                    {d.seated ? (
                      <button type="button" className="btn btn-danger" aria-label={t('roster.vacateOf', { name: d.fullName })} onClick={() => setVacating(d)}>
                        {t('roster.vacate')}
                      </button>
                    ) : (
                      <button type="button" className="btn" onClick={() => void reseat(d)}>
                        {t('roster.reseat')}
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {vacating ? (
        <ConfirmDialog
          title={t('roster.vacateConfirm', { name: vacating.fullName })}
          confirmLabel={t('roster.vacate')}
          danger
          onConfirm={() => void vacate()}
          onCancel={() => {
            setVacating(null);
            setReasonError(undefined);
          }}
        >
          <p>{t('roster.vacateExplain', { n: seated - 1 })}</p>
          <Field label={t('roster.vacateReason')} error={reasonError}>
            {(a) => <input {...a} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
