// Loads a generated demo seller into an empty profile: catalog rows first, then the movements as one
// batch. If the movements cannot be written, the catalog rows are taken out again.
import { DomainError } from '../../shared/errors';
import type { DemoDataset } from '../../shared/demo/generate';
import { skuCodeKey } from '../../shared/catalog/catalog';
import type { Location } from '../../shared/model';
import type { ImportBatch, StockPilotDatabase } from './schema';
import { appendMovementBatch } from './ledgerStore';
import { withStorageErrors } from './errors';

export const DEMO_BATCH_ID = 'demo';

export async function loadDemoDataset(db: StockPilotDatabase, dataset: DemoDataset, now: string): Promise<ImportBatch> {
  const added = await withStorageErrors(() =>
    db.transaction('rw', [db.skus, db.locations, db.listings], async () => {
      if ((await db.skus.count()) > 0) throw new DomainError('sku.duplicateCode', { code: dataset.skus[0]?.code ?? '' });
      const existing = await db.locations.toArray();
      // The dataset's domestic and transit locations are the profile's own; the others are added.
      const locationIds = [];
      const addedLocations: number[] = [];
      for (const location of dataset.locations) {
        const same = existing.find((l) => l.kind === location.kind && (location.kind === 'transit' || location.kind === 'domestic'));
        if (same) {
          locationIds.push(same.id);
          continue;
        }
        const id = await db.locations.add({ ...location, archived: false } satisfies Omit<Location, 'id'>);
        addedLocations.push(id);
        locationIds.push(id);
      }
      const skuIds = await db.skus.bulkAdd(
        dataset.skus.map((s) => ({
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
        { allKeys: true },
      );
      await db.listings.bulkAdd(
        dataset.listings.map((l) => ({
          skuId: skuIds[l.skuIndex]!,
          marketplace: l.marketplace,
          sellerSku: l.sellerSku,
          sellerSkuKey: l.sellerSku.toUpperCase(),
          asin: l.asin,
          fnsku: l.fnsku,
          unitsPerListing: l.unitsPerListing,
        })),
      );
      return { skuIds, locationIds, addedLocations };
    }),
  );
  // Provisional ids (index + 1) become database ids.
  const columns = dataset.movements;
  const skuMap = Int32Array.from(added.skuIds);
  const locationMap = Int32Array.from(added.locationIds);
  for (let i = 0; i < columns.length; i++) {
    columns.skuId[i] = skuMap[columns.skuId[i]! - 1]!;
    columns.locationId[i] = locationMap[columns.locationId[i]! - 1]!;
  }
  try {
    return await appendMovementBatch(db, { id: DEMO_BATCH_ID, kind: 'demo', label: 'Demo data', createdAt: now }, columns);
  } catch (error) {
    await db.transaction('rw', [db.skus, db.locations, db.listings], async () => {
      await db.listings.where('skuId').anyOf(added.skuIds).delete();
      await db.skus.bulkDelete(added.skuIds);
      await db.locations.bulkDelete(added.addedLocations);
    });
    throw error;
  }
}
