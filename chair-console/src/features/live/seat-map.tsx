import { useEffect, useMemo, useState } from 'react';
import { reconcileLayout } from '@hddt/protocol';
import type { Delegate, NamedBoardEntry, VoteOption } from '@hddt/protocol';
import { SeatGrid, hallColumns, seatName } from '@hddt/ui';
import { useT } from '../../i18n';
import { selectCouncil, selectDelegates, selectOpenRound, selectRecords, selectRounds, selectSession, selectSpeakers, useStore } from '../../store';
import { command } from '../../socket';

type Presence = 'present' | 'excused' | 'absent';

interface SeatState {
  delegate: Delegate;
  presence: Presence;
  /** While a vote is open: whether this delegate's ballot is in (never the choice). null when no vote is open. */
  voted: boolean | null;
  speaker: 'speaking' | 'waiting' | null;
  /**
   * After a named round is announced (and until the next round opens): what this delegate chose, 'none' for a
   * present delegate who did not press. null otherwise — always for secret and anonymous rounds.
   */
  choice: VoteOption | 'none' | null;
}

/**
 * The board of the latest round when it is a named round whose result is announced and no round has opened
 * since; null otherwise. The server refuses the board of any other mode, so a secret choice cannot reach here.
 */
function useAnnouncedNamedBoard(): NamedBoardEntry[] | null {
  const rounds = useStore(selectRounds);
  const latest = useMemo(() => {
    const live = (rounds ?? []).filter((r) => r.status !== 'cancelled');
    const last = live.reduce<(typeof live)[number] | null>((m, r) => (!m || r.openedAt >= m.openedAt ? r : m), null);
    return last && last.status === 'announced' && last.mode === 'named' ? last.id : null;
  }, [rounds]);
  const [board, setBoard] = useState<{ roundId: string; entries: NamedBoardEntry[] } | null>(null);
  useEffect(() => {
    if (!latest) return;
    let alive = true;
    void command('round:board', { roundId: latest }).then((ack) => {
      if (alive && ack.ok) setBoard({ roundId: latest, entries: ack.data });
    });
    return () => {
      alive = false;
    };
  }, [latest]);
  return latest && board?.roundId === latest ? board.entries : null;
}

/**
 * Sơ đồ hội trường: every seat, live — presence, whether the delegate has voted in the open round (participation
 * only, never a choice, so it is the same for secret and anonymous rounds), and who speaks or asked to. A tap on
 * a seat offers the attendance actions.
 */
export function SeatMap() {
  const { t, lang } = useT();
  const delegates = useStore(selectDelegates);
  const records = useStore(selectRecords);
  const openRound = useStore(selectOpenRound);
  const speakers = useStore(selectSpeakers);
  const session = useStore(selectSession);
  const council = useStore(selectCouncil);
  const pushToast = useStore((s) => s.pushToast);
  const [selected, setSelected] = useState<string | null>(null);
  const board = useAnnouncedNamedBoard();

  const seats = useMemo(() => {
    const choices = board ? new Map(board.map((e) => [e.delegateId, e])) : null;
    const byRecord = new Map((records ?? []).map((r) => [r.delegateId, r]));
    const voters = new Set(openRound?.voterIds ?? []);
    const bySeat = new Map<number, SeatState>();
    for (const d of delegates ?? []) {
      if (!d.seated) continue;
      const rec = byRecord.get(d.id);
      const presence: Presence = rec?.status === 'present' ? 'present' : rec?.status === 'excused' ? 'excused' : 'absent';
      const entry = speakers?.find((e) => e.delegateId === d.id && (e.status === 'speaking' || e.status === 'waiting'));
      bySeat.set(d.seat, {
        delegate: d,
        presence,
        voted: openRound ? voters.has(d.id) : null,
        speaker: entry ? (entry.status === 'speaking' ? 'speaking' : 'waiting') : null,
        choice: choiceOf(choices?.get(d.id)),
      });
    }
    return bySeat;
  }, [delegates, records, openRound, speakers, board]);
  const layout = useMemo(() => reconcileLayout(council?.hallLayout, [...seats.keys()]), [council?.hallLayout, seats]);

  const describe = (s: SeatState) =>
    [
      s.presence === 'present' ? t('att.present') : s.presence === 'excused' ? t('att.excused') : t('att.absent'),
      s.voted === null ? null : s.voted ? t('seat.voted') : t('seat.notVoted'),
      s.choice === null ? null : s.choice === 'none' ? t('round.didNotVote') : council ? council.voteLabels[s.choice][lang].toLocaleLowerCase(lang) : null,
      s.speaker === 'speaking' ? t('seat.speaking') : s.speaker === 'waiting' ? t('seat.waiting') : null,
    ]
      .filter(Boolean)
      .join(', ');

  const chosen = selected ? ([...seats.values()].find((s) => s.delegate.id === selected) ?? null) : null;
  const mark = async (d: Delegate, status: 'present' | 'absent') => {
    const ack = await command('attendance:set', { delegateId: d.id, status });
    if (!ack.ok) pushToast({ tone: 'error', text: lang === 'vi' ? ack.message : ack.messageEn });
    else setSelected(null);
  };

  const seatButton = (n: number) => {
    const s = seats.get(n);
    if (!s) return null;
    const cls = [
      'seat',
      `seat-${s.presence}`,
      s.voted ? 'is-voted' : '',
      s.speaker ? `is-${s.speaker}` : '',
      s.choice && s.choice !== 'none' ? `has-choice vote-${s.choice}` : '',
      selected === s.delegate.id ? 'is-selected' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const short = seatName(s.delegate.fullName);
    return (
      <button
        key={n}
        type="button"
        className={cls}
        data-seat={n}
        data-choice={s.choice ?? undefined}
        aria-label={t('seat.label', { seat: n, name: s.delegate.fullName, state: describe(s) })}
        aria-expanded={selected === s.delegate.id}
        onClick={() => setSelected((cur) => (cur === s.delegate.id ? null : s.delegate.id))}
      >
        <span className="seat-no" aria-hidden="true">
          {n}
        </span>
        <span className="seat-name" aria-hidden="true">
          {short}
        </span>
      </button>
    );
  };

  return (
    <section className="panel seat-map-panel" aria-labelledby="seatmap-h">
      <div className="panel-head">
        <h2 id="seatmap-h">{t('seat.title')}</h2>
        <ul className="seat-legend" aria-hidden="true">
          <li>
            <span className="seat-swatch seat-present" />
            {t('att.present')}
          </li>
          <li>
            <span className="seat-swatch seat-excused" />
            {t('att.excused')}
          </li>
          <li>
            <span className="seat-swatch seat-absent" />
            {t('att.absent')}
          </li>
          {openRound ? (
            <li>
              <span className="seat-swatch seat-present is-voted" />
              {t('seat.voted')}
            </li>
          ) : null}
          <li>
            <span className="seat-swatch seat-present is-waiting" />
            {t('seat.waiting')}
          </li>
          <li>
            <span className="seat-swatch seat-present is-speaking" />
            {t('seat.speaking')}
          </li>
        </ul>
      </div>
      {board && council ? (
        <ul className="seat-legend seat-legend-choices" aria-hidden="true">
          {(['yes', 'no', 'abstain'] as const).map((o) => (
            <li key={o}>
              <span className={`seat-swatch has-choice vote-${o}`} />
              {council.voteLabels[o][lang]}
            </li>
          ))}
        </ul>
      ) : null}
      <SeatGrid layout={layout} renderSeat={seatButton} className={hallColumns(layout) > 13 ? 'seat-map-dense' : undefined} />
      {chosen ? (
        <div
          className="seat-actions"
          role="group"
          aria-label={t('seat.label', { seat: chosen.delegate.seat, name: chosen.delegate.fullName, state: describe(chosen) })}
        >
          <strong>
            {chosen.delegate.seat}. {chosen.delegate.fullName}
          </strong>{' '}
          <span className="muted">{describe(chosen)}</span>
          {session?.status === 'open' ? (
            chosen.presence === 'present' ? (
              <button type="button" className="btn btn-small" onClick={() => void mark(chosen.delegate, 'absent')}>
                {t('att.markAbsent')}
              </button>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => void mark(chosen.delegate, 'present')}>
                {t('att.markPresent')}
              </button>
            )
          ) : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** A board entry's choice on the map: a named option, 'none' for a present delegate who did not press. */
function choiceOf(e: NamedBoardEntry | undefined): VoteOption | 'none' | null {
  if (!e) return null;
  if (e.option) return e.option;
  if (e.choice) return null; // an election's or confidence vote's choice is not one of the three options
  return e.present ? 'none' : null;
}
