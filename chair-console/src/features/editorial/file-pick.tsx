// A file chooser with a Vietnamese button (the browser's own button speaks the browser's language) and the
// chosen file's name beside it; the input itself stays in the page for keyboards and screen readers.
import { useId, useRef } from 'react';
import { useT } from '../../i18n';

interface Props {
  label: string;
  accept: string;
  fileName: string | null;
  disabled?: boolean;
  onPick: (file: File | null) => void;
  testId?: string;
}

export function FilePick({ label, accept, fileName, disabled, onPick, testId }: Props) {
  const { t } = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="file-pick">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <input
        ref={ref}
        id={`${id}-file`}
        type="file"
        accept={accept}
        className="visually-hidden"
        disabled={disabled}
        data-testid={testId}
        aria-labelledby={`${id}-label ${id}-choose`}
        onChange={(e) => onPick(e.target.files?.[0] ?? null)}
      />
      <span className="file-pick-row">
        <label htmlFor={`${id}-file`} id={`${id}-choose`} className="btn">
          {t('ed.chooseFile')}
        </label>
        <span className="muted">{fileName ?? t('ed.noFile')}</span>
      </span>
    </div>
  );
}
