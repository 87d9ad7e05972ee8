// Small form pieces: a labelled field and a status line that announces results to screen readers.
import { useId } from 'react';
import type { ReactNode } from 'react';

export function Field({ label, children, hint }: { label: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="field__hint">{hint}</small> : null}
    </div>
  );
}

export type Status = { kind: 'ok' | 'error'; text: string } | null;

export function StatusLine({ status }: { status: Status }) {
  if (!status) return <div className="status" aria-live="polite" />;
  return (
    <div className={`status status--${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid={`status-${status.kind}`}>
      {status.text}
    </div>
  );
}
