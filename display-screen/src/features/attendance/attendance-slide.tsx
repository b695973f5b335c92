import type { AttendanceSummary } from '@hddt/protocol';
import { formatCount, formatPercent, percentBasisPoints } from '@hddt/protocol';
import { useT } from '../../i18n';

export function AttendanceSlide({ attendance }: { attendance: AttendanceSummary }) {
  const { t, lang } = useT();
  const { present, seated, required, quorumMet } = attendance;
  const missing = Math.max(0, required - present);
  return (
    <section className="slide slide-attendance" data-slide="attendance">
      <p className="slide-kicker" data-fit>{t('attendanceHeading')}</p>
      <div className="attendance-figure">
        <p className="attendance-label" data-fit>{t('attendancePresent')}</p>
        <p className="attendance-count" data-fit data-present={present}>
          <strong>{formatCount(present, lang)}</strong>
          <span className="attendance-of">/{formatCount(seated, lang)}</span>
        </p>
        <p className="attendance-percent" data-fit>
          {formatPercent(present, seated, lang)} · {t('attendanceAbsent', { count: formatCount(seated - present, lang) })}
        </p>
      </div>
      <div className="attendance-track" aria-hidden="true">
        <span className={`attendance-fill${quorumMet ? ' is-met' : ''}`} style={{ width: `${percentBasisPoints(present, seated) / 100}%` }} />
        <span className="attendance-marker" style={{ left: `${percentBasisPoints(required, seated) / 100}%` }}>
          <span className="attendance-marker-label">{t('attendanceQuorumMark')} {formatCount(required, lang)}</span>
        </span>
      </div>
      <div className={`verdict ${quorumMet ? 'verdict-passed' : 'verdict-pending'}`} data-quorum={quorumMet ? 'met' : 'not-met'} role="status" aria-live="polite">
        <p className="verdict-word verdict-word-small" data-fit>{quorumMet ? t('attendanceQuorumMet') : t('attendanceQuorumNotMet')}</p>
        <p className="verdict-rule" data-fit>
          {t('attendanceRequired', { required: formatCount(required, lang), seated: formatCount(seated, lang) })}
          {!quorumMet && missing > 0 ? ` · ${t('attendanceMissing', { count: formatCount(missing, lang) })}` : ''}
        </p>
      </div>
    </section>
  );
}
