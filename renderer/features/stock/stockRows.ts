// Pivots per-location balances into one row per SKU: a column per location, transit and totals.
import type { StockBalance } from '../../../shared/ledger';

export interface StockRow {
  skuId: number;
  byLocation: Map<number, number>;
  inTransitQty: number;
  totalQty: number;
  valueMinor: number;
}

export function pivotStock(balances: readonly StockBalance[], transitLocationIds: ReadonlySet<number>): StockRow[] {
  const rows = new Map<number, StockRow>();
  for (const balance of balances) {
    let row = rows.get(balance.skuId);
    if (!row) rows.set(balance.skuId, (row = { skuId: balance.skuId, byLocation: new Map(), inTransitQty: 0, totalQty: 0, valueMinor: 0 }));
    if (transitLocationIds.has(balance.locationId)) row.inTransitQty += balance.qty;
    else row.byLocation.set(balance.locationId, (row.byLocation.get(balance.locationId) ?? 0) + balance.qty);
    row.totalQty += balance.qty;
    row.valueMinor += balance.valueMinor;
  }
  return [...rows.values()];
}
