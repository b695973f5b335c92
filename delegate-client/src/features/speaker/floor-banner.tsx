import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { selectMyFloor } from '../../store/selectors';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { serverMessage } from '../../server-message';
import { formatCountdown } from '@hddt/ui/live';
import { useServerNow } from '../../use-now';
import type { Lang } from '../../i18n';
import { playChime, storedFlag, storeFlag } from '@hddt/ui';

const MUTE_KEY = 'hddt.chimeMuted';

/**
 * "Bạn được mời phát biểu": shown above every tab while this delegate has the floor, with the time left, a
 * "Kết thúc phát biểu" button and a soft chime when the floor is given (which the delegate can mute).
 */
export function FloorBanner() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  // A speech or one's own question (chất vấn); the answer to it is the official's turn, not the delegate's.
  const speaking = useStore(selectMyFloor);
  const now = useServerNow(speaking !== null);
  const [muted, setMuted] = useState(() => storedFlag(MUTE_KEY));
  const [chimes, setChimes] = useState(0);
  const [busy, setBusy] = useState(false);
  /** A refused or failed "finish", for the turn it was pressed in: a new turn starts without it. */
  const [failure, setFailure] = useState<{ floorId: string; text: string } | null>(null);
  const chimedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!speaking || chimedFor.current === speaking.id) return;
    chimedFor.current = speaking.id;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- counts a chime the effect has just played (a sound, outside React); it can only follow it
    if (!muted && playChime()) setChimes((n) => n + 1);
  }, [speaking, muted]);

  if (!speaking) return null;
  const error = failure?.floorId === speaking.id ? failure.text : null;
  const setError = (text: string | null) => setFailure(text === null ? null : { floorId: speaking.id, text });
  const msLeft = speaking.startedAt ? Math.min(speaking.limitSec * 1000, Date.parse(speaking.startedAt) + speaking.limitSec * 1000 - now) : null;

  const toggleMute = () => {
    const next = !muted;
    setMuted(next);
    storeFlag(MUTE_KEY, next);
  };

  const finish = async () => {
    const socket = getSocket();
    setError(null);
    if (!socket?.connected) {
      setError(t('vote.errors.OFFLINE'));
      return;
    }
    setBusy(true);
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('speaker:finish', {});
      if (!ack.ok) setError(serverMessage(ack.code, lang));
    } catch {
      setError(t('vote.errors.TIMEOUT'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="floor-banner" role="region" aria-labelledby="floor-title" data-testid="floor-banner" data-chimes={chimes}>
      <div className="floor-text" role="status" aria-live="assertive">
        <strong id="floor-title" className="floor-title">
          {t('speak.invited')}
        </strong>
        {speaking.question && (
          <span className="floor-question" data-testid="floor-question">
            {t('question.floor', { name: speaking.question.answererName, topic: speaking.question.topic })}
          </span>
        )}
        {msLeft !== null && (
          <span className={`floor-timer${msLeft <= 0 ? ' is-over' : ''}`} data-testid="floor-timer">
            {msLeft > 0 ? `${t('speak.timeLeft')} ${formatCountdown(msLeft)}` : t('speak.overtime')}
          </span>
        )}
      </div>
      <div className="floor-actions">
        <button type="button" className="btn btn-quiet floor-mute" aria-pressed={muted} onClick={toggleMute}>
          {muted ? t('speak.chimeOff') : t('speak.chimeOn')}
        </button>
        <button type="button" className="btn btn-primary btn-lg" disabled={busy} onClick={() => void finish()}>
          {busy ? t('speak.sending') : t('speak.finish')}
        </button>
      </div>
      {error && (
        <p className="status-error" role="alert">
          {t('speak.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
