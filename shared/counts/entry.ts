// Count entry (PRODUCT §5): a counter types or scans a code, then the quantity. Codes resolve like a
// warehouse reads labels: the seller's SKU code, the catalog barcode, the FNSKU, a seller SKU, the
// ASIN. A code that resolves to nothing is kept and flagged, never dropped.
import { parseWholeNumber, requiredText } from '../catalog/fields';

export interface CodeSources {
  skus: readonly { id: number; code: string; barcode: string }[];
  listings: readonly { skuId: number; fnsku: string; sellerSku: string; asin: string }[];
}

/** Uppercase code → SKU id; a platform code that names two different SKUs maps to neither (null). */
export type CodeIndex = Map<string, number | null>;

export function buildCodeIndex({ skus, listings }: CodeSources): CodeIndex {
  const index: CodeIndex = new Map();
  // Lower priority first: a later, stronger kind of code overwrites a weaker one.
  const add = (code: string, skuId: number, strong: boolean) => {
    const key = code.trim().toUpperCase();
    if (key === '') return;
    const before = index.get(key);
    if (strong || before === undefined) index.set(key, skuId);
    else if (before !== skuId) index.set(key, null);
  };
  for (const l of listings) add(l.asin, l.skuId, false);
  for (const l of listings) add(l.sellerSku, l.skuId, false);
  for (const l of listings) add(l.fnsku, l.skuId, false);
  for (const s of skus) add(s.barcode, s.id, false);
  for (const s of skus) add(s.code, s.id, true);
  return index;
}

/** The SKU a typed or scanned code names, or null (unknown or ambiguous). */
export function resolveCountCode(index: CodeIndex, code: string): number | null {
  return index.get(code.trim().toUpperCase()) ?? null;
}

/** A scanned code as stored: trimmed (a scanner's trailing CR or tab goes), at most 60 characters. */
export function parseCountCode(text: string): string {
  return requiredText('countCode', text, 60);
}

/** A counted quantity: a whole number ≥ 0 (`1,200` is twelve hundred). The message names the field and the value. */
export function parseCountedQty(text: string): number {
  // + 0: "-0" counts as 0 units, not negative zero.
  return parseWholeNumber('countedQty', text, 0) + 0;
}

/** A counter's name on a sheet: required, so several sheets can be told apart. */
export function parseCounter(text: string): string {
  return requiredText('counter', text, 60);
}
