// What each manual operation posts to the ledger, and the rule that stock never goes below zero.
import { DomainError } from '../errors';
import { dayNumber } from '../dates';
import { ADJUSTMENT_REASONS } from '../model';
import type { AdjustmentReason, IsoDate, Location, LocationKind, Movement, MovementInput, Shipment } from '../model';
import { optionalText, parseAmount, parseDate, parseNonZeroWholeNumber, parseWholeNumber } from '../catalog/fields';
import { lowestBalanceFrom } from './report';

export interface ReceiptDraft {
  date: string;
  skuId: number;
  locationId: number;
  qty: string;
  /** Unit cost in the base currency, as typed. */
  unitCost: string;
  note?: string;
}

export function buildReceipt(draft: ReceiptDraft, baseCurrency: string): MovementInput[] {
  return [
    {
      date: parseDate('date', draft.date),
      skuId: draft.skuId,
      locationId: draft.locationId,
      qty: parseWholeNumber('qty', draft.qty, 1),
      type: 'receipt',
      unitCostMinor: parseAmount('unitCost', draft.unitCost, baseCurrency),
      source: 'manual',
      ...noteOf(draft.note),
    },
  ];
}

export interface AdjustmentDraft {
  date: string;
  skuId: number;
  locationId: number;
  /** Signed: `+3` found, `-2` damaged. */
  qty: string;
  reason: string;
  note?: string;
}

export function isAdjustmentReason(value: string): value is AdjustmentReason {
  return (ADJUSTMENT_REASONS as readonly string[]).includes(value);
}

export function buildAdjustment(draft: AdjustmentDraft): MovementInput[] {
  if (!isAdjustmentReason(draft.reason)) throw new DomainError('field.required', { field: 'reason' });
  return [
    {
      date: parseDate('date', draft.date),
      skuId: draft.skuId,
      locationId: draft.locationId,
      qty: parseNonZeroWholeNumber('qty', draft.qty),
      type: 'adjustment',
      reason: draft.reason,
      source: 'manual',
      ...noteOf(draft.note),
    },
  ];
}

/**
 * Sales and returns the seller records by hand (PRODUCT §1.3): orders a domestic warehouse or a 3PL
 * ships to customers, customer returns into them, goods sent back to a supplier. At FBA these come
 * from Amazon's Inventory Ledger import, so entering them by hand would count them twice.
 */
export const SALE_RETURN_TYPES = ['sale', 'customer_return', 'vendor_return'] as const;
export type SaleOrReturnType = (typeof SALE_RETURN_TYPES)[number];

/** Where each may be recorded; a return to a supplier leaves the seller's own warehouse. */
export const SALE_RETURN_LOCATION_KINDS: Readonly<Record<SaleOrReturnType, readonly LocationKind[]>> = {
  sale: ['domestic', '3pl'],
  customer_return: ['domestic', '3pl'],
  vendor_return: ['domestic'],
};

export interface SaleOrReturnDraft {
  date: string;
  skuId: number;
  locationId: number;
  /** Units as typed, always positive: the type decides the sign. */
  qty: string;
  /** Order number, RMA or the supplier's reference. */
  ref?: string;
  /** Where a sale was made (a marketplace, a web shop). A movement has no field for it, so it leads the note. */
  channel?: string;
  note?: string;
}

/** A sale or return as one movement: out for sales and returns to a supplier, in for customer returns, valued by the ledger. */
export function buildSaleOrReturn(type: SaleOrReturnType, draft: SaleOrReturnDraft): MovementInput[] {
  const date = parseDate('date', draft.date);
  const units = parseWholeNumber('qty', draft.qty, 1);
  const ref = optionalText('movementRef', draft.ref, 100);
  const channel = type === 'sale' ? optionalText('salesChannel', draft.channel, 60) : '';
  const note = [channel, optionalText('note', draft.note, 500)].filter(Boolean).join(' · ');
  return [
    {
      date,
      skuId: draft.skuId,
      locationId: draft.locationId,
      qty: type === 'customer_return' ? units : -units,
      type,
      source: 'manual',
      ...(ref ? { ref } : {}),
      ...(note ? { note } : {}),
    },
  ];
}

/** Refuses a location of a kind the type may not be recorded at, naming the location. */
export function checkSaleOrReturnLocation(type: SaleOrReturnType, location: Pick<Location, 'name' | 'kind'>): void {
  if (SALE_RETURN_LOCATION_KINDS[type].includes(location.kind)) return;
  throw new DomainError('field.unknownChoice', { field: type === 'vendor_return' ? 'domesticLocation' : 'ownStockLocation', value: location.name });
}

export interface ShipmentDraft {
  shipDate: string;
  fromLocationId: number;
  toLocationId: number;
  lines: { skuId: number; qty: string }[];
  note?: string;
}

export function parseShipmentDraft(draft: ShipmentDraft): Omit<Shipment, 'id'> {
  if (draft.fromLocationId === draft.toLocationId) throw new DomainError('movement.sameLocation');
  const lines = draft.lines
    .filter((line) => line.skuId > 0 || line.qty.trim() !== '')
    .map((line) => {
      if (!(line.skuId > 0)) throw new DomainError('field.required', { field: 'sku' });
      return { skuId: line.skuId, qty: parseWholeNumber('qty', line.qty, 1) };
    });
  if (lines.length === 0) throw new DomainError('field.required', { field: 'lines' });
  const note = optionalText('note', draft.note, 500);
  return {
    fromLocationId: draft.fromLocationId,
    toLocationId: draft.toLocationId,
    shipDate: parseDate('shipDate', draft.shipDate),
    status: 'in_transit',
    lines,
    ...(note ? { note } : {}),
  };
}

/** The ledger reference that ties a shipment's movements (and its transit balance) together. */
export function shipmentRef(shipmentId: number): string {
  return `SHP-${shipmentId}`;
}

/** Shipping: out of the origin, into the shipment's own transit balance. */
export function dispatchMovements(shipment: Shipment, transitLocationId: number): MovementInput[] {
  const ref = shipmentRef(shipment.id);
  return shipment.lines.flatMap((line) => [
    { date: shipment.shipDate, skuId: line.skuId, locationId: shipment.fromLocationId, qty: -line.qty, type: 'transfer_out', ref, source: 'manual' },
    { date: shipment.shipDate, skuId: line.skuId, locationId: transitLocationId, qty: line.qty, type: 'transfer_in', ref, source: 'manual' },
  ]);
}

/** Receiving: out of transit, into the destination, on the day it arrived. */
export function receiveMovements(shipment: Shipment, receivedDate: IsoDate, transitLocationId: number): MovementInput[] {
  if (shipment.status === 'received') throw new DomainError('shipment.alreadyReceived', { ref: shipmentRef(shipment.id) });
  const date = parseDate('receivedDate', receivedDate);
  if (dayNumber(date) < dayNumber(shipment.shipDate)) throw new DomainError('field.badDate', { field: 'receivedDate', value: date });
  const ref = shipmentRef(shipment.id);
  return shipment.lines.flatMap((line) => [
    { date, skuId: line.skuId, locationId: transitLocationId, qty: -line.qty, type: 'transfer_out', ref, source: 'manual' },
    { date, skuId: line.skuId, locationId: shipment.toLocationId, qty: line.qty, type: 'transfer_in', ref, source: 'manual' },
  ]);
}

export interface Shortfall {
  skuId: number;
  locationId: number;
  /** Units available on the date (the lowest balance from then on). */
  availableQty: number;
  requestedQty: number;
  date: IsoDate;
}

/**
 * Checks that posting `additions` keeps every touched balance at or above zero on every day from
 * the posting date on (a back-dated withdrawal may not empty a later day). `existing` are the movements
 * already posted for the same SKUs and locations; transit balances are kept per shipment ref.
 */
export function findShortfall(
  existing: readonly Pick<Movement, 'date' | 'skuId' | 'locationId' | 'qty' | 'ref'>[],
  additions: readonly MovementInput[],
  transitLocationIds: ReadonlySet<number>,
): Shortfall | null {
  const poolOf = (m: Pick<Movement, 'skuId' | 'locationId' | 'ref'>) =>
    `${m.skuId}|${m.locationId}|${transitLocationIds.has(m.locationId) ? (m.ref ?? '') : ''}`;
  const touched = new Map<string, MovementInput[]>();
  for (const addition of additions) {
    if (addition.qty >= 0) continue;
    const key = poolOf(addition);
    touched.set(key, [...(touched.get(key) ?? []), addition]);
  }
  for (const [key, outgoing] of touched) {
    const entries = [...existing, ...additions]
      .filter((m) => poolOf(m) === key)
      .map((m) => ({ day: dayNumber(m.date), qty: m.qty }));
    const firstDay = Math.min(...outgoing.map((m) => dayNumber(m.date)));
    const lowest = lowestBalanceFrom(entries, firstDay);
    if (lowest < 0) {
      const first = outgoing[0]!;
      const requestedQty = outgoing.reduce((sum, m) => sum - m.qty, 0);
      return { skuId: first.skuId, locationId: first.locationId, availableQty: lowest + requestedQty, requestedQty, date: first.date };
    }
  }
  return null;
}

function noteOf(note: string | undefined): { note?: string } {
  const text = optionalText('note', note, 500);
  return text ? { note: text } : {};
}
