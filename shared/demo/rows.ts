// The demo catalog as database rows, with provisional ids (index + 1) that match the movements.
import { skuCodeKey } from '../catalog/catalog';
import type { Location, PlatformListing, Sku } from '../model';
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
