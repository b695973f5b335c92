// The hall's seat map as every app draws it (console "Điều hành", hall display): rows front first, blocks split
// by aisles, one grid column per seat or aisle so each row lines up under the one in front. The seat itself is
// the caller's (a button on the console, a tile on the display); the presence colours are tokens in tokens.css.
import type { CSSProperties, ReactNode } from 'react';
import type { HallLayout } from '@hddt/protocol';

/** Columns of the grid: the widest row's seats plus its aisles, and (spare) one more so a full row keeps a margin. */
export function hallColumns(layout: HallLayout, spare = true): number {
  return layout.rows.reduce((m, r) => Math.max(m, r.blocks.flat().length + r.blocks.length - 1), 0) + (spare ? 1 : 0);
}

export interface SeatGridProps {
  layout: HallLayout;
  renderSeat: (seat: number) => ReactNode;
  className?: string;
  /** A spare column at the right (the console's map, where a tapped seat's actions open); none on the display. */
  spare?: boolean;
}

export function SeatGrid({ layout, renderSeat, className, spare = true }: SeatGridProps) {
  const style = { '--seat-cols': String(hallColumns(layout, spare)), '--seat-rows': String(Math.max(1, layout.rows.length)) } as CSSProperties;
  return (
    <div className={className ? `seat-map ${className}` : 'seat-map'} style={style} data-seat-rows={layout.rows.length}>
      {layout.rows.map((row, i) => (
        <div key={i} className="seat-row">
          {row.blocks.map((block, b) => [b > 0 ? <span key={`aisle-${b}`} className="seat-aisle" aria-hidden="true" /> : null, ...block.map(renderSeat)])}
        </div>
      ))}
    </div>
  );
}

/** The words of a name a seat has room for: the given name (the last word), or the last two on a wide seat. */
export function seatName(fullName: string, words = 1): string {
  return fullName.trim().split(/\s+/).slice(-words).join(' ');
}
