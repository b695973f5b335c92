import type { HallView, SpeakerEntry } from '@hddt/protocol';
import { HallMap, type MapSeat } from '../hall/hall-map';
import { useT } from '../../i18n';
import { formatDuration } from '@hddt/ui/live';

interface Props {
  speakers: SpeakerEntry[];
  now: number;
  /** Offline: the timer would run on a guess, so it is hidden. */
  live: boolean;
  /** The seat map: the speaker's seat stands out, seats waiting for the floor are ringed. null until fetched. */
  hall?: HallView | null;
}

const NEXT_COUNT = 4;
/** Warning colour in the last 30 s (or the last fifth of a short slot). */
export function warnThresholdSec(limitSec: number): number {
  return Math.min(30, Math.ceil(limitSec / 5));
}

export function SpeakerSlide({ speakers, now, live, hall }: Props) {
  const { t } = useT();
  const current = speakers.find((s) => s.status === 'speaking') ?? null;
  // The chair's order (rank), as the console shows it.
  const waiting = speakers
    .filter((s) => s.status === 'waiting')
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.requestedAt.localeCompare(b.requestedAt));
  const next = waiting.slice(0, NEXT_COUNT);
  const more = waiting.length - next.length;

  let timer: { left: number; state: 'ok' | 'warn' | 'over' } | null = null;
  if (current?.startedAt && live) {
    const elapsed = Math.floor((now - Date.parse(current.startedAt)) / 1000);
    const left = current.limitSec - Math.max(0, elapsed);
    timer = { left, state: left < 0 ? 'over' : left <= warnThresholdSec(current.limitSec) ? 'warn' : 'ok' };
  }
  const share = timer && current ? Math.max(0, Math.min(1, timer.left / current.limitSec)) : 0;

  // The map, when the hall has one to show: who speaks is found at a glance, where a guest has no seat.
  let map = null;
  const speakerSeat = hall?.seats.find((s) => current?.delegateId && s.delegateId === current.delegateId)?.seat ?? null;
  if (hall && hall.seats.length > 0) {
    const words = { present: t('seatPresent'), excused: t('seatExcused'), absent: t('boardAbsent') } as const;
    const place = new Map(waiting.map((s, i) => [s.delegateId, i + 1]));
    const seats = new Map<number, MapSeat>(
      hall.seats.map((s) => {
        const mark = current?.delegateId === s.delegateId ? ('speaking' as const) : place.get(s.delegateId);
        return [s.seat, { seat: s.seat, fullName: s.fullName, tone: s.presence, state: words[s.presence], ...(mark !== undefined ? { mark } : {}) }];
      }),
    );
    map = (
      <HallMap layout={hall.layout} seats={seats} names={false} className="speaker-map"
        legend={[{ tone: 'speaking', label: t('legendSpeaking') }, { tone: 'waiting', label: t('legendWaiting') }]} />
    );
  }

  return (
    <section className="slide slide-speaker" data-slide="speaker">
      <div className="speaker-main">
        <p className="slide-kicker" data-fit>
          {t('speakerHeading')}
          {current?.rebuttal ? <span data-testid="speaker-rebuttal"> · {t('speakerRebuttal')}</span> : null}
        </p>
        {current ? (
          <>
            <h1 className="speaker-name" data-fit>{current.name}</h1>
            {current.title ? <p className="speaker-title" data-fit data-testid="speaker-title">{current.title}</p> : null}
            {speakerSeat !== null ? <p className="speaker-seat" data-fit data-testid="speaker-seat">{t('speakerSeat', { seat: speakerSeat })}</p> : null}
            {timer && (
              <div className={`speaker-timer timer-${timer.state}`} data-timer={timer.state}>
                <p className="progress-label" data-fit>{timer.state === 'over' ? t('speakerOvertime') : t('speakerTimeLeft')}</p>
                <p className="speaker-timer-figure" data-fit>
                  {timer.state === 'over' ? '+' : ''}
                  {formatDuration(timer.left)}
                </p>
                <div className="progress-track" aria-hidden="true">
                  <span className="progress-fill" style={{ width: `${share * 100}%` }} />
                </div>
              </div>
            )}
          </>
        ) : (
          <h1 className="speaker-name speaker-none" data-fit>{t('speakerNone')}</h1>
        )}
      </div>
      <aside className={`speaker-queue${map ? ' speaker-queue-with-map' : ''}`}>
        {map}
        <h2 className="speaker-queue-heading" data-fit>{t('speakerNext')}</h2>
        {next.length === 0 ? (
          <p className="speaker-queue-empty" data-fit>{t('speakerQueueEmpty')}</p>
        ) : (
          <ol className="speaker-queue-list">
            {next.map((s, i) => (
              <li key={s.id} className="speaker-queue-item">
                <span className="speaker-queue-number">{i + 1}</span>
                <span className="speaker-queue-name" data-fit>
                  {s.name}
                  {s.rebuttal ? ` · ${t('speakerRebuttal')}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
        {more > 0 && <p className="speaker-queue-more" data-fit>{t('speakerMore', { count: more })}</p>}
      </aside>
    </section>
  );
}
