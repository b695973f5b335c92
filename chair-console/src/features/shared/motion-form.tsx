import { useState } from 'react';
import type { FormEvent } from 'react';
import { BallotModeSchema, InterimSchema, MotionInputSchema, MotionKindSchema } from '@hddt/protocol/schemas';
import type { BallotMode, InterimDisplay, Motion, MotionInput, MotionKind } from '@hddt/protocol';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { Field } from './field';
import { useFormSubmit } from './use-form';

export const KIND_LABEL: Record<MotionKind, MsgKey> = {
  ordinary: 'motion.kind.ordinary',
  'two-thirds': 'motion.kind.twoThirds',
  election: 'motion.kind.election',
  confidence: 'motion.kind.confidence',
};
export const MODE_LABEL: Record<BallotMode, MsgKey> = { named: 'motion.mode.named', anonymous: 'motion.mode.anonymous', secret: 'motion.mode.secret' };
export const INTERIM_LABEL: Record<InterimDisplay, MsgKey> = { progress: 'motion.interim.progress', live: 'motion.interim.live' };

interface Props {
  itemId: string | null;
  initial?: Motion;
  submitLabel: string;
  onSave: (input: MotionInput) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
}

/** A vote to prepare (or to put ad hoc in the hall): question, kind, ballot mode, interim display, duration, candidates. */
export function MotionForm({ itemId, initial, submitLabel, onSave, onDone, onCancel }: Props) {
  const { t } = useT();
  const { errors, formError, busy, submit } = useFormSubmit();
  const [question, setQuestion] = useState(initial?.question ?? '');
  const [kind, setKind] = useState<MotionKind>(initial?.kind ?? 'ordinary');
  const [mode, setMode] = useState<BallotMode>(initial?.mode ?? 'named');
  const [interim, setInterim] = useState<InterimDisplay>(initial?.interim ?? 'progress');
  const [duration, setDuration] = useState(initial?.durationSec ? String(initial.durationSec) : '');
  const [candidates, setCandidates] = useState((initial?.candidates ?? []).map((c) => c.name).join('\n'));
  const [seats, setSeats] = useState(String(initial?.seats ?? 1));
  const [practice, setPractice] = useState(initial?.practice ?? false);
  const [resolution, setResolution] = useState(initial?.resolution ?? false);
  const [normative, setNormative] = useState(initial?.normative ?? false);
  const needsCandidates = kind === 'election' || kind === 'confidence';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const value = {
      itemId,
      question,
      kind,
      mode: kind === 'confidence' ? 'secret' : mode,
      interim,
      durationSec: duration.trim() === '' ? null : Number(duration),
      candidates: needsCandidates
        ? candidates
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean)
            .map((name) => ({ name }))
        : [],
      seats: kind === 'election' ? Number(seats) : 1,
      practice,
      resolution,
      normative: resolution && normative,
    };
    const ok = await submit(MotionInputSchema, value, onSave);
    if (ok !== null) onDone();
  }

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      <div className="span-all">
        <Field label={t('motion.question')} error={errors.question}>
          {(a) => <textarea {...a} name="question" rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('motion.kind')} error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" value={kind} onChange={(e) => setKind(MotionKindSchema.parse(e.target.value))}>
            {MotionKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('motion.mode')} error={errors.mode}>
        {(a) => (
          <select
            {...a}
            name="mode"
            value={kind === 'confidence' ? 'secret' : mode}
            disabled={kind === 'confidence'}
            onChange={(e) => setMode(BallotModeSchema.parse(e.target.value))}
          >
            {BallotModeSchema.options.map((m) => (
              <option key={m} value={m}>
                {t(MODE_LABEL[m])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('motion.interim')} error={errors.interim}>
        {(a) => (
          <select {...a} name="interim" value={interim} onChange={(e) => setInterim(InterimSchema.parse(e.target.value))}>
            {InterimSchema.options.map((m) => (
              <option key={m} value={m}>
                {t(INTERIM_LABEL[m])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('motion.duration')} error={errors.durationSec} hint={t('motion.durationHint')}>
        {(a) => <input {...a} name="durationSec" inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
      </Field>
      {needsCandidates ? (
        <>
          <div className="span-all">
            <Field label={kind === 'election' ? t('motion.candidates') : t('motion.subjects')} error={errors.candidates} hint={t('motion.candidatesHint')}>
              {(a) => <textarea {...a} name="candidates" rows={3} value={candidates} onChange={(e) => setCandidates(e.target.value)} />}
            </Field>
          </div>
          {kind === 'election' ? (
            <Field label={t('motion.seats')} error={errors.seats}>
              {(a) => <input {...a} name="seats" inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} />}
            </Field>
          ) : null}
        </>
      ) : null}
      <div className="span-all checks">
        <label className="check">
          <input type="checkbox" checked={practice} onChange={(e) => setPractice(e.target.checked)} />
          {t('motion.practice')}
        </label>
        <label className="check">
          <input type="checkbox" checked={resolution} onChange={(e) => setResolution(e.target.checked)} />
          {t('motion.resolution')}
        </label>
        {resolution ? (
          <label className="check">
            <input type="checkbox" checked={normative} onChange={(e) => setNormative(e.target.checked)} />
            {t('motion.normative')}
          </label>
        ) : null}
      </div>
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
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
