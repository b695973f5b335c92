import { floorTurn, questionStage, type HallView, type SpeakerEntry } from '@hddt/protocol';
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

type Timer = { left: number; limitSec: number; state: 'ok' | 'warn' | 'over' };

function timerOf(entry: SpeakerEntry | null, now: number, live: boolean): Timer | null {
  const turn = entry ? floorTurn(entry) : null;
  if (!turn?.startedAt || !live) return null;
  const elapsed = Math.floor((now - Date.parse(turn.startedAt)) / 1000);
  const left = turn.limitSec - Math.max(0, elapsed);
  return { left, limitSec: turn.limitSec, state: left < 0 ? 'over' : left <= warnThresholdSec(turn.limitSec) ? 'warn' : 'ok' };
}

/**
 * The question the slide is about: the one being asked or answered, or else the latest one asked and waiting for
 * its answer while nobody has the floor (the hall sees who is to answer).
 */
function questionInFocus(speakers: SpeakerEntry[], current: SpeakerEntry | null): SpeakerEntry | null {
  if (current) return current.question ? current : null;
  let latest: SpeakerEntry | null = null;
  for (const e of speakers) {
    if (questionStage(e) === 'asked' && (!latest || (e.endedAt ?? '') > (latest.endedAt ?? ''))) latest = e;
  }
  return latest;
}

function TimerBlock({ timer, label }: { timer: Timer; label: string }) {
  const { t } = useT();
  const share = Math.max(0, Math.min(1, timer.left / timer.limitSec));
  return (
    <div className={`speaker-timer timer-${timer.state}`} data-timer={timer.state}>
      <p className="progress-label" data-fit>
        {timer.state === 'over' ? t('speakerOvertime') : label}
      </p>
      <p className="speaker-timer-figure" data-fit>
        {timer.state === 'over' ? '+' : ''}
        {formatDuration(timer.left)}
      </p>
      <div className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

/** "Chất vấn": both people with their titles, the topic, and the current turn's countdown. */
function QuestionMain({ entry, timer }: { entry: SpeakerEntry; timer: Timer | null }) {
  const { t } = useT();
  const q = entry.question!;
  const stage = questionStage(entry);
  const asking = stage === 'question';
  const answering = stage === 'answer';
  return (
    <div className="speaker-main question-main" data-testid="question-slide">
      <p className="slide-kicker" data-fit>
        {t('questionHeading')}
      </p>
      <p className="question-topic" data-fit data-testid="question-topic">
        {q.topic}
      </p>
      <div className="question-parties">
        <div className={`question-party${asking ? ' is-active' : ''}`} data-testid="questioner">
          <p className="question-role" data-fit>
            {asking ? t('questionAsking') : t('questionAsker')}
          </p>
          <p className="question-name" data-fit>
            {entry.name}
          </p>
          {entry.title ? (
            <p className="question-party-title" data-fit>
              {entry.title}
            </p>
          ) : null}
        </div>
        <div className={`question-party${answering ? ' is-active' : ''}`} data-testid="answerer">
          <p className="question-role" data-fit>
            {answering ? t('questionAnswering') : t('questionAnswerer')}
          </p>
          <p className="question-name" data-fit>
            {q.answererName}
          </p>
          {q.answererTitle ? (
            <p className="question-party-title" data-fit>
              {q.answererTitle}
            </p>
          ) : null}
        </div>
      </div>
      {timer ? (
        <TimerBlock timer={timer} label={answering ? t('questionAnswerTimeLeft') : t('questionTimeLeft')} />
      ) : stage === 'asked' ? (
        <p className="question-waiting" data-fit>
          {t('questionAwaitingAnswer')}
        </p>
      ) : null}
    </div>
  );
}

export function SpeakerSlide({ speakers, now, live, hall }: Props) {
  const { t } = useT();
  const current = speakers.find((s) => s.status === 'speaking') ?? null;
  // The chair's order (rank), as the console shows it.
  const waiting = speakers.filter((s) => s.status === 'waiting').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.requestedAt.localeCompare(b.requestedAt));
  const next = waiting.slice(0, NEXT_COUNT);
  const more = waiting.length - next.length;
  const timer = timerOf(current, now, live);
  const question = questionInFocus(speakers, current);

  // The map, when the hall has one to show: who speaks is found at a glance, where a guest has no seat (nor an
  // official answering a question).
  let map = null;
  const atMic = current ? (floorTurn(current)?.delegateId ?? null) : null;
  const speakerSeat = hall?.seats.find((s) => atMic && s.delegateId === atMic)?.seat ?? null;
  if (hall && hall.seats.length > 0) {
    const words = { present: t('seatPresent'), excused: t('seatExcused'), absent: t('boardAbsent') } as const;
    const place = new Map(waiting.map((s, i) => [s.delegateId, i + 1]));
    const seats = new Map<number, MapSeat>(
      hall.seats.map((s) => {
        const mark = atMic === s.delegateId ? ('speaking' as const) : place.get(s.delegateId);
        return [s.seat, { seat: s.seat, fullName: s.fullName, tone: s.presence, state: words[s.presence], ...(mark !== undefined ? { mark } : {}) }];
      }),
    );
    map = (
      <HallMap
        layout={hall.layout}
        seats={seats}
        names={false}
        className="speaker-map"
        legend={[
          { tone: 'speaking', label: t('legendSpeaking') },
          { tone: 'waiting', label: t('legendWaiting') },
        ]}
      />
    );
  }

  return (
    <section className="slide slide-speaker" data-slide={question ? 'question' : 'speaker'}>
      {question ? (
        <QuestionMain entry={question} timer={timer} />
      ) : (
        <div className="speaker-main">
          <p className="slide-kicker" data-fit>
            {t('speakerHeading')}
            {current?.rebuttal ? <span data-testid="speaker-rebuttal"> · {t('speakerRebuttal')}</span> : null}
          </p>
          {current ? (
            <>
              <h1 className="speaker-name" data-fit>
                {current.name}
              </h1>
              {current.title ? (
                <p className="speaker-title" data-fit data-testid="speaker-title">
                  {current.title}
                </p>
              ) : null}
              {speakerSeat !== null ? (
                <p className="speaker-seat" data-fit data-testid="speaker-seat">
                  {t('speakerSeat', { seat: speakerSeat })}
                </p>
              ) : null}
              {timer && <TimerBlock timer={timer} label={t('speakerTimeLeft')} />}
            </>
          ) : (
            <h1 className="speaker-name speaker-none" data-fit>
              {t('speakerNone')}
            </h1>
          )}
        </div>
      )}
      <aside className={`speaker-queue${map ? ' speaker-queue-with-map' : ''}`}>
        {map}
        <h2 className="speaker-queue-heading" data-fit>
          {t('speakerNext')}
        </h2>
        {next.length === 0 ? (
          <p className="speaker-queue-empty" data-fit>
            {t('speakerQueueEmpty')}
          </p>
        ) : (
          <ol className="speaker-queue-list">
            {next.map((s, i) => (
              <li key={s.id} className="speaker-queue-item">
                <span className="speaker-queue-number">{i + 1}</span>
                <span className="speaker-queue-name" data-fit>
                  {s.name}
                  {s.rebuttal ? ` · ${t('speakerRebuttal')}` : ''}
                  {s.question ? <span className="speaker-queue-question"> · {t('questionShort')}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        )}
        {more > 0 && (
          <p className="speaker-queue-more" data-fit>
            {t('speakerMore', { count: more })}
          </p>
        )}
      </aside>
    </section>
  );
}
