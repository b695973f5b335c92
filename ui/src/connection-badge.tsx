// The calm connection indicator every app shows: a small dot and a word, never a flashing alarm.
export type ConnectionState = 'connecting' | 'online' | 'offline';

interface Props {
  state: ConnectionState;
  labels: Record<ConnectionState, string>;
  className?: string;
}

const COLORS: Record<ConnectionState, string> = {
  connecting: 'var(--c-warn)',
  online: 'var(--c-ok)',
  offline: 'var(--c-danger)',
};

export function ConnectionBadge({ state, labels, className }: Props) {
  return (
    <span
      className={className}
      role="status"
      aria-live="polite"
      data-connection={state}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 'var(--space-2)', fontSize: 'var(--fs-sm)' }}
    >
      <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: '50%', background: COLORS[state], display: 'inline-block' }} />
      {labels[state]}
    </span>
  );
}
