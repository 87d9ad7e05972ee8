// The Today screen's lists (PRODUCT §3 "delayed … raises an alert", §6 "overstock and understock lists
// drive the dashboard"): what needs the seller now, from the plan's lines, the open shipments and
// purchase orders, the count plans and the imports. Pure: the page gathers the rows, this sorts out
// what is due, late or stale, most urgent first.
import { dayNumber, daysBetween, isoFromDay } from '../dates';
import type { IsoDate, PurchaseOrder, Shipment } from '../model';
import { openQty } from '../purchasing/purchaseOrders';
import { delayDays, inTransitBySku } from '../purchasing/shipments';
import type { BuyLine, ShipLine } from '../planning/plan';
import type { CountDue } from '../counts/plans';
import type { ReportKind } from '../import/records';

/** Orders to place and shipments to send are listed from this many days before their date. */
export const ACTION_WINDOW_DAYS = 7;
/** A projected stockout this close is listed even when a shipment is already planned for it. */
export const STOCKOUT_WINDOW_DAYS = 14;
/** Data this many days old or more is stale: the plan's demand and stock stop at its last day. */
export const STALE_DATA_DAYS = 7;
/**
 * The reports whose age matters to the plan: the ledger and orders carry its demand, the inventory
 * reports its FBA stock, the reserved report what of it cannot be sold. Listings, returns and the business report change little from week to week.
 */
export const FRESHNESS_KINDS: readonly ReportKind[] = [
  'GET_LEDGER_DETAIL_VIEW_DATA',
  'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
  'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL',
  'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
  'GET_FBA_MYI_ALL_INVENTORY_DATA',
  'GET_FBA_INVENTORY_PLANNING_DATA',
  'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT',
  'GET_RESERVED_INVENTORY_DATA',
];

export interface DelayedShipment {
  shipmentId: number;
  fromLocationId: number;
  toLocationId: number;
  eta: IsoDate;
  daysLate: number;
  /** Units shipped and not yet received. */
  openUnits: number;
  reference: string;
}

export interface LatePurchaseOrder {
  purchaseOrderId: number;
  number: string;
  supplierId: number;
  expectedDate: IsoDate;
  daysLate: number;
  openUnits: number;
}

export interface OrderToPlace {
  skuId: number;
  supplierId: number | null;
  abc: BuyLine['abc'];
  buyQty: number;
  orderBy: IsoDate;
  /** Days from today to the order-by date; 0: today (the plan never dates it earlier). */
  daysLeft: number;
}

export interface ShipmentToSend {
  skuId: number;
  locationId: number;
  marketplace: string;
  abc: ShipLine['abc'];
  /** Where it leaves from: null for home (sea and air), else the 3PL near the FBA location (nearUnits). */
  fromLocationId: number | null;
  seaUnits: number;
  airUnits: number;
  nearUnits: number;
  shipBy: IsoDate;
  daysLeft: number;
}

export interface StockoutAhead {
  skuId: number;
  /** The FBA location; null for a SKU with no FBA line (sold from a 3PL or home only): its whole network runs out. */
  locationId: number | null;
  marketplace: string;
  abc: ShipLine['abc'];
  stockout: IsoDate;
  daysLeft: number;
  /** The plan sends air for it: the shelf is bridged if it ships in time. */
  airPlanned: boolean;
  /** A 3PL near the FBA location ships to it, landing by the stockout (its leg no longer than the days left). */
  nearPlanned: boolean;
  onHand: number;
  /** Nothing to sell today (on hand less reserved): the shelf is already empty. */
  outNow: boolean;
}

export interface CountDueItem {
  planId: number;
  name: string;
  locationId: number;
  due: CountDue;
}

export interface ReportFreshness {
  reportKind: ReportKind;
  /** The last day the newest import of this kind covers (reportDataEnd), and the day it was imported. */
  lastDataDate: IsoDate;
  importedOn: IsoDate;
  daysOld: number;
  stale: boolean;
}

/** An import batch of a file, as the freshness list reads it. */
export interface ImportedReport {
  reportKind: string;
  /** The batch's last day: of a ledger import, its last new movement's. */
  lastDate: IsoDate;
  /** The last day the file covers (a ledger file's latest row date over all its rows); absent on imports stored before it was kept. */
  periodEnd?: IsoDate;
  importedOn: IsoDate;
}

/**
 * The last day a report's data reaches: the period its file covered, not the day of the last
 * movement it posted (a ledger file whose last rows were already imported or held posts none of
 * them, yet is as fresh as they are). Imports stored before the period was kept fall back to their
 * last movement's day, as they were dated before.
 */
export function reportDataEnd(report: Pick<ImportedReport, 'lastDate' | 'periodEnd'>): IsoDate {
  return report.periodEnd !== undefined && report.periodEnd > report.lastDate ? report.periodEnd : report.lastDate;
}

/** What the lists read of the plan's lines. */
export type AttentionShipLine = Pick<ShipLine, 'skuId' | 'locationId' | 'marketplace' | 'abc' | 'shipSea' | 'shipAir' | 'shipByDay' | 'stockoutDay' | 'onHand' | 'reservedUnits'> &
  Partial<Pick<ShipLine, 'shipNear' | 'nearLocationId' | 'nearShipByDay' | 'nearLeadDays'>>;
export type AttentionBuyLine = Pick<BuyLine, 'skuId' | 'supplierId' | 'abc' | 'buyQty' | 'orderByDay' | 'stockoutDay' | 'networkOnHand'>;

export interface AttentionInput {
  today: IsoDate;
  shipments: readonly Shipment[];
  purchaseOrders: readonly PurchaseOrder[];
  /** The plan's lines; null while the plan is not ready (its lists are then empty). */
  plan: { ship: readonly AttentionShipLine[]; buy: readonly AttentionBuyLine[] } | null;
  countPlans: readonly { id: number; name: string; locationId: number; due: CountDue }[];
  /** Import batches of files: their report kind, the last day they hold, the last day the file covers (when stored) and the seller's day they were imported on. */
  imports: readonly ImportedReport[];
}

export interface Attention {
  delayedShipments: DelayedShipment[];
  latePurchaseOrders: LatePurchaseOrder[];
  ordersToPlace: OrderToPlace[];
  shipmentsToSend: ShipmentToSend[];
  stockoutsAhead: StockoutAhead[];
  countsDue: CountDueItem[];
  /** Every report kind the plan reads that was ever imported, oldest data first. */
  freshness: ReportFreshness[];
}

const ABC_ORDER = { A: 0, B: 1, C: 2 } as const;

export function attentionOf(input: AttentionInput): Attention {
  const { today } = input;
  const todayDay = dayNumber(today);

  const delayedShipments: DelayedShipment[] = [];
  for (const shipment of input.shipments) {
    const daysLate = delayDays(shipment, today);
    if (daysLate <= 0 || shipment.eta === undefined) continue;
    let openUnits = 0;
    for (const units of inTransitBySku(shipment).values()) openUnits += units;
    delayedShipments.push({
      shipmentId: shipment.id,
      fromLocationId: shipment.fromLocationId,
      toLocationId: shipment.toLocationId,
      eta: shipment.eta,
      daysLate,
      openUnits,
      reference: shipment.fbaShipmentId ?? shipment.trackingNumber ?? '',
    });
  }
  delayedShipments.sort((a, b) => b.daysLate - a.daysLate || a.shipmentId - b.shipmentId);

  const latePurchaseOrders: LatePurchaseOrder[] = [];
  for (const po of input.purchaseOrders) {
    // A draft was never sent: the supplier is not late with it.
    if (po.status !== 'sent' && po.status !== 'partially_received') continue;
    const daysLate = daysBetween(po.expectedDate, today);
    if (daysLate <= 0) continue;
    let openUnits = 0;
    for (const line of po.lines) openUnits += openQty(po, line.lineId);
    if (openUnits <= 0) continue;
    latePurchaseOrders.push({ purchaseOrderId: po.id, number: po.number, supplierId: po.supplierId, expectedDate: po.expectedDate, daysLate, openUnits });
  }
  latePurchaseOrders.sort((a, b) => b.daysLate - a.daysLate || a.number.localeCompare(b.number));

  const ordersToPlace: OrderToPlace[] = [];
  const shipmentsToSend: ShipmentToSend[] = [];
  const stockoutsAhead: StockoutAhead[] = [];
  if (input.plan) {
    for (const line of input.plan.buy) {
      if (!(line.buyQty > 0) || Number.isNaN(line.orderByDay)) continue;
      const daysLeft = line.orderByDay - todayDay;
      if (daysLeft > ACTION_WINDOW_DAYS) continue;
      ordersToPlace.push({ skuId: line.skuId, supplierId: line.supplierId, abc: line.abc, buyQty: line.buyQty, orderBy: isoFromDay(line.orderByDay), daysLeft });
    }
    for (const line of input.plan.ship) {
      if (line.shipSea + line.shipAir > 0 && !Number.isNaN(line.shipByDay)) {
        const daysLeft = line.shipByDay - todayDay;
        if (daysLeft <= ACTION_WINDOW_DAYS) {
          shipmentsToSend.push({ skuId: line.skuId, locationId: line.locationId, marketplace: line.marketplace, abc: line.abc, fromLocationId: null, seaUnits: line.shipSea, airUnits: line.shipAir, nearUnits: 0, shipBy: isoFromDay(line.shipByDay), daysLeft });
        }
      }
      // What a 3PL near the FBA location sends is a shipment of its own, by its own date.
      const nearUnits = line.shipNear ?? 0;
      const nearShipByDay = line.nearShipByDay ?? Number.NaN;
      if (nearUnits > 0 && !Number.isNaN(nearShipByDay) && line.nearLocationId !== undefined) {
        const daysLeft = nearShipByDay - todayDay;
        if (daysLeft <= ACTION_WINDOW_DAYS) {
          shipmentsToSend.push({ skuId: line.skuId, locationId: line.locationId, marketplace: line.marketplace, abc: line.abc, fromLocationId: line.nearLocationId, seaUnits: 0, airUnits: 0, nearUnits, shipBy: isoFromDay(nearShipByDay), daysLeft });
        }
      }
      if (!Number.isNaN(line.stockoutDay)) {
        const daysLeft = line.stockoutDay - todayDay;
        if (daysLeft <= STOCKOUT_WINDOW_DAYS) {
          stockoutsAhead.push({ skuId: line.skuId, locationId: line.locationId, marketplace: line.marketplace, abc: line.abc, stockout: isoFromDay(line.stockoutDay), daysLeft, airPlanned: line.shipAir > 0, nearPlanned: (line.shipNear ?? 0) > 0 && daysLeft >= Math.round(line.nearLeadDays ?? Number.NaN), onHand: line.onHand, outNow: line.onHand - line.reservedUnits <= 0 });
        }
      }
    }
  }
  if (input.plan) {
    // A SKU sold only from the seller's own warehouses has no FBA line: its buy line's network stockout stands in.
    const withShipLine = new Set(input.plan.ship.map((line) => line.skuId));
    for (const line of input.plan.buy) {
      if (withShipLine.has(line.skuId) || Number.isNaN(line.stockoutDay)) continue;
      const daysLeft = line.stockoutDay - todayDay;
      if (daysLeft > STOCKOUT_WINDOW_DAYS) continue;
      stockoutsAhead.push({ skuId: line.skuId, locationId: null, marketplace: '', abc: line.abc, stockout: isoFromDay(line.stockoutDay), daysLeft, airPlanned: false, nearPlanned: false, onHand: line.networkOnHand, outNow: line.networkOnHand <= 0 });
    }
  }
  // Soonest first; among equals the A items, which the seller can least afford to lose.
  const byUrgency = <T extends { daysLeft: number; abc: 'A' | 'B' | 'C'; skuId: number }>(a: T, b: T) => a.daysLeft - b.daysLeft || ABC_ORDER[a.abc] - ABC_ORDER[b.abc] || a.skuId - b.skuId;
  ordersToPlace.sort(byUrgency);
  shipmentsToSend.sort(byUrgency);
  stockoutsAhead.sort((a, b) => Number(b.outNow) - Number(a.outNow) || byUrgency(a, b));

  const countsDue = input.countPlans
    .filter((plan) => plan.due.status !== 'notDue')
    .map((plan) => ({ planId: plan.id, name: plan.name, locationId: plan.locationId, due: plan.due }))
    .sort((a, b) => b.due.daysOverdue - a.due.daysOverdue || a.due.dueOn.localeCompare(b.due.dueOn) || a.planId - b.planId);

  const newest = new Map<ReportKind, { lastDataDate: IsoDate; importedOn: IsoDate }>();
  for (const batch of input.imports) {
    const kind = FRESHNESS_KINDS.find((k) => k === batch.reportKind);
    if (kind === undefined) continue;
    const seen = newest.get(kind);
    const { importedOn } = batch;
    const lastDataDate = reportDataEnd(batch);
    if (seen === undefined || lastDataDate > seen.lastDataDate) newest.set(kind, { lastDataDate, importedOn: seen && seen.importedOn > importedOn ? seen.importedOn : importedOn });
    else if (importedOn > seen.importedOn) seen.importedOn = importedOn;
  }
  const freshness = [...newest].map(([reportKind, seen]): ReportFreshness => {
    const daysOld = Math.max(0, daysBetween(seen.lastDataDate, today));
    return { reportKind, ...seen, daysOld, stale: daysOld >= STALE_DATA_DAYS };
  });
  freshness.sort((a, b) => b.daysOld - a.daysOld || FRESHNESS_KINDS.indexOf(a.reportKind) - FRESHNESS_KINDS.indexOf(b.reportKind));

  return { delayedShipments, latePurchaseOrders, ordersToPlace, shipmentsToSend, stockoutsAhead, countsDue, freshness };
}

/** The value of an overstocked SKU's units to clear, at its average cost on hand (minor units of the base currency). */
export function excessValueMinor(row: { onHandQty: number; onHandValueMinor: number; clearUnits: number }): number {
  return row.onHandQty > 0 ? (row.onHandValueMinor * Math.min(row.clearUnits, row.onHandQty)) / row.onHandQty : 0;
}
