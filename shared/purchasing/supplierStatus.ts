// The supplier stock status (VMI) sheet: for one supplier's SKUs, what is on hand by kind of
// location, what is on the way, what sold recently, what is still on order, the plan's 30-day
// forecast and its suggested order, so the supplier can plan production. Pure: the caller gathers
// balances, shipments, sales, POs and the replenishment plan.
import type { IsoDate, LocationKind, PurchaseOrder, Shipment } from '../model';
import { isoFromDay } from '../dates';
import type { BuyLine, ShipLine } from '../planning/plan';
import { inTransitBySku } from './shipments';
import { openQty } from './purchaseOrders';

export interface SupplierStatusInput {
  skus: readonly { id: number; code: string; name: string }[];
  /** Balances now, per SKU and location. */
  balances: readonly { skuId: number; locationId: number; qty: number }[];
  locationKind: ReadonlyMap<number, LocationKind>;
  shipments: readonly Shipment[];
  /** Units sold per SKU over the recent window. */
  soldUnits: ReadonlyMap<number, number>;
  purchaseOrders: readonly PurchaseOrder[];
  /** The plan's figures per SKU (supplierPlanFigures); a SKU without any shows forecast 0 and no suggestion. */
  planFigures?: ReadonlyMap<number, SupplierPlanFigures>;
}

export interface SupplierStatusRow {
  skuId: number;
  code: string;
  name: string;
  domesticUnits: number;
  overseasUnits: number;
  fbaUnits: number;
  inTransitUnits: number;
  soldUnits: number;
  onOrderUnits: number;
  forecast30Units: number;
  suggestedOrderUnits: number;
  orderBy: IsoDate | null;
}

/** What the replenishment plan says about one SKU of a supplier. */
export interface SupplierPlanFigures {
  /** The plan's forecast over the next 30 days, every FBA marketplace summed, in whole units. */
  forecast30Units: number;
  /** The plan's buy quantity (0 when it suggests none) and the day to order by (null with none). */
  suggestedOrderUnits: number;
  orderBy: IsoDate | null;
  /** The plan has a series for the SKU (it sold or held stock at FBA, or sold at one of the seller's own warehouses); without one it has nothing to forecast from. */
  hasSalesHistory: boolean;
}

/**
 * The supplier sheet's forecast and suggested order, read from the replenishment plan the Plan
 * screen shows (never recomputed). A buy line assigned to another supplier is not suggested to
 * this one (the SKU may sit on this supplier's old POs); an unassigned one is.
 */
export function supplierPlanFigures(
  plan: { ship: readonly Pick<ShipLine, 'skuId'>[]; buy: readonly Pick<BuyLine, 'skuId' | 'supplierId' | 'buyQty' | 'orderByDay' | 'forecast30Units' | 'ownDailyDemand'>[] },
  supplierId: number, skuIds: Iterable<number>): Map<number, SupplierPlanFigures> {
  const figures = new Map<number, SupplierPlanFigures>();
  for (const skuId of skuIds) figures.set(skuId, { forecast30Units: 0, suggestedOrderUnits: 0, orderBy: null, hasSalesHistory: false });
  for (const line of plan.ship) {
    const f = figures.get(line.skuId);
    if (f) f.hasSalesHistory = true;
  }
  for (const line of plan.buy) {
    const f = figures.get(line.skuId);
    if (!f) continue;
    // A SKU sold only from a 3PL or from home has no ship line, but its own warehouses' sales are history.
    if (line.ownDailyDemand > 0) f.hasSalesHistory = true;
    f.forecast30Units = Math.round(line.forecast30Units);
    if (line.buyQty > 0 && (line.supplierId === supplierId || line.supplierId === null)) {
      f.suggestedOrderUnits = line.buyQty;
      f.orderBy = Number.isFinite(line.orderByDay) ? isoFromDay(line.orderByDay) : null;
    }
  }
  return figures;
}

/** A supplier's SKUs: those set to be bought from it (sourcing) and those on its purchase orders. */
export function supplierSkuIds(supplierId: number, sourcedSkuIds: readonly number[], purchaseOrders: readonly PurchaseOrder[]): number[] {
  const ids = new Set<number>(sourcedSkuIds);
  for (const po of purchaseOrders) if (po.supplierId === supplierId) for (const line of po.lines) ids.add(line.skuId);
  return [...ids].sort((a, b) => a - b);
}

/** Units shipped and not yet received per SKU, over open shipments. */
export function unitsInTransit(shipments: readonly Shipment[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const s of shipments) for (const [skuId, open] of inTransitBySku(s)) units.set(skuId, (units.get(skuId) ?? 0) + open);
  return units;
}

/** Units ordered and not yet received per SKU, over sent and partially received POs. */
export function unitsOnOrder(purchaseOrders: readonly PurchaseOrder[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const po of purchaseOrders) {
    if (po.status !== 'sent' && po.status !== 'partially_received') continue;
    for (const line of po.lines) {
      const open = openQty(po, line.lineId);
      if (open > 0) units.set(line.skuId, (units.get(line.skuId) ?? 0) + open);
    }
  }
  return units;
}

const planOf = (f: SupplierPlanFigures | undefined) => ({ forecast30Units: f?.forecast30Units ?? 0, suggestedOrderUnits: f?.suggestedOrderUnits ?? 0, orderBy: f?.orderBy ?? null });

export function supplierStockStatus(input: SupplierStatusInput): SupplierStatusRow[] {
  const transit = unitsInTransit(input.shipments);
  const onOrder = unitsOnOrder(input.purchaseOrders);
  const rows = new Map<number, SupplierStatusRow>(
    input.skus.map((s) => [s.id, { skuId: s.id, code: s.code, name: s.name, domesticUnits: 0, overseasUnits: 0, fbaUnits: 0, inTransitUnits: transit.get(s.id) ?? 0, soldUnits: input.soldUnits.get(s.id) ?? 0, onOrderUnits: onOrder.get(s.id) ?? 0, ...planOf(input.planFigures?.get(s.id)) }]),
  );
  for (const b of input.balances) {
    const row = rows.get(b.skuId);
    const kind = input.locationKind.get(b.locationId);
    if (!row || kind === undefined) continue;
    if (kind === 'domestic') row.domesticUnits += b.qty;
    else if (kind === '3pl') row.overseasUnits += b.qty;
    else if (kind === 'fba') row.fbaUnits += b.qty;
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}
