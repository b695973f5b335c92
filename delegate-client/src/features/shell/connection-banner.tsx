import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Shown only when the connection has been down for more than ~2 s: a blip on hall Wi-Fi is not news. */
export const BANNER_DELAY_MS = 2000;

export function ConnectionBanner() {
  const { t } = useTranslation();
  const offlineSince = useStore((s) => s.offlineSince);
  const connection = useStore((s) => s.connection);
  /** The outage (by its start) that has lasted long enough to be shown; the clock is read in the effect, not in render. */
  const [longFor, setLongFor] = useState<number | null>(null);
  useEffect(() => {
    if (offlineSince === null) return;
    const wait = offlineSince + BANNER_DELAY_MS - Date.now();
    const id = setTimeout(() => setLongFor(offlineSince), wait <= 0 ? 0 : wait + 20);
    return () => clearTimeout(id);
  }, [offlineSince]);
  const show = connection !== 'online' && offlineSince !== null && longFor === offlineSince;
  return (
    <div className="conn-banner-slot" role="status" aria-live="polite">
      {show && (
        <div className="conn-banner" data-testid="offline-banner">
          <span className="spinner spinner-light" aria-hidden="true" />
          <span>
            <strong>{t('connection.banner')}</strong> {t('connection.bannerSafe')}
          </span>
        </div>
      )}
    </div>
  );
}
