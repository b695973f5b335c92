import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { floorTurn, formatCount, nameWithTitle, type SpeakerEntry } from '@hddt/protocol';
import { useStore } from '../../store';
import { selectMe, selectMyFloor, selectMySpeakerEntry, selectSession } from '../../store/selectors';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { serverMessage } from '../../server-message';
import { formatCountdown } from '@hddt/ui/live';
import { useServerNow } from '../../use-now';
import type { Lang } from '../../i18n';
import { QuestionSection } from './question-section';

const NO_SPEAKERS: SpeakerEntry[] = [];

/** "Đăng ký phát biểu": ask for the floor, see one's place in the queue, and the time left when speaking. */
export function SpeakerScreen() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const me = useStore(selectMe);
  const session = useStore(selectSession);
  const request = useStore(selectMySpeakerEntry);
  // Speaking: one's own speech or question; the timer is that turn's.
  const floor = useStore(selectMyFloor);
  const speakers = useStore((s) => s.snapshot?.speakers ?? NO_SPEAKERS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const speaking = floor !== null;
  const now = useServerNow(speaking);
  const current = speakers.find((e) => e.status === 'speaking') ?? null;
  // Speaking requests and questions (chất vấn) share the queue; the tablet counts them apart.
  const waiting = speakers.filter((e) => e.status === 'waiting' && !e.question).length;
  const waitingQuestions = speakers.filter((e) => e.status === 'waiting' && e.question).length;
  const inQueue = request !== null || (me?.speakerPosition ?? null) !== null;

  const act = async (event: 'speaker:request' | 'speaker:withdraw') => {
    const socket = getSocket();
    setError(null);
    if (!socket?.connected) {
      setError(t('vote.errors.OFFLINE'));
      return;
    }
    setBusy(true);
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, {});
      if (!ack.ok) setError(serverMessage(ack.code, lang));
    } catch {
      setError(t('vote.errors.TIMEOUT'));
    } finally {
      setBusy(false);
    }
  };

  if (!session || session.status !== 'open') {
    return (
      <section className="card" aria-labelledby="speak-title">
        <h1 id="speak-title">{t('speak.title')}</h1>
        <p className="muted">{t('speak.noSession')}</p>
      </section>
    );
  }

  const msLeft = floor?.startedAt ? Math.min(floor.limitSec * 1000, Date.parse(floor.startedAt) + floor.limitSec * 1000 - now) : null;
  const turn = current ? floorTurn(current) : null;

  return (
    <>
      <section className={`card speak-card${speaking ? ' is-speaking' : ''}`} aria-labelledby="speak-title">
        <h1 id="speak-title">{t('speak.title')}</h1>
        <div role="status" aria-live="polite" data-testid="speaker-status">
          {speaking ? (
            <>
              <p className="speak-now">{t('speak.speaking')}</p>
              {msLeft !== null &&
                (msLeft > 0 ? (
                  <p className="speak-timer">
                    <span className="speak-timer-label">{t('speak.timeLeft')}</span> <span className="speak-timer-time">{formatCountdown(msLeft)}</span>
                  </p>
                ) : (
                  <p className="speak-timer is-over">{t('speak.overtime')}</p>
                ))}
            </>
          ) : me?.speakerPosition ? (
            <p className="speak-position">{t('speak.position', { position: formatCount(me.speakerPosition, lang) })}</p>
          ) : (
            <p className="muted">{t('speak.notInQueue')}</p>
          )}
        </div>
        {!speaking &&
          (inQueue ? (
            <button type="button" className="btn btn-lg btn-danger" disabled={busy} onClick={() => void act('speaker:withdraw')}>
              {busy ? t('speak.sending') : t('speak.withdraw')}
            </button>
          ) : (
            <button type="button" className="btn btn-primary btn-xl" disabled={busy} onClick={() => void act('speaker:request')}>
              {busy ? t('speak.sending') : t('speak.request')}
            </button>
          ))}
        {error && (
          <p className="status-error" role="alert">
            {t('speak.failed', { message: error })}
          </p>
        )}
        <hr />
        {turn && !speaking && <p>{t('speak.currentSpeaker', { name: nameWithTitle(turn.name, turn.title) })}</p>}
        <p className="muted" data-testid="speakers-waiting">
          {t('speak.waiting', { count: waiting })}
        </p>
        {waitingQuestions > 0 && (
          <p className="muted" data-testid="questions-waiting">
            {t('speak.questionsWaiting', { count: waitingQuestions })}
          </p>
        )}
      </section>
      <QuestionSection />
    </>
  );
}
