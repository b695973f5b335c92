import { useEffect, useMemo, useRef, useState } from 'react';
import { formatCount, formatPercent } from '@hddt/protocol';
import type { Motion, NamedBoardEntry, RoundView } from '@hddt/protocol';
import { call } from '../../api';
import { ResultChart, announcementText, requirementText, verdictLabel } from '@hddt/ui';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import {
  notYetVoted,
  roundsOfMotion,
  secondsLeft,
  selectAttendance,
  selectCouncil,
  selectDelegates,
  selectMotions,
  selectOpenRound,
  selectRecords,
  selectRounds,
  selectSession,
  useStore,
} from '../../store';
import { newCommandId } from '../../socket';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { Field } from '../shared/field';
import { KIND_LABEL, MODE_LABEL, MotionForm } from '../shared/motion-form';
import { useCommand } from '../shared/use-command';
import { formatDuration, useServerNow } from '@hddt/ui/live';

const ROUND_STATUS: Record<RoundView['status'], MsgKey> = {
  open: 'round.status.open',
  closed: 'round.status.closed',
  announced: 'round.status.announced',
  cancelled: 'round.status.cancelled',
};

/**
 * Opening a motion: the commandId is made once per intended opening and reused on retry, so a retry after a
 * lost ack never opens a second round.
 */
function useOpenMotion() {
  const { run, busy } = useCommand();
  const pending = useRef<Map<string, string>>(new Map());
  const open = async (motionId: string) => {
    let commandId = pending.current.get(motionId);
    if (!commandId) {
      commandId = newCommandId();
      pending.current.set(motionId, commandId);
    }
    const round = await run('motion:open', { motionId, commandId });
    if (round) pending.current.delete(motionId);
    return round;
  };
  return { open, busy };
}

export function useVoteActions() {
  const { run } = useCommand();
  return {
    close: (roundId: string) => run('round:close', { roundId }),
    announce: (roundId: string) => run('round:announce', { roundId }),
    cancel: (roundId: string, reason: string) => run('round:cancel', { roundId, reason }),
  };
}

function OpenRound({ round, motion }: { round: RoundView; motion: Motion | undefined }) {
  const { t, lang } = useT();
  const delegates = useStore(selectDelegates);
  const records = useStore(selectRecords);
  const council = useStore(selectCouncil);
  const now = useServerNow(useStore((s) => s.clockOffsetMs));
  const actions = useVoteActions();
  const [confirmClose, setConfirmClose] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const missing = useMemo(() => notYetVoted(round, delegates ?? [], records ?? []), [round, delegates, records]);
  const left = secondsLeft(round.closesAt, now);
  const pct = round.present > 0 ? Math.min(100, (round.voted / round.present) * 100) : 0;
  const labels = council ? { voteLabels: council.voteLabels, confidenceLabels: council.confidenceLabels } : null;
  const allVoted = round.voted >= round.present;

  const doClose = () => {
    setConfirmClose(false);
    void actions.close(round.id);
  };

  return (
    <div className="open-round" data-testid="open-round">
      <div className="round-head">
        <span className="pill pill-open">
          {t('round.status.open')} · {t('round.number', { n: round.number })}
        </span>
        {motion ? (
          <span className="muted">
            {t(KIND_LABEL[motion.kind])} · {t(MODE_LABEL[motion.mode])}
          </span>
        ) : null}
        {left !== null ? (
          <span className={left <= 10 ? 'countdown countdown-warn' : 'countdown'} aria-label={t('round.timeLeft')}>
            {formatDuration(left)}
          </span>
        ) : null}
      </div>
      <p className="round-question">{motion?.question ?? ''}</p>
      <div className="progress-line" role="status" aria-live="polite" data-testid="vote-progress">
        <strong>{t('round.progress', { voted: formatCount(round.voted, lang), present: formatCount(round.present, lang) })}</strong>
        <span className="muted"> · {t('round.ofSeated', { pct: formatPercent(round.voted, round.seated, lang), n: formatCount(round.seated, lang) })}</span>
      </div>
      <div className="progress" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {round.result && labels ? (
        <div className="interim">
          <h3>{t('round.interim')}</h3>
          <ResultChart result={round.result} labels={labels} lang={lang} />
        </div>
      ) : null}
      {round.voterIds && round.mode === 'named' ? (
        <details className="not-voted" open={missing.length > 0 && missing.length <= 12}>
          <summary>{t('round.notYetVoted', { n: formatCount(missing.length, lang) })}</summary>
          <ul className="name-grid">
            {missing.map((d) => (
              <li key={d.id}>
                <span className="att-seat">{d.seat}</span> {d.fullName}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="round-actions">
        <button type="button" className="btn btn-primary btn-large" aria-keyshortcuts="Alt+K" onClick={() => (allVoted ? doClose() : setConfirmClose(true))}>
          {t('round.close')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => setCancelling(true)}>
          {t('round.cancel')}
        </button>
      </div>
      {confirmClose ? (
        <ConfirmDialog title={t('round.closeConfirm')} confirmLabel={t('round.close')} onConfirm={doClose} onCancel={() => setConfirmClose(false)}>
          <p>{t('round.closeConfirmBody', { n: formatCount(round.present - round.voted, lang) })}</p>
        </ConfirmDialog>
      ) : null}
      {cancelling ? (
        <ConfirmDialog
          title={t('round.cancelConfirm')}
          confirmLabel={t('round.cancel')}
          danger
          onCancel={() => {
            setCancelling(false);
            setReasonError(undefined);
          }}
          onConfirm={() => {
            if (reason.trim() === '') {
              setReasonError(t('err.required'));
              return;
            }
            setCancelling(false);
            setReason('');
            void actions.cancel(round.id, reason.trim());
          }}
        >
          <p>{t('round.cancelExplain')}</p>
          <Field label={t('round.cancelReason')} error={reasonError}>
            {(a) => <input {...a} name="cancelReason" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** Named ballots only: who chose what, fetched on demand (the server refuses it for other modes). */
function NamedBoard({ roundId }: { roundId: string }) {
  const { t, lang } = useT();
  const council = useStore(selectCouncil);
  const { run, busy } = useCommand();
  const [board, setBoard] = useState<NamedBoardEntry[] | null>(null);
  if (!board) {
    return (
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('round:board', { roundId }).then((b) => b && setBoard(b))}>
        {t('round.showBoard')}
      </button>
    );
  }
  return (
    <details className="board" open>
      <summary>{t('round.board')}</summary>
      <ul className="name-grid">
        {[...board]
          .sort((a, b) => a.seat - b.seat)
          .map((e) => (
            <li key={e.delegateId} className={e.option ? `vote-${e.option}` : undefined}>
              <span className="att-seat">{e.seat}</span> {e.fullName}:{' '}
              <strong className="board-choice">
                {e.option && council ? council.voteLabels[e.option][lang] : e.present ? t('round.didNotVote') : t('round.absent')}
              </strong>
            </li>
          ))}
      </ul>
    </details>
  );
}

/** The number a passed resolution vote received when announced ("Nghị quyết số 12/NQ-HĐND"). */
function useResolutionCode(round: RoundView, wanted: boolean): string | null {
  const [code, setCode] = useState<string | null>(null);
  const announced = round.status === 'announced';
  useEffect(() => {
    if (!wanted || !announced) return;
    let alive = true;
    call('resolutions')
      .then((list) => {
        if (alive) setCode(list.find((r) => r.roundId === round.id)?.code ?? null);
      })
      .catch(() => {
        /* the number also appears in the minutes; the panel can live without it */
      });
    return () => {
      alive = false;
    };
  }, [wanted, announced, round.id]);
  return code;
}

export function RoundResultView({ round }: { round: RoundView }) {
  const { t, lang } = useT();
  const council = useStore(selectCouncil);
  const motion = useStore((s) => s.snapshot?.motions.find((m) => m.id === round.motionId));
  const actions = useVoteActions();
  const resolutionCode = useResolutionCode(round, Boolean(motion?.resolution && round.result?.kind === 'options' && round.result.passed));
  if (!round.result || !council) return null;
  const labels = { voteLabels: council.voteLabels, confidenceLabels: council.confidenceLabels };
  const r = round.result;
  const verdict = r.kind === 'options' ? (r.passed ? 'passed' : 'failed') : null;
  const req = requirementText(r, lang);
  return (
    <div className="round-result" data-testid="round-result">
      <div className="round-head">
        <span className={`pill pill-${round.status}`}>
          {t(ROUND_STATUS[round.status])} · {t('round.number', { n: round.number })}
        </span>
        {verdict ? (
          <span className={verdict === 'passed' ? 'verdict verdict-pass' : 'verdict verdict-fail'} role="status">
            {verdictLabel(verdict, lang)}
          </span>
        ) : null}
      </div>
      {req ? <p className="muted">{req}</p> : null}
      {resolutionCode ? (
        <p className="resolution-code" role="status">
          {t('round.resolutionNumber', { code: resolutionCode })}
        </p>
      ) : null}
      <ResultChart result={r} labels={labels} lang={lang} />
      <p className="announcement">{announcementText(r, labels, lang)}</p>
      {round.mode === 'named' ? <NamedBoard roundId={round.id} /> : null}
      {round.status === 'closed' ? (
        <button type="button" className="btn btn-primary btn-large" aria-keyshortcuts="Alt+C" onClick={() => void actions.announce(round.id)}>
          {t('round.announce')}
        </button>
      ) : null}
    </div>
  );
}

function MotionCard({ motion, rounds, canOpen }: { motion: Motion; rounds: RoundView[]; canOpen: boolean }) {
  const { t, lang } = useT();
  const attendance = useStore(selectAttendance);
  // The server refuses a real vote without quorum (practice votes may run before it): say so on the button's card.
  const noQuorum = canOpen && !motion.practice && attendance !== null && !attendance.quorumMet;
  const blockedId = `motion-blocked-${motion.id}`;
  const { open, busy } = useOpenMotion();
  const mine = roundsOfMotion(rounds, motion.id);
  const last = mine[mine.length - 1];
  const showResult = last && (last.status === 'closed' || last.status === 'announced');
  return (
    <li className="motion-card" data-motion-id={motion.id}>
      <div className="motion-head">
        <strong className="motion-q">{motion.question}</strong>
        <span className="muted">
          {t(KIND_LABEL[motion.kind])} · {t(MODE_LABEL[motion.mode])}
          {motion.durationSec ? ` · ${motion.durationSec}s` : ''}
          {motion.practice ? ` · ${t('motion.practiceShort')}` : ''}
        </span>
      </div>
      {showResult && last ? <RoundResultView round={last} /> : null}
      {last && last.status === 'cancelled' && last.cancelledReason ? (
        // A cancelled round says why in plain sight: after a restart a secret round is voided by the server
        // itself, and the chair must know to call the vote again.
        <p className="round-cancelled" role="alert" data-testid="round-cancelled">
          {t('round.cancelledNotice', { n: last.number, reason: last.cancelledReason })}
        </p>
      ) : null}
      <div className="motion-actions">
        <button
          type="button"
          className={mine.length === 0 ? 'btn btn-primary' : 'btn'}
          disabled={!canOpen || busy || noQuorum}
          aria-label={`${mine.length === 0 ? t('round.open') : t('round.revote')}: ${motion.question}`}
          aria-describedby={noQuorum ? blockedId : undefined}
          onClick={() => void open(motion.id)}
        >
          {mine.length === 0 ? t('round.open') : t('round.revote')}
        </button>
      </div>
      {noQuorum && attendance ? (
        <p className="motion-blocked" id={blockedId} role="note" data-testid="motion-no-quorum">
          {t('round.noQuorum', {
            present: formatCount(attendance.present, lang),
            seated: formatCount(attendance.seated, lang),
            required: formatCount(attendance.required, lang),
          })}
        </p>
      ) : null}
      {mine.length > 0 ? (
        <details className="history">
          <summary>{t('round.history', { n: mine.length })}</summary>
          <ol>
            {mine.map((r) => (
              <li key={r.id}>
                {t('round.number', { n: r.number })} · {t(ROUND_STATUS[r.status])}
                {r.result && r.result.kind === 'options' ? ` · ${r.result.counts.yes}/${r.result.seated}` : ''}
                {r.cancelledReason ? ` · ${r.cancelledReason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

/** Votes of the current item: open a prepared one or put an ad-hoc question, follow it, close and announce. */
export function VotePanel() {
  const { t } = useT();
  const session = useStore(selectSession);
  const motions = useStore(selectMotions);
  const rounds = useStore(selectRounds);
  const openRound = useStore(selectOpenRound);
  const { run } = useCommand();
  const [adhoc, setAdhoc] = useState(false);
  // One id per ad-hoc question being put: a retry of the same form never opens two rounds.
  const adhocCommand = useRef(newCommandId());
  const [showAll, setShowAll] = useState(false);
  const currentItem = session?.currentItemId ?? null;
  const list = useMemo(
    () => (motions ?? []).filter((m) => showAll || currentItem === null || m.itemId === currentItem || m.itemId === null),
    [motions, currentItem, showAll],
  );
  const canOpen = session?.status === 'open' && !openRound;

  return (
    <section className="panel panel-vote" aria-labelledby="vote-h">
      <div className="panel-head">
        <h2 id="vote-h">{t('vote.title')}</h2>
        <label className="check small">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          {t('vote.showAll')}
        </label>
      </div>
      {openRound ? <OpenRound round={openRound} motion={motions?.find((m) => m.id === openRound.motionId)} /> : null}
      <ul className="motion-list">
        {list.map((m) => (
          <MotionCard key={m.id} motion={m} rounds={rounds ?? []} canOpen={canOpen} />
        ))}
      </ul>
      {list.length === 0 ? <p className="muted">{t('vote.none')}</p> : null}
      {adhoc ? (
        <div className="card adhoc">
          <h3>{t('vote.adhoc')}</h3>
          <MotionForm
            itemId={currentItem}
            submitLabel={t('vote.adhocOpen')}
            onSave={async (motion) => {
              const r = await run('motion:adhoc', { motion, commandId: adhocCommand.current });
              if (!r) throw new Error(t('vote.adhocFailed'));
              return r;
            }}
            onDone={() => {
              adhocCommand.current = newCommandId();
              setAdhoc(false);
            }}
            onCancel={() => setAdhoc(false)}
          />
        </div>
      ) : (
        <button type="button" className="btn" disabled={!canOpen} onClick={() => setAdhoc(true)}>
          + {t('vote.adhoc')}
        </button>
      )}
    </section>
  );
}
