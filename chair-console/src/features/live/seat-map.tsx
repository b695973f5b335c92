import { useMemo, useState } from 'react';
import { reconcileLayout } from '@hddt/protocol';
import type { Delegate } from '@hddt/protocol';
import { useT } from '../../i18n';
import { selectCouncil, selectDelegates, selectOpenRound, selectRecords, selectSession, selectSpeakers, useStore } from '../../store';
import { command } from '../../socket';

type Presence = 'present' | 'excused' | 'absent';

interface SeatState {
  delegate: Delegate;
  presence: Presence;
  /** While a vote is open: whether this delegate's ballot is in (never the choice). null when no vote is open. */
  voted: boolean | null;
  speaker: 'speaking' | 'waiting' | null;
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

  const seats = useMemo(() => {
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
      });
    }
    return bySeat;
  }, [delegates, records, openRound, speakers]);
  const layout = useMemo(() => reconcileLayout(council?.hallLayout, [...seats.keys()]), [council?.hallLayout, seats]);
  const width = layout.rows.reduce((m, r) => Math.max(m, r.blocks.flat().length + r.blocks.length - 1), 0);

  const describe = (s: SeatState) =>
    [
      s.presence === 'present' ? t('att.present') : s.presence === 'excused' ? t('att.excused') : t('att.absent'),
      s.voted === null ? null : s.voted ? t('seat.voted') : t('seat.notVoted'),
      s.speaker === 'speaking' ? t('seat.speaking') : s.speaker === 'waiting' ? t('seat.waiting') : null,
    ]
      .filter(Boolean)
      .join(', ');

  const chosen = selected ? [...seats.values()].find((s) => s.delegate.id === selected) ?? null : null;
  const mark = async (d: Delegate, status: 'present' | 'absent') => {
    const ack = await command('attendance:set', { delegateId: d.id, status });
    if (!ack.ok) pushToast({ tone: 'error', text: lang === 'vi' ? ack.message : ack.messageEn });
    else setSelected(null);
  };

  const seatButton = (n: number) => {
    const s = seats.get(n);
    if (!s) return null;
    const cls = ['seat', `seat-${s.presence}`, s.voted ? 'is-voted' : '', s.speaker ? `is-${s.speaker}` : '', selected === s.delegate.id ? 'is-selected' : ''].filter(Boolean).join(' ');
    const short = s.delegate.fullName.split(' ').slice(-1)[0] ?? '';
    return (
      <button key={n} type="button" className={cls} data-seat={n} aria-label={t('seat.label', { seat: n, name: s.delegate.fullName, state: describe(s) })}
        aria-expanded={selected === s.delegate.id} onClick={() => setSelected((cur) => (cur === s.delegate.id ? null : s.delegate.id))}>
        <span className="seat-no" aria-hidden="true">{n}</span>
        <span className="seat-name" aria-hidden="true">{short}</span>
      </button>
    );
  };

  return (
    <section className="panel seat-map-panel" aria-labelledby="seatmap-h">
      <div className="panel-head">
        <h2 id="seatmap-h">{t('seat.title')}</h2>
        <ul className="seat-legend" aria-hidden="true">
          <li><span className="seat-swatch seat-present" />{t('att.present')}</li>
          <li><span className="seat-swatch seat-absent" />{t('att.absent')}</li>
          {openRound ? <li><span className="seat-swatch seat-present is-voted" />{t('seat.voted')}</li> : null}
          <li><span className="seat-swatch seat-present is-waiting" />{t('seat.waiting')}</li>
          <li><span className="seat-swatch seat-present is-speaking" />{t('seat.speaking')}</li>
        </ul>
      </div>
      <div className="seat-map" style={{ ['--seat-cols' as string]: String(width + 1) }}>
        {layout.rows.map((row, i) => (
          <div key={i} className="seat-row">
            {row.blocks.map((block, b) => [
              b > 0 ? <span key={`aisle-${b}`} className="seat-aisle" aria-hidden="true" /> : null,
              ...block.map(seatButton),
            ])}
          </div>
        ))}
      </div>
      {chosen ? (
        <div className="seat-actions" role="group" aria-label={t('seat.label', { seat: chosen.delegate.seat, name: chosen.delegate.fullName, state: describe(chosen) })}>
          <strong>{chosen.delegate.seat}. {chosen.delegate.fullName}</strong> <span className="muted">{describe(chosen)}</span>
          {session?.status === 'open' ? (
            chosen.presence === 'present' ? (
              <button type="button" className="btn btn-small" onClick={() => void mark(chosen.delegate, 'absent')}>{t('att.markAbsent')}</button>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => void mark(chosen.delegate, 'present')}>{t('att.markPresent')}</button>
            )
          ) : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected(null)}>{t('common.close')}</button>
        </div>
      ) : null}
    </section>
  );
}
