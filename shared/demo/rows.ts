// The demo catalog as database rows, with provisional ids (index + 1) that match the movements.
import { skuCodeKey } from '../catalog/catalog';
import { isoFromDay } from '../dates';
import type { Location, PlatformListing, Shipment, Sku } from '../model';
import type { DemoDataset } from './generate';

export interface DemoCatalogRows {
  skus: (Sku & { codeKey: string })[];
  locations: Location[];
  listings: (PlatformListing & { sellerSkuKey: string })[];
}

export function demoCatalogRows(dataset: DemoDataset, now: string): DemoCatalogRows {
  return {
    skus: dataset.skus.map((s, i) => ({
      id: i + 1,
      code: s.code,
      codeKey: skuCodeKey(s.code),
      name: s.name,
      unitCostMinor: s.unitCostMinor,
      costCurrency: s.costCurrency,
      casePack: s.casePack,
      moq: s.moq,
      barcode: s.barcode,
      archived: false,
      createdAt: now,
      updatedAt: now,
    })),
    locations: dataset.locations.map((l, i) => ({ id: i + 1, ...l, archived: false })),
    listings: dataset.listings.map((l, i) => ({
      id: i + 1,
      skuId: l.skuIndex + 1,
      marketplace: l.marketplace,
      sellerSku: l.sellerSku,
      sellerSkuKey: l.sellerSku.toUpperCase(),
      asin: l.asin,
      fnsku: l.fnsku,
      unitsPerListing: l.unitsPerListing,
    })),
  };
}

/**
 * The demo's shipments still under way on its last day, as open shipment records with ids from
 * `firstId` on (their dispatch rows' reference becomes shipmentRef(id), so receiving one in the app
 * takes its units out of the same transit balance). `skuIds` and `locationIds` map the dataset's
 * indexes to database ids.
 */
export function demoShipmentRows(dataset: DemoDataset, firstId: number, skuIds: ArrayLike<number>, locationIds: ArrayLike<number>): Shipment[] {
  return dataset.openShipments.map((open, i) => ({
    id: firstId + i,
    fromLocationId: locationIds[open.fromIndex]!,
    toLocationId: locationIds[open.toIndex]!,
    shipDate: isoFromDay(open.shipDay),
    eta: isoFromDay(open.arrivalDay),
    status: 'in_transit',
    mode: open.mode,
    lines: open.lines.map((line) => ({ skuId: skuIds[line.skuIndex]!, qty: line.qty })),
    note: dataset.movements.refs[open.refIndex] ?? '',
  }));
}
