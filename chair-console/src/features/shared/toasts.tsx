import { useEffect } from 'react';
import { useStore } from '../../store';
import { useT } from '../../i18n';

const TOAST_MS = 8000;

/** Announcements of what just happened, with "Hoàn tác" where the action can be undone. */
export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const { t } = useT();
  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts.map((toast) => window.setTimeout(() => dismiss(toast.id), TOAST_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={toast.tone === 'error' ? 'toast toast-error' : 'toast'}>
          <span>{toast.text}</span>
          {toast.undo ? (
            <button type="button" className="btn btn-small" onClick={() => { toast.undo?.(); dismiss(toast.id); }}>
              {t('common.undo')}
            </button>
          ) : null}
          <button type="button" className="btn-icon" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
