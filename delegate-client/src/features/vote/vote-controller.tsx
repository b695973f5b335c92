import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ballotChangeAllowed, type BallotChoice, type BallotReceipt } from '@hddt/protocol';
import { useStore } from '../../store';
import { findMotion, findRound, selectCouncil, selectMe, selectOpenRound } from '../../store/selectors';
import { ACK_TIMEOUT_MS, getSocket } from '../../socket';
import { useServerNow } from '../../use-now';
import { canPress, canRetry, initialVoteState, unconfirmedSend, voteReducer, type VoteAction, type VoteState } from './vote-machine';
import { VotePanel } from './vote-panel';
import { useCheckIn } from '../home/use-check-in';

/** useReducer with a synchronous view of the latest state, so a send knows its attempt number at once. */
function useVoteMachine(): [VoteState, (a: VoteAction) => void, { readonly current: VoteState }] {
  const ref = useRef<VoteState>(initialVoteState);
  const [state, setState] = useState<VoteState>(initialVoteState);
  const dispatch = useCallback((action: VoteAction) => {
    const next = voteReducer(ref.current, action);
    if (next !== ref.current) {
      ref.current = next;
      setState(next);
    }
  }, []);
  return [state, dispatch, ref];
}

/**
 * A receipt the server just confirmed also goes into the store's `me.ballots`, which the session history
 * ("Kết quả đã công bố") reads: the server sends `me` on connect, not after every ballot.
 */
function keepReceipt(receipt: BallotReceipt): void {
  useStore.setState((s) => {
    if (!s.me) return {};
    const others = s.me.ballots.filter((b) => b.roundId !== receipt.roundId);
    const existing = s.me.ballots.find((b) => b.roundId === receipt.roundId);
    if (existing && existing.at > receipt.at) return {};
    return { me: { ...s.me, ballots: [...others, receipt] } };
  });
}

/**
 * Always mounted: follows the open round, owns this delegate's ballot state (local, so nobody else's activity
 * resets it), talks to the server, and brings the vote panel to the foreground.
 */
export function VoteController() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [state, dispatch, stateRef] = useVoteMachine();
  const openRound = useStore(selectOpenRound);
  const trackedRound = useStore((s) => findRound(s, state.roundId));
  const round = openRound ?? trackedRound;
  const motion = useStore((s) => findMotion(s, round?.motionId ?? null));
  const council = useStore(selectCouncil);
  const me = useStore(selectMe);
  const connection = useStore((s) => s.connection);
  const epoch = useStore((s) => s.connectEpoch);
  const dismissed = useStore((s) => s.dismissedRoundId);
  const minimized = useStore((s) => s.minimizedRoundId);
  const itemHasDocuments = useStore((s) => motion?.itemId != null && (s.snapshot?.documents.some((d) => d.itemId === motion.itemId) ?? false));
  const [announcement, setAnnouncement] = useState('');
  const nowMs = useServerNow(round?.status === 'open');
  const rollCallOpen = useStore((s) => s.snapshot?.session?.rollCallOpen ?? false);
  const checkIn = useCheckIn();

  const roundId = round?.id ?? null;
  const roundStatus = round?.status ?? null;
  const roundSecret = round?.mode === 'secret';
  // The same rule the server applied when it opened the round: a secret ballot can never be changed.
  const allowChange = round !== null && council !== null && ballotChangeAllowed({ mode: round.mode, councilAllowsChange: council.allowVoteChange });
  useEffect(() => {
    dispatch({ type: 'round', round: roundId && roundStatus ? { id: roundId, status: roundStatus, secret: roundSecret } : null, allowChange });
  }, [dispatch, roundId, roundStatus, roundSecret, allowChange]);

  const myReceipt = me?.ballots.find((b) => b.roundId === state.roundId) ?? null;
  useEffect(() => {
    if (state.roundId) dispatch({ type: 'receipt', roundId: state.roundId, receipt: myReceipt });
  }, [dispatch, state.roundId, myReceipt]);

  useEffect(() => {
    if (connection === 'offline') dispatch({ type: 'disconnected' });
  }, [dispatch, connection]);

  const askMine = useCallback(
    async (id: string) => {
      const socket = getSocket();
      if (!socket?.connected) return;
      try {
        const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('vote:mine', { roundId: id });
        if (ack.ok) {
          dispatch({ type: 'receipt', roundId: id, receipt: ack.data });
          if (ack.data) keepReceipt(ack.data);
        }
      } catch {
        // Unanswered: the next reconnect asks again; nothing is shown as recorded meanwhile.
      }
    },
    [dispatch],
  );

  // Announce a newly opened vote to screen readers.
  const announcedRef = useRef<string | null>(null);
  useEffect(() => {
    if (openRound && motion && announcedRef.current !== openRound.id) {
      announcedRef.current = openRound.id;
      setAnnouncement(t(motion.practice ? 'vote.announcePractice' : 'vote.announce', { question: motion.question }));
    }
  }, [openRound, motion, t]);

  const send = useCallback(
    async (choice: BallotChoice) => {
      const current = stateRef.current;
      if (!canPress(current, choice) || current.roundId === null) return;
      const attempt = current.attempt + 1;
      const id = current.roundId;
      dispatch({ type: 'press', choice });
      const socket = getSocket();
      if (!socket?.connected) {
        dispatch({ type: 'refused', attempt, code: 'OFFLINE' });
        return;
      }
      try {
        const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('vote:cast', { roundId: id, choice });
        if (ack.ok) {
          dispatch({ type: 'ack', attempt, receipt: ack.data });
          keepReceipt(ack.data);
        } else {
          dispatch({ type: 'refused', attempt, code: ack.code });
          if (ack.code === 'ALREADY_VOTED' || ack.code === 'VOTE_CHANGE_NOT_ALLOWED') void askMine(id);
        }
      } catch {
        dispatch({ type: 'refused', attempt, code: stateRef.current.error === 'CONNECTION_LOST' ? 'CONNECTION_LOST' : 'TIMEOUT' });
      }
    },
    [askMine, dispatch, stateRef],
  );

  // The latest send, for the effect below (an effect event: the effect need not re-run when send changes).
  const resend = useEffectEvent((choice: BallotChoice) => send(choice));

  // After every (re)connect, and when a round appears: ask the server what this delegate voted. A ballot whose
  // send was never confirmed (pressed offline, or the connection dropped) and that the server does not have is
  // sent again by itself: the same ballot, which the server treats idempotently.
  useEffect(() => {
    if (!(epoch > 0 && connection === 'online' && state.roundId)) return;
    const id = state.roundId;
    void askMine(id).then(() => {
      const now = stateRef.current;
      if (now.roundId === id && unconfirmedSend(now) && canRetry(now) && now.pending) void resend(now.pending);
    });
  }, [askMine, epoch, connection, state.roundId, stateRef]);

  const retry = useCallback(() => {
    const pending = stateRef.current.pending;
    if (pending) void send(pending);
  }, [send, stateRef]);

  const dismiss = useCallback(() => {
    useStore.setState({ dismissedRoundId: stateRef.current.roundId });
  }, [stateRef]);

  const present =
    round !== null && council !== null && state.phase !== 'idle' && state.roundId === round.id && !(state.phase === 'closed' && dismissed === round.id);
  // Stepping out to read is only for an open ballot: once it closes, the outcome comes back to the front.
  const docked = present && round.status === 'open' && minimized === round.id;
  const visible = present && !docked;

  const readDocuments = useCallback(() => {
    const id = stateRef.current.roundId;
    useStore.setState({ minimizedRoundId: id, view: 'documents', documentsItemId: motion?.itemId ?? null, openDocumentId: null });
  }, [stateRef, motion]);
  const backToBallot = useCallback(() => useStore.setState({ minimizedRoundId: null }), []);

  useEffect(() => {
    document.body.classList.toggle('has-vote-dock', docked);
    return () => document.body.classList.remove('has-vote-dock');
  }, [docked]);

  // While the ballot is in the foreground, the screen behind it cannot be reached by touch, keyboard or screen reader.
  useEffect(() => {
    const shell = document.getElementById('app-shell');
    if (!shell) return;
    if (visible) shell.setAttribute('inert', '');
    else shell.removeAttribute('inert');
    return () => shell.removeAttribute('inert');
  }, [visible]);

  return (
    <>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="vote-announcer">
        {announcement}
      </div>
      {visible && (
        <VotePanel
          key={round.id}
          state={state}
          round={round}
          motion={motion}
          council={council}
          lang={lang}
          checkedIn={me?.checkedIn ?? false}
          rollCallOpen={rollCallOpen}
          onCheckIn={() => void checkIn.checkIn()}
          checkInBusy={checkIn.busy}
          checkInError={checkIn.error}
          nowMs={nowMs}
          onSend={(c) => void send(c)}
          onRetry={retry}
          onDismiss={dismiss}
          onReadDocuments={itemHasDocuments ? readDocuments : undefined}
        />
      )}
      {docked && (
        <div className="vote-dock" role="region" aria-label={t('vote.dockTitle')} data-testid="vote-dock">
          <div className="vote-dock-text">
            <strong>{t('vote.dockTitle')}</strong>
            <span className="vote-dock-question">{motion?.question}</span>
            <span className={state.phase === 'recorded' ? 'status-ok' : 'status-warn'}>
              {state.phase === 'recorded' ? t('vote.dockVoted') : t('vote.dockNotVoted')}
            </span>
          </div>
          <button type="button" className="btn btn-primary btn-lg" onClick={backToBallot}>
            {t('vote.dockBack')}
          </button>
        </div>
      )}
    </>
  );
}
