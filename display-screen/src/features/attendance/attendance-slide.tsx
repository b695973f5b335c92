import type { AttendanceSummary, HallView } from '@hddt/protocol';
import { formatCount, formatPercent, percentBasisPoints } from '@hddt/protocol';
import { useT } from '../../i18n';
import { HallMap, type MapSeat } from '../hall/hall-map';

interface Props {
  attendance: AttendanceSummary;
  /** The seat map with today's attendance; null until fetched (the slide shows the figures alone meanwhile). */
  hall?: HallView | null;
}

export function AttendanceSlide({ attendance, hall }: Props) {
  const { t, lang } = useT();
  const { present, seated, required, quorumMet } = attendance;
  const missing = Math.max(0, required - present);
  const withMap = !!hall && hall.seats.length > 0;
  const verdict = (
    <div className={`verdict ${quorumMet ? 'verdict-passed' : 'verdict-pending'}`} data-quorum={quorumMet ? 'met' : 'not-met'} role="status" aria-live="polite">
      <p className="verdict-word verdict-word-small" data-fit>
        {quorumMet ? t('attendanceQuorumMet') : t('attendanceQuorumNotMet')}
      </p>
      <p className="verdict-rule" data-fit>
        {t('attendanceRequired', { required: formatCount(required, lang), seated: formatCount(seated, lang) })}
        {!quorumMet && missing > 0 ? ` · ${t('attendanceMissing', { count: formatCount(missing, lang) })}` : ''}
      </p>
    </div>
  );
  const figure = (
    <div className="attendance-figure">
      <p className="attendance-label" data-fit>
        {t('attendancePresent')}
      </p>
      <p className="attendance-count" data-fit data-present={present}>
        <strong>{formatCount(present, lang)}</strong>
        <span className="attendance-of">/{formatCount(seated, lang)}</span>
      </p>
      <p className="attendance-percent" data-fit>
        {formatPercent(present, seated, lang)} · {t('attendanceAbsent', { count: formatCount(seated - present, lang) })}
      </p>
    </div>
  );
  if (withMap) {
    const words = { present: t('seatPresent'), excused: t('seatExcused'), absent: t('boardAbsent') } as const;
    const seats = new Map<number, MapSeat>(hall.seats.map((s) => [s.seat, { seat: s.seat, fullName: s.fullName, tone: s.presence, state: words[s.presence] }]));
    return (
      <section className="slide slide-attendance attendance-with-map" data-slide="attendance">
        <p className="slide-kicker" data-fit>
          {t('attendanceHeading')}
        </p>
        <div className="attendance-band">
          {figure}
          {verdict}
        </div>
        <HallMap
          layout={hall.layout}
          seats={seats}
          legend={[
            { tone: 'present', label: words.present },
            { tone: 'excused', label: words.excused },
            { tone: 'absent', label: words.absent },
          ]}
        />
      </section>
    );
  }
  return (
    <section className="slide slide-attendance" data-slide="attendance">
      <p className="slide-kicker" data-fit>
        {t('attendanceHeading')}
      </p>
      {figure}
      <div className="attendance-track" aria-hidden="true">
        <span className={`attendance-fill${quorumMet ? ' is-met' : ''}`} style={{ width: `${percentBasisPoints(present, seated) / 100}%` }} />
        <span className="attendance-marker" style={{ left: `${percentBasisPoints(required, seated) / 100}%` }}>
          <span className="attendance-marker-label">
            {t('attendanceQuorumMark')} {formatCount(required, lang)}
          </span>
        </span>
      </div>
      {verdict}
    </section>
  );
}
