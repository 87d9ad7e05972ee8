// SKUs, platform listings and locations: small edited records, one row each.
import { DomainError } from '../../shared/errors';
import { findListingConflict, parseListingDraft, parseLocationDraft, parseSkuDraft, skuCodeKey } from '../../shared/catalog/catalog';
import type { ListingDraft, LocationDraft, SkuDraft } from '../../shared/catalog/catalog';
import type { StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';

export async function createSku(db: StockPilotDatabase, draft: SkuDraft, now: string): Promise<number> {
  const fields = parseSkuDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', db.skus, async () => {
      const codeKey = skuCodeKey(fields.code);
      const existing = await db.skus.where('codeKey').equals(codeKey).first();
      if (existing) throw new DomainError('sku.duplicateCode', { code: existing.code });
      return db.skus.add({ ...fields, codeKey, archived: false, createdAt: now, updatedAt: now });
    }),
  );
}

export async function updateSku(db: StockPilotDatabase, id: number, draft: SkuDraft, now: string): Promise<void> {
  const fields = parseSkuDraft(draft);
  await withStorageErrors(() =>
    db.transaction('rw', db.skus, async () => {
      const current = await db.skus.get(id);
      if (!current) throw new DomainError('sku.notFound', { id });
      const codeKey = skuCodeKey(fields.code);
      const clash = await db.skus.where('codeKey').equals(codeKey).first();
      if (clash && clash.id !== id) throw new DomainError('sku.duplicateCode', { code: clash.code });
      await db.skus.put({ ...current, ...fields, codeKey, updatedAt: now });
    }),
  );
}

export async function setSkuArchived(db: StockPilotDatabase, id: number, archived: boolean, now: string): Promise<void> {
  await withStorageErrors(async () => {
    const changed = await db.skus.update(id, { archived, updatedAt: now });
    if (changed === 0) throw new DomainError('sku.notFound', { id });
  });
}

export async function saveListing(db: StockPilotDatabase, draft: ListingDraft, listingId?: number): Promise<number> {
  const fields = parseListingDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', db.listings, db.skus, async () => {
      const skuIds = fields.components?.map((c) => c.skuId) ?? [fields.skuId];
      const found = await db.skus.bulkGet(skuIds);
      const missing = skuIds.findIndex((_, i) => !found[i]);
      if (missing >= 0) throw new DomainError('sku.notFound', { id: skuIds[missing]! });
      const sellerSkuKey = fields.sellerSku.toUpperCase();
      const candidates = [
        ...(fields.fnsku ? await db.listings.where('fnsku').equals(fields.fnsku).toArray() : []),
        ...(await db.listings.where('[marketplace+sellerSkuKey]').equals([fields.marketplace, sellerSkuKey]).toArray()),
      ];
      const codes = new Map((await db.skus.bulkGet(candidates.map((l) => l.skuId))).map((s) => [s?.id, s?.code ?? '?']));
      const conflict = findListingConflict(fields, candidates, (id) => codes.get(id) ?? '?', listingId);
      if (conflict) throw conflict;
      const record = { ...fields, sellerSkuKey };
      if (listingId !== undefined) {
        if (!(await db.listings.get(listingId))) throw new DomainError('listing.notFound', { id: listingId });
        await db.listings.put({ ...record, id: listingId });
        return listingId;
      }
      return db.listings.add(record);
    }),
  );
}

export async function deleteListing(db: StockPilotDatabase, listingId: number): Promise<void> {
  await withStorageErrors(() => db.listings.delete(listingId));
}

export async function createLocation(db: StockPilotDatabase, draft: LocationDraft): Promise<number> {
  const fields = parseLocationDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', db.locations, async () => {
      const all = await db.locations.toArray();
      const clash = all.find((l) => l.name.trim().toUpperCase() === fields.name.toUpperCase());
      if (clash) throw new DomainError('location.duplicateName', { name: clash.name });
      return db.locations.add({ ...fields, archived: false });
    }),
  );
}

export async function renameLocation(db: StockPilotDatabase, id: number, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') throw new DomainError('field.required', { field: 'name' });
  await withStorageErrors(() =>
    db.transaction('rw', db.locations, async () => {
      const all = await db.locations.toArray();
      if (!all.some((l) => l.id === id)) throw new DomainError('location.notFound', { id });
      const clash = all.find((l) => l.id !== id && l.name.trim().toUpperCase() === trimmed.toUpperCase());
      if (clash) throw new DomainError('location.duplicateName', { name: clash.name });
      await db.locations.update(id, { name: trimmed });
    }),
  );
}

/** The location that holds every shipment's transit balance (created with the database). */
export async function transitLocationId(db: StockPilotDatabase): Promise<number> {
  const transit = await db.locations.where('kind').equals('transit').first();
  if (transit) return transit.id;
  return db.locations.add({ name: 'In transit', kind: 'transit', archived: false });
}
