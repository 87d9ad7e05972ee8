// A ledger row from a Country StockPilot does not know as a marketplace is held, not posted to a
// location made up for it.
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { addSku, disposeDatabases, freshDb, NOW } from './helpers';

afterEach(disposeDatabases);

const HEADER = '"Date"\t"FNSKU"\t"ASIN"\t"MSKU"\t"Title"\t"Event Type"\t"Reference ID"\t"Quantity"\t"Fulfillment Center"\t"Disposition"\t"Reason"\t"Country"\t"Reconciled Quantity"\t"Unreconciled Quantity"\t"Date and Time"\t"Store"';
const row = (country: string, ref: string) =>
  `"05/02/2026"\t"X004K7Q2MZ"\t"B0D3KQ7M2X"\t"BT-EARBUD-BLK"\t"Earbuds"\t"Receipts"\t"${ref}"\t"10"\t"ONT8"\t"SELLABLE"\t""\t"${country}"\t""\t""\t""\t""`;

describe('ledger rows by country', () => {
  it('posts a known marketplace and holds an unknown one without creating a location for it', async () => {
    const db = await freshDb();
    const sku = await addSku(db, 'EARBUD');
    await saveListing(db, { skuId: sku, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    const bytes = new TextEncoder().encode([HEADER, row('US', 'FBA1'), row('XX', 'FBA2')].join('\n') + '\n');
    const preview = await previewImport(db, 'ledger.txt', bytes);
    expect(preview).toMatchObject({ newMovements: 1, held: 1, newLocations: ['US'], heldCodes: ['X004K7Q2MZ (XX)'] });
    await applyImport(db, 'ledger.txt', bytes, NOW);
    const fba = await db.locations.where('kind').equals('fba').toArray();
    expect(fba.map((l) => l.marketplace)).toEqual(['US']);
    expect(await db.heldEvents.count()).toBe(1);
  });
});
