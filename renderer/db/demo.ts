// Loads a generated demo seller into an empty profile: catalog rows first, then the movements as one
// batch. If the movements cannot be written, the catalog rows are taken out again.
import { DomainError } from '../../shared/errors';
import type { DemoDataset } from '../../shared/demo/generate';
import { demoCatalogRows } from '../../shared/demo/rows';
import type { Location } from '../../shared/model';
import type { ImportBatch, StockPilotDatabase } from './schema';
import { appendMovementBatch } from './ledgerStore';
import type { BatchInput } from './ledgerStore';
import type { MovementColumns } from '../../shared/ledger';
import { withStorageErrors } from './errors';

export const DEMO_BATCH_ID = 'demo';

export interface DemoCatalog {
  /** The dataset's movements with database ids. */
  columns: MovementColumns;
  /** Takes the catalog rows out again (when the movements could not be written). */
  rollback: () => Promise<void>;
}

/** Adds the dataset's SKUs, listings and locations, and maps its movements to their database ids. */
export async function addDemoCatalog(db: StockPilotDatabase, dataset: DemoDataset, now: string): Promise<DemoCatalog> {
  const added = await withStorageErrors(() =>
    db.transaction('rw', [db.skus, db.locations, db.listings], async () => {
      if ((await db.skus.count()) > 0) throw new DomainError('sku.duplicateCode', { code: dataset.skus[0]?.code ?? '' });
      const existing = await db.locations.toArray();
      // The dataset's domestic and transit locations are the profile's own; the others are added.
      const locationIds: number[] = [];
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
      const rows = demoCatalogRows(dataset, now);
      const skuIds = await db.skus.bulkAdd(
        rows.skus.map(({ id: _id, ...sku }) => sku),
        { allKeys: true },
      );
      await db.listings.bulkAdd(rows.listings.map(({ id: _id, ...listing }) => ({ ...listing, skuId: skuIds[listing.skuId - 1]! })));
      return { skuIds, locationIds, addedLocations };
    }),
  );
  // Provisional ids (index + 1) become database ids, in copies: the dataset stays as generated.
  const columns = { ...dataset.movements, skuId: dataset.movements.skuId.slice(), locationId: dataset.movements.locationId.slice() };
  const skuMap = Int32Array.from(added.skuIds);
  const locationMap = Int32Array.from(added.locationIds);
  for (let i = 0; i < columns.length; i++) {
    columns.skuId[i] = skuMap[columns.skuId[i]! - 1]!;
    columns.locationId[i] = locationMap[columns.locationId[i]! - 1]!;
  }
  return {
    columns,
    rollback: () =>
      db.transaction('rw', [db.skus, db.locations, db.listings], async () => {
        await db.listings.where('skuId').anyOf(added.skuIds).delete();
        await db.skus.bulkDelete(added.skuIds);
        await db.locations.bulkDelete(added.addedLocations);
      }),
  };
}

export const DEMO_BATCH: Omit<BatchInput, 'createdAt'> = { id: DEMO_BATCH_ID, kind: 'demo', label: 'Demo data' };

export async function loadDemoDataset(db: StockPilotDatabase, dataset: DemoDataset, now: string): Promise<ImportBatch> {
  const catalog = await addDemoCatalog(db, dataset, now);
  try {
    return await appendMovementBatch(db, { ...DEMO_BATCH, createdAt: now }, catalog.columns);
  } catch (error) {
    await catalog.rollback();
    throw error;
  }
}
