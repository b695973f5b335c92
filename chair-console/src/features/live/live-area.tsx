import { useCallback, useState } from 'react';
import { formatDateVi, sessionTitle } from '@hddt/protocol';
import { useT } from '../../i18n';
import { selectSnapshot, useStore } from '../../store';
import { useCommand } from '../shared/use-command';
import { SessionHeader } from './session-header';
import { AgendaPanel } from './agenda-panel';
import { VotePanel } from './vote-panel';
import { AttendancePanel } from './attendance-panel';
import { SpeakersPanel } from './speakers-panel';
import { DisplayControl } from './display-control';
import { SeatMap } from './seat-map';
import { ShortcutHelp, useLiveShortcuts } from './shortcuts';

function SessionPicker() {
  const { t, lang } = useT();
  const snapshot = useStore(selectSnapshot);
  const { run, busy } = useCommand();
  const sessions = [...(snapshot?.sessions ?? [])].filter((s) => s.status !== 'closed').sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <section className="panel picker" aria-labelledby="pick-h">
      <h2 id="pick-h">{t('live.pickSession')}</h2>
      {sessions.length === 0 ? <p className="muted">{t('live.noSessions')}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} className="list-row">
            <span>
              <strong>{sessionTitle(s.number, lang)}</strong>
              {s.title ? ` — ${s.title}` : ''}{' '}
              <span className="muted">
                · {formatDateVi(s.startDate)} · {s.place}
              </span>
            </span>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run('session:select', { sessionId: s.id })}>
              {t('live.select')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LiveArea() {
  const { t } = useT();
  const snapshot = useStore(selectSnapshot);
  const [help, setHelp] = useState(false);
  // The session over which the picker was opened: selecting another one closes it.
  const [pickingOver, setPickingOver] = useState<string | null>(null);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useLiveShortcuts(toggleHelp);
  const session = snapshot?.session ?? null;
  const sessionId = session?.id ?? null;
  const picking = pickingOver !== null && pickingOver === sessionId;

  if (!snapshot)
    return (
      <main className="live">
        <p role="status">{t('common.loading')}</p>
      </main>
    );
  if (!session || picking)
    return (
      <main className="live">
        <SessionPicker />
      </main>
    );

  return (
    <main className="live">
      <SessionHeader />
      <div className="live-grid">
        <div className="live-col">
          <AgendaPanel />
          <AttendancePanel />
        </div>
        <div className="live-col live-col-main">
          <SeatMap />
          <VotePanel />
        </div>
        <div className="live-col">
          <SpeakersPanel />
          <DisplayControl />
        </div>
      </div>
      <div className="live-foot">
        <button type="button" className="btn btn-ghost" onClick={() => setHelp(true)} aria-keyshortcuts="Shift+?">
          {t('shortcut.help')}
        </button>
        {session.status !== 'open' ? (
          <button type="button" className="btn btn-ghost" onClick={() => setPickingOver(sessionId)}>
            {t('live.changeSession')}
          </button>
        ) : null}
      </div>
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </main>
  );
}
