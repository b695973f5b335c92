import { formatHallClock } from '@hddt/protocol';
import { useT } from '../../i18n';

/** The discreet corner mark of a display that lost the server: the screen stays, frozen, with its "as of" time. */
export function OfflineMark({ since, timeZone, corner }: { since: number | null; timeZone: string; corner: boolean }) {
  const { t } = useT();
  return (
    <div className={`offline-mark${corner ? ' offline-mark-corner' : ''}`} role="status" aria-live="polite" data-offline-mark>
      <span className="offline-dot" aria-hidden="true" />
      {since === null ? t('offlineMark') : t('offlineSince', { time: formatHallClock(since, timeZone, { seconds: true }) })}
    </div>
  );
}
