// Loads a generated demo seller into an empty profile: catalog rows first, then the movements as one
// batch. If the movements cannot be written, the catalog rows are taken out again.
import { DomainError } from '../../shared/errors';
import type { DemoDataset } from '../../shared/demo/generate';
import { demoCatalogRows, demoShipmentRows } from '../../shared/demo/rows';
import { shipmentRef } from '../../shared/ledger/postings';
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
  /** Database ids of the dataset's SKUs and locations, by index. */
  skuIds: readonly number[];
  locationIds: readonly number[];
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
    skuIds: added.skuIds,
    locationIds: added.locationIds,
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
    // The shipments still under way become open shipment records, written with the movements in one
    // transaction; their ids are taken after the highest one now, and their dispatch rows carry
    // shipmentRef(id), the reference a receipt in the app takes out of transit. Removing the demo
    // batch removes them too (createdShipmentIds).
    const last = await db.shipments.orderBy(':id').last();
    const shipments = demoShipmentRows(dataset, (last?.id ?? 0) + 1, catalog.skuIds, catalog.locationIds);
    const refs = catalog.columns.refs.slice();
    dataset.openShipments.forEach((open, i) => {
      refs[open.refIndex] = shipmentRef(shipments[i]!.id);
    });
    const batch = { ...DEMO_BATCH, createdAt: now, ...(shipments.length > 0 ? { createdShipmentIds: shipments.map((s) => s.id) } : {}) };
    return await appendMovementBatch(db, batch, { ...catalog.columns, refs }, { alongside: { tables: [db.shipments], write: async () => void (await db.shipments.bulkAdd(shipments)) } });
  } catch (error) {
    await catalog.rollback();
    throw error;
  }
}
