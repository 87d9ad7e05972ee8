// Daily demand from All Orders and Amazon Fulfilled Shipments rows (PRODUCT §4.1), deduplicated so
// that re-imports, overlapping reports and the two reports together never count a unit twice.
//
// Rules:
// - A row repeated identically in one file (every field the parser reads, the row number aside)
//   counts once; `identicalDuplicates` counts the extra copies. All Orders has no line key, so
//   re-exports repeat rows; when a line really had two identical items, the shipments report
//   (which has one row per shipped part) restores the true units at merge time.
// - All Orders: two non-identical rows of the same order and SKU are two items of one line; their
//   units add into one DemandRow (key = lineKey).
// - Shipments: each shipped part (shipment id + shipment item id) is one DemandRow; a line shipped
//   in two parts gives two rows with the same lineKey. Two non-identical rows of the same part add.
// - Cancelled (order `status` or `itemStatus` 'Cancelled', any case): units 0, cancelled true —
//   kept even with a blank quantity, so a later import can zero a line that was pending.
// - Excluded (not demand StockPilot can date or attribute): a blank quantity on a line that is not
//   cancelled (blank means unknown, not 0), a blank seller SKU, a blank order id, a blank date.
// - Marketplace: the record's own, else from `sales-channel` (`Amazon.co.uk` → UK), else ''.
// - Merge: later rows with the same key replace earlier ones; a line's units are the sum of its
//   shipped parts when it has any, else the order row's units (0 when cancelled).
// - Revenue (the ABC revenue basis, shared/analysis/revenue.ts): an All Orders row keeps its
//   `item-price`, the line total in the row's `currency`, as `revenueMinor` when the cell has one
//   (Pending rows usually do not; a cancelled line sold nothing and keeps none). Rows stored before
//   prices were kept simply have none. Shipments rows carry no price (their parser reads none).
//   A merged line's revenue is its order row's unit price (item-price ÷ quantity) × the line's
//   merged units, so a repeated row the shipments show was two items counts both.
import { marketplaceFromSalesChannel, toMinorUnits } from './values';
import type { OrderLineRecord, ShipmentLineRecord } from './records';

/** One order line's demand as one report states it. Stored by the app; keys make re-imports idempotent. */
export interface DemandRow {
  /** Identity of this row within its source: orders → orderLineKey; shipments → `${orderLineKey}|${shipmentId}|${shipmentItemId}` (one part of a line). */
  key: string;
  /** `${marketplace}|${orderId}|${sellerSku}` upper-cased codes: the same order line in orders and in shipments has the same lineKey. */
  lineKey: string;
  source: 'orders' | 'shipments';
  /** Two-letter marketplace code (US, DE, JP…) or '' when unknown. */
  marketplace: string;
  orderId: string;
  sellerSku: string;
  asin: string;
  /** YYYY-MM-DD: the purchase date (demand happens when the customer orders); shipments without a purchase date use the shipment date. */
  date: string;
  /** >= 0; cancelled order lines have 0. */
  units: number;
  cancelled: boolean;
  /** Fulfillment channel as written ('Amazon', 'Merchant', …) or ''. */
  channel: string;
  /**
   * All Orders only: `item-price`, the line's total, in whole minor units of `currency`; absent when
   * the cell was blank (Pending), the line was cancelled, the row came from shipments, or it was
   * stored before prices were kept. Optional, so older stored rows read as they are.
   */
  revenueMinor?: number;
  /** ISO code of `revenueMinor` as the row wrote it (upper case; '' when the cell was blank); present with it. */
  currency?: string;
  /**
   * All Orders rows stored since prices are kept: true, with or without a price. Absent on rows stored
   * before, so a line with no price can be told from one that needs importing again.
   */
  pricesKept?: true;
}

export interface DemandRowsResult {
  rows: DemandRow[];
  identicalDuplicates: number;
}

/** Amazon Fulfilled Shipments lists only Amazon-fulfilled lines; 'Amazon' is what All Orders writes for them. */
const SHIPMENTS_CHANNEL = 'Amazon';

function marketplaceOf(marketplace: string | null, salesChannel: string): string {
  return (marketplace ?? marketplaceFromSalesChannel(salesChannel) ?? '').trim().toUpperCase();
}

function lineKeyOf(marketplace: string, orderId: string, sellerSku: string): string {
  return `${marketplace}|${orderId}|${sellerSku}`.toUpperCase();
}

function isCancelled(status: string): boolean {
  return status.trim().toLowerCase() === 'cancelled';
}

/** Every field but the row number, in name order, so identical rows give identical text. */
function signature(record: object): string {
  const fields = Object.entries(record).filter(([name]) => name !== 'row');
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(fields);
}

/**
 * Two items of one line: their prices add (in one currency). An item with no units adds nothing; an
 * item with units and no price (or another currency) leaves the line's revenue unknown.
 */
function addRevenueInto(earlier: DemandRow, later: DemandRow): void {
  if (later.revenueMinor === undefined && later.units === 0) return;
  if (earlier.revenueMinor === undefined && earlier.units === 0) {
    if (later.revenueMinor !== undefined) {
      earlier.revenueMinor = later.revenueMinor;
      earlier.currency = later.currency;
    }
    return;
  }
  if (earlier.revenueMinor !== undefined && later.revenueMinor !== undefined && earlier.currency === later.currency) {
    earlier.revenueMinor += later.revenueMinor;
    return;
  }
  delete earlier.revenueMinor;
  delete earlier.currency;
}

/** Adds a row of the same key into an earlier one: units and prices add, blanks are filled, the earlier date wins. */
function addInto(earlier: DemandRow, later: DemandRow): void {
  addRevenueInto(earlier, later);
  earlier.units += later.units;
  earlier.cancelled = earlier.cancelled && later.cancelled;
  if (later.date < earlier.date) earlier.date = later.date;
  if (earlier.asin === '') earlier.asin = later.asin;
  if (earlier.channel === '') earlier.channel = later.channel;
}

function collect<T extends object>(records: readonly T[], toRow: (record: T) => DemandRow | null): DemandRowsResult {
  const rows = new Map<string, DemandRow>();
  const seen = new Set<string>();
  let identicalDuplicates = 0;
  for (const record of records) {
    const row = toRow(record);
    if (row === null) continue;
    const text = signature(record);
    if (seen.has(text)) {
      identicalDuplicates += 1;
      continue;
    }
    seen.add(text);
    const earlier = rows.get(row.key);
    if (earlier === undefined) rows.set(row.key, row);
    else addInto(earlier, row);
  }
  return { rows: [...rows.values()], identicalDuplicates };
}

/** All Orders rows → one DemandRow per order line (marketplace, order, seller SKU). */
export function demandRowsFromOrders(records: readonly OrderLineRecord[]): DemandRowsResult {
  return collect(records, (record) => {
    const orderId = record.orderId.trim();
    const sellerSku = record.sku.trim();
    const cancelled = isCancelled(record.status) || isCancelled(record.itemStatus);
    if (orderId === '' || sellerSku === '' || record.purchaseDate === '') return null;
    if (record.quantity === null && !cancelled) return null;
    const marketplace = marketplaceOf(record.marketplace, record.salesChannel);
    const lineKey = lineKeyOf(marketplace, orderId, sellerSku);
    const row: DemandRow = {
      key: lineKey,
      lineKey,
      source: 'orders',
      marketplace,
      orderId,
      sellerSku,
      asin: record.asin.trim(),
      date: record.purchaseDate,
      units: cancelled ? 0 : Math.max(0, record.quantity ?? 0),
      cancelled,
      channel: record.fulfillmentChannel.trim(),
      pricesKept: true,
    };
    // Only when there is a price: a row without one keeps the shape rows had before prices were kept.
    if (!cancelled && record.itemPrice !== null && Number.isFinite(record.itemPrice)) {
      const currency = record.currency.trim().toUpperCase();
      row.revenueMinor = toMinorUnits(record.itemPrice, currency);
      row.currency = currency;
    }
    return row;
  });
}

/** Amazon Fulfilled Shipments rows → one DemandRow per shipped part of an order line. */
export function demandRowsFromShipments(records: readonly ShipmentLineRecord[]): DemandRowsResult {
  return collect(records, (record) => {
    const orderId = record.orderId.trim();
    const sellerSku = record.sku.trim();
    const date = record.purchaseDate ?? record.shipmentDate;
    if (orderId === '' || sellerSku === '' || date === '' || record.quantityShipped === null) return null;
    const marketplace = marketplaceOf(record.marketplace, record.salesChannel);
    const lineKey = lineKeyOf(marketplace, orderId, sellerSku);
    return {
      // Shipment ids are case-sensitive (`D7kQ2mX9p`), so they stay as written.
      key: `${lineKey}|${record.shipmentId.trim()}|${record.shipmentItemId.trim()}`,
      lineKey,
      source: 'shipments',
      marketplace,
      orderId,
      sellerSku,
      asin: '',
      date,
      units: Math.max(0, record.quantityShipped),
      cancelled: false,
      channel: SHIPMENTS_CHANNEL,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading: every stored row of every import → units per SKU per marketplace per day

export interface DailyDemand {
  skuId: number;
  marketplace: string;
  day: string;
  units: number;
}

/** One order line after merging its sources. */
export interface DemandLine {
  lineKey: string;
  marketplace: string;
  sellerSku: string;
  asin: string;
  date: string;
  units: number;
  /** Fulfillment channel ('Amazon', 'Merchant', …; '' unknown): shipments are always Amazon's. */
  channel: string;
  /** The line's revenue in minor units of `currency` (its order row's unit price × `units`); absent when no order row states a price. */
  revenueMinor?: number;
  currency?: string;
  /** Its order row was stored since prices are kept (true) or before (false); absent: no order row (shipments only). */
  pricesKept?: boolean;
}

/** Whether an order line was fulfilled by the seller (MFN: 'Merchant'), so FBA stock did not serve it. */
export function isMerchantFulfilled(channel: string): boolean {
  return /^(merchant|mfn)\b/i.test(channel.trim());
}

export interface DemandMerge {
  /** Units per order line after merging sources: shipments (sum of parts) when the line has shipment rows, else the order row's units (0 when cancelled). Later rows with the same key replace earlier ones (pass rows oldest import first). */
  lines: DemandLine[];
}

/** Merges stored rows of every import; rows must come oldest import first so a newer report wins. */
export function mergeDemandRows(rowsOldestFirst: Iterable<DemandRow>): DemandMerge {
  const orderRows = new Map<string, DemandRow>();
  const shipmentRows = new Map<string, DemandRow>();
  for (const row of rowsOldestFirst) (row.source === 'orders' ? orderRows : shipmentRows).set(row.key, row);

  const shipped = new Map<string, DemandLine>();
  for (const row of shipmentRows.values()) {
    const line = shipped.get(row.lineKey);
    if (line === undefined) {
      shipped.set(row.lineKey, { lineKey: row.lineKey, marketplace: row.marketplace, sellerSku: row.sellerSku, asin: row.asin, date: row.date, units: row.units, channel: SHIPMENTS_CHANNEL });
    } else {
      line.units += row.units;
      if (row.date < line.date) line.date = row.date;
    }
  }

  const lines = new Map<string, DemandLine>();
  for (const row of orderRows.values()) {
    const fromShipments = shipped.get(row.lineKey);
    // The order states the purchase date and ASIN; shipments state what actually left the warehouse.
    const line: DemandLine = {
      lineKey: row.lineKey,
      marketplace: row.marketplace,
      sellerSku: row.sellerSku,
      asin: row.asin,
      date: row.date,
      units: fromShipments === undefined ? row.units : fromShipments.units,
      channel: fromShipments === undefined ? row.channel : SHIPMENTS_CHANNEL,
      pricesKept: row.pricesKept === true,
    };
    // The order's price for the units the line counts: its unit price × the shipped units where shipments say.
    if (row.revenueMinor !== undefined && row.currency !== undefined && row.units > 0) {
      line.revenueMinor = line.units === row.units ? row.revenueMinor : (row.revenueMinor / row.units) * line.units;
      line.currency = row.currency;
    }
    lines.set(row.lineKey, line);
  }
  for (const line of shipped.values()) if (!lines.has(line.lineKey)) lines.set(line.lineKey, line);

  const sorted = [...lines.values()].sort((a, b) => compareText(a.date, b.date) || compareText(a.lineKey, b.lineKey));
  return { lines: sorted };
}

export interface ListingComponent {
  skuId: number;
  /** Units of the SKU in one unit of the listing (a 2-pack is 2; a bundle names each component). */
  unitsPerListing: number;
}

export interface UnresolvedDemand {
  marketplace: string;
  sellerSku: string;
  units: number;
}

/**
 * Sums merged lines into units per SKU per marketplace per day. `resolve` maps (marketplace, sellerSku) to a SKU and its units per listing (a 2-pack listing = 2 units), or undefined. Unresolved codes are returned with their total units so the app can list them. Bundles: resolve may return several components ({skuId, unitsPerListing}[]); each component gets units × its unitsPerListing.
 *
 * Lines with 0 units (cancelled) are skipped before resolving: they add no demand, so an unmapped
 * code that was only ever cancelled is not listed. An empty component list counts as unresolved.
 * `days` is sorted by skuId, marketplace, day, without zero-unit days; `unresolved` by marketplace, seller SKU.
 */
export function dailyDemand(
  merge: DemandMerge,
  resolve: (marketplace: string, sellerSku: string) => readonly ListingComponent[] | undefined,
): { days: DailyDemand[]; unresolved: UnresolvedDemand[] } {
  // A few hundred codes over many thousand lines: resolve each code once (seller SKUs are case-insensitive).
  const resolved = new Map<string, readonly ListingComponent[] | undefined>();
  const days = new Map<string, DailyDemand>();
  const unresolved = new Map<string, UnresolvedDemand>();
  for (const line of merge.lines) {
    if (line.units === 0) continue;
    const codeKey = `${line.marketplace}|${line.sellerSku.toUpperCase()}`;
    let components = resolved.get(codeKey);
    if (!resolved.has(codeKey)) {
      components = resolve(line.marketplace, line.sellerSku);
      resolved.set(codeKey, components);
    }
    if (components === undefined || components.length === 0) {
      const entry = unresolved.get(codeKey);
      if (entry === undefined) unresolved.set(codeKey, { marketplace: line.marketplace, sellerSku: line.sellerSku, units: line.units });
      else entry.units += line.units;
      continue;
    }
    for (const component of components) {
      const dayKey = `${component.skuId}|${line.marketplace}|${line.date}`;
      const units = line.units * component.unitsPerListing;
      const entry = days.get(dayKey);
      if (entry === undefined) days.set(dayKey, { skuId: component.skuId, marketplace: line.marketplace, day: line.date, units });
      else entry.units += units;
    }
  }
  return {
    days: [...days.values()]
      .filter((d) => d.units !== 0)
      .sort((a, b) => a.skuId - b.skuId || compareText(a.marketplace, b.marketplace) || compareText(a.day, b.day)),
    unresolved: [...unresolved.values()].sort((a, b) => compareText(a.marketplace, b.marketplace) || compareText(a.sellerSku, b.sellerSku)),
  };
}

/** Code-point order: deterministic whatever the runtime's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
