import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

interface Props {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Render prop gets the id and the aria attributes to spread on the control. */
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactElement;
  extra?: ReactNode;
}

/** A labelled form control with its error shown next to it and announced to screen readers. */
export function Field({ label, error, hint, children, extra }: Props) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <span id={errId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      {extra}
    </div>
  );
}
