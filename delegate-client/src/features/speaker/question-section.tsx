import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUESTION_TOPIC, formatCount, questionInputProblem, questionStage, type ErrorCode, type QuestionStage, type SpeakerEntry } from '@hddt/protocol';
import { useStore } from '../../store';
import { selectMe, selectSession } from '../../store/selectors';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { serverMessage } from '../../server-message';
import type { Lang } from '../../i18n';

const NO_SPEAKERS: SpeakerEntry[] = [];
/** The select's value for "someone not on the list": the name and title are typed. */
const TYPED = '__typed__';

type Field = 'answerer' | 'topic' | 'form';
function fieldOf(code: ErrorCode): Field {
  switch (code) {
    case 'ANSWERER_REQUIRED':
    case 'ANSWERER_TOO_LONG':
      return 'answerer';
    case 'QUESTION_TOPIC_REQUIRED':
    case 'QUESTION_TOPIC_TOO_LONG':
      return 'topic';
    default:
      return 'form';
  }
}

/**
 * "Đăng ký chất vấn": the delegate names the person asked ("Người trả lời chất vấn", from the session's invited
 * guests or typed) and the topic, then sees their questions in the queue and may withdraw one while it waits.
 */
export function QuestionSection() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const me = useStore(selectMe);
  const session = useStore(selectSession);
  const speakers = useStore((s) => s.snapshot?.speakers ?? NO_SPEAKERS);
  const guests = (session?.guests ?? []).filter((g) => g.name.trim() !== '');
  const [pick, setPick] = useState(guests.length > 0 ? '' : TYPED);
  const [typedName, setTypedName] = useState('');
  const [typedTitle, setTypedTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState('');
  const ids = { pick: useId(), name: useId(), title: useId(), topic: useId(), topicHelp: useId(), answererErr: useId(), topicErr: useId() };

  const myId = me?.delegate.id;
  const waitingAll = speakers.filter((e) => e.status === 'waiting');
  const mine = speakers.filter((e) => e.question && e.delegateId === myId && e.status !== 'withdrawn');
  const typed = pick === TYPED || guests.length === 0;
  // Number('') is 0: nothing chosen must not read as the first guest.
  const guest = typed || pick === '' ? null : (guests[Number(pick)] ?? null);

  const emit = async (run: () => Promise<{ ok: true } | { ok: false; code: string }>): Promise<boolean> => {
    const socket = getSocket();
    if (!socket?.connected) {
      setErrors({ form: t('vote.errors.OFFLINE') });
      return false;
    }
    setBusy(true);
    try {
      const ack = await run();
      if (!ack.ok) {
        const code = ack.code as ErrorCode;
        setErrors({ [fieldOf(code)]: serverMessage(code, lang) });
        return false;
      }
      return true;
    } catch {
      setErrors({ form: t('vote.errors.TIMEOUT') });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    const input = {
      answererName: typed ? typedName : (guest?.name ?? ''),
      answererTitle: typed ? typedTitle : (guest?.title ?? ''),
      topic,
    };
    const problem = questionInputProblem(input);
    if (problem) {
      setErrors({ [fieldOf(problem)]: serverMessage(problem, lang) });
      return;
    }
    setErrors({});
    const socket = getSocket();
    const ok = await emit(() => socket!.timeout(ACK_TIMEOUT_MS).emitWithAck('question:request', input));
    if (ok) {
      setTopic('');
      setTypedName('');
      setTypedTitle('');
      setSent(t('question.sent'));
    }
  };

  const withdraw = async (entryId: string) => {
    setErrors({});
    setSent('');
    const socket = getSocket();
    const ok = await emit(() => socket!.timeout(ACK_TIMEOUT_MS).emitWithAck('question:withdraw', { entryId }));
    if (ok) setSent(t('question.withdrawn'));
  };

  const stageText = (entry: SpeakerEntry, stage: QuestionStage | null): string => {
    switch (stage) {
      case 'waiting': {
        const place = waitingAll.findIndex((w) => w.id === entry.id) + 1;
        return t('question.stageWaiting', { position: formatCount(place, lang) });
      }
      case 'question':
        return t('question.stageQuestion');
      case 'asked':
        return t('question.stageAsked');
      case 'answer':
        return t('question.stageAnswer');
      case 'answered':
        return t('question.stageAnswered');
      case 'withdrawn':
      case null:
        return '';
      default: {
        const never: never = stage;
        return never;
      }
    }
  };

  if (!session || session.status !== 'open') return null;

  return (
    <section className="card question-card" aria-labelledby="question-title">
      <h2 id="question-title">{t('question.title')}</h2>
      {mine.length > 0 && (
        <ul className="question-mine" aria-label={t('question.mine')}>
          {mine.map((e) => {
            const stage = questionStage(e);
            return (
              <li key={e.id} className={`question-item is-${stage ?? 'none'}`} data-testid="my-question">
                <p className="question-item-who">
                  <span className="muted">{t('question.answerer')}:</span> <strong>{e.question!.answererName}</strong>
                  {e.question!.answererTitle ? ` (${e.question!.answererTitle})` : ''}
                </p>
                <p className="question-item-topic">{e.question!.topic}</p>
                <p className="question-item-stage" role="status">
                  {stageText(e, stage)}
                </p>
                {stage === 'waiting' && (
                  <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void withdraw(e.id)}>
                    {t('question.withdraw')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form className="question-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="question-title">
        {guests.length > 0 && (
          <div className="q-field">
            <label htmlFor={ids.pick}>{t('question.answerer')}</label>
            <select
              id={ids.pick}
              value={pick}
              aria-invalid={errors.answerer && !typed ? true : undefined}
              aria-describedby={errors.answerer && !typed ? ids.answererErr : undefined}
              onChange={(e) => setPick(e.target.value)}
            >
              <option value="">{t('question.choose')}</option>
              {guests.map((g, i) => (
                <option key={`${g.name}-${i}`} value={String(i)}>
                  {g.title ? `${g.name} — ${g.title}` : g.name}
                </option>
              ))}
              <option value={TYPED}>{t('question.other')}</option>
            </select>
          </div>
        )}
        {typed && (
          <>
            <div className="q-field">
              <label htmlFor={ids.name}>{guests.length > 0 ? t('question.answererName') : `${t('question.answerer')} — ${t('question.answererName')}`}</label>
              <input
                id={ids.name}
                value={typedName}
                maxLength={400}
                autoComplete="off"
                aria-invalid={errors.answerer ? true : undefined}
                aria-describedby={errors.answerer ? ids.answererErr : undefined}
                onChange={(e) => setTypedName(e.target.value)}
              />
            </div>
            <div className="q-field">
              <label htmlFor={ids.title}>{t('question.answererTitle')}</label>
              <input id={ids.title} value={typedTitle} maxLength={400} autoComplete="off" onChange={(e) => setTypedTitle(e.target.value)} />
            </div>
          </>
        )}
        {errors.answerer && (
          <p id={ids.answererErr} className="status-error" role="alert">
            {errors.answerer}
          </p>
        )}
        <div className="q-field">
          <label htmlFor={ids.topic}>{t('question.topic')}</label>
          <textarea
            id={ids.topic}
            value={topic}
            rows={3}
            aria-invalid={errors.topic ? true : undefined}
            aria-describedby={`${ids.topicHelp}${errors.topic ? ` ${ids.topicErr}` : ''}`}
            onChange={(e) => setTopic(e.target.value)}
          />
          <p id={ids.topicHelp} className={`q-count${topic.trim().length > MAX_QUESTION_TOPIC ? ' is-over' : ''}`}>
            {t('question.count', { n: topic.trim().length, max: MAX_QUESTION_TOPIC })}
          </p>
        </div>
        {errors.topic && (
          <p id={ids.topicErr} className="status-error" role="alert">
            {errors.topic}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {busy ? t('speak.sending') : t('question.request')}
        </button>
        {errors.form && (
          <p className="status-error" role="alert">
            {t('speak.failed', { message: errors.form })}
          </p>
        )}
        <p className="q-sent" role="status">
          {sent}
        </p>
      </form>
    </section>
  );
}
