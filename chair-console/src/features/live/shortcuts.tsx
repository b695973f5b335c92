import { useEffect, useEffectEvent, useRef } from 'react';
import { useFocusTrap } from '../shared/use-focus-trap';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { latestResultRound, useStore } from '../../store';
import { command } from '../../socket';
import { useAgendaMove } from './agenda-panel';

/** Alt+letter shortcuts for the chair's frequent actions. Dangerous ones still go through their confirm step. */
export const SHORTCUTS: { keys: string; label: MsgKey }[] = [
  { keys: 'Alt+D', label: 'shortcut.rollCall' },
  { keys: 'Alt+↓', label: 'shortcut.nextItem' },
  { keys: 'Alt+↑', label: 'shortcut.prevItem' },
  { keys: 'Alt+K', label: 'shortcut.closeVote' },
  { keys: 'Alt+C', label: 'shortcut.announce' },
  { keys: 'Alt+N', label: 'shortcut.nextSpeaker' },
  { keys: 'Alt+F', label: 'shortcut.finishSpeaker' },
  { keys: 'Alt+1 … Alt+6', label: 'shortcut.displayMode' },
  { keys: '?', label: 'shortcut.help' },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function clickByShortcut(keys: string): boolean {
  const el = document.querySelector<HTMLButtonElement>(`button[aria-keyshortcuts="${keys}"]:not(:disabled)`);
  if (!el) return false;
  el.click();
  return true;
}

export function useLiveShortcuts(toggleHelp: () => void) {
  const move = useAgendaMove();
  // The latest move (it changes with the agenda) without re-adding the key listener.
  const moveTo = useEffectEvent((id: string, title: string) => move(id, title));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if (isTyping(e.target) && e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return;
      if (!e.altKey) {
        if (e.key === '?' && !isTyping(e.target)) {
          e.preventDefault();
          toggleHelp();
        }
        return;
      }
      const snap = useStore.getState().snapshot;
      const key = e.key.toLowerCase();
      let handled = true;
      if (key === 'd') handled = clickByShortcut('Alt+D');
      else if (key === 'k') handled = clickByShortcut('Alt+K');
      else if (key === 'c') handled = clickByShortcut('Alt+C');
      else if (key === 'f') handled = clickByShortcut('Alt+F');
      else if (key === 'n') {
        const next = (snap?.speakers ?? []).filter((s) => s.status === 'waiting').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))[0];
        if (next && !snap?.speakers.some((s) => s.status === 'speaking')) void command('speaker:give', { entryId: next.id });
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        // Up/down, not left/right: Alt+← is the browser's Back and would leave the console.
        const items = [...(snap?.agenda ?? [])].sort((a, b) => a.order - b.order);
        const idx = items.findIndex((i) => i.id === snap?.session?.currentItemId);
        const target = items[e.key === 'ArrowDown' ? idx + 1 : Math.max(0, idx - 1)];
        if (target && target.id !== snap?.session?.currentItemId) void moveTo(target.id, target.title);
      } else if (/^[1-6]$/.test(key)) {
        const modes = ['welcome', 'agenda', 'vote', 'result', 'speaker', 'attendance'] as const;
        const mode = modes[Number(key) - 1]!;
        const rounds = snap?.rounds ?? [];
        const open = rounds.find((r) => r.status === 'open') ?? null;
        const roundId = mode === 'vote' ? (open?.id ?? null) : mode === 'result' ? (latestResultRound(rounds)?.id ?? null) : null;
        if ((mode === 'vote' || mode === 'result') && !roundId) handled = false;
        else void command('display:show', { mode, roundId });
      } else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="sc-h" ref={dialogRef} onClick={(e) => e.stopPropagation()}>
        <h2 id="sc-h">{t('shortcut.title')}</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{t(s.label)}</dd>
            </div>
          ))}
        </dl>
        <div className="modal-actions">
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
