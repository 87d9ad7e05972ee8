// Imported orders in the plan's demand history (PRODUCT §1.2, §4.1): a bundle's orders are its
// components' demand, each × its units per bundle; plain listings are unchanged; each import replaces
// the ledger's sales over its own days only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveListing } from '../../renderer/db/catalog';
import { applyImport, codeLookupOf, previewImport } from '../../renderer/db/imports';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { columnsFromMovements } from '../../shared/ledger';
import { sellerSkuTarget } from '../../shared/ledger/amazonLedger';
import { NOW, addFba, addSku, disposeDatabases, freshDb, planUnitsByDay } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';
const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
const orders = (): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', ORDERS)));

/**
 * The fixture's US orders: earbuds (plain listing) 1 on 05-01 and 2 on 05-02; the cable 2-pack 3 on 05-02;
 * DESK-ORG-BAMB 1 on 05-04, here a bundle of 1 case + 2 cables. Every SKU has stock at FBA US, so each
 * has a demand series there.
 */
async function sellerWithBundle(): Promise<{ db: StockPilotDatabase; earbud: number; caseSku: number; cable: number; us: number }> {
  const db = await freshDb();
  const us = await addFba(db, 'US');
  const earbud = await addSku(db, 'EARBUD-BLK');
  const caseSku = await addSku(db, 'CASE-01');
  const cable = await addSku(db, 'CABLE-2M');
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: '', unitsPerListing: '1' });
  await saveListing(db, { skuId: cable, marketplace: 'US', sellerSku: 'USB-C-CBL-2M-WHT', asin: '', fnsku: '', unitsPerListing: '2' });
  await saveListing(db, {
    skuId: 0,
    marketplace: 'US',
    sellerSku: 'DESK-ORG-BAMB',
    asin: 'B0BQ2W7N8T',
    fnsku: '',
    unitsPerListing: '',
    components: [
      { skuCode: 'CASE-01', skuId: caseSku, units: '1' },
      { skuCode: 'CABLE-2M', skuId: cable, units: '2' },
    ],
  });
  const receipts = [earbud, caseSku, cable].map((skuId, i) => ({ id: i + 1, date: '2026-04-01', skuId, locationId: us, qty: 100, type: 'receipt' as const, source: 'test' }));
  await appendMovementBatch(db, { id: 'stock', kind: 'demo', label: 'stock', createdAt: NOW }, columnsFromMovements(receipts));
  return { db, earbud, caseSku, cable, us };
}

describe("a bundle's orders in the plan's demand history", () => {
  it('raise each component by its units per bundle, on top of its own orders; a plain listing is unchanged', async () => {
    const { db, earbud, caseSku, cable, us } = await sellerWithBundle();
    // The bundle's seller SKU is mapped: only codes without a listing here are not.
    expect((await previewImport(db, ORDERS, orders())).stored?.unmappedCodes).toEqual(['BT-EARBUD-BLK (CA)', 'LED-STRIP-5M-RGB (US)', 'YOGA-MAT-6MM-PRP (US)']);
    await applyImport(db, ORDERS, orders(), NOW);

    // Days 05-01 … 05-04.
    expect(await planUnitsByDay(db, TODAY, caseSku, us, '2026-05-01', '2026-05-04')).toEqual([0, 0, 0, 1]);
    // 3 two-packs on 05-02 (its own listing), 1 bundle × 2 cables on 05-04.
    expect(await planUnitsByDay(db, TODAY, cable, us, '2026-05-01', '2026-05-04')).toEqual([0, 6, 0, 2]);
    expect(await planUnitsByDay(db, TODAY, earbud, us, '2026-05-01', '2026-05-04')).toEqual([1, 2, 0, 0]);
    // A bundle holds no stock: its seller SKU maps no ledger or snapshot code.
    expect(sellerSkuTarget(await codeLookupOf(db), 'US', 'DESK-ORG-BAMB')).toBeUndefined();
  });

  it('the same orders with the bundle re-saved as a plain listing of the case: the case takes them, the cable only its own', async () => {
    const { db, caseSku, cable, us } = await sellerWithBundle();
    const bundle = (await db.listings.where('[marketplace+sellerSkuKey]').equals(['US', 'DESK-ORG-BAMB']).first())!;
    await saveListing(db, { skuId: caseSku, marketplace: 'US', sellerSku: 'DESK-ORG-BAMB', asin: '', fnsku: '', unitsPerListing: '1' }, bundle.id);
    await applyImport(db, ORDERS, orders(), NOW);
    expect(await planUnitsByDay(db, TODAY, caseSku, us, '2026-05-01', '2026-05-04')).toEqual([0, 0, 0, 1]);
    expect(await planUnitsByDay(db, TODAY, cable, us, '2026-05-01', '2026-05-04')).toEqual([0, 6, 0, 0]);
  });
});

describe('imported orders over the ledger', () => {
  /** An All Orders file (the fixture's header) with one order of `units` earbuds on each day given, fulfilled by `channel`. */
  const ordersOn = (days: string[], units: number, channel = 'Amazon'): Uint8Array => {
    const [header] = new TextDecoder().decode(orders()).split('\n');
    const lines = days.map((day) => [`111-${channel === 'Amazon' ? '0000000' : '9999999'}-${day.replaceAll('-', '')}`, '', `${day}T12:00:00+00:00`, `${day}T18:00:00+00:00`, 'Shipped', channel, 'Amazon.com', '', 'Standard', 'Earbuds', 'BT-EARBUD-BLK', 'B0D3KQ7M2X', 'Shipped', String(units), 'USD', '29.99', '', '', '', '', '', '', '', 'LOS ANGELES', 'CA', '90017', 'US', '', '', 'false', '', '', 'false'].join('\t'));
    return new TextEncoder().encode([header, ...lines].join('\n') + '\n');
  };

  it('replace the ledger\'s sales only over the days each import covers: a gap between two imports keeps the ledger', async () => {
    const { db, earbud, us } = await sellerWithBundle();
    // The ledger sells 1 earbud a day 05-01 … 05-10; orders are imported for 05-01 … 05-03 (3 a day)
    // and, in a second file, for 05-08 … 05-10 (3 a day). 05-04 … 05-07 no import covers.
    const sales = Array.from({ length: 10 }, (_, d) => ({ id: 100 + d, date: `2026-05-${String(d + 1).padStart(2, '0')}`, skuId: earbud, locationId: us, qty: -1, type: 'sale' as const, source: 'test' }));
    await appendMovementBatch(db, { id: 'sales', kind: 'demo', label: 'sales', createdAt: NOW }, columnsFromMovements(sales));
    await applyImport(db, 'orders-early.tsv', ordersOn(['2026-05-01', '2026-05-02', '2026-05-03'], 3), NOW);
    await applyImport(db, 'orders-late.tsv', ordersOn(['2026-05-08', '2026-05-09', '2026-05-10'], 3), '2026-06-01T00:00:00.000Z');
    expect(await planUnitsByDay(db, TODAY, earbud, us, '2026-05-01', '2026-05-10')).toEqual([3, 3, 3, 1, 1, 1, 1, 3, 3, 3]);
    // A file of the seller's own (MFN) orders over the gap covers no FBA demand: the gap keeps the ledger.
    await applyImport(db, 'orders-mfn.tsv', ordersOn(['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07'], 2, 'Merchant'), '2026-06-02T00:00:00.000Z');
    expect(await planUnitsByDay(db, TODAY, earbud, us, '2026-05-01', '2026-05-10')).toEqual([3, 3, 3, 1, 1, 1, 1, 3, 3, 3]);
  });

  it('leave out orders the seller fulfilled (MFN), and keep what FBA shipped that no order of its own names', async () => {
    const { db, earbud, us } = await sellerWithBundle();
    // The ledger: FBA US ships 2 earbuds a day 05-01 … 05-04. The orders: 1 a day fulfilled by Amazon
    // (the other went to a multi-channel order, named in no Amazon.com order), and 5 a day by the seller.
    const sales = Array.from({ length: 4 }, (_, d) => ({ id: 100 + d, date: `2026-05-0${d + 1}`, skuId: earbud, locationId: us, qty: -2, type: 'sale' as const, source: 'test' }));
    await appendMovementBatch(db, { id: 'sales', kind: 'demo', label: 'sales', createdAt: NOW }, columnsFromMovements(sales));
    const days = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'];
    await applyImport(db, 'orders-fba.tsv', ordersOn(days, 1), NOW);
    await applyImport(db, 'orders-mfn.tsv', ordersOn(days, 5, 'Merchant'), '2026-06-01T00:00:00.000Z');
    // Each day: its 1 FBA order + half the ledger's 2 (the orders explain 4 of its 8 units).
    expect(await planUnitsByDay(db, TODAY, earbud, us, '2026-05-01', '2026-05-04')).toEqual([2, 2, 2, 2]);
  });
});

