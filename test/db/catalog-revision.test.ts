// The catalog revision token (renderer/db/catalogRevision.ts) and the import's cached code lookup:
// every write to the SKUs or their platform codes, from any connection, makes a new token in the
// same transaction, and a lookup read after it sees the change.
import { afterEach, describe, expect, test } from 'vitest';
import { CATALOG_REVISION_KEY } from '../../renderer/db/catalogRevision';
import { createSku, deleteListing, saveListing, setSkuArchived, updateSku } from '../../renderer/db/catalog';
import { codeLookupOf } from '../../renderer/db/imports';
import { StockPilotDatabase } from '../../renderer/db/schema';
import { LATER, NOW, disposeDatabases, freshDb, skuDraft, track } from './helpers';

afterEach(disposeDatabases);

async function tokenOf(db: StockPilotDatabase): Promise<string | null> {
  const record = await db.ledgerState.get(CATALOG_REVISION_KEY);
  return record?.key === CATALOG_REVISION_KEY ? record.token : null;
}

describe('catalog revision', () => {
  test('every kind of catalog write makes a new token', async () => {
    const db = await freshDb();
    expect(await tokenOf(db)).toBeNull();
    const seen = new Set<string>();
    const expectNewToken = async () => {
      const token = await tokenOf(db);
      expect(token).not.toBeNull();
      expect(seen.has(token!)).toBe(false);
      seen.add(token!);
    };
    const skuId = await createSku(db, skuDraft({ code: 'CASE-01' }), NOW);
    await expectNewToken();
    await updateSku(db, skuId, skuDraft({ code: 'CASE-01B' }), LATER);
    await expectNewToken();
    await setSkuArchived(db, skuId, true, LATER);
    await expectNewToken();
    const listingId = await saveListing(db, { skuId, marketplace: 'US', sellerSku: 'CASE-US', asin: 'B0CASE0001', fnsku: 'X00CASE001', unitsPerListing: '1' });
    await expectNewToken();
    await deleteListing(db, listingId);
    await expectNewToken();
    // Writes to other tables leave it alone.
    const before = await tokenOf(db);
    await db.locations.add({ name: 'Shelf B', kind: 'domestic', archived: false });
    expect(await tokenOf(db)).toBe(before);
  });

  test('a catalog write that fails leaves the token as it was', async () => {
    const db = await freshDb();
    await createSku(db, skuDraft({ code: 'CASE-01' }), NOW);
    const before = await tokenOf(db);
    await expect(createSku(db, skuDraft({ code: 'case-01' }), LATER)).rejects.toThrow();
    expect(await tokenOf(db)).toBe(before);
  });

  test('the code lookup is reused while the catalog is unchanged and read again after any change, from any connection', async () => {
    const db = await freshDb();
    const skuId = await createSku(db, skuDraft({ code: 'CASE-01' }), NOW);
    await saveListing(db, { skuId, marketplace: 'US', sellerSku: 'CASE-US', asin: 'B0CASE0001', fnsku: 'X00CASE001', unitsPerListing: '1' });
    const first = await codeLookupOf(db);
    expect(first.byFnsku.get('X00CASE001')).toEqual({ skuId, unitsPerListing: 1 });
    expect(await codeLookupOf(db)).toBe(first);

    // Another connection to the same database (the page, while the worker holds the lookup).
    const page = track(new StockPilotDatabase(db.name));
    await page.open();
    const listingId = await saveListing(page, { skuId, marketplace: 'DE', sellerSku: 'CASE-DE', asin: 'B0CASE0001', fnsku: 'X00CASE002', unitsPerListing: '2' });
    const second = await codeLookupOf(db);
    expect(second).not.toBe(first);
    expect(second.byFnsku.get('X00CASE002')).toEqual({ skuId, unitsPerListing: 2 });

    await deleteListing(page, listingId);
    const third = await codeLookupOf(db);
    expect(third.byFnsku.has('X00CASE002')).toBe(false);
    // A SKU code is a seller SKU in every marketplace, found on a miss.
    expect(third.bySkuCode?.get('CASE-01')).toEqual({ skuId, unitsPerListing: 1 });
  });
});
