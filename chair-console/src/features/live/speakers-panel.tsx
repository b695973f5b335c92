import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, PointerEvent } from 'react';
import { playChime, storedFlag, storeFlag } from '@hddt/ui';
import { SpeakerAddSchema } from '@hddt/protocol/schemas';
import { floorTurn, questionStage, type SpeakerEntry } from '@hddt/protocol';
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

/** The timer of whoever holds the floor in the entry: the speaker, the questioner, or the person answering. */
export function speakerTimer(entry: SpeakerEntry, nowMs: number): { elapsed: number; left: number; tone: 'ok' | 'warn' | 'over' } {
  const turn = floorTurn(entry);
  const startedAt = turn?.startedAt ?? entry.startedAt;
  const started = startedAt ? Date.parse(startedAt) : nowMs;
  const elapsed = Math.max(0, Math.floor((nowMs - started) / 1000));
  const left = (turn?.limitSec ?? entry.limitSec) - elapsed;
  return { elapsed, left, tone: left < 0 ? 'over' : left <= SPEAKER_WARN_SEC ? 'warn' : 'ok' };
}

export function useSpeakerActions() {
  const { run } = useCommand();
  const speakers = useStore(selectSpeakers);
  const waiting = useMemo(
    () => (speakers ?? []).filter((s) => s.status === 'waiting').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.requestedAt.localeCompare(b.requestedAt)),
    [speakers],
  );
  const speaking = (speakers ?? []).find((s) => s.status === 'speaking') ?? null;
  // Questions put and not yet answered: the chair gives the floor to the person asked, now or after more questions.
  const asked = useMemo(() => (speakers ?? []).filter((s) => questionStage(s) === 'asked'), [speakers]);
  return {
    waiting,
    speaking,
    asked,
    answer: (entryId: string) => run('question:answer', { entryId }),
    give: (entryId: string) => run('speaker:give', { entryId }),
    finish: (entryId: string) => run('speaker:finish', { entryId }),
    remove: (entryId: string) => run('speaker:remove', { entryId }),
    move: (entryId: string, position: number) => run('speaker:move', { entryId, position }),
    mark: (entryId: string, rebuttal: boolean) => run('speaker:mark', { entryId, rebuttal }),
    add: (name: string, delegateId: string | null, title: string) => run('speaker:add', { name, delegateId, title }),
  };
}

function SpeakingNow({ entry, onFinish, onAnswer }: { entry: SpeakerEntry; onFinish: () => void; onAnswer: () => void }) {
  const { t } = useT();
  const now = useServerNow(useStore((s) => s.clockOffsetMs));
  const timer = speakerTimer(entry, now);
  const turn = floorTurn(entry);
  if (entry.question && turn) {
    const q = entry.question;
    const answering = turn.role === 'answer';
    return (
      <div className={`speaking speaking-${timer.tone} speaking-question`} data-testid="speaking" data-turn={turn.role}>
        <div>
          <div className="muted">
            <span className="pill question-pill">{t('question.pill')}</span> {answering ? t('question.answering') : t('question.asking')}
          </div>
          <strong className="speaking-name">{turn.name}</strong>
          {turn.title ? <div className="muted">{turn.title}</div> : null}
          <div className="question-line">
            {answering
              ? t('question.askedBy', { name: entry.name })
              : t('question.to', { name: q.answererTitle ? `${q.answererName} (${q.answererTitle})` : q.answererName })}
          </div>
          <div className="question-line question-topic">{q.topic}</div>
        </div>
        <div className="speaking-timer" role="timer" aria-label={answering ? t('question.answerTimer') : t('question.timer')}>
          {timer.left >= 0 ? formatDuration(timer.left) : `+${formatDuration(timer.left)}`}
          {timer.tone === 'warn' ? (
            <span className="visually-hidden" role="alert">
              {t('speaker.nearEnd')}
            </span>
          ) : null}
          {timer.tone === 'over' ? <span className="speaking-over">{t('speaker.overTime')}</span> : null}
        </div>
        <div className="speaking-actions">
          {!answering ? (
            <button type="button" className="btn btn-primary" onClick={onAnswer}>
              {t('question.giveAnswer')}
            </button>
          ) : null}
          <button type="button" className={answering ? 'btn btn-primary' : 'btn'} aria-keyshortcuts="Alt+F" onClick={onFinish}>
            {answering ? t('question.finishAnswer') : t('question.finishQuestion')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={`speaking speaking-${timer.tone}`} data-testid="speaking">
      <div>
        <div className="muted">{t('speaker.speaking')}</div>
        <strong className="speaking-name">{entry.name}</strong>
        {entry.rebuttal ? <span className="pill rebuttal-pill"> {t('speaker.rebuttal')}</span> : null}
        {entry.title ? <div className="muted">{entry.title}</div> : null}
      </div>
      <div className="speaking-timer" role="timer" aria-label={t('speaker.timer')}>
        {timer.left >= 0 ? formatDuration(timer.left) : `+${formatDuration(timer.left)}`}
        {timer.tone === 'warn' ? (
          <span className="visually-hidden" role="alert">
            {t('speaker.nearEnd')}
          </span>
        ) : null}
        {timer.tone === 'over' ? <span className="speaking-over">{t('speaker.overTime')}</span> : null}
      </div>
      <button type="button" className="btn btn-primary" aria-keyshortcuts="Alt+F" onClick={onFinish}>
        {t('speaker.finish')}
      </button>
    </div>
  );
}

const SOUND_MUTE_KEY = 'hddt.console.requestSoundMuted';
/** A request stays marked "Mới" for this long. */
const NEW_FOR_MS = 60_000;

interface QueueProps {
  waiting: SpeakerEntry[];
  open: boolean;
  floorTaken: boolean;
  now: number;
  hallTime: (iso: string) => string;
  onGive: (id: string) => unknown;
  onRemove: (id: string) => unknown;
  onMove: (id: string, position: number) => unknown;
  onMark: (id: string, rebuttal: boolean) => unknown;
}

/**
 * The waiting queue: reorder by dragging the handle (mouse, pen or touch: pointer events, not HTML drag and
 * drop, which touch screens lack), by the ↑/↓ buttons, or with the arrow keys on the handle.
 */
function SpeakerQueue({ waiting, open, floorTaken, now, hallTime, onGive, onRemove, onMove, onMark }: QueueProps) {
  const { t } = useT();
  const [drag, setDrag] = useState<{ id: string; from: number; over: number } | null>(null);
  const [said, setSaid] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  const moveTo = (entry: SpeakerEntry, position: number) => {
    setSaid(t('speaker.moved', { name: entry.name, pos: position + 1 }));
    void onMove(entry.id, position);
  };
  const rowAt = (y: number): number | null => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-queue-index]') ?? [];
    let found: number | null = null;
    for (const row of rows) {
      const box = row.getBoundingClientRect();
      if (y >= box.top) found = Number(row.dataset.queueIndex);
    }
    return found;
  };
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>, index: number, id: string) => {
    if (!open) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id, from: index, over: index });
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag) return;
    const over = rowAt(e.clientY);
    if (over !== null && over !== drag.over) setDrag({ ...drag, over });
  };
  const onPointerUp = () => {
    if (!drag) return;
    const entry = waiting[drag.from];
    if (entry && drag.over !== drag.from) moveTo(entry, drag.over);
    setDrag(null);
  };
  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const entry = waiting[index];
    if (!entry) return;
    if (e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      moveTo(entry, index - 1);
    } else if (e.key === 'ArrowDown' && index < waiting.length - 1) {
      e.preventDefault();
      moveTo(entry, index + 1);
    }
  };

  return (
    <>
      <ol className="queue" aria-label={t('speaker.queue')} ref={listRef}>
        {waiting.map((s, i) => {
          const isNew = now - Date.parse(s.requestedAt) < NEW_FOR_MS;
          const dragging = drag?.id === s.id;
          const target = drag !== null && !dragging && drag.over === i;
          return (
            <li key={s.id} className={`queue-row${dragging ? ' is-dragging' : ''}${target ? ' is-drop-target' : ''}`} data-queue-index={i}>
              <button
                type="button"
                className="queue-handle"
                aria-label={t('speaker.drag', { name: s.name })}
                aria-keyshortcuts="ArrowUp ArrowDown"
                disabled={!open}
                onPointerDown={(e) => onPointerDown(e, i, s.id)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={() => setDrag(null)}
                onKeyDown={(e) => onHandleKey(e, i)}
              >
                <span aria-hidden="true">⠿</span>
              </button>
              <span className="queue-pos">{i + 1}</span>
              <span className="queue-name">
                {s.question ? (
                  <span className="pill question-pill" data-testid="question-pill">
                    {t('question.pill')}
                  </span>
                ) : null}
                {s.question ? ' ' : null}
                {s.name}
                {s.title ? <span className="muted"> · {s.title}</span> : null}
                {s.delegateId === null ? <span className="muted"> · {t('speaker.guest')}</span> : null}
                {isNew ? (
                  <span className="pill new-pill" data-testid="new-request">
                    {' '}
                    {t('speaker.new')}
                  </span>
                ) : null}
                {s.rebuttal ? <span className="pill rebuttal-pill"> {t('speaker.rebuttal')}</span> : null}
                <span className="muted queue-time" data-testid="request-time">
                  {' '}
                  · {hallTime(s.requestedAt)}
                </span>
                {s.question ? (
                  <span className="queue-question">
                    <span className="question-line">
                      {t('question.to', {
                        name: s.question.answererTitle ? `${s.question.answererName} (${s.question.answererTitle})` : s.question.answererName,
                      })}
                    </span>
                    <span className="question-line question-topic">{s.question.topic}</span>
                  </span>
                ) : null}
              </span>
              <span className="queue-move">
                <button
                  type="button"
                  className="btn"
                  disabled={!open || i === 0}
                  aria-label={t('speaker.up', { name: s.name })}
                  onClick={() => moveTo(s, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={!open || i === waiting.length - 1}
                  aria-label={t('speaker.down', { name: s.name })}
                  onClick={() => moveTo(s, i + 1)}
                >
                  ↓
                </button>
              </span>
              <span className="queue-actions">
                {s.question ? null : (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={!open}
                    aria-pressed={s.rebuttal ?? false}
                    aria-label={t('speaker.rebuttalOf', { name: s.name })}
                    onClick={() => void onMark(s.id, !(s.rebuttal ?? false))}
                  >
                    {t('speaker.rebuttal')}
                  </button>
                )}
                {s.question ? (
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={!open || floorTaken}
                    aria-label={t('question.giveTo', { name: s.name })}
                    onClick={() => void onGive(s.id)}
                  >
                    {t('question.give')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={!open || floorTaken}
                    aria-label={t('speaker.giveTo', { name: s.name })}
                    onClick={() => void onGive(s.id)}
                  >
                    {t('speaker.give')}
                  </button>
                )}
                <button type="button" className="btn btn-small" aria-label={t('speaker.removeOf', { name: s.name })} onClick={() => void onRemove(s.id)}>
                  {t('common.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </>
  );
}

export function SpeakersPanel() {
  const { t } = useT();
  const session = useStore(selectSession);
  const delegates = useStore(selectDelegates);
  const { waiting, speaking, asked, give, finish, answer, remove, add, move, mark } = useSpeakerActions();
  const hallTime = useHallTime();
  const now = useServerNow(useStore((s) => s.clockOffsetMs));
  const [muted, setMuted] = useState(() => storedFlag(SOUND_MUTE_KEY));
  const [chimes, setChimes] = useState(0);
  const seen = useRef<Set<string> | null>(null);
  // A sound when a new request arrives (not for those already waiting when the console opened).
  useEffect(() => {
    const ids = waiting.map((w) => w.id);
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const fresh = ids.filter((id) => !seen.current!.has(id));
    for (const id of fresh) seen.current.add(id);
    if (fresh.length > 0 && !muted && playChime([880, 1174.66])) setChimes((n) => n + 1);
  }, [waiting, muted]);
  const toggleSound = () => {
    setMuted(!muted);
    storeFlag(SOUND_MUTE_KEY, !muted);
  };
  const [name, setName] = useState('');
  const [guestTitle, setGuestTitle] = useState('');
  const [delegateId, setDelegateId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const open = session?.status === 'open';

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const chosen = delegates?.find((d) => d.id === delegateId);
    const parsed = SpeakerAddSchema.safeParse({
      name: chosen ? chosen.fullName : name,
      delegateId: chosen ? chosen.id : null,
      title: chosen ? chosen.title : guestTitle,
    });
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
    <section className="panel" aria-labelledby="spk-h" data-chimes={chimes}>
      <h2 id="spk-h">
        {t('speaker.title')}
        {waiting.length > 0 ? (
          <span className="pill queue-badge" data-testid="queue-badge">
            {' '}
            {waiting.length}
          </span>
        ) : null}
      </h2>
      {speaking ? (
        <SpeakingNow entry={speaking} onFinish={() => void finish(speaking.id)} onAnswer={() => void answer(speaking.id)} />
      ) : (
        <p className="muted">{t('speaker.nobody')}</p>
      )}
      {asked.length > 0 ? (
        <div className="asked" role="group" aria-label={t('question.awaiting')}>
          <div className="muted">{t('question.awaiting')}</div>
          <ul className="asked-list">
            {asked.map((q) => (
              <li key={q.id} className="asked-row">
                <span>
                  <span className="pill question-pill">{t('question.pill')}</span> {q.name} → {q.question!.answererName}
                  {q.question!.answererTitle ? <span className="muted"> · {q.question!.answererTitle}</span> : null}
                  <span className="question-line question-topic">{q.question!.topic}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={!open}
                  aria-label={t('question.giveAnswerTo', { name: q.question!.answererName })}
                  onClick={() => void answer(q.id)}
                >
                  {t('question.giveAnswer')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="button" className="btn btn-small queue-sound" aria-pressed={!muted} onClick={toggleSound}>
        {muted ? t('speaker.soundOff') : t('speaker.soundOn')}
      </button>
      <SpeakerQueue
        waiting={waiting}
        open={open}
        floorTaken={speaking !== null}
        now={now}
        hallTime={hallTime}
        onGive={give}
        onRemove={remove}
        onMove={move}
        onMark={mark}
      />
      {waiting.length === 0 ? <p className="muted">{t('speaker.emptyQueue')}</p> : null}
      <form className="form-row compact" onSubmit={onAdd} noValidate aria-label={t('speaker.add')}>
        <Field label={t('speaker.pickDelegate')}>
          {(a) => (
            <select {...a} value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
              <option value="">{t('speaker.guestOption')}</option>
              {(delegates ?? [])
                .filter((d) => d.seated)
                .sort((x, y) => x.seat - y.seat)
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.seat}. {d.fullName}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {delegateId === '' ? (
          <>
            <Field label={t('speaker.guestName')} error={errors.name}>
              {(a) => <input {...a} name="speakerName" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label={t('speaker.guestTitle')} error={errors.title}>
              {(a) => <input {...a} name="speakerTitle" value={guestTitle} onChange={(e) => setGuestTitle(e.target.value)} />}
            </Field>
          </>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn" disabled={!open}>
            {t('speaker.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
