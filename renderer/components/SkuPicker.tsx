// Type a SKU code (or pick one of the suggestions); the caller resolves the code when submitting.
// Suggestions are the first matches of what is typed, so 10,000 SKUs never become 10,000 options.
import { useDeferredValue, useId, useMemo } from 'react';
import type { SkuRecord } from '../db';

const MAX_SUGGESTIONS = 30;

export function SkuPicker({ id, name, value, onChange, skus }: { id: string; name: string; value: string; onChange: (code: string) => void; skus: readonly SkuRecord[] }) {
  const listId = useId();
  const typed = useDeferredValue(value.trim().toUpperCase());
  const suggestions = useMemo(() => {
    if (typed === '') return [];
    const matches: SkuRecord[] = [];
    for (const sku of skus) {
      if (sku.archived) continue;
      if (sku.codeKey.includes(typed) || sku.name.toUpperCase().includes(typed)) matches.push(sku);
      if (matches.length === MAX_SUGGESTIONS) break;
    }
    return matches;
  }, [skus, typed]);
  return (
    <>
      <input id={id} name={name} list={listId} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {suggestions.map((s) => (
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
