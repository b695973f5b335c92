import { useState } from 'react';
import type { DragEvent, FormEvent } from 'react';
import { AgendaItemInputSchema } from '@hddt/protocol/schemas';
import type { AgendaItem } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useFormSubmit } from '../shared/use-form';

interface Props {
  sessionId: string;
  agenda: AgendaItem[];
  onChanged: () => Promise<void>;
}

/** Move one id to a new index; the order the server is told about. */
export function reorder(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return ids;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

function ItemForm({
  initial,
  onSave,
  onDone,
  onCancel,
  submitLabel,
}: {
  initial?: AgendaItem;
  onSave: (v: { title: string; presenter: string }) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const { t } = useT();
  const { errors, formError, busy, submit } = useFormSubmit();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [presenter, setPresenter] = useState(initial?.presenter ?? '');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = await submit(AgendaItemInputSchema, { title, presenter }, onSave);
    if (r !== null) {
      setTitle('');
      setPresenter('');
      onDone();
    }
  }
  return (
    <form className="form-row" onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      <Field label={t('agenda.itemTitle')} error={errors.title}>
        {(a) => <input {...a} name="itemTitle" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('agenda.presenter')} error={errors.presenter}>
        {(a) => <input {...a} name="presenter" value={presenter} onChange={(e) => setPresenter(e.target.value)} />}
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

export function AgendaEditor({ sessionId, agenda, onChanged }: Props) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const items = [...agenda].sort((a, b) => a.order - b.order);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  async function move(from: number, to: number) {
    if (to < 0 || to >= items.length || from === to) return;
    const ids = reorder(
      items.map((i) => i.id),
      from,
      to,
    );
    try {
      await call('agendaOrder', { params: { id: sessionId }, body: { itemIds: ids } });
      await onChanged();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  async function remove(item: AgendaItem) {
    setRemoving(null);
    try {
      await call('agendaRemove', { params: { id: item.id } });
      await onChanged();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  return (
    <div className="card">
      <h2>{t('agenda.title')}</h2>
      {items.length === 0 ? <p className="muted">{t('agenda.empty')}</p> : null}
      <ol className="agenda-list">
        {items.map((item, i) => (
          <li
            key={item.id}
            className={dragFrom === i ? 'agenda-row dragging' : 'agenda-row'}
            draggable={editing === null}
            onDragStart={(e: DragEvent) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e: DragEvent) => e.preventDefault()}
            onDrop={(e: DragEvent) => {
              e.preventDefault();
              if (dragFrom !== null) void move(dragFrom, i);
              setDragFrom(null);
            }}
            onDragEnd={() => setDragFrom(null)}
          >
            {editing === item.id ? (
              <ItemForm
                initial={item}
                submitLabel={t('common.save')}
                onSave={(v) => call('agendaUpdate', { params: { id: item.id }, body: v })}
                onDone={() => {
                  setEditing(null);
                  void onChanged();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <span className="drag-handle" aria-hidden="true">
                  ⋮⋮
                </span>
                <span className="agenda-num">{i + 1}.</span>
                <span className="agenda-text">
                  <strong>{item.title}</strong>
                  {item.presenter ? <span className="muted"> — {item.presenter}</span> : null}
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="btn btn-icon-text"
                    aria-label={t('agenda.moveUp', { title: item.title })}
                    disabled={i === 0}
                    onClick={() => void move(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-icon-text"
                    aria-label={t('agenda.moveDown', { title: item.title })}
                    disabled={i === items.length - 1}
                    onClick={() => void move(i, i + 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn" onClick={() => setEditing(item.id)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="btn btn-danger" onClick={() => setRemoving(item)}>
                    {t('common.delete')}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('agenda.add')}</h3>
      <ItemForm submitLabel={t('agenda.addButton')} onSave={(v) => call('agendaAdd', { params: { id: sessionId }, body: v })} onDone={() => void onChanged()} />
      {removing ? (
        <ConfirmDialog
          title={t('agenda.removeConfirm', { title: removing.title })}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
