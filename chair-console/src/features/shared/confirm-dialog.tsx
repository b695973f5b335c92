import { useEffect, useEffectEvent, useRef } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useFocusTrap } from './use-focus-trap';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation step for dangerous actions. Escape or "Quay lại" cancels; focus starts on cancel. */
export function ConfirmDialog({ title, children, confirmLabel, danger, confirmDisabled, onConfirm, onCancel }: Props) {
  const { t } = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);
  // Focus once, when the dialog opens; parents re-render on every keystroke in the dialog's own fields.
  const cancel = useEffectEvent(() => onCancel());
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title" ref={dialogRef}>
        <h2 id="confirm-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">
          <button type="button" className="btn" ref={cancelRef} onClick={onCancel}>
            {t('common.back')}
          </button>
          <button type="button" className={danger ? 'btn btn-danger btn-primary' : 'btn btn-primary'} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
