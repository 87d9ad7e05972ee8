// Revenue per SKU over the ABC window, for PRODUCT §6's revenue basis: the item prices of imported
// order lines (All Orders `item-price`, the line total in the row's currency; shared/import/demand.ts
// keeps it and merges the lines, the newest import winning per order line), converted into the base
// currency with the seller's manual exchange rates, the rate dated on or before the order date
// (rateOnOrNull, as receipts are valued). Lines that cannot be counted are not dropped silently:
// each is counted under the first thing it lacks (a SKU, a price, a rate), so the screen can say so.
import { isoFromDay } from '../dates';
import type { ExchangeRate } from '../model';
import type { DemandLine, ListingComponent } from '../import/demand';
import { convertMinor, rateOnOrNull } from '../purchasing/exchangeRates';

export interface RevenueWindow {
  /** First and last day (day numbers, both inclusive) of the ABC window: the 12 months ending with the period. */
  fromDay: number;
  toDay: number;
}

export interface RevenueContext {
  /** The SKUs one unit of a listing sold draws down (sellerSkuComponents): a bundle's components, else its one SKU; undefined when unmapped. */
  resolve: (marketplace: string, sellerSku: string) => readonly ListingComponent[] | undefined;
  rates: readonly ExchangeRate[];
  baseCurrency: string;
  /** A SKU's unit cost in minor units of the base currency; NaN (or ≤ 0) when unknown. Splits a bundle's revenue. */
  unitCostBaseMinor: (skuId: number) => number;
}

export interface RevenueGaps {
  /** Lines in the window with units sold whose revenue was counted. */
  pricedLines: number;
  /** Lines in the window with units but no price (a Pending order, a line known only from the shipments report). */
  noPriceLines: number;
  /** Lines in the window whose order row was stored before prices were kept: importing All Orders again for their months gives their price. */
  storedBeforePricesLines: number;
  /** Lines with a price in a currency with no exchange rate on or before their order date, per currency (code order; '' = the row named none). */
  noRate: { currency: string; lines: number }[];
  /** Lines whose seller SKU maps to no SKU of the catalog. */
  unmappedLines: number;
  /** Whether any stored order line, of any date, has a price: without one the revenue basis needs an All Orders import. */
  anyPrice: boolean;
}

export interface SkuRevenue {
  /** Per SKU of `skuIds`, its revenue over the window in whole minor units of the base currency. */
  revenueMinor: Float64Array;
  gaps: RevenueGaps;
}

/**
 * How a listing's revenue splits over the SKUs it draws down. A single SKU (a multi-pack too) takes
 * it all. A bundle splits it by each component's share of the bundle's cost (units per bundle × unit
 * cost), the value the seller put into it; when any component's cost is unknown, by units instead
 * (demand explodes by units, dailyDemand).
 */
export function revenueShares(components: readonly ListingComponent[], unitCostBaseMinor: (skuId: number) => number): number[] {
  if (components.length === 1) return [1];
  const costs = components.map((c) => c.unitsPerListing * unitCostBaseMinor(c.skuId));
  const byCost = costs.every((cost) => Number.isFinite(cost) && cost > 0);
  const weights = byCost ? costs : components.map((c) => c.unitsPerListing);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 1 / components.length));
}

/**
 * Revenue per SKU of `skuIds` from merged order lines dated in the window. Cancelled lines (0 units)
 * sold nothing and are no gap. Merchant-fulfilled lines count: revenue is the SKU's sales whoever
 * shipped them. A SKU not in `skuIds` (never in the catalog) takes nothing.
 */
export function skuRevenue(lines: readonly DemandLine[], skuIds: ArrayLike<number>, window: RevenueWindow, context: RevenueContext): SkuRevenue {
  const n = skuIds.length;
  const slot = new Map<number, number>();
  for (let s = 0; s < n; s++) slot.set(skuIds[s]!, s);
  const revenue = new Float64Array(n);
  const from = isoFromDay(window.fromDay);
  const to = isoFromDay(window.toDay);
  const gaps: RevenueGaps = { pricedLines: 0, noPriceLines: 0, storedBeforePricesLines: 0, noRate: [], unmappedLines: 0, anyPrice: false };
  const noRate = new Map<string, number>();
  // A few hundred codes and currencies over many thousand lines: each looked up once.
  const sharesOf = new Map<string, { components: readonly ListingComponent[]; shares: number[] } | null>();
  const rateOf = new Map<string, number | null>();
  for (const line of lines) {
    if (line.revenueMinor !== undefined) gaps.anyPrice = true;
    if (line.units <= 0 || line.date < from || line.date > to) continue;
    const codeKey = `${line.marketplace}|${line.sellerSku.toUpperCase()}`;
    let split = sharesOf.get(codeKey);
    if (split === undefined) {
      const components = context.resolve(line.marketplace, line.sellerSku);
      split = components === undefined || components.length === 0 ? null : { components, shares: revenueShares(components, context.unitCostBaseMinor) };
      sharesOf.set(codeKey, split);
    }
    if (split === null) {
      gaps.unmappedLines += 1;
      continue;
    }
    if (line.revenueMinor === undefined) {
      if (line.pricesKept === false) gaps.storedBeforePricesLines += 1;
      else gaps.noPriceLines += 1;
      continue;
    }
    const currency = line.currency ?? '';
    const rateKey = `${currency}|${line.date}`;
    let rate = rateOf.get(rateKey);
    if (rate === undefined) {
      rate = rateOnOrNull(context.rates, currency, line.date, context.baseCurrency);
      rateOf.set(rateKey, rate);
    }
    if (rate === null || !(rate > 0)) {
      noRate.set(currency, (noRate.get(currency) ?? 0) + 1);
      continue;
    }
    const inBase = currency === context.baseCurrency ? line.revenueMinor : convertMinor(line.revenueMinor, currency, rate, context.baseCurrency);
    gaps.pricedLines += 1;
    split.components.forEach((component, k) => {
      const s = slot.get(component.skuId);
      if (s !== undefined) revenue[s] = revenue[s]! + inBase * split.shares[k]!;
    });
  }
  // Whole minor units, as every money figure of the analysis.
  for (let s = 0; s < n; s++) revenue[s] = Math.round(revenue[s]!);
  gaps.noRate = [...noRate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, count]) => ({ currency, lines: count }));
  return { revenueMinor: revenue, gaps };
}
