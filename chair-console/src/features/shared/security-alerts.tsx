import { useStore } from '../../store';
import { useT } from '../../i18n';
import { useHallTime } from './use-hall-time';

/** Security happenings the secretariat must know (a card used on a second device, a refused card). */
export function SecurityAlerts() {
  const { t } = useT();
  const alerts = useStore((s) => s.alerts);
  const delegates = useStore((s) => s.snapshot?.delegates);
  const hallTime = useHallTime();
  if (alerts.length === 0) return null;
  const last = alerts[alerts.length - 1]!;
  const who = delegates?.find((d) => d.id === last.delegateId)?.fullName ?? t('alert.unknownCard');
  const time = hallTime(last.at);
  return (
    <div className="security-alert" role="alert">
      <strong>
        {last.type === 'device-takeover' ? t('alert.takeover', { name: who }) : t('alert.refused', { name: who })}
        {(last.count ?? 1) > 1 ? ` ${t('alert.times', { n: last.count ?? 1 })}` : ''}
      </strong>
      <span className="muted">
        {' '}
        · {time}
        {alerts.length > 1 ? ` · ${t('alert.more', { n: alerts.length - 1 })}` : ''}
      </span>
      <button type="button" className="btn btn-small" onClick={() => useStore.setState({ alerts: [] })}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
