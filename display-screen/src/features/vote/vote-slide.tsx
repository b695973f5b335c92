import type { CouncilConfig, Motion, RoundView } from '@hddt/protocol';
import { formatCount, formatHallClock, percentBasisPoints } from '@hddt/protocol';
import { ResultChart } from '@hddt/ui';
import { useT } from '../../i18n';
import { formatDuration, secondsUntil } from '@hddt/ui/live';
import { MotionBadges } from './motion-badges';
import { questionSizeClass } from './question-size';

interface Props {
  council: CouncilConfig;
  motion: Motion;
  round: RoundView;
  /** Server-corrected now (ms). */
  now: number;
  /** false while the display has lost the server: nothing may claim that voting is still open. */
  live: boolean;
  lastMessageAt: number | null;
}

export function VoteSlide({ council, motion, round, now, live, lastMessageAt }: Props) {
  const { t, lang } = useT();
  const ballot = motion.kind === 'election' || motion.kind === 'confidence';
  const open = round.status === 'open';
  const secondsLeft = round.closesAt ? secondsUntil(round.closesAt, now) : null;
  const showCountdown = live && open && secondsLeft !== null;
  const interim = open && round.result !== null;

  let status: string;
  let statusClass: string;
  if (!live) {
    status = lastMessageAt === null ? t('voteFrozenNoTime') : t('voteFrozen', { time: formatHallClock(lastMessageAt, council.timeZone, { seconds: true }) });
    statusClass = 'status-offline';
  } else if (round.status === 'open') {
    status = ballot ? t('ballotOpen') : t('voteOpen');
    statusClass = 'status-open';
  } else if (round.status === 'cancelled') {
    status = t('voteCancelled');
    statusClass = 'status-cancelled';
  } else {
    status = t('voteClosed');
    statusClass = 'status-closed';
  }

  return (
    <section className={`slide slide-vote${interim ? ' has-interim' : ''}`} data-slide="vote" data-round-status={round.status}>
      <MotionBadges motion={motion} round={round} />
      <h1 className={`question ${questionSizeClass(motion.question)}`} data-fit>
        {motion.question}
      </h1>
      {ballot && !interim && motion.candidates.length > 0 && (
        <ul className="candidate-chips" aria-label={t('candidatesHeading')}>
          {motion.candidates.map((c) => (
            <li key={c.id} className="candidate-chip" data-fit>
              {c.name}
            </li>
          ))}
        </ul>
      )}
      <div className="vote-bottom">
        <p className={`status-pill ${statusClass}`} role="status" aria-live="polite" data-vote-status data-fit>
          {live && open && <span className="pulse-dot" aria-hidden="true" />}
          {status}
        </p>
        {live && round.status === 'cancelled' && round.cancelledReason && (
          <p className="vote-note" data-fit>
            {t('voteCancelledReason', { reason: round.cancelledReason })}
          </p>
        )}
        {live && round.status === 'closed' && (
          <p className="vote-note" data-fit>
            {t('voteClosedWait')}
          </p>
        )}
        <div className="vote-figures">
          <div className="progress-block" aria-label={t('votedAria', { voted: round.voted, present: round.present })} data-progress>
            <p className="progress-label" data-fit>
              {ballot ? t('ballotProgress') : t('votedProgress')}
            </p>
            <p className="progress-figure" data-fit>
              <strong>{formatCount(round.voted, lang)}</strong>
              <span className="progress-of">/{formatCount(round.present, lang)}</span>
              <span className="progress-unit"> {t('presentDelegates')}</span>
            </p>
            <div className="progress-track" aria-hidden="true">
              <span className="progress-fill" style={{ width: `${percentBasisPoints(round.voted, round.present) / 100}%` }} />
            </div>
          </div>
          {showCountdown && (
            <div className={`countdown-block${secondsLeft <= 10 ? ' countdown-warn' : ''}`} data-countdown>
              <p className="progress-label" data-fit>
                {secondsLeft > 0 ? t('timeLeft') : t('timeUp')}
              </p>
              <p className="countdown-figure" data-fit>
                {formatDuration(secondsLeft)}
              </p>
            </div>
          )}
        </div>
      </div>
      {interim && round.result && (
        <div className="interim" data-interim>
          <h2 className="interim-heading" data-fit>
            {t('interimHeading')}
          </h2>
          <ResultChart result={round.result} labels={council} lang={lang} tone="dark" showVerdicts={false} className="chart" />
        </div>
      )}
    </section>
  );
}
