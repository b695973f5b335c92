import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONFIDENCE_LEVELS,
  VOTE_OPTIONS,
  formatHallClock,
  type BallotChoice,
  type ConfidenceLevel,
  type CouncilConfig,
  type Motion,
  type RoundView,
} from '@hddt/protocol';
import type { Lang } from '../../i18n';
import { formatCountdown } from '@hddt/ui/live';
import { serverMessage } from '../../server-message';
import { canPress, canRetry, choiceEquals, recordedChoice, type VoteState } from './vote-machine';
import { describeChoice } from './choice-text';
import { ResultSummary } from './result-summary';

export interface VotePanelProps {
  state: VoteState;
  round: RoundView;
  motion: Motion | null;
  council: CouncilConfig;
  lang: Lang;
  checkedIn: boolean;
  /** Roll call is open: the panel offers "Điểm danh" to a delegate who has not checked in. */
  rollCallOpen?: boolean;
  onCheckIn?: () => void;
  checkInBusy?: boolean;
  checkInError?: string | null;
  /** Server time now (ms), for the countdown. */
  nowMs: number;
  onSend: (choice: BallotChoice) => void;
  onRetry: () => void;
  onDismiss: () => void;
  /** Step out to read the documents of this vote's agenda item (shown when there are any). */
  onReadDocuments?: () => void;
}

/** The ballot in the foreground: question, time left, one large button per choice, and what the server confirmed. */
export function VotePanel(props: VotePanelProps) {
  const { state, round, motion, council, lang, checkedIn, nowMs, onDismiss } = props;
  const { t } = useTranslation();
  const questionRef = useRef<HTMLHeadingElement>(null);
  const practice = motion?.practice ?? false;
  const secret = round.mode === 'secret';
  const isOpen = round.status === 'open';

  useEffect(() => {
    questionRef.current?.focus();
  }, [round.id]);

  const limitMs = round.closesAt ? Date.parse(round.closesAt) - Date.parse(round.openedAt) : null;
  const msLeft = round.closesAt && limitMs !== null ? Math.min(limitMs, Date.parse(round.closesAt) - nowMs) : null;

  return (
    <div className="vote-overlay">
      <div className={`vote-panel${practice ? ' is-practice' : ''}`} role="dialog" aria-modal="true" aria-labelledby="vote-question" data-phase={state.phase}>
        <header className="vote-head">
          <span className="vote-kicker">{practice ? t('vote.practice') : t('vote.heading')}</span>
          {secret && <span className="tag tag-navy">{t('vote.secret')}</span>}
          {round.number > 1 && <span className="tag">{t('vote.round', { n: round.number })}</span>}
          {isOpen && props.onReadDocuments && (
            <button type="button" className="btn btn-quiet vote-read-docs" onClick={props.onReadDocuments}>
              {t('vote.readDocuments')}
            </button>
          )}
          {isOpen && msLeft !== null && (
            <span className={`vote-timer${msLeft <= 10_000 ? ' is-urgent' : ''}`} data-testid="vote-timer">
              {msLeft > 0 ? t('vote.timeLeft', { time: formatCountdown(msLeft) }) : t('vote.timeUp')}
            </span>
          )}
        </header>
        {practice && <p className="vote-practice-note">{t('vote.practiceNote')}</p>}
        <h2 id="vote-question" className="vote-question" ref={questionRef} tabIndex={-1}>
          {motion?.question ?? ''}
        </h2>

        {isOpen && state.phase !== 'closed' ? <Ballot {...props} /> : null}
        {isOpen && state.phase !== 'closed' ? (
          <StatusLine {...props} checkedIn={checkedIn} />
        ) : (
          <Outcome state={state} round={round} motion={motion} council={council} lang={lang} onDismiss={onDismiss} />
        )}
      </div>
    </div>
  );
}

function Ballot(props: VotePanelProps) {
  const { motion } = props;
  if (motion?.kind === 'election') return <ElectionBallot {...props} motion={motion} />;
  if (motion?.kind === 'confidence') return <ConfidenceBallot {...props} motion={motion} />;
  return <OptionBallot {...props} />;
}

/** The choice the buttons show as taken: what is being sent, else what the server confirmed. */
function shownChoice(state: VoteState): BallotChoice | null {
  if (state.phase === 'sending' || state.phase === 'failed') return state.pending;
  return recordedChoice(state);
}

function OptionBallot({ state, council, lang, onSend }: VotePanelProps) {
  // A tick only on what the server confirmed; what is on its way (or failed) is marked differently.
  const confirmed = recordedChoice(state);
  const inFlight = state.phase === 'sending' || state.phase === 'failed' ? state.pending : null;
  return (
    <div className="vote-options" role="group" aria-labelledby="vote-question">
      {VOTE_OPTIONS.map((option) => {
        const choice: BallotChoice = { type: 'option', option };
        const selected = choiceEquals(confirmed, choice);
        const pending = !selected && choiceEquals(inFlight, choice);
        const enabled = canPress(state, choice);
        return (
          <button
            key={option}
            type="button"
            className={`vote-btn vote-${option}${selected ? ' is-selected' : ''}${pending ? ' is-pending' : ''}`}
            aria-pressed={selected}
            disabled={!enabled}
            onClick={() => onSend(choice)}
          >
            <span className="vote-btn-check" aria-hidden="true">
              {selected ? '✓' : ''}
            </span>
            <span className="vote-btn-label">{council.voteLabels[option][lang]}</span>
          </button>
        );
      })}
    </div>
  );
}

function ElectionBallot({ state, motion, onSend }: VotePanelProps & { motion: Motion }) {
  const { t } = useTranslation();
  const shown = shownChoice(state);
  const [picked, setPicked] = useState<string[]>(() => (shown?.type === 'election' ? shown.candidateIds : []));
  const max = motion.seats;
  const choice: BallotChoice = { type: 'election', candidateIds: picked };
  const editable = state.phase === 'open' || state.phase === 'failed' || (state.phase === 'recorded' && state.allowChange);
  // With one seat to fill, touching another candidate moves the choice; with more, a full ballot needs an untick.
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : max === 1 ? [id] : p.length < max ? [...p, id] : p));
  return (
    <div className="vote-form">
      <p className="muted">{max === 1 ? t('vote.electionHelpOne') : t('vote.electionHelpMany', { count: max })}</p>
      <div className="vote-candidates" role="group" aria-labelledby="vote-question">
        {motion.candidates.map((c) => {
          const on = picked.includes(c.id);
          return (
            <button
              key={c.id}
              type="button"
              className={`candidate-btn${on ? ' is-selected' : ''}`}
              aria-pressed={on}
              disabled={!editable || (!on && max > 1 && picked.length >= max)}
              onClick={() => toggle(c.id)}
            >
              <span className="vote-btn-check" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              {c.name}
            </button>
          );
        })}
      </div>
      <div className="vote-submit-row">
        <span aria-live="polite">{t('vote.selected', { n: picked.length, max })}</span>
        <button type="button" className="btn btn-primary btn-lg" disabled={!canPress(state, choice)} onClick={() => onSend(choice)}>
          {t('vote.submit')}
        </button>
      </div>
    </div>
  );
}

function ConfidenceBallot({ state, motion, council, lang, onSend }: VotePanelProps & { motion: Motion }) {
  const { t } = useTranslation();
  const shown = shownChoice(state);
  const [ratings, setRatings] = useState<Record<string, ConfidenceLevel>>(() => (shown?.type === 'confidence' ? shown.ratings : {}));
  const choice: BallotChoice = { type: 'confidence', ratings };
  const rated = motion.candidates.filter((c) => ratings[c.id] !== undefined).length;
  const complete = rated === motion.candidates.length;
  const editable = state.phase === 'open' || state.phase === 'failed' || (state.phase === 'recorded' && state.allowChange);
  return (
    <div className="vote-form">
      <p className="muted">{t('vote.confidenceHelp')}</p>
      {motion.candidates.map((c) => (
        <div key={c.id} className="confidence-row" role="group" aria-label={t('vote.rateGroup', { name: c.name })}>
          <span className="confidence-name">{c.name}</span>
          <div className="confidence-levels">
            {CONFIDENCE_LEVELS.map((level) => {
              const on = ratings[c.id] === level;
              return (
                <button
                  key={level}
                  type="button"
                  className={`vote-btn vote-btn-sm conf-${level}${on ? ' is-selected' : ''}`}
                  aria-pressed={on}
                  disabled={!editable}
                  onClick={() => setRatings((r) => ({ ...r, [c.id]: level }))}
                >
                  <span className="vote-btn-check" aria-hidden="true">
                    {on ? '✓' : ''}
                  </span>
                  <span className="vote-btn-label">{council.confidenceLabels[level][lang]}</span>
                </button>
              );
            })}
          </div>
        </div>
      ))}
      <div className="vote-submit-row">
        <span aria-live="polite">{t('vote.confidenceProgress', { n: rated, total: motion.candidates.length })}</span>
        <button type="button" className="btn btn-primary btn-lg" disabled={!complete || !canPress(state, choice)} onClick={() => onSend(choice)}>
          {t('vote.submit')}
        </button>
      </div>
    </div>
  );
}

function StatusLine({ state, motion, council, lang, checkedIn, onRetry, rollCallOpen, onCheckIn, checkInBusy, checkInError }: VotePanelProps) {
  const { t } = useTranslation();
  const describe = (c: BallotChoice) => describeChoice(c, motion, council, lang, t);
  const confirmed = recordedChoice(state);
  const at = state.receipt ? formatHallClock(state.receipt.at, council.timeZone, { seconds: true }) : '';

  let body: React.ReactNode;
  switch (state.phase) {
    case 'open':
      body = (
        <>
          {!checkedIn ? (
            <p className="status-warn">{t('vote.notCheckedIn')}</p>
          ) : (
            <p>{motion?.kind === 'election' || motion?.kind === 'confidence' ? t('vote.notSent') : t('vote.chooseOne')}</p>
          )}
          {state.secret && (
            <p className="vote-secret-final" data-testid="secret-final">
              {t('vote.secretFinal')}
            </p>
          )}
        </>
      );
      break;
    case 'sending':
      body = (
        <p className="status-sending">
          <span className="spinner" aria-hidden="true" /> {t('vote.sending')}
        </p>
      );
      break;
    case 'recorded':
      body = (
        <>
          {state.secret ? (
            <p className="status-ok">
              <span aria-hidden="true">✓ </span>
              {t('vote.recordedSecret')} <span className="muted">{t('vote.recordedAt', { time: at })}</span>
            </p>
          ) : (
            <p className="status-ok">
              <span aria-hidden="true">✓ </span>
              {confirmed ? t('vote.recorded', { choice: describe(confirmed) }) : t('vote.recordedSecret')}{' '}
              <span className="muted">{t('vote.recordedAt', { time: at })}</span>
            </p>
          )}
          {state.secret && <p>{t('vote.secretNote')}</p>}
          {state.secret && state.lastChoice && <p className="muted">{t('vote.yourSecretChoice', { choice: describe(state.lastChoice) })}</p>}
          {state.changed && <p>{t('vote.changed')}</p>}
          {state.secret ? (
            <p className="muted">{t('vote.secretFinal')}</p>
          ) : (
            <p className="muted">{state.allowChange ? t('vote.canChange') : t('vote.locked')}</p>
          )}
        </>
      );
      break;
    case 'failed': {
      const unconfirmed = state.error === 'CONNECTION_LOST' || state.error === 'TIMEOUT';
      const reason =
        state.error === null
          ? ''
          : state.error === 'TIMEOUT' || state.error === 'CONNECTION_LOST' || state.error === 'OFFLINE'
            ? t(`vote.errors.${state.error}`)
            : serverMessage(state.error, lang);
      body = (
        <>
          <p className="status-error">
            <span aria-hidden="true">! </span>
            {unconfirmed ? t('vote.notConfirmed') : t('vote.failed')} {reason}
          </p>
          {state.receipt && confirmed && (
            <p className="status-ok">
              {t('vote.recorded', { choice: describe(confirmed) })} <span className="muted">{t('vote.recordedAt', { time: at })}</span>
            </p>
          )}
          {state.receipt && !confirmed && <p className="status-ok">{t('vote.recordedSecret')}</p>}
          {canRetry(state) && state.pending && (
            <button type="button" className="btn btn-primary btn-lg" onClick={onRetry}>
              {t('vote.retry', { choice: describe(state.pending) })}
            </button>
          )}
        </>
      );
      break;
    }
    case 'idle':
    case 'closed':
      body = null;
      break;
    default: {
      const never: never = state.phase;
      body = never;
    }
  }
  return (
    <div className="vote-status" role="status" aria-live="polite" data-testid="vote-status">
      {body}
      {!checkedIn && rollCallOpen && onCheckIn && state.phase !== 'recorded' && (
        <button type="button" className="btn btn-primary btn-lg" disabled={checkInBusy} onClick={onCheckIn}>
          {checkInBusy ? t('home.checkingIn') : t('home.checkin')}
        </button>
      )}
      {checkInError && <p className="status-error">{t('home.checkinFailed', { message: checkInError })}</p>}
    </div>
  );
}

function Outcome({ state, round, motion, council, lang, onDismiss }: Pick<VotePanelProps, 'state' | 'round' | 'motion' | 'council' | 'lang' | 'onDismiss'>) {
  const { t } = useTranslation();
  const confirmed = recordedChoice(state);
  let mine: string;
  if (state.receipt === null) mine = t('vote.youDidNotVote');
  else if (state.secret || confirmed === null) mine = t('vote.youTookPart');
  else mine = t('vote.youVoted', { choice: describeChoice(confirmed, motion, council, lang, t) });
  return (
    <div className="vote-outcome" role="status" aria-live="polite" data-testid="vote-status">
      {round.status === 'cancelled' ? (
        <>
          <p className="status-warn">{t('vote.cancelled')}</p>
          {round.cancelledReason && <p>{t('vote.cancelledReason', { reason: round.cancelledReason })}</p>}
        </>
      ) : (
        <>
          <p className="vote-closed">{t('vote.closed')}</p>
          <p>{mine}</p>
          {round.status === 'announced' && round.result ? (
            <ResultSummary result={round.result} council={council} lang={lang} />
          ) : (
            <p className="muted">{t('vote.awaitingResult')}</p>
          )}
        </>
      )}
      <button type="button" className="btn btn-primary btn-lg" onClick={onDismiss}>
        {t('vote.close')}
      </button>
    </div>
  );
}
