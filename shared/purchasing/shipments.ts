// Shipments (PRODUCT §3): the plan form, what shipping and each receipt post, discrepancies,
// delays and the mis-delivery error rate (§6). Supersedes the first, minimal shipment postings in
// shared/ledger/postings.ts for new shipments; shipments saved by those stay readable here.
//
// Ledger rules of a receipt, per SKU:
// - the units up to what is still in transit (shipped − received so far) move as a transfer pair,
//   transit → destination, same day, same ref; the transfer_in carries the landed cost of those
//   units as its unitCostMinor, which the valuation adds to the value that left transit;
// - units beyond that (over-receipt), and SKUs that were never shipped (wrong SKU), need the
//   seller's confirmation (allowOver); they are posted at the destination as a `found` adjustment
//   and recorded as an 'over' or 'wrongSku' discrepancy. The adjustment carries the unit cost the
//   caller gives for the SKU (foundUnitCostMinor); without one it is valued like any found stock,
//   at the destination's average — and as incoming movements without a cost are applied before the
//   day's transfers arrive, that is the average before this receipt (else the catalog fallback);
// - closing (asked for, or every SKU fully received) writes off what is still in transit as a
//   `lost` adjustment at transit with the shipment's ref and records a 'short' discrepancy, so a
//   closed shipment's transit balance is always 0 units and 0 value.
// Landed cost is allocated over the units shipped; units written off as lost take their share
// with them (it never enters stock), over and wrong-SKU units carry none.
import { DomainError, purchasingError } from '../errors';
import { daysBetween, dayNumber, isIsoDate } from '../dates';
import { ALLOCATION_BASES, SHIPMENT_MODES } from '../model';
import type { DateRange } from '../dates';
import type { Discrepancy, IsoDate, MovementInput, Shipment, ShipmentCosts, ShipmentLine, ShipmentReceipt } from '../model';
import { optionalText, parseDate, parseWholeNumber } from '../catalog/fields';
import { dispatchMovements, shipmentRef } from '../ledger/postings';
import { allocateLandedCost } from './landedCost';
import { isWholeAtLeast, onLine, parseChoice, parseNonNegativeDecimal, parseWholeMinor, requireNotBefore } from './fields';

export interface ShipmentPlanLineDraft {
  skuId: number;
  qty: string;
  casePack: string;
  cartons: string;
  unitWeightKg: string;
  unitVolumeM3: string;
}

export interface ShipmentPlanDraft {
  fromLocationId: number;
  toLocationId: number;
  shipDate: string;
  eta: string;
  mode: string;
  carrier: string;
  trackingNumber: string;
  fbaShipmentId: string;
  note: string;
  lines: ShipmentPlanLineDraft[];
  /** Amounts in the base currency as typed; empty is 0. Basis empty is 'units'. */
  costs: { freight: string; duties: string; fees: string; basis: string };
  baseCurrency: string;
}

function isBlankLine(line: ShipmentPlanLineDraft): boolean {
  return !(line.skuId > 0) && [line.qty, line.casePack, line.cartons, line.unitWeightKg, line.unitVolumeM3].every((text) => text.trim() === '');
}

function parsePlanLine(line: ShipmentPlanLineDraft, row: number): ShipmentLine {
  if (!(line.skuId > 0)) throw purchasingError('shipment.lineNoSku', { line: row });
  return onLine(row, () => {
    const qty = parseWholeNumber('qty', line.qty, 1);
    const parsed: ShipmentLine = { skuId: line.skuId, qty };
    if (line.casePack.trim() !== '') parsed.casePack = parseWholeNumber('casePack', line.casePack, 1);
    if (line.cartons.trim() !== '') parsed.cartons = parseWholeNumber('cartons', line.cartons, 0);
    else if (parsed.casePack !== undefined) parsed.cartons = Math.ceil(qty / parsed.casePack);
    if (line.unitWeightKg.trim() !== '') parsed.unitWeightKg = parseNonNegativeDecimal('unitWeightKg', line.unitWeightKg);
    if (line.unitVolumeM3.trim() !== '') parsed.unitVolumeM3 = parseNonNegativeDecimal('unitVolumeM3', line.unitVolumeM3);
    return parsed;
  });
}

/**
 * Parses the shipment plan form. Entirely blank lines are ignored; line errors carry `line`
 * (1-based). Cartons default to ⌈units ÷ case pack⌉ when a case pack is given. Costs are kept when
 * a basis is chosen or they are not all 0, and must be allocatable on that basis.
 */
export function parseShipmentPlanDraft(draft: ShipmentPlanDraft): Omit<Shipment, 'id' | 'status'> {
  if (!(draft.fromLocationId > 0)) throw new DomainError('field.required', { field: 'from' });
  if (!(draft.toLocationId > 0)) throw new DomainError('field.required', { field: 'to' });
  if (draft.fromLocationId === draft.toLocationId) throw new DomainError('movement.sameLocation');
  const shipDate = parseDate('shipDate', draft.shipDate);
  const lines: ShipmentLine[] = [];
  draft.lines.forEach((line, index) => {
    if (!isBlankLine(line)) lines.push(parsePlanLine(line, index + 1));
  });
  if (lines.length === 0) throw new DomainError('field.required', { field: 'lines' });

  const plan: Omit<Shipment, 'id' | 'status'> = { fromLocationId: draft.fromLocationId, toLocationId: draft.toLocationId, shipDate, lines };
  if (draft.eta.trim() !== '') {
    const eta = parseDate('eta', draft.eta);
    requireNotBefore('eta', eta, shipDate);
    plan.eta = eta;
  }
  if (draft.mode.trim() !== '') plan.mode = parseChoice('mode', draft.mode, SHIPMENT_MODES);
  const texts = [
    ['carrier', draft.carrier, 100],
    ['trackingNumber', draft.trackingNumber, 100],
    ['fbaShipmentId', draft.fbaShipmentId, 40],
    ['note', draft.note, 500],
  ] as const;
  for (const [field, value, max] of texts) {
    const text = optionalText(field, value, max);
    if (text) plan[field] = text;
  }

  const costs: ShipmentCosts = {
    freightMinor: parseWholeMinor('freight', draft.costs.freight, draft.baseCurrency),
    dutiesMinor: parseWholeMinor('duties', draft.costs.duties, draft.baseCurrency),
    feesMinor: parseWholeMinor('fees', draft.costs.fees, draft.baseCurrency),
    basis: parseChoice('basis', draft.costs.basis, ALLOCATION_BASES, 'units'),
  };
  if (costs.freightMinor + costs.dutiesMinor + costs.feesMinor > 0 || draft.costs.basis.trim() !== '') {
    allocateLandedCost(lines, costs); // refuses a basis no line has, now rather than on arrival
    plan.costs = costs;
  }
  return plan;
}

/** Shipping: out of the origin into the shipment's own transit balance (ref shipmentRef(id)). */
export function shipMovements(shipment: Shipment, transitLocationId: number): MovementInput[] {
  return dispatchMovements(shipment, transitLocationId);
}

/** Units shipped per SKU, in line order (a SKU on two lines is summed). */
export function shippedBySku(shipment: Shipment): Map<number, number> {
  const shipped = new Map<number, number>();
  for (const line of shipment.lines) shipped.set(line.skuId, (shipped.get(line.skuId) ?? 0) + line.qty);
  return shipped;
}

/** Units received per SKU over all receipts so far (over and wrong-SKU units included). */
export function receivedBySku(shipment: Shipment): Map<number, number> {
  const received = new Map<number, number>();
  for (const receipt of shipment.receipts ?? []) {
    for (const line of receipt.lines) received.set(line.skuId, (received.get(line.skuId) ?? 0) + line.qty);
  }
  return received;
}

/** Units still in transit per SKU (shipped − received, > 0 only); empty once the shipment is closed. */
export function inTransitBySku(shipment: Shipment): Map<number, number> {
  const inTransit = new Map<number, number>();
  if (shipment.status === 'received') return inTransit;
  const received = receivedBySku(shipment);
  for (const [skuId, shipped] of shippedBySku(shipment)) {
    const units = shipped - (received.get(skuId) ?? 0);
    if (units > 0) inTransit.set(skuId, units);
  }
  return inTransit;
}

/** Landed cost allocated per SKU (whole base minor units); empty when the shipment has no costs. */
export function landedCostBySku(shipment: Shipment): Map<number, number> {
  const bySku = new Map<number, number>();
  if (!shipment.costs) return bySku;
  const { perLineMinor } = allocateLandedCost(shipment.lines, shipment.costs);
  shipment.lines.forEach((line, i) => bySku.set(line.skuId, (bySku.get(line.skuId) ?? 0) + perLineMinor[i]!));
  return bySku;
}

/** round(total × part ÷ whole) in exact integer arithmetic, halves rounded up. */
function roundedShare(totalMinor: number, part: number, whole: number): number {
  const numerator = 2n * BigInt(totalMinor) * BigInt(part) + BigInt(whole);
  return Number(numerator / (2n * BigInt(whole)));
}

/**
 * The landed cost that arrives with units `before`+1 … `after` of a SKU (counted in shipping
 * order): the difference of the rounded cumulative shares, so receipts in parts add up to the SKU's
 * allocation exactly once it is fully received.
 */
function landedValueOf(landedMinor: number, shippedUnits: number, before: number, after: number): number {
  if (landedMinor === 0 || shippedUnits === 0) return 0;
  return roundedShare(landedMinor, after, shippedUnits) - roundedShare(landedMinor, before, shippedUnits);
}

export interface ShipmentReceiptInput {
  date: IsoDate;
  lines: { skuId: number; qty: number }[];
}

export interface ShipmentReceiveOptions {
  transitLocationId: number;
  /** Accept over-receipts and SKUs not on the shipment (the seller confirmed them). */
  allowOver?: boolean;
  /** Close the shipment with this receipt: what is still in transit is written off as short. */
  close?: boolean;
  /** Unit cost (base minor units) for over and wrong-SKU units found, per SKU, e.g. the origin's average. */
  foundUnitCostMinor?: ReadonlyMap<number, number>;
}

/**
 * Receives (part of) a shipment at its destination; see the rules at the top of this file. The
 * date must be a valid date on or after the ship date and the last receipt. Quantities are whole
 * ≥ 0 per SKU (a SKU named twice is summed); at least one must be > 0 unless the receipt closes the
 * shipment (closing with nothing more arrived writes off the rest).
 */
export function receiveShipment(
  shipment: Shipment,
  receipt: ShipmentReceiptInput,
  options: ShipmentReceiveOptions,
): { shipment: Shipment; movements: MovementInput[] } {
  const ref = shipmentRef(shipment.id);
  if (shipment.status === 'received') throw new DomainError('shipment.alreadyReceived', { ref });
  const date = receipt.date;
  if (!isIsoDate(date)) throw new DomainError('field.badDate', { field: 'receivedDate', value: String(date) });
  requireNotBefore('receivedDate', date, shipment.shipDate);
  const previous = shipment.receipts ?? [];
  const lastDate = previous.reduce((latest, part) => (dayNumber(part.date) > dayNumber(latest) ? part.date : latest), shipment.shipDate);
  requireNotBefore('receivedDate', date, lastDate);

  const qtyBySku = new Map<number, number>();
  for (const line of receipt.lines) {
    if (!(line.skuId > 0)) throw new DomainError('field.required', { field: 'sku' });
    if (!isWholeAtLeast(line.qty, 0)) {
      const code = Number.isInteger(line.qty) ? 'field.negative' : 'field.notInteger';
      throw new DomainError(code, { field: 'qty', value: String(line.qty), sku: line.skuId });
    }
    qtyBySku.set(line.skuId, (qtyBySku.get(line.skuId) ?? 0) + line.qty);
  }
  const arrived = [...qtyBySku].filter(([, qty]) => qty > 0);
  if (arrived.length === 0 && !options.close) throw purchasingError('receipt.empty', {});

  const shipped = shippedBySku(shipment);
  const receivedBefore = receivedBySku(shipment);
  const landed = landedCostBySku(shipment);
  const movements: MovementInput[] = [];
  const discrepancies: Discrepancy[] = [];
  const found = (skuId: number, qty: number, kind: 'over' | 'wrongSku') => {
    const unitCostMinor = options.foundUnitCostMinor?.get(skuId);
    movements.push({
      date,
      skuId,
      locationId: shipment.toLocationId,
      qty,
      type: 'adjustment',
      reason: 'found',
      ...(unitCostMinor !== undefined ? { unitCostMinor } : {}),
      ref,
      source: 'manual',
    });
    discrepancies.push({ kind, skuId, qty, date });
  };

  // Refuse before building anything, so an error never leaves half a receipt.
  for (const [skuId, qty] of arrived) {
    const shippedUnits = shipped.get(skuId);
    if (shippedUnits === undefined) {
      if (!options.allowOver) throw purchasingError('shipment.wrongSku', { sku: skuId, qty });
      continue;
    }
    const inTransit = Math.max(0, shippedUnits - (receivedBefore.get(skuId) ?? 0));
    if (qty > inTransit && !options.allowOver) throw purchasingError('shipment.overReceipt', { sku: skuId, inTransit, qty });
  }

  for (const [skuId, qty] of arrived) {
    const shippedUnits = shipped.get(skuId);
    if (shippedUnits === undefined) {
      found(skuId, qty, 'wrongSku');
      continue;
    }
    const before = Math.min(shippedUnits, receivedBefore.get(skuId) ?? 0);
    const moved = Math.min(qty, shippedUnits - before);
    if (moved > 0) {
      const landedMinor = landedValueOf(landed.get(skuId) ?? 0, shippedUnits, before, before + moved);
      movements.push(
        { date, skuId, locationId: options.transitLocationId, qty: -moved, type: 'transfer_out', ref, source: 'manual' },
        {
          date,
          skuId,
          locationId: shipment.toLocationId,
          qty: moved,
          type: 'transfer_in',
          ...(landedMinor > 0 ? { unitCostMinor: landedMinor / moved } : {}),
          ref,
          source: 'manual',
        },
      );
    }
    if (qty > moved) found(skuId, qty - moved, 'over');
  }

  const receipts: ShipmentReceipt[] = arrived.length > 0 ? [...previous, { date, lines: arrived.map(([skuId, qty]) => ({ skuId, qty })) }] : previous;
  const receivedAfter = receivedBySku({ ...shipment, receipts });
  const complete = [...shipped].every(([skuId, units]) => (receivedAfter.get(skuId) ?? 0) >= units);
  const closing = options.close === true || complete;
  if (closing) {
    for (const [skuId, units] of shipped) {
      const short = units - (receivedAfter.get(skuId) ?? 0);
      if (short <= 0) continue;
      movements.push({ date, skuId, locationId: options.transitLocationId, qty: -short, type: 'adjustment', reason: 'lost', ref, source: 'manual' });
      discrepancies.push({ kind: 'short', skuId, qty: short, date });
    }
  }
  const next: Shipment = { ...shipment, receipts, discrepancies: [...(shipment.discrepancies ?? []), ...discrepancies] };
  return { shipment: closing ? { ...next, status: 'received', receivedDate: date } : { ...next, status: 'partially_received' }, movements };
}

/** Days past the ETA of a shipment not yet (fully) received; 0 with no ETA, once received, or on/before the ETA. */
export function delayDays(shipment: Shipment, today: IsoDate): number {
  if (shipment.eta === undefined || shipment.status === 'received') return 0;
  return Math.max(0, daysBetween(shipment.eta, today));
}

/** PRODUCT §3: past its ETA and not received. */
export function isDelayed(shipment: Shipment, today: IsoDate): boolean {
  return delayDays(shipment, today) > 0;
}

export interface DiscrepancyErrorRate {
  /** Shipment lines processed: per closed shipment, each SKU shipped plus each wrong SKU received. */
  lines: number;
  /** Of those, the SKUs with a short, over or wrong-SKU discrepancy. */
  linesWithDiscrepancy: number;
  /** linesWithDiscrepancy ÷ lines; 0 when no line was processed. */
  rate: number;
}

/**
 * PRODUCT §6 error (mis-delivery) rate: erroneous shipment lines (wrong SKU, wrong quantity,
 * missed) ÷ shipment lines processed in the period. A shipment's lines are processed when it is
 * closed, so only received shipments count, in the period of their receivedDate when `period` is
 * given. Lines are counted per SKU (receipts are per SKU); a wrong SKU that arrived is a line of
 * its own, so the rate never exceeds 1.
 */
export function discrepancyErrorRate(shipments: readonly Shipment[], period?: DateRange): DiscrepancyErrorRate {
  let lines = 0;
  let linesWithDiscrepancy = 0;
  const from = period ? dayNumber(period.from) : -Infinity;
  const to = period ? dayNumber(period.to) : Infinity;
  for (const shipment of shipments) {
    if (shipment.status !== 'received') continue;
    const closedDay = dayNumber(shipment.receivedDate ?? shipment.shipDate);
    if (closedDay < from || closedDay > to) continue;
    const skus = new Set(shipment.lines.map((line) => line.skuId));
    const erroneous = new Set<number>();
    for (const discrepancy of shipment.discrepancies ?? []) {
      skus.add(discrepancy.skuId);
      erroneous.add(discrepancy.skuId);
    }
    lines += skus.size;
    linesWithDiscrepancy += erroneous.size;
  }
  return { lines, linesWithDiscrepancy, rate: lines === 0 ? 0 : linesWithDiscrepancy / lines };
}
