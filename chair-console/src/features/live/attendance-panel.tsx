import { useMemo, useState } from 'react';
import { formatCount } from '@hddt/protocol';
import type { AttendanceRecord, Delegate } from '@hddt/protocol';
import { useT } from '../../i18n';
import { selectConnected, selectDelegates, selectRecords, selectSession, useStore } from '../../store';
import { command } from '../../socket';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { Field } from '../shared/field';
import { useCommand } from '../shared/use-command';

type Filter = 'all' | 'present' | 'absent' | 'dropped';

export interface AttendanceRow {
  delegate: Delegate;
  present: boolean;
  connected: boolean;
  /** Checked in from a tablet that is no longer connected (a dropped tablet, not a delegate without one). */
  dropped: boolean;
  /** Absent with a reason given (vắng có lý do), as the minutes record it. */
  excusedReason: string | null;
}

/** Seated delegates with presence and tablet connection. */
export function attendanceRows(delegates: readonly Delegate[], records: readonly AttendanceRecord[], connected: readonly string[]): AttendanceRow[] {
  const online = new Set(connected);
  const byId = new Map(records.map((r) => [r.delegateId, r]));
  return delegates
    .filter((d) => d.seated)
    .sort((a, b) => a.seat - b.seat)
    .map((d) => {
      const rec = byId.get(d.id);
      const present = rec?.status === 'present';
      const isOnline = online.has(d.id);
      const excusedReason = rec?.status === 'excused' ? (rec.reason ?? '') : null;
      return { delegate: d, present, connected: isOnline, dropped: present && !isOnline && rec?.by === 'self', excusedReason };
    });
}

export function AttendancePanel() {
  const { t, lang } = useT();
  const delegates = useStore(selectDelegates);
  const records = useStore(selectRecords);
  const connected = useStore(selectConnected);
  const session = useStore(selectSession);
  const { run } = useCommand();
  const pushToast = useStore((st) => st.pushToast);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => attendanceRows(delegates ?? [], records ?? [], connected ?? []), [delegates, records, connected]);
  const counts = {
    all: rows.length,
    present: rows.filter((r) => r.present).length,
    absent: rows.filter((r) => !r.present).length,
    dropped: rows.filter((r) => r.dropped).length,
  };
  const shown = rows.filter((r) => filter === 'all' || (filter === 'present' ? r.present : filter === 'absent' ? !r.present : r.dropped));
  const canMark = session?.status === 'open';
  // Marking by hand (a delegate without a tablet, or one who left) can be undone from the toast.
  const [excusing, setExcusing] = useState<Delegate | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const excuse = async () => {
    if (!excusing) return;
    if (reason.trim() === '') {
      setReasonError(t('err.required'));
      return;
    }
    const ack = await command('attendance:set', { delegateId: excusing.id, status: 'excused', reason: reason.trim() });
    if (!ack.ok) {
      setReasonError(lang === 'vi' ? ack.message : ack.messageEn);
      return;
    }
    setExcusing(null);
    setReason('');
    setReasonError(undefined);
  };
  const mark = async (d: Delegate, status: 'present' | 'absent') => {
    // Called directly (not through useCommand): a successful "absent" acks with data null.
    const ack = await command('attendance:set', { delegateId: d.id, status });
    if (!ack.ok) {
      pushToast({ tone: 'error', text: lang === 'vi' ? ack.message : ack.messageEn });
      return;
    }
    {
      const undo = status === 'present' ? 'absent' : 'present';
      pushToast({
        tone: 'info',
        text: t(status === 'present' ? 'att.markedPresent' : 'att.markedAbsent', { name: d.fullName }),
        undo: () => void run('attendance:set', { delegateId: d.id, status: undo }),
      });
    }
  };

  return (
    <section className="panel" aria-labelledby="att-h">
      <h2 id="att-h">{t('att.title')}</h2>
      <div className="chips" role="group" aria-label={t('att.filter')}>
        {(['all', 'present', 'absent', 'dropped'] as const).map((f) => (
          <button key={f} type="button" className={filter === f ? 'chip active' : 'chip'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`att.filter.${f}`)} ({formatCount(counts[f], lang)})
          </button>
        ))}
      </div>
      <ul className="att-list" aria-label={t('att.title')}>
        {shown.map(({ delegate: d, present, connected: online, dropped, excusedReason }) => (
          <li key={d.id} className={present ? 'att-row present' : 'att-row'} data-delegate-id={d.id}>
            <span className="att-seat">{d.seat}</span>
            <span className="att-name">{d.fullName}</span>
            <span
              className={online ? 'dot dot-on' : 'dot dot-off'}
              title={online ? t('att.online') : t('att.offline')}
              aria-label={online ? t('att.online') : t('att.offline')}
              role="img"
            />
            {dropped ? <span className="pill pill-warn">{t('att.dropped')}</span> : null}
            {excusedReason !== null ? (
              <span className="pill" title={excusedReason}>
                {t('att.excused')}
              </span>
            ) : null}
            <span className="visually-hidden">
              {present ? t('att.present') : excusedReason !== null ? `${t('att.excused')}: ${excusedReason}` : t('att.absent')}
            </span>
            {canMark ? (
              <span className="att-actions">
                {present ? (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('att.markAbsentOf', { name: d.fullName })}
                    onClick={() => void mark(d, 'absent')}
                  >
                    {t('att.markAbsent')}
                  </button>
                ) : (
                  <>
                    {excusedReason === null ? (
                      <button type="button" className="btn btn-small" aria-label={t('att.excuseOf', { name: d.fullName })} onClick={() => setExcusing(d)}>
                        {t('att.excuse')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('att.markPresentOf', { name: d.fullName })}
                      onClick={() => void mark(d, 'present')}
                    >
                      {t('att.markPresent')}
                    </button>
                  </>
                )}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {excusing ? (
        <ConfirmDialog
          title={t('att.excuseTitle', { name: excusing.fullName })}
          confirmLabel={t('common.save')}
          onConfirm={() => void excuse()}
          onCancel={() => {
            setExcusing(null);
            setReasonError(undefined);
          }}
        >
          <Field label={t('att.excuseReason')} error={reasonError}>
            {(a) => <input {...a} name="excuseReason" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
