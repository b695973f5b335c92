import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_MINUTES_RECIPIENTS, VOTE_OPTIONS, questionTimes } from '@hddt/protocol';
import { CouncilLevelSchema, CouncilPatchSchema } from '@hddt/protocol/schemas';
import type { CouncilConfig, CouncilLevel, Threshold, VoteOption } from '@hddt/protocol';
import { call } from '../../api';
import { errorText, listFieldError } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useFormSubmit } from '../shared/use-form';

const LEVEL_LABEL: Record<CouncilLevel, MsgKey> = {
  province: 'council.level.province',
  commune: 'council.level.commune',
  'special-zone': 'council.level.specialZone',
  other: 'council.level.other',
};
const OPTION_LABEL: Record<VoteOption, MsgKey> = { yes: 'council.option.yes', no: 'council.option.no', abstain: 'council.option.abstain' };

/** Quorum presets the law uses; a custom fraction stays possible. */
const QUORUM_PRESETS: { key: MsgKey; value: Threshold }[] = [
  { key: 'council.quorum.twoThirds', value: { numerator: 2, denominator: 3, strict: false } },
  { key: 'council.quorum.half', value: { numerator: 1, denominator: 2, strict: true } },
];

/** Defaults of Nghị quyết 96/2023/QH15: "tín nhiệm thấp" from more than half, and from at least two thirds, of all delegates. */
const LOW_CONFIDENCE_DEFAULT: Threshold = { numerator: 1, denominator: 2, strict: true };
const DISMISSAL_DEFAULT: Threshold = { numerator: 2, denominator: 3, strict: false };

/** A fraction of all delegates: numerator, denominator and whether it must be exceeded ("quá") or reached ("ít nhất"). */
function ThresholdFields({
  value,
  onChange,
  errors,
  path,
}: {
  value: Threshold;
  onChange: (t: Threshold) => void;
  errors: Record<string, string>;
  path: string;
}) {
  const { t } = useT();
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  return (
    <div className="form-grid three">
      <Field label={t('council.numerator')} error={errors[`${path}.numerator`] ?? errors[path]}>
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            value={Number.isNaN(value.numerator) ? '' : String(value.numerator)}
            onChange={(e) => onChange({ ...value, numerator: num(e.target.value) })}
          />
        )}
      </Field>
      <Field label={t('council.denominator')} error={errors[`${path}.denominator`]}>
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            value={Number.isNaN(value.denominator) ? '' : String(value.denominator)}
            onChange={(e) => onChange({ ...value, denominator: num(e.target.value) })}
          />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={value.strict} onChange={(e) => onChange({ ...value, strict: e.target.checked })} />
        {t('council.strict')}
      </label>
    </div>
  );
}

/**
 * Council settings: name, level, term and its number (khóa), vote labels, quorum, the confidence-rating
 * thresholds, may-change-vote, speaking and question-time limits, resolution number format.
 */
export function CouncilForm() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const { errors, formError, busy, submit } = useFormSubmit();
  const [c, setC] = useState<CouncilConfig | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    call('council')
      .then(setC)
      .catch((err: unknown) => setLoadError(errorText(err, lang)));
  }, [lang]);

  if (!c) return <p role="status">{loadError ?? t('common.loading')}</p>;
  const cfg = c;
  const set = (patch: Partial<CouncilConfig>) => setC({ ...cfg, ...patch });
  const lowConfidence = cfg.thresholds.lowConfidence ?? LOW_CONFIDENCE_DEFAULT;
  const recipients = cfg.minutesRecipients ?? [...DEFAULT_MINUTES_RECIPIENTS];
  const dismissal = cfg.thresholds.lowConfidenceDismissal ?? DISMISSAL_DEFAULT;
  // Councils configured before question time existed have no times of their own: the form shows the defaults.
  const { questionSec, answerSec } = questionTimes(cfg);
  const setThreshold = (key: 'lowConfidence' | 'lowConfidenceDismissal', v: Threshold) => set({ thresholds: { ...cfg.thresholds, [key]: v } });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const patch = {
      name: cfg.name,
      issuingBody: cfg.issuingBody.filter((l) => l.trim() !== ''),
      level: cfg.level,
      term: cfg.term,
      termOrdinal: cfg.termOrdinal ?? '',
      place: cfg.place,
      timeZone: cfg.timeZone.trim(),
      voteLabels: cfg.voteLabels,
      quorum: cfg.quorum,
      thresholds: { ...cfg.thresholds, lowConfidence: lowConfidence, lowConfidenceDismissal: dismissal },
      allowVoteChange: cfg.allowVoteChange,
      speakingTimeSec: cfg.speakingTimeSec,
      questionTimeSec: questionSec,
      answerTimeSec: answerSec,
      resolutionNumberFormat: cfg.resolutionNumberFormat,
      normativeResolutionFormat: cfg.normativeResolutionFormat,
      hallWifi: cfg.hallWifi,
      minutesRecipients: recipients.map((l) => l.trim()).filter((l) => l !== ''),
    };
    const saved = await submit(CouncilPatchSchema, patch, (p) => call('councilUpdate', { body: p }));
    if (saved) {
      setC(saved);
      pushToast({ tone: 'info', text: t('common.saved') });
    }
  }

  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

  return (
    <section aria-labelledby="council-h">
      <h1 id="council-h">{t('prep.tab.council')}</h1>
      <form className="card form-grid" onSubmit={onSubmit} noValidate aria-label={t('prep.tab.council')}>
        <Field label={t('council.nameVi')} error={errors['name.vi']}>
          {(a) => <input {...a} value={cfg.name.vi} onChange={(e) => set({ name: { ...cfg.name, vi: e.target.value } })} />}
        </Field>
        <Field label={t('council.nameEn')} error={errors['name.en']}>
          {(a) => <input {...a} value={cfg.name.en} onChange={(e) => set({ name: { ...cfg.name, en: e.target.value } })} />}
        </Field>
        <Field label={t('council.level')} error={errors.level}>
          {(a) => (
            <select {...a} value={cfg.level} onChange={(e) => set({ level: CouncilLevelSchema.parse(e.target.value) })}>
              {CouncilLevelSchema.options.map((l) => (
                <option key={l} value={l}>
                  {t(LEVEL_LABEL[l])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('council.term')} error={errors.term} hint={t('council.termHint')}>
          {(a) => <input {...a} value={cfg.term} onChange={(e) => set({ term: e.target.value })} />}
        </Field>
        <Field label={t('council.termOrdinal')} error={errors.termOrdinal} hint={t('council.termOrdinalHint')}>
          {(a) => <input {...a} value={cfg.termOrdinal ?? ''} onChange={(e) => set({ termOrdinal: e.target.value })} />}
        </Field>
        <Field label={t('council.place')} error={errors.place}>
          {(a) => <input {...a} value={cfg.place} onChange={(e) => set({ place: e.target.value })} />}
        </Field>
        <Field label={t('council.timeZone')} error={errors.timeZone} hint={t('council.timeZoneHint')}>
          {(a) => <input {...a} value={cfg.timeZone} autoComplete="off" spellCheck={false} onChange={(e) => set({ timeZone: e.target.value })} />}
        </Field>
        <Field label={t('council.hallWifi')} error={errors.hallWifi}>
          {(a) => <input {...a} value={cfg.hallWifi} onChange={(e) => set({ hallWifi: e.target.value })} />}
        </Field>
        <div className="span-all">
          <Field label={t('council.issuingBody')} error={errors.issuingBody} hint={t('council.issuingBodyHint')}>
            {(a) => <textarea {...a} rows={2} value={cfg.issuingBody.join('\n')} onChange={(e) => set({ issuingBody: e.target.value.split('\n') })} />}
          </Field>
        </div>
        <div className="span-all">
          <Field label={t('council.recipients')} error={listFieldError(errors, 'minutesRecipients', t('session.line'))} hint={t('council.recipientsHint')}>
            {(a) => (
              <textarea
                {...a}
                name="minutesRecipients"
                rows={6}
                value={recipients.join('\n')}
                onChange={(e) => set({ minutesRecipients: e.target.value.split('\n') })}
              />
            )}
          </Field>
        </div>
        <fieldset className="span-all fieldset">
          <legend>{t('council.voteLabels')}</legend>
          <div className="form-grid three">
            {VOTE_OPTIONS.map((o) => (
              <div key={o} className={`vote-label-edit vote-${o}`}>
                <Field label={`${t(OPTION_LABEL[o])} (VI)`} error={errors[`voteLabels.${o}.vi`]}>
                  {(a) => (
                    <input
                      {...a}
                      value={cfg.voteLabels[o].vi}
                      onChange={(e) => set({ voteLabels: { ...cfg.voteLabels, [o]: { ...cfg.voteLabels[o], vi: e.target.value } } })}
                    />
                  )}
                </Field>
                <Field label={`${t(OPTION_LABEL[o])} (EN)`} error={errors[`voteLabels.${o}.en`]}>
                  {(a) => (
                    <input
                      {...a}
                      value={cfg.voteLabels[o].en}
                      onChange={(e) => set({ voteLabels: { ...cfg.voteLabels, [o]: { ...cfg.voteLabels[o], en: e.target.value } } })}
                    />
                  )}
                </Field>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="span-all fieldset">
          <legend>{t('council.quorum')}</legend>
          <div className="checks">
            {QUORUM_PRESETS.map((p) => (
              <button
                key={p.key}
                type="button"
                className="btn"
                aria-pressed={
                  cfg.quorum.numerator === p.value.numerator && cfg.quorum.denominator === p.value.denominator && cfg.quorum.strict === p.value.strict
                }
                onClick={() => set({ quorum: p.value })}
              >
                {t(p.key)}
              </button>
            ))}
          </div>
          <div className="form-grid three">
            <Field label={t('council.numerator')} error={errors['quorum.numerator'] ?? errors.quorum}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={Number.isNaN(cfg.quorum.numerator) ? '' : String(cfg.quorum.numerator)}
                  onChange={(e) => set({ quorum: { ...cfg.quorum, numerator: num(e.target.value) } })}
                />
              )}
            </Field>
            <Field label={t('council.denominator')} error={errors['quorum.denominator']}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={Number.isNaN(cfg.quorum.denominator) ? '' : String(cfg.quorum.denominator)}
                  onChange={(e) => set({ quorum: { ...cfg.quorum, denominator: num(e.target.value) } })}
                />
              )}
            </Field>
            <label className="check">
              <input type="checkbox" checked={cfg.quorum.strict} onChange={(e) => set({ quorum: { ...cfg.quorum, strict: e.target.checked } })} />
              {t('council.strict')}
            </label>
          </div>
        </fieldset>
        <fieldset className="span-all fieldset">
          <legend>{t('council.confidence')}</legend>
          <p className="field-hint">{t('council.confidenceHint')}</p>
          <h3>{t('council.lowConfidence')}</h3>
          <ThresholdFields value={lowConfidence} onChange={(v) => setThreshold('lowConfidence', v)} errors={errors} path="thresholds.lowConfidence" />
          <h3>{t('council.lowConfidenceDismissal')}</h3>
          <ThresholdFields
            value={dismissal}
            onChange={(v) => setThreshold('lowConfidenceDismissal', v)}
            errors={errors}
            path="thresholds.lowConfidenceDismissal"
          />
        </fieldset>
        <label className="check span-all">
          <input type="checkbox" checked={cfg.allowVoteChange} onChange={(e) => set({ allowVoteChange: e.target.checked })} />
          {t('council.allowVoteChange')}
        </label>
        <Field label={t('council.speakingTime')} error={errors.speakingTimeSec}>
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={Number.isNaN(cfg.speakingTimeSec) ? '' : String(cfg.speakingTimeSec)}
              onChange={(e) => set({ speakingTimeSec: num(e.target.value) })}
            />
          )}
        </Field>
        <span />
        <Field label={t('council.questionTime')} error={errors.questionTimeSec}>
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={Number.isNaN(questionSec) ? '' : String(questionSec)}
              onChange={(e) => set({ questionTimeSec: num(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('council.answerTime')} error={errors.answerTimeSec}>
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={Number.isNaN(answerSec) ? '' : String(answerSec)}
              onChange={(e) => set({ answerTimeSec: num(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('council.resolutionFormat')} error={errors.resolutionNumberFormat} hint={t('council.formatHint')}>
          {(a) => <input {...a} value={cfg.resolutionNumberFormat} onChange={(e) => set({ resolutionNumberFormat: e.target.value })} />}
        </Field>
        <Field label={t('council.normativeFormat')} error={errors.normativeResolutionFormat}>
          {(a) => <input {...a} value={cfg.normativeResolutionFormat} onChange={(e) => set({ normativeResolutionFormat: e.target.value })} />}
        </Field>
        {formError ? (
          <p className="form-error span-all" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-actions span-all">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
