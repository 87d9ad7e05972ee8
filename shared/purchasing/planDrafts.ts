// What a purchase order drafted from the replenishment plan pays per unit. A SKU's cost is kept in
// its own currency, which need not be the currency its supplier invoices in.
import type { ExchangeRate, IsoDate, PurchaseOrder, Sku, Supplier } from '../model';
import { convertMinor, rateOnOrNull } from './exchangeRates';

/** Where a drafted line's unit cost came from; `none` means there is no honest price to put on it. */
export type PlanLineCost = { source: 'sku' | 'converted' | 'lastOrder'; unitCostMinor: number } | { source: 'none' };

export interface PlanLineCostContext {
  supplier: Pick<Supplier, 'id' | 'currency'>;
  /** The plan date: rates dated after it are not used. */
  date: IsoDate;
  rates: readonly ExchangeRate[];
  baseCurrency: string;
  purchaseOrders: readonly PurchaseOrder[];
}

/**
 * The unit cost of `sku` on a draft for the supplier, in the supplier's currency:
 * 1. the SKU's cost when it is kept in that currency;
 * 2. else the SKU's cost converted through the base currency with the rates stored on or before the plan date;
 * 3. else (no rate) the SKU's price on the supplier's latest PO in its currency that was sent to it — what
 *    the supplier last charged, which the seller reviews before sending the draft;
 * 4. else none: no price is invented (a 0 would value the receipt at nothing), the caller leaves the supplier out.
 */
export function planLineUnitCost(sku: Pick<Sku, 'id' | 'unitCostMinor' | 'costCurrency'>, context: PlanLineCostContext): PlanLineCost {
  const { supplier, date, rates, baseCurrency } = context;
  if (sku.costCurrency === supplier.currency) return { source: 'sku', unitCostMinor: sku.unitCostMinor };
  const fromRate = rateOnOrNull(rates, sku.costCurrency, date, baseCurrency);
  const toRate = rateOnOrNull(rates, supplier.currency, date, baseCurrency);
  if (fromRate !== null && toRate !== null) return { source: 'converted', unitCostMinor: convertMinor(sku.unitCostMinor, sku.costCurrency, fromRate / toRate, supplier.currency) };
  let latest: { po: PurchaseOrder; unitCostMinor: number } | null = null;
  for (const po of context.purchaseOrders) {
    // Drafts were never seen by the supplier and cancelled orders may carry a refused price.
    if (po.supplierId !== supplier.id || po.currency !== supplier.currency || po.status === 'draft' || po.status === 'cancelled') continue;
    const line = po.lines.find((l) => l.skuId === sku.id);
    if (!line) continue;
    if (latest === null || po.orderDate > latest.po.orderDate || (po.orderDate === latest.po.orderDate && po.id > latest.po.id)) latest = { po, unitCostMinor: line.unitCostMinor };
  }
  return latest === null ? { source: 'none' } : { source: 'lastOrder', unitCostMinor: latest.unitCostMinor };
}
