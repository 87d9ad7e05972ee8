// All Listings → platform codes: preview proposes, apply saves the matches atomically.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../renderer/db/imports';
import { removeMovementBatch } from '../../renderer/db/ledgerStore';
import { saveListing } from '../../renderer/db/catalog';
import { addSku, disposeDatabases, freshDb, LATER, NOW } from './helpers';

afterEach(disposeDatabases);

const FILE = 'GET_MERCHANT_LISTINGS_ALL_DATA.tsv';
const bytes = () => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', FILE)));

describe('All Listings import', () => {
  it('proposes the seller SKUs that match SKU codes, writes nothing on preview, and saves them on apply', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'BT-EARBUD-BLK');
    await addSku(db, 'bt-earbud-wht');
    const before = await db.listings.toArray();
    const preview = await previewImport(db, FILE, bytes());
    expect(preview.kind).toBe('GET_MERCHANT_LISTINGS_ALL_DATA');
    expect(preview.listings?.marketplace).toBe('US');
    const fresh = preview.listings!.proposals.filter((p) => p.status === 'new').map((p) => p.sellerSku);
    expect(fresh).toEqual(['BT-EARBUD-BLK', 'BT-EARBUD-WHT']);
    expect(preview.canApply).toBe(true);
    expect(await db.listings.toArray()).toEqual(before);

    await applyImport(db, FILE, bytes(), NOW, {}, { marketplace: 'CA' });
    const saved = await db.listings.toArray();
    expect(saved.map((l) => [l.marketplace, l.sellerSku, l.skuId])).toEqual([
      ['CA', 'BT-EARBUD-BLK', earbud],
      ['CA', 'BT-EARBUD-WHT', earbud + 1],
    ]);
    expect(saved[0]!.asin).toBe('B0D3KQ7M2X');

    // Again: every code is known now, nothing to apply.
    const again = await previewImport(db, FILE, bytes(), {}, { marketplace: 'CA' });
    expect(again.canApply).toBe(false);
  });

  it('with no seller SKU matching a SKU code there is nothing to apply, and applying writes nothing', async () => {
    const db = await freshDb();
    await addSku(db, 'UNRELATED');
    const preview = await previewImport(db, FILE, bytes());
    expect(preview.canApply).toBe(false);
    expect(preview.listings!.proposals.every((p) => p.status === 'unmatched')).toBe(true);
    const result = await applyImport(db, FILE, bytes(), NOW);
    expect(result.batch).toBeNull();
    expect(await db.listings.count()).toBe(0);
  });

  it('is listed in the import history, and undoing it removes exactly the platform codes it created', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'BT-EARBUD-BLK');
    await addSku(db, 'BT-EARBUD-WHT');
    // A code the seller mapped by hand before the import stays when the import is undone.
    const manual = await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'MANUAL-1', asin: '', fnsku: '', unitsPerListing: '1' });
    const { batch } = await applyImport(db, FILE, bytes(), LATER);
    expect(batch).toMatchObject({ label: FILE, movementCount: 0, file: { reportKind: 'GET_MERCHANT_LISTINGS_ALL_DATA', stored: 2 } });
    expect(await db.batches.get(batch!.id)).toMatchObject({ createdListingIds: batch!.createdListingIds });
    expect(await db.listings.count()).toBe(3);

    await removeMovementBatch(db, batch!.id);
    expect((await db.listings.toArray()).map((l) => l.id)).toEqual([manual]);
    expect(await db.batches.count()).toBe(0);
  });

  it('undoing it keeps a platform code the seller has since made a bundle', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'BT-EARBUD-BLK');
    const white = await addSku(db, 'BT-EARBUD-WHT');
    const { batch } = await applyImport(db, FILE, bytes(), LATER);
    const [first, second] = batch!.createdListingIds!;
    const made = (await db.listings.get(first!))!;
    // The seller turns the imported code into a bundle of both earbuds.
    await saveListing(
      db,
      { skuId: 0, marketplace: made.marketplace, sellerSku: made.sellerSku, asin: '', fnsku: '', unitsPerListing: '', components: [{ skuCode: 'BT-EARBUD-BLK', skuId: earbud, units: '1' }, { skuCode: 'BT-EARBUD-WHT', skuId: white, units: '1' }] },
      first,
    );

    await removeMovementBatch(db, batch!.id);
    const left = await db.listings.toArray();
    expect(left.map((l) => l.id)).toEqual([first]);
    expect(left[0]!.components).toHaveLength(2);
    expect(await db.listings.get(second!)).toBeUndefined();
  });
});
