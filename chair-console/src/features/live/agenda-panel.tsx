import { useMemo } from 'react';
import { useT } from '../../i18n';
import { selectAgenda, selectSession, useStore } from '../../store';
import { useCommand } from '../shared/use-command';

/** The agenda: move to an item; the tablets and the hall display follow. Each move can be undone. */
export function useAgendaMove() {
  const { t } = useT();
  const { run } = useCommand();
  const pushToast = useStore((s) => s.pushToast);
  return async (itemId: string | null, title: string) => {
    const before = useStore.getState().snapshot?.session?.currentItemId ?? null;
    const ok = await run('agenda:current', { itemId });
    if (ok) pushToast({ tone: 'info', text: t('agenda.movedTo', { title }), undo: () => void run('agenda:current', { itemId: before }) });
  };
}

export function AgendaPanel() {
  const { t } = useT();
  const agenda = useStore(selectAgenda);
  const session = useStore(selectSession);
  const move = useAgendaMove();
  const items = useMemo(() => [...(agenda ?? [])].sort((a, b) => a.order - b.order), [agenda]);
  const current = session?.currentItemId ?? null;
  const open = session?.status === 'open';
  return (
    <section className="panel" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t('agenda.title')}</h2>
      <ol className="live-agenda">
        {items.map((item, i) => {
          const isCurrent = item.id === current;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={isCurrent ? 'agenda-go current' : 'agenda-go'}
                aria-current={isCurrent ? 'step' : undefined}
                disabled={!open || isCurrent}
                aria-label={isCurrent ? `${item.title} — ${t('agenda.current')}` : t('agenda.goToOf', { title: item.title })}
                onClick={() => void move(item.id, item.title)}
              >
                <span className="agenda-num">{i + 1}.</span>
                <span className="agenda-text">
                  <strong>{item.title}</strong>
                  {item.presenter ? <span className="agenda-presenter">{item.presenter}</span> : null}
                </span>
                {isCurrent ? <span className="pill pill-open">{t('agenda.current')}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      {items.length === 0 ? <p className="muted">{t('agenda.empty')}</p> : null}
    </section>
  );
}
