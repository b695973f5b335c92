import { useStore } from '../../store';
import { useT } from '../../i18n';

/**
 * "Chưa đồng bộ với cổng thông tin (n mục)" while the portal service lacks part of the hall's log. The hall
 * keeps working; publishing catches up by itself when the link returns, so this only informs.
 */
export function PublishStatusBanner() {
  const { t } = useT();
  const status = useStore((s) => s.publish);
  if (!status || (status.behind === 0 && status.problem === null)) return null;
  const detail =
    status.problem === 'key-refused' ? t('publish.keyRefused') : status.problem === 'chain-refused' ? t('publish.chainRefused') : t('publish.retrying');
  return (
    <div className="publish-status" role="status" aria-live="polite">
      <strong>{t('publish.behind', { n: status.behind })}</strong>
      <span className="muted"> · {detail}</span>
    </div>
  );
}
