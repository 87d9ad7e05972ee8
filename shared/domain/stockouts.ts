// Stockout days (PRODUCT §4.1): days on which a SKU had no available stock at the selling location.
// They are left out when the demand rate is estimated, so a stockout does not teach the forecast
// that demand fell. Amazon's ledger summary gives, per day, the sellable units it held at the end of
// the day: a day ending with none sellable is a stockout day.
import type { LedgerSummaryRow } from '../import/stored';
import { summaryMarketplace } from '../import/stored';

export interface SummaryTarget {
  skuId: number;
  unitsPerListing: number;
}

/**
 * Stockout days per SKU and marketplace from ledger summary rows (daily buckets). Sellable units of
 * every listing of the SKU in the marketplace are added up (× units per listing) before the test,
 * so a SKU sold under two FNSKUs is out of stock only when both are. Rows whose code maps to no SKU
 * are ignored; blank ending balances are unknown and make no stockout.
 * Returns `${skuId}|${marketplace}` → sorted YYYY-MM-DD days.
 */
export function stockoutDaysFromSummary(
  rows: Iterable<Pick<LedgerSummaryRow, 'date' | 'fnsku' | 'msku' | 'disposition' | 'location' | 'endingBalance'>>,
  resolve: (marketplace: string, fnsku: string, msku: string) => SummaryTarget | undefined,
): Map<string, string[]> {
  const sellable = new Map<string, number>();
  for (const row of rows) {
    if (row.endingBalance === null) continue;
    const disposition = row.disposition.trim().toUpperCase();
    if (disposition !== 'SELLABLE' && disposition !== '') continue;
    const marketplace = summaryMarketplace(row.location);
    const target = resolve(marketplace, row.fnsku.trim(), row.msku.trim());
    if (!target) continue;
    const key = `${target.skuId}|${marketplace}|${row.date}`;
    sellable.set(key, (sellable.get(key) ?? 0) + row.endingBalance * target.unitsPerListing);
  }
  const days = new Map<string, string[]>();
  for (const [key, units] of sellable) {
    if (units > 0) continue;
    const cut = key.lastIndexOf('|');
    const series = key.slice(0, cut);
    days.set(series, [...(days.get(series) ?? []), key.slice(cut + 1)]);
  }
  for (const list of days.values()) list.sort();
  return days;
}
