// Small form pieces: a labelled field and a status line that announces results to screen readers.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { COMMON_CURRENCIES } from '../../shared/money';

/** A labelled control: `children` renders it with the id the label points at, and the hint's id to describe it by (undefined: no hint). */
export function Field({ label, children, hint }: { label: string; hint?: string; children: (id: string, hintId: string | undefined) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hint ? hintId : undefined)}
      {hint ? (
        <small className="field__hint" id={hintId}>
          {hint}
        </small>
      ) : null}
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

/** Units typed in a receiving form: blank is 0; anything but a whole number ≥ 0 is null. */
export function wholeUnits(text: string): number | null {
  const trimmed = text.trim();
  const n = trimmed === '' ? 0 : Number(trimmed);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The options of a currency select: the current one first (it may be one the list lacks), then the common ones. */
export function CurrencyOptions({ current }: { current: string }) {
  return (
    <>
      {[...new Set([current, ...COMMON_CURRENCIES])].map((c) => (
        <option key={c}>{c}</option>
      ))}
    </>
  );
}
