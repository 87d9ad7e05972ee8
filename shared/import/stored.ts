// Report rows StockPilot keeps (everything that is not a ledger movement): stock snapshots, the
// ledger summary, lost/damaged adjustments, returns, Amazon's restock advice and business report
// traffic. Each row has a key; rows are stored per import batch, and reading takes, for each scope
// and key, the row of the latest batch. Re-importing the same rows therefore writes nothing, an
// overlapping report adds only what is new or changed, and undoing a batch brings back what it
// replaced.
import type {
  BusinessReportRecord,
  CustomerReturnRecord,
  InventorySnapshotRecord,
  LedgerEventRecord,
  LedgerSummaryRecord,
  ReservedInventoryRecord,
  RestockRecord,
} from './records';
import type { AdjustmentEvent } from '../reconcile/claims';

/** What kind of rows a stored chunk holds. Demand rows come from shared/import/demand.ts. */
export type StoredKind = 'demand' | 'snapshot' | 'reserved' | 'ledgerSummary' | 'adjustments' | 'returns' | 'restock' | 'business';

export interface KeyedRow {
  key: string;
}

export type SnapshotCodeType = 'fnsku' | 'sellerSku' | 'sku' | 'asin';

/** One SKU line of a stock snapshot (Manage FBA Inventory, planning, or a 3PL / domestic stock file). */
export interface SnapshotRow extends KeyedRow {
  codeType: SnapshotCodeType;
  code: string;
  sellerSku: string;
  fnsku: string;
  asin: string;
  title: string;
  fulfillable: number | null;
  reserved: number | null;
  unsellable: number | null;
  researching: number | null;
  inbound: number | null;
  unitCostMinor: number | null;
}

export interface ReservedRow extends KeyedRow {
  sellerSku: string;
  fnsku: string;
  asin: string;
  reserved: number | null;
  customerOrders: number | null;
  fcTransfers: number | null;
  fcProcessing: number | null;
}

export type LedgerSummaryRow = KeyedRow & Omit<LedgerSummaryRecord, 'type' | 'row'>;
export type ReturnRow = KeyedRow & Omit<CustomerReturnRecord, 'type' | 'row'>;
export type RestockRow = KeyedRow & Omit<RestockRecord, 'type' | 'row'>;
export type BusinessRow = KeyedRow & Omit<BusinessReportRecord, 'type' | 'row'>;

/** A ledger detail Adjustments event (lost, found, damaged), kept for claims: the shape claims read. */
export type AdjustmentRow = AdjustmentEvent;

const upper = (text: string) => text.trim().toUpperCase();

function strip<T extends { type: string; row: number }>(record: T): Omit<T, 'type' | 'row'> {
  const { type: _type, row: _row, ...rest } = record;
  return rest;
}

/**
 * Rows of a snapshot: one per code and condition. The same code twice (Manage FBA Inventory lists
 * a SKU once per condition; some exports repeat lines) adds up, since both lines are stock.
 */
export function snapshotRowsFromInventory(records: readonly InventorySnapshotRecord[]): SnapshotRow[] {
  const rows = new Map<string, SnapshotRow>();
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  for (const r of records) {
    const codeType: SnapshotCodeType = r.fnsku.trim() ? 'fnsku' : r.sku.trim() ? 'sellerSku' : 'asin';
    const code = upper(codeType === 'fnsku' ? r.fnsku : codeType === 'sellerSku' ? r.sku : r.asin);
    if (!code) continue;
    const inbound = r.inboundWorking === null && r.inboundShipped === null && r.inboundReceiving === null ? null : (r.inboundWorking ?? 0) + (r.inboundShipped ?? 0) + (r.inboundReceiving ?? 0);
    const key = `${codeType}:${code}|${upper(r.condition)}`;
    const row: SnapshotRow = {
      key,
      codeType,
      code,
      sellerSku: r.sku.trim(),
      fnsku: r.fnsku.trim(),
      asin: r.asin.trim(),
      title: r.title,
      fulfillable: r.fulfillable,
      reserved: r.reserved,
      unsellable: r.unsellable,
      researching: r.researching,
      inbound,
      unitCostMinor: null,
    };
    const before = rows.get(key);
    if (!before) rows.set(key, row);
    else {
      before.fulfillable = add(before.fulfillable, row.fulfillable);
      before.reserved = add(before.reserved, row.reserved);
      before.unsellable = add(before.unsellable, row.unsellable);
      before.researching = add(before.researching, row.researching);
      before.inbound = add(before.inbound, row.inbound);
    }
  }
  return [...rows.values()];
}

export function reservedRows(records: readonly ReservedInventoryRecord[]): ReservedRow[] {
  const rows = new Map<string, ReservedRow>();
  for (const r of records) {
    const key = r.fnsku.trim() ? `fnsku:${upper(r.fnsku)}` : `sellerSku:${upper(r.sku)}`;
    rows.set(key, { key, sellerSku: r.sku.trim(), fnsku: r.fnsku.trim(), asin: r.asin.trim(), reserved: r.reserved, customerOrders: r.customerOrders, fcTransfers: r.fcTransfers, fcProcessing: r.fcProcessing });
  }
  return [...rows.values()];
}

export function ledgerSummaryRows(records: readonly LedgerSummaryRecord[]): LedgerSummaryRow[] {
  const rows = new Map<string, LedgerSummaryRow>();
  for (const r of records) {
    const key = [r.date, upper(r.fnsku), upper(r.msku), upper(r.disposition), upper(r.location)].join('|');
    rows.set(key, { key, ...strip(r) });
  }
  return [...rows.values()];
}

/** The marketplace a ledger summary row's `Location` names (a country code, or an FC code when aggregated by FC). */
export function summaryMarketplace(location: string): string {
  const code = upper(location);
  return code === 'GB' ? 'UK' : code;
}

/**
 * The ledger summary as one snapshot per marketplace, on its latest day: for each FNSKU and
 * disposition, the ending balance of its latest row on or before that day (a code without a row on
 * the last day keeps its last known balance). Sellable units count as fulfillable, every other
 * disposition as unsellable. Amazon's ending balance is what it holds in its warehouses, so it
 * compares directly with StockPilot's FBA balance.
 */
export function snapshotsFromLedgerSummary(rows: readonly LedgerSummaryRow[]): { marketplace: string; date: string; rows: SnapshotRow[] }[] {
  const latest = new Map<string, LedgerSummaryRow>();
  const lastDay = new Map<string, string>();
  for (const r of rows) {
    if (r.endingBalance === null) continue;
    const marketplace = summaryMarketplace(r.location);
    const key = [marketplace, upper(r.fnsku), upper(r.msku), upper(r.disposition)].join('|');
    const before = latest.get(key);
    if (!before || r.date > before.date) latest.set(key, r);
    if (r.date > (lastDay.get(marketplace) ?? '')) lastDay.set(marketplace, r.date);
  }
  const groups = new Map<string, Map<string, SnapshotRow>>();
  for (const r of latest.values()) {
    const marketplace = summaryMarketplace(r.location);
    let group = groups.get(marketplace);
    if (!group) groups.set(marketplace, (group = new Map()));
    const codeType: SnapshotCodeType = r.fnsku.trim() ? 'fnsku' : 'sellerSku';
    const code = upper(codeType === 'fnsku' ? r.fnsku : r.msku);
    const key = `${codeType}:${code}|`;
    let row = group.get(key);
    if (!row) {
      row = { key, codeType, code, sellerSku: r.msku.trim(), fnsku: r.fnsku.trim(), asin: r.asin.trim(), title: r.title, fulfillable: 0, reserved: null, unsellable: 0, researching: null, inbound: null, unitCostMinor: null };
      group.set(key, row);
    }
    const ending = r.endingBalance ?? 0;
    if (upper(r.disposition) === 'SELLABLE' || r.disposition.trim() === '') row.fulfillable = (row.fulfillable ?? 0) + ending;
    else row.unsellable = (row.unsellable ?? 0) + ending;
  }
  return [...groups].map(([marketplace, group]) => ({ marketplace, date: lastDay.get(marketplace)!, rows: [...group.values()] }));
}

/** Identity of a ledger detail event apart from Amazon's reconciliation columns, which change over time. */
export function adjustmentKey(r: Pick<LedgerEventRecord, 'date' | 'dateTime' | 'fnsku' | 'msku' | 'country' | 'quantity' | 'referenceId' | 'fulfillmentCenter' | 'disposition' | 'reason'>): string {
  return [r.date, r.dateTime ?? '', upper(r.fnsku), upper(r.msku), upper(r.country), r.quantity, r.referenceId, r.fulfillmentCenter, r.disposition, r.reason].join('|');
}

const OTHER_EVENT_TYPES: ReadonlySet<string> = new Set(['Shipments', 'Receipts', 'CustomerReturns', 'WhseTransfers', 'VendorReturns']);

export function adjustmentRow(r: LedgerEventRecord): AdjustmentRow | null {
  // Event types are shared strings: the exact tests settle almost every row without trimming.
  const type = r.eventType;
  if (type !== 'Adjustments' && (OTHER_EVENT_TYPES.has(type) || type.trim().toLowerCase() !== 'adjustments')) return null;
  return {
    key: adjustmentKey(r),
    date: r.date,
    fnsku: r.fnsku.trim(),
    msku: r.msku.trim(),
    marketplace: summaryMarketplace(r.country),
    quantity: r.quantity,
    reason: r.reason.trim(),
    disposition: r.disposition.trim(),
    fulfillmentCenter: r.fulfillmentCenter.trim(),
    referenceId: r.referenceId.trim(),
    reconciledQuantity: r.reconciledQuantity,
    unreconciledQuantity: r.unreconciledQuantity,
  };
}

export function returnRows(records: readonly CustomerReturnRecord[]): ReturnRow[] {
  const rows = new Map<string, ReturnRow>();
  for (const r of records) {
    // The license plate number (LPN) identifies a returned unit; without it, the row's own values do.
    const key = r.lpn.trim() ? `lpn:${upper(r.lpn)}` : [r.returnDate, r.orderId, upper(r.sku), upper(r.fnsku), r.quantity, r.fulfillmentCenter, r.disposition, r.reason, r.status].join('|');
    rows.set(key, { key, ...strip(r) });
  }
  return [...rows.values()];
}

export function restockRows(records: readonly RestockRecord[]): RestockRow[] {
  const rows = new Map<string, RestockRow>();
  for (const r of records) {
    const key = `${upper(r.country)}|${upper(r.sku)}|${upper(r.fnsku)}`;
    rows.set(key, { key, ...strip(r) });
  }
  return [...rows.values()];
}

export function businessRows(records: readonly BusinessReportRecord[]): BusinessRow[] {
  const rows = new Map<string, BusinessRow>();
  for (const r of records) {
    const key = `${upper(r.childAsin)}|${upper(r.sku ?? '')}`;
    rows.set(key, { key, ...strip(r) });
  }
  return [...rows.values()];
}

export interface RowDiff<T extends KeyedRow> {
  /** Rows to store: new keys, and keys whose values changed (they replace the earlier row). */
  fresh: T[];
  added: number;
  changed: number;
  unchanged: number;
}

/** Compares incoming rows with what is stored (key → the stored row's JSON) for one scope. */
export function diffRows<T extends KeyedRow>(stored: ReadonlyMap<string, string>, incoming: readonly T[]): RowDiff<T> {
  const diff: RowDiff<T> = { fresh: [], added: 0, changed: 0, unchanged: 0 };
  for (const row of incoming) {
    const before = stored.get(row.key);
    if (before === undefined) {
      diff.added++;
      diff.fresh.push(row);
    } else if (before !== JSON.stringify(row)) {
      diff.changed++;
      diff.fresh.push(row);
    } else diff.unchanged++;
  }
  return diff;
}
