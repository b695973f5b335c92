import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { SpeakerAddSchema } from '@hddt/protocol/schemas';
import type { SpeakerEntry } from '@hddt/protocol';
import { zodFieldErrors } from '../../form-errors';
import type { FieldErrors } from '../../form-errors';
import { useT } from '../../i18n';
import { selectDelegates, selectSession, selectSpeakers, useStore } from '../../store';
import { Field } from '../shared/field';
import { useCommand } from '../shared/use-command';
import { formatDuration, useServerNow } from '@hddt/ui/live';
import { useHallTime } from '../shared/use-hall-time';

/** Seconds before the end of speaking time when the timer turns to a warning. */
export const SPEAKER_WARN_SEC = 30;

export function speakerTimer(entry: SpeakerEntry, nowMs: number): { elapsed: number; left: number; tone: 'ok' | 'warn' | 'over' } {
  const started = entry.startedAt ? Date.parse(entry.startedAt) : nowMs;
  const elapsed = Math.max(0, Math.floor((nowMs - started) / 1000));
  const left = entry.limitSec - elapsed;
  return { elapsed, left, tone: left < 0 ? 'over' : left <= SPEAKER_WARN_SEC ? 'warn' : 'ok' };
}

export function useSpeakerActions() {
  const { run } = useCommand();
  const speakers = useStore(selectSpeakers);
  const waiting = useMemo(() => (speakers ?? []).filter((s) => s.status === 'waiting').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)), [speakers]);
  const speaking = (speakers ?? []).find((s) => s.status === 'speaking') ?? null;
  return {
    waiting,
    speaking,
    give: (entryId: string) => run('speaker:give', { entryId }),
    finish: (entryId: string) => run('speaker:finish', { entryId }),
    remove: (entryId: string) => run('speaker:remove', { entryId }),
    add: (name: string, delegateId: string | null, title: string) => run('speaker:add', { name, delegateId, title }),
  };
}

function SpeakingNow({ entry, onFinish }: { entry: SpeakerEntry; onFinish: () => void }) {
  const { t } = useT();
  const now = useServerNow(useStore((s) => s.clockOffsetMs));
  const timer = speakerTimer(entry, now);
  return (
    <div className={`speaking speaking-${timer.tone}`} data-testid="speaking">
      <div>
        <div className="muted">{t('speaker.speaking')}</div>
        <strong className="speaking-name">{entry.name}</strong>
        {entry.title ? <div className="muted">{entry.title}</div> : null}
      </div>
      <div className="speaking-timer" role="timer" aria-label={t('speaker.timer')}>
        {timer.left >= 0 ? formatDuration(timer.left) : `+${formatDuration(timer.left)}`}
        {timer.tone === 'warn' ? <span className="visually-hidden" role="alert">{t('speaker.nearEnd')}</span> : null}
        {timer.tone === 'over' ? <span className="speaking-over">{t('speaker.overTime')}</span> : null}
      </div>
      <button type="button" className="btn btn-primary" aria-keyshortcuts="Alt+F" onClick={onFinish}>{t('speaker.finish')}</button>
    </div>
  );
}

export function SpeakersPanel() {
  const { t } = useT();
  const session = useStore(selectSession);
  const delegates = useStore(selectDelegates);
  const { waiting, speaking, give, finish, remove, add } = useSpeakerActions();
  const hallTime = useHallTime();
  const [name, setName] = useState('');
  const [guestTitle, setGuestTitle] = useState('');
  const [delegateId, setDelegateId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const open = session?.status === 'open';

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const chosen = delegates?.find((d) => d.id === delegateId);
    const parsed = SpeakerAddSchema.safeParse({ name: chosen ? chosen.fullName : name, delegateId: chosen ? chosen.id : null, title: chosen ? chosen.title : guestTitle });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    const r = await add(parsed.data.name, parsed.data.delegateId, parsed.data.title);
    if (r) {
      setName('');
      setGuestTitle('');
      setDelegateId('');
    }
  }

  return (
    <section className="panel" aria-labelledby="spk-h">
      <h2 id="spk-h">{t('speaker.title')}{waiting.length > 0 ? <span className="pill queue-badge" data-testid="queue-badge"> {waiting.length}</span> : null}</h2>
      {speaking ? <SpeakingNow entry={speaking} onFinish={() => void finish(speaking.id)} /> : <p className="muted">{t('speaker.nobody')}</p>}
      <ol className="queue" aria-label={t('speaker.queue')}>
        {waiting.map((s, i) => (
          <li key={s.id} className="queue-row">
            <span className="queue-pos">{i + 1}</span>
            <span className="queue-name">{s.name}{s.title ? <span className="muted"> · {s.title}</span> : null}{s.delegateId === null ? <span className="muted"> · {t('speaker.guest')}</span> : null}
              <span className="muted queue-time" data-testid="request-time"> · {hallTime(s.requestedAt)}</span></span>
            <button type="button" className="btn btn-small btn-primary" disabled={!open || speaking !== null} aria-label={t('speaker.giveTo', { name: s.name })} onClick={() => void give(s.id)}>{t('speaker.give')}</button>
            <button type="button" className="btn btn-small" aria-label={t('speaker.removeOf', { name: s.name })} onClick={() => void remove(s.id)}>{t('common.remove')}</button>
          </li>
        ))}
      </ol>
      {waiting.length === 0 ? <p className="muted">{t('speaker.emptyQueue')}</p> : null}
      <form className="form-row compact" onSubmit={onAdd} noValidate aria-label={t('speaker.add')}>
        <Field label={t('speaker.pickDelegate')}>
          {(a) => (
            <select {...a} value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
              <option value="">{t('speaker.guestOption')}</option>
              {(delegates ?? []).filter((d) => d.seated).sort((x, y) => x.seat - y.seat).map((d) => <option key={d.id} value={d.id}>{d.seat}. {d.fullName}</option>)}
            </select>
          )}
        </Field>
        {delegateId === '' ? (
          <>
            <Field label={t('speaker.guestName')} error={errors.name}>{(a) => <input {...a} name="speakerName" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
            <Field label={t('speaker.guestTitle')} error={errors.title}>{(a) => <input {...a} name="speakerTitle" value={guestTitle} onChange={(e) => setGuestTitle(e.target.value)} />}</Field>
          </>
        ) : null}
        <div className="form-actions"><button type="submit" className="btn" disabled={!open}>{t('speaker.add')}</button></div>
      </form>
    </section>
  );
}
