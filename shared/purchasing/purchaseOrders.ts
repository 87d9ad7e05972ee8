// Purchase orders (PRODUCT §3): the draft form, the status machine, and what a receipt posts.
//
//   draft ─send→ sent ─receive→ partially_received ─receive the rest / close short→ received
//   (a receipt that completes every line goes straight from sent to received)
//   draft or sent ─cancel→ cancelled, only while nothing has been received
//
// A draft is not received implicitly: receiving it is refused until it is sent, so a PO the
// supplier never saw cannot show goods. A PO with receipts is never cancelled (the goods are in the
// ledger); it is closed short instead, which records the units still open.
import { DomainError, purchasingError } from '../errors';
import type { IsoDate, MovementInput, PurchaseOrder, PurchaseOrderLine } from '../model';
import { isIsoDate } from '../dates';
import { optionalText, parseCurrency, parseDate, parseWholeNumber, requiredText } from '../catalog/fields';
import { convertMinor } from './exchangeRates';
import { isWholeAtLeast, onLine, parseUnitCost, requireNotBefore } from './fields';

export interface PurchaseOrderLineDraft {
  skuId: number;
  qty: string;
  unitCost: string;
}

export interface PurchaseOrderDraft {
  number: string;
  supplierId: number;
  orderDate: string;
  expectedDate: string;
  currency: string;
  locationId: number;
  note: string;
  lines: PurchaseOrderLineDraft[];
}

/**
 * Parses the PO form. Entirely blank lines are ignored; any other line needs a SKU, a whole
 * quantity ≥ 1 and a unit cost ≥ 0 in the PO currency. Errors on a line carry `line` (1-based, as
 * the seller sees the rows). Kept lines get lineIds 1..n.
 */
export function parsePurchaseOrderDraft(draft: PurchaseOrderDraft): Omit<PurchaseOrder, 'id' | 'status' | 'receipts'> {
  const number = requiredText('number', draft.number, 40);
  if (!(draft.supplierId > 0)) throw new DomainError('field.required', { field: 'supplier' });
  if (!(draft.locationId > 0)) throw new DomainError('field.required', { field: 'location' });
  const currency = parseCurrency('currency', draft.currency);
  const orderDate = parseDate('orderDate', draft.orderDate);
  const expectedDate = parseDate('expectedDate', draft.expectedDate);
  requireNotBefore('expectedDate', expectedDate, orderDate);
  const lines: PurchaseOrderLine[] = [];
  draft.lines.forEach((line, index) => {
    const row = index + 1;
    const blank = !(line.skuId > 0) && line.qty.trim() === '' && line.unitCost.trim() === '';
    if (blank) return;
    if (!(line.skuId > 0)) throw purchasingError('purchase.lineNoSku', { line: row });
    const qty = onLine(row, () => parseWholeNumber('qty', line.qty, 1));
    const unitCostMinor = onLine(row, () => parseUnitCost('unitCost', line.unitCost, currency));
    lines.push({ lineId: lines.length + 1, skuId: line.skuId, qty, unitCostMinor });
  });
  if (lines.length === 0) throw new DomainError('field.required', { field: 'lines' });
  return {
    number,
    supplierId: draft.supplierId,
    orderDate,
    expectedDate,
    currency,
    locationId: draft.locationId,
    lines,
    note: optionalText('note', draft.note, 500),
  };
}

function isClosed(po: PurchaseOrder): boolean {
  return po.status === 'received' || po.status === 'cancelled';
}

/** draft → sent. */
export function sendPurchaseOrder(po: PurchaseOrder): PurchaseOrder {
  if (isClosed(po)) throw purchasingError('purchase.closed', { number: po.number });
  if (po.status !== 'draft') throw purchasingError('purchase.cannotSend', { number: po.number });
  return { ...po, status: 'sent' };
}

/** draft or sent → cancelled; refused once anything was received (close it short instead). */
export function cancelPurchaseOrder(po: PurchaseOrder): PurchaseOrder {
  if (isClosed(po)) throw purchasingError('purchase.closed', { number: po.number });
  if (po.receipts.length > 0 || po.status === 'partially_received') throw purchasingError('purchase.hasReceipts', { number: po.number });
  return { ...po, status: 'cancelled' };
}

function lineOf(po: PurchaseOrder, lineId: number): PurchaseOrderLine {
  const line = po.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) throw purchasingError('purchase.unknownLine', { number: po.number, line: lineId });
  return line;
}

/** Units received on a line over all receipts (over-receipts included). */
export function receivedQty(po: PurchaseOrder, lineId: number): number {
  lineOf(po, lineId);
  let total = 0;
  for (const receipt of po.receipts) {
    for (const line of receipt.lines) if (line.lineId === lineId) total += line.qty;
  }
  return total;
}

/** Units of a line still to come: ordered − received, never below 0; 0 once the PO is closed. */
export function openQty(po: PurchaseOrder, lineId: number): number {
  const line = lineOf(po, lineId);
  if (isClosed(po)) return 0;
  return Math.max(0, line.qty - receivedQty(po, lineId));
}

/** Lines received beyond their ordered quantity, with the units over. */
export function overReceived(po: PurchaseOrder): { lineId: number; qty: number }[] {
  return po.lines.flatMap((line) => {
    const over = receivedQty(po, line.lineId) - line.qty;
    return over > 0 ? [{ lineId: line.lineId, qty: over }] : [];
  });
}

/** The order's value in minor units of its own currency: each line rounded to whole minor units, as on an invoice. */
export function poTotalMinor(po: PurchaseOrder): number {
  return po.lines.reduce((total, line) => total + Math.round(line.qty * line.unitCostMinor), 0);
}

export interface PurchaseReceiptInput {
  date: IsoDate;
  lines: { lineId: number; qty: number }[];
}

export interface PurchaseReceiptOptions {
  /** One unit of the PO currency in base-currency units (rateOn). */
  exchangeRate: number;
  baseCurrency: string;
  /** Accept more than a line's open quantity (the seller confirmed the over-receipt). */
  allowOver?: boolean;
}

/**
 * Receives (part of) a sent PO into its warehouse. Quantities are whole ≥ 0 per line (a line named
 * twice is summed; lines with 0 are left out), at least one > 0. Each line received posts one
 * `receipt` at the PO's location with the line's cost converted into base minor units, ref = the PO
 * number. The PO is received once every line has its ordered quantity (over counts as full), else
 * partially received.
 */
export function receivePurchaseOrder(
  po: PurchaseOrder,
  receipt: PurchaseReceiptInput,
  options: PurchaseReceiptOptions,
): { po: PurchaseOrder; movements: MovementInput[] } {
  if (isClosed(po)) throw purchasingError('purchase.closed', { number: po.number });
  if (po.status === 'draft') throw purchasingError('purchase.notSent', { number: po.number });
  if (!isIsoDate(receipt.date)) throw new DomainError('field.badDate', { field: 'date', value: String(receipt.date) });
  requireNotBefore('date', receipt.date, po.orderDate);
  if (!(options.exchangeRate > 0) || !Number.isFinite(options.exchangeRate)) {
    throw new DomainError('field.notPositive', { field: 'rate', value: String(options.exchangeRate) });
  }

  const qtyByLine = new Map<number, number>();
  for (const line of receipt.lines) {
    lineOf(po, line.lineId);
    if (!isWholeAtLeast(line.qty, 0)) {
      const code = Number.isInteger(line.qty) ? 'field.negative' : 'field.notInteger';
      throw new DomainError(code, { field: 'qty', value: String(line.qty), line: line.lineId });
    }
    qtyByLine.set(line.lineId, (qtyByLine.get(line.lineId) ?? 0) + line.qty);
  }
  const received = po.lines.flatMap((line) => {
    const qty = qtyByLine.get(line.lineId) ?? 0;
    return qty > 0 ? [{ line, qty }] : [];
  });
  if (received.length === 0) throw purchasingError('receipt.empty', {});
  if (!options.allowOver) {
    for (const { line, qty } of received) {
      const open = openQty(po, line.lineId);
      if (qty > open) throw purchasingError('purchase.overReceipt', { line: line.lineId, open, qty });
    }
  }

  const movements: MovementInput[] = received.map(({ line, qty }) => ({
    date: receipt.date,
    skuId: line.skuId,
    locationId: po.locationId,
    qty,
    type: 'receipt',
    unitCostMinor: convertMinor(line.unitCostMinor, po.currency, options.exchangeRate, options.baseCurrency),
    ref: po.number,
    source: 'manual',
  }));
  const next: PurchaseOrder = {
    ...po,
    receipts: [
      ...po.receipts,
      { date: receipt.date, lines: received.map(({ line, qty }) => ({ lineId: line.lineId, qty })), exchangeRate: options.exchangeRate },
    ],
  };
  const complete = next.lines.every((line) => receivedQty(next, line.lineId) >= line.qty);
  return { po: { ...next, status: complete ? 'received' : 'partially_received' }, movements };
}

/**
 * Closes a partially received PO: it becomes received, and `closedShort` records each line's units
 * that will not come. `date` is the day it was closed: a valid date, not before the last receipt
 * (PurchaseOrder has no field for it yet, so it is checked, not stored).
 */
export function closePurchaseOrderShort(po: PurchaseOrder, date: IsoDate): PurchaseOrder {
  if (isClosed(po)) throw purchasingError('purchase.closed', { number: po.number });
  if (po.status !== 'partially_received' || po.receipts.length === 0) throw purchasingError('purchase.nothingReceived', { number: po.number });
  if (!isIsoDate(date)) throw new DomainError('field.badDate', { field: 'date', value: String(date) });
  const lastReceipt = po.receipts.reduce((latest, receipt) => (receipt.date > latest ? receipt.date : latest), po.orderDate);
  requireNotBefore('date', date, lastReceipt);
  const closedShort = po.lines.flatMap((line) => {
    const open = openQty(po, line.lineId);
    return open > 0 ? [{ lineId: line.lineId, qty: open }] : [];
  });
  return { ...po, status: 'received', closedShort };
}

/** The next PO number of `year`: PO-2026-0001, then 0002… (more digits past 9999), after the highest in use. */
export function nextPoNumber(existing: readonly string[], year: number): string {
  const pattern = new RegExp(`^PO-${year}-(\\d+)$`, 'i');
  let highest = 0;
  for (const number of existing) {
    const match = pattern.exec(number.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `PO-${year}-${String(highest + 1).padStart(4, '0')}`;
}
