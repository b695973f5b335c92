import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { serverMessage } from '../../server-message';

/** "Điểm danh": used on the home screen and inside the vote panel (a delegate who forgot can check in there). */
export function useCheckIn(): { busy: boolean; error: string | null; checkIn: () => Promise<void> } {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkIn = useCallback(async () => {
    const socket = getSocket();
    setError(null);
    if (!socket?.connected) {
      setError(t('vote.errors.OFFLINE'));
      return;
    }
    setBusy(true);
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('attendance:checkin', {});
      if (ack.ok) useStore.setState({ me: ack.data });
      else setError(serverMessage(ack.code, lang));
    } catch {
      setError(t('vote.errors.TIMEOUT'));
    } finally {
      setBusy(false);
    }
  }, [t, lang]);
  return { busy, error, checkIn };
}
