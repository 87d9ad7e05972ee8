// Type a SKU code (or pick one from the suggestions); the caller resolves the code when submitting.
import { useId } from 'react';
import type { SkuRecord } from '../db';

export function SkuPicker({ id, name, value, onChange, skus }: { id: string; name: string; value: string; onChange: (code: string) => void; skus: readonly SkuRecord[] }) {
  const listId = useId();
  return (
    <>
      <input id={id} name={name} list={listId} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {skus
          .filter((s) => !s.archived)
          .map((s) => (
            <option key={s.id} value={s.code}>
              {s.name}
            </option>
          ))}
      </datalist>
    </>
  );
}

/** The id of the SKU whose code matches the text (case-insensitive), or 0. */
export function skuIdForCode(skus: readonly SkuRecord[], code: string): number {
  const key = code.trim().toUpperCase();
  return skus.find((s) => s.codeKey === key)?.id ?? 0;
}
