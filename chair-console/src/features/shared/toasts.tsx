import { useEffect } from 'react';
import { useStore } from '../../store';
import type { Toast } from '../../store/ui-slice';
import { useT } from '../../i18n';

const TOAST_MS = 8000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useT();
  const dismiss = useStore((s) => s.dismissToast);
  // One timer per toast, started when it appears: later toasts do not keep earlier ones alive.
  useEffect(() => {
    const id = window.setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(id);
  }, [toast.id, dismiss]);
  return (
    <div className={toast.tone === 'error' ? 'toast toast-error' : 'toast'}>
      <span>{toast.text}</span>
      {toast.undo ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            toast.undo?.();
            dismiss(toast.id);
          }}
        >
          {t('common.undo')}
        </button>
      ) : null}
      <button type="button" className="btn-icon" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Announcements of what just happened, with "Hoàn tác" where the action can be undone. */
export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
