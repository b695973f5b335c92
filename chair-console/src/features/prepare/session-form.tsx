import { useState } from 'react';
import type { FormEvent } from 'react';
import { SessionInputSchema, SessionTypeSchema } from '@hddt/protocol/schemas';
import { hallDay } from '@hddt/protocol';
import type { Session, SessionInput, SessionPerson, SessionType } from '@hddt/protocol';
import { listFieldError } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { Field } from '../shared/field';
import { useFormSubmit } from '../shared/use-form';
import { useHallZone } from '../shared/use-hall-time';

export const SESSION_TYPE_LABEL: Record<SessionType, MsgKey> = {
  regular: 'session.type.regular',
  thematic: 'session.type.thematic',
  standing: 'session.type.standing',
  committee: 'session.type.committee',
};

interface Props {
  initial?: Session;
  onSave: (input: SessionInput) => Promise<Session>;
  onDone: (s: Session) => void;
  onCancel?: () => void;
}

/**
 * A list of people typed one a line, "Họ và tên, chức vụ": the name runs to the first comma, the position is
 * the rest (it may hold commas of its own). Blank lines are skipped.
 */
export function parsePeople(text: string): { name: string; title: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const comma = line.indexOf(',');
      return comma < 0 ? { name: line, title: '' } : { name: line.slice(0, comma).trim(), title: line.slice(comma + 1).trim() };
    });
}

export function formatPeople(people: readonly SessionPerson[] | undefined): string {
  return (people ?? []).map((p) => (p.title ? `${p.name}, ${p.title}` : p.name)).join('\n');
}

/** Today on the council's calendar (the UTC day is yesterday in Việt Nam until 07:00). */
function today(timeZone: string): string {
  return hallDay(Date.now(), timeZone);
}

/**
 * Create or edit a kỳ họp: number, type, dates and opening time, place, public/closed, and the people its
 * minutes name: chair and secretary with their positions, invited guests, the counting board (Ban kiểm phiếu)
 * that signs the counting minutes of its secret ballots.
 */
export function SessionForm({ initial, onSave, onDone, onCancel }: Props) {
  const { t } = useT();
  const { errors, formError, busy, submit } = useFormSubmit();
  const zone = useHallZone();
  const [v, setV] = useState({
    number: initial ? String(initial.number) : '',
    title: initial?.title ?? '',
    type: initial?.type ?? ('regular' as SessionType),
    startDate: initial?.startDate ?? today(zone),
    endDate: initial?.endDate ?? today(zone),
    startTime: initial?.startTime ?? '',
    place: initial?.place ?? '',
    isPublic: initial?.isPublic ?? true,
    chairName: initial?.chairName ?? '',
    secretaryName: initial?.secretaryName ?? '',
    chairTitle: initial?.chairTitle ?? '',
    secretaryTitle: initial?.secretaryTitle ?? '',
    guests: formatPeople(initial?.guests),
    countingBoard: formatPeople(initial?.countingBoard),
  });
  const set = <K extends keyof typeof v>(k: K, val: (typeof v)[K]) => setV((p) => ({ ...p, [k]: val }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const value = {
      ...v,
      number: v.number.trim() === '' ? Number.NaN : Number(v.number),
      startTime: v.startTime || null,
      guests: parsePeople(v.guests),
      countingBoard: parsePeople(v.countingBoard),
    };
    const saved = await submit(SessionInputSchema, value, onSave);
    if (saved) onDone(saved);
  }

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate aria-label={initial ? t('session.edit') : t('session.create')}>
      <Field label={t('session.number')} error={errors.number}>
        {(a) => <input {...a} name="number" inputMode="numeric" value={v.number} onChange={(e) => set('number', e.target.value)} />}
      </Field>
      <Field label={t('session.type')} error={errors.type}>
        {(a) => (
          <select {...a} name="type" value={v.type} onChange={(e) => set('type', SessionTypeSchema.parse(e.target.value))}>
            {SessionTypeSchema.options.map((o) => (
              <option key={o} value={o}>
                {t(SESSION_TYPE_LABEL[o])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('session.title')} error={errors.title} hint={t('session.titleHint')}>
        {(a) => <input {...a} name="title" value={v.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label={t('session.place')} error={errors.place}>
        {(a) => <input {...a} name="place" value={v.place} onChange={(e) => set('place', e.target.value)} />}
      </Field>
      <Field label={t('session.startDate')} error={errors.startDate}>
        {(a) => <input {...a} name="startDate" type="date" value={v.startDate} onChange={(e) => set('startDate', e.target.value)} />}
      </Field>
      <Field label={t('session.endDate')} error={errors.endDate}>
        {(a) => <input {...a} name="endDate" type="date" value={v.endDate} onChange={(e) => set('endDate', e.target.value)} />}
      </Field>
      <Field label={t('session.startTime')} error={errors.startTime} hint={t('session.startTimeHint')}>
        {(a) => <input {...a} name="startTime" type="time" step={60} value={v.startTime} onChange={(e) => set('startTime', e.target.value)} />}
      </Field>
      <Field label={t('session.chairName')} error={errors.chairName}>
        {(a) => <input {...a} name="chairName" value={v.chairName} onChange={(e) => set('chairName', e.target.value)} />}
      </Field>
      <Field label={t('session.chairTitle')} error={errors.chairTitle} hint={t('session.chairTitleHint')}>
        {(a) => <input {...a} name="chairTitle" value={v.chairTitle} onChange={(e) => set('chairTitle', e.target.value)} />}
      </Field>
      <Field label={t('session.secretaryName')} error={errors.secretaryName}>
        {(a) => <input {...a} name="secretaryName" value={v.secretaryName} onChange={(e) => set('secretaryName', e.target.value)} />}
      </Field>
      <Field label={t('session.secretaryTitle')} error={errors.secretaryTitle}>
        {(a) => <input {...a} name="secretaryTitle" value={v.secretaryTitle} onChange={(e) => set('secretaryTitle', e.target.value)} />}
      </Field>
      <div className="span-all">
        <Field label={t('session.guests')} error={listFieldError(errors, 'guests', t('session.line'))} hint={t('session.peopleHint')}>
          {(a) => <textarea {...a} name="guests" rows={4} value={v.guests} onChange={(e) => set('guests', e.target.value)} />}
        </Field>
      </div>
      <div className="span-all">
        <Field label={t('session.countingBoard')} error={listFieldError(errors, 'countingBoard', t('session.line'))} hint={t('session.countingBoardHint')}>
          {(a) => <textarea {...a} name="countingBoard" rows={3} value={v.countingBoard} onChange={(e) => set('countingBoard', e.target.value)} />}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" name="isPublic" checked={v.isPublic} onChange={(e) => set('isPublic', e.target.checked)} />
        {t('session.isPublic')}
      </label>
      {formError ? (
        <p className="form-error span-all" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-actions span-all">
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {initial ? t('common.save') : t('session.create')}
        </button>
      </div>
    </form>
  );
}
