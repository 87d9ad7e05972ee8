// The supplier stock status (VMI) sheet: for one supplier's SKUs, what is on hand by kind of
// location, what is on the way, what sold recently and what is still on order, so the supplier
// can plan production. Pure: the caller gathers balances, shipments, sales and POs.
import type { LocationKind, PurchaseOrder, Shipment } from '../model';
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

export function supplierStockStatus(input: SupplierStatusInput): SupplierStatusRow[] {
  const transit = unitsInTransit(input.shipments);
  const onOrder = unitsOnOrder(input.purchaseOrders);
  const rows = new Map<number, SupplierStatusRow>(
    input.skus.map((s) => [s.id, { skuId: s.id, code: s.code, name: s.name, domesticUnits: 0, overseasUnits: 0, fbaUnits: 0, inTransitUnits: transit.get(s.id) ?? 0, soldUnits: input.soldUnits.get(s.id) ?? 0, onOrderUnits: onOrder.get(s.id) ?? 0 }]),
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
