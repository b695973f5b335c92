import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { HALL_LIMITS, autoLayout, layoutProblems, moveSeat, placeOf, setAisles, swapSeats } from '@hddt/protocol';
import type { HallLayout, SeatMove } from '@hddt/protocol';
import { ApiError, call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';

interface LayoutView {
  layout: HallLayout;
  custom: boolean;
}

const KEY_MOVES: Record<string, SeatMove> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * Chuẩn bị › Sơ đồ hội trường: the secretariat lays the hall out once. It starts from the stored plan (or the
 * automatic one); a seat moves by a tap on it then on another (swap; touch), by dragging it onto another
 * (pointer events, so a finger drags too), or by the arrow keys once focused. The roster check runs as it edits
 * (protocol's layoutProblems, the same rule the server applies) and the server's refusal is shown as it is.
 */
export function HallLayoutPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [saved, setSaved] = useState<LayoutView | null>(null);
  const [layout, setLayout] = useState<HallLayout | null>(null);
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const [seats, setSeats] = useState<number[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  const [focusSeat, setFocusSeat] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');
  const drag = useRef<{ seat: number; x: number; y: number; moved: boolean } | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const [view, delegates] = await Promise.all([call('hallLayout'), call('delegates')]);
      const seated = delegates.filter((d) => d.seated);
      setNames(new Map(seated.map((d) => [d.seat, d.fullName])));
      setSeats(seated.map((d) => d.seat));
      setSaved(view);
      setLayout(view.layout);
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  // After a keyboard move the seat is drawn anew: give it the focus back.
  useLayoutEffect(() => {
    if (focusSeat === null) return;
    grid.current?.querySelector<HTMLButtonElement>(`[data-seat="${focusSeat}"]`)?.focus();
  }, [layout, focusSeat]);

  const problems = useMemo(() => (layout ? layoutProblems(layout, seats) : []), [layout, seats]);
  const dirty = saved !== null && layout !== null && JSON.stringify(layout) !== JSON.stringify(saved.layout);

  if (!layout || !saved)
    return (
      <section className="panel" aria-labelledby="hall-h">
        <h2 id="hall-h">{t('prep.tab.hall')}</h2>
        <p role="status">{t('common.loading')}</p>
      </section>
    );

  const change = (next: HallLayout, seat: number | null) => {
    if (next === layout) return;
    setLayout(next);
    setServerProblems([]);
    if (seat !== null) {
      const at = placeOf(next, seat);
      if (at) setAnnounce(t('hall.moved', { seat, row: at.row + 1, index: at.index + 1 }));
    }
  };

  const tap = (seat: number) => {
    if (picked === null) return setPicked(seat);
    if (picked !== seat) change(swapSeats(layout, picked, seat), picked);
    setPicked(null);
  };

  const onKey = (seat: number, e: KeyboardEvent<HTMLButtonElement>) => {
    const move = KEY_MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    setFocusSeat(seat);
    change(moveSeat(layout, seat, move), seat);
  };

  const onPointerDown = (seat: number, e: PointerEvent<HTMLButtonElement>) => {
    drag.current = { seat, x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (d && Math.hypot(e.clientX - d.x, e.clientY - d.y) > 8) d.moved = true;
  };
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    // A press that did not move is a tap. It is taken here rather than from the click: Chromium sends no click for
    // a finger that moved by a few pixels after an earlier drag, and a tap must not depend on that.
    if (!d.moved) {
      tap(d.seat);
      return;
    }
    const target = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-seat]');
    const onto = target ? Number(target.dataset.seat) : NaN;
    if (Number.isInteger(onto) && onto !== d.seat) change(swapSeats(layout, d.seat, onto), d.seat);
    // A drag is not a tap.
    setPicked(null);
  };

  const save = async () => {
    setBusy(true);
    try {
      const view = await call('hallLayoutSet', { body: layout });
      setSaved(view);
      setLayout(view.layout);
      setServerProblems([]);
      pushToast({ tone: 'info', text: t('hall.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setServerProblems(err.fields.map((f) => (lang === 'vi' ? f.message : f.messageEn)));
      pushToast({ tone: 'error', text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  const label = (seat: number) => t(picked === seat ? 'hall.seatPicked' : 'hall.seat', { seat, name: names.get(seat) ?? '—' });
  const shown = [...problems.map((p) => (lang === 'vi' ? p.message : p.messageEn)), ...serverProblems];

  return (
    <section className="panel hall-editor" aria-labelledby="hall-h">
      <div className="panel-head">
        <h2 id="hall-h">{t('prep.tab.hall')}</h2>
        <div className="hall-editor-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => change(autoLayout(seats), null)}>
            {t('hall.auto')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy || problems.length > 0 || !dirty} onClick={() => void save()}>
            {t('hall.save')}
          </button>
        </div>
      </div>
      <p className="muted">{t('hall.intro')}</p>
      <p role="status">{dirty ? t('hall.unsaved') : saved.custom ? t('hall.custom') : t('hall.automatic')}</p>
      {shown.length > 0 ? (
        <ul className="form-error hall-problems" role="alert">
          {shown.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {seats.length === 0 ? <p className="muted">{t('hall.empty')}</p> : null}
      <p id="hall-move-help" className="visually-hidden">
        {t('hall.moveHelp')}
      </p>
      <div className="hall-stage" aria-hidden="true">
        {lang === 'vi' ? 'Chủ tọa' : 'Chair'}
      </div>
      <div className="hall-rows" ref={grid}>
        {layout.rows.map((row, r) => (
          <div key={r} className="hall-row" role="group" aria-label={t('hall.row', { n: r + 1 })}>
            <span className="hall-row-no" aria-hidden="true">
              {r + 1}
            </span>
            <div className="hall-blocks">
              {row.blocks.map((block, b) => (
                <div key={b} className="hall-block">
                  {block.map((seat) => (
                    <button
                      key={seat}
                      type="button"
                      data-seat={seat}
                      className={picked === seat ? 'seat seat-edit is-selected' : 'seat seat-edit'}
                      aria-label={label(seat)}
                      aria-describedby="hall-move-help"
                      aria-pressed={picked === seat}
                      onClick={(e) => {
                        // Pointer taps are taken on pointerup; a click of detail 0 is Enter or Space (or assistive
                        // technology) on the focused seat.
                        if (e.detail === 0) tap(seat);
                      }}
                      onKeyDown={(e) => onKey(seat, e)}
                      onPointerDown={(e) => onPointerDown(seat, e)}
                      onPointerMove={onPointerMove}
                      onPointerUp={onPointerUp}
                      onPointerCancel={() => {
                        drag.current = null;
                      }}
                    >
                      <span className="seat-no" aria-hidden="true">
                        {seat}
                      </span>
                      <span className="seat-name" aria-hidden="true">
                        {(names.get(seat) ?? '').split(' ').slice(-1)[0]}
                      </span>
                    </button>
                  ))}
                </div>
              ))}
            </div>
            <div className="hall-row-actions">
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={row.blocks.length >= HALL_LIMITS.blocksPerRow}
                aria-label={`${t('hall.addAisle')} — ${t('hall.row', { n: r + 1 })}`}
                onClick={() => change(setAisles(layout, r, row.blocks.length + 1), null)}
              >
                {t('hall.addAisle')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={row.blocks.length <= 1}
                aria-label={`${t('hall.removeAisle')} — ${t('hall.row', { n: r + 1 })}`}
                onClick={() => change(setAisles(layout, r, row.blocks.length - 1), null)}
              >
                {t('hall.removeAisle')}
              </button>
            </div>
          </div>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </section>
  );
}
