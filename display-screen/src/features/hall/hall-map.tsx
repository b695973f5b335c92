// The hall's seat map on the projector: the attendance slide (present / excused / absent), a named result's
// choices, the speaker's seat. The grid is the one every app draws (SeatGrid from ui/); tiles are sized from
// the stage so the seat number and the given name stay readable from the back of the hall.
import type { HallLayout, VoteOption } from '@hddt/protocol';
import { SeatGrid, seatName } from '@hddt/ui';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';

export type SeatTone = 'present' | 'excused' | 'absent' | 'none' | VoteOption;

export interface MapSeat {
  seat: number;
  fullName: string;
  tone: SeatTone;
  /** What the seat says in words (its accessible name's state): "Có mặt", "Tán thành", "Không bấm"… */
  state: string;
  /** The speaker's seat; a seat waiting for the floor carries its place in the queue. */
  mark?: 'speaking' | number;
}

const TONE_CLASS: Record<SeatTone, string> = {
  present: 'seat-present',
  excused: 'seat-excused',
  absent: 'seat-absent hall-seat-empty',
  none: 'hall-seat-none',
  yes: 'has-choice vote-yes',
  no: 'has-choice vote-no',
  abstain: 'has-choice vote-abstain',
};

export interface LegendItem {
  tone: SeatTone | 'speaking' | 'waiting';
  label: string;
}

interface Props {
  layout: HallLayout;
  seats: ReadonlyMap<number, MapSeat>;
  legend: LegendItem[];
  /** Seats show the given name under the number (the attendance and result slides); numbers only when small. */
  names?: boolean;
  className?: string;
  children?: ReactNode;
}

export function HallMap({ layout, seats, legend, names = true, className, children }: Props) {
  const { t } = useT();
  const tile = (n: number) => {
    const s = seats.get(n);
    if (!s) return null;
    const mark = s.mark === 'speaking' ? ' is-speaking' : typeof s.mark === 'number' ? ' is-waiting' : '';
    const extra = s.mark === 'speaking' ? `, ${t('seatSpeaking')}` : typeof s.mark === 'number' ? `, ${t('seatWaiting', { place: s.mark })}` : '';
    return (
      <div
        key={n}
        className={`hall-seat ${TONE_CLASS[s.tone]}${mark}`}
        data-seat={n}
        data-tone={s.tone}
        data-mark={s.mark ?? undefined}
        role="img"
        aria-label={t('seatLabel', { seat: n, name: s.fullName, state: `${s.state}${extra}` })}
      >
        <span className="hall-seat-no">{n}</span>
        {names ? <span className="hall-seat-name">{seatName(s.fullName)}</span> : null}
        {typeof s.mark === 'number' ? (
          <span className="hall-seat-place" aria-hidden="true">
            {s.mark}
          </span>
        ) : null}
      </div>
    );
  };
  return (
    <section className={`hall-map${names ? '' : ' hall-map-numbers'}${className ? ` ${className}` : ''}`} aria-label={t('hallMapHeading')} data-hall-map>
      <div className="hall-map-head">
        <h2 className="hall-map-heading" data-fit>
          {t('hallMapHeading')}
        </h2>
        <ul className="hall-legend" aria-hidden="true">
          {legend.map((l) => (
            <li key={l.tone} className="hall-legend-item" data-fit>
              <span
                className={`hall-swatch ${l.tone === 'speaking' ? 'seat-present is-speaking' : l.tone === 'waiting' ? 'seat-present is-waiting' : TONE_CLASS[l.tone]}`}
              />
              {l.label}
            </li>
          ))}
        </ul>
        {children}
      </div>
      <div className="hall-map-body">
        <p className="hall-map-front" aria-hidden="true">
          {t('hallFront')}
        </p>
        <SeatGrid layout={layout} renderSeat={tile} spare={false} />
      </div>
    </section>
  );
}
