// Creating the SKU of a held code from the unmapped queue (PRODUCT §1.2, renderer/db/imports.ts
// createSkuForHeldCode): one step stores the SKU, its platform code and posts exactly that code's
// held events; any refusal (a SKU field, a taken code, a conflicting platform code, a failed post)
// leaves every table as it was: no SKU without its mapping and its events.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { applyImport, createSkuForHeldCode, previewImport } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { loadLedger, stockAt } from '../../renderer/db/ledger';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { isoFromDay } from '../../shared/dates';
import { LATER, NOW, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, skuDraft, snapshot } from './helpers';

const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const ledgerText = readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', LEDGER), 'utf8');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
// The fixture holds X003ZQ1B7H (3 rows); a second unknown code, one row, must stay held.
const OTHER_LINE = '"05/07/2026"\t"X00OTHER01"\t"B0OTHER001"\t"CABLE-USBC-1M"\t"USB-C cable 1 m"\t"Receipts"\t"FBA18XK2Q7ZZ"\t"50"\t"ONT8"\t"SELLABLE"\t""\t"US"\t""\t""\t"2026-05-07T10:00:00-0700"\t""';
const ledgerBytes = encode(ledgerText.trimEnd() + '\n' + OTHER_LINE + '\n');

const TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows', 'sourceMappings'];

afterEach(async () => {
  await disposeDatabases();
});

/** The earbuds mapped (as in the catalog before the import); the LED strip and the cable unknown, so held. */
async function importedSeller(): Promise<{ db: StockPilotDatabase; earbud: number; batchId: string; fbaUs: number }> {
  const db = await freshDb();
  const earbud = await addSku(db, 'EARBUD-BLK', { name: 'Earbuds black', unitCost: '8.00' });
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  const batch = (await applyImport(db, LEDGER, ledgerBytes, NOW)).batch!;
  expect(await db.heldEvents.count()).toBe(4);
  const fba = (await db.locations.where('kind').equals('fba').toArray()).find((l) => l.marketplace === 'US')!;
  return { db, earbud, batchId: batch.id, fbaUs: fba.id };
}

const LED_DRAFT = skuDraft({ code: 'LED-STRIP-5M-RGB', name: 'LED strip 5 m RGB', unitCost: '3.00', costCurrency: 'USD', casePack: '1', moq: '0' });

/** Each movement of a SKU: day, location, signed quantity, type, reference. */
async function movementsOf(db: StockPilotDatabase, skuId: number) {
  const { columns } = await loadLedger(db);
  const rows: { date: string; locationId: number; qty: number }[] = [];
  for (let i = 0; i < columns.length; i++) if (columns.skuId[i] === skuId) rows.push({ date: isoFromDay(columns.day[i]!), locationId: columns.locationId[i]!, qty: columns.qty[i]! });
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.qty - b.qty);
}

async function balancesAt(db: StockPilotDatabase, locationId: number): Promise<Record<number, number>> {
  const result: Record<number, number> = {};
  for (const line of stockAt(await loadLedger(db), '2026-12-31')) if (line.locationId === locationId) result[line.skuId] = line.qty;
  return result;
}

describe('creating the SKU of a held code', () => {
  test('stores the SKU and its platform code, posts exactly the held rows of that code, and a re-import finds nothing new', async () => {
    const { db, earbud, batchId, fbaUs } = await importedSeller();
    const otherHeld = (await db.heldEvents.toArray()).filter((e) => e.code === 'X00OTHER01');
    expect(otherHeld).toHaveLength(1);

    const { skuId, posted } = await createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER);
    expect(posted).toBe(3);
    expect(skuId).not.toBeNull();
    const led = skuId!;
    expect(await db.skus.get(led)).toMatchObject({ code: 'LED-STRIP-5M-RGB', codeKey: 'LED-STRIP-5M-RGB', name: 'LED strip 5 m RGB', unitCostMinor: 300, costCurrency: 'USD', archived: false, createdAt: LATER });
    expect(await db.listings.where('skuId').equals(led).toArray()).toEqual([
      expect.objectContaining({ skuId: led, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ', fnsku: 'X003ZQ1B7H', unitsPerListing: 1 }),
    ]);
    // The three LED rows, at FBA US, with Amazon's quantities; the cable's row is still held.
    expect(await movementsOf(db, led)).toEqual([
      { date: '2026-05-06', locationId: fbaUs, qty: -1 },
      { date: '2026-05-06', locationId: fbaUs, qty: 1 },
      { date: '2026-05-07', locationId: fbaUs, qty: -6 },
    ]);
    expect(await balancesAt(db, fbaUs)).toEqual({ [earbud]: 238, [led]: -6 });
    expect(await db.heldEvents.toArray()).toEqual(otherHeld);
    expect(await db.batches.get(`${batchId}:fnsku:X003ZQ1B7H:US`)).toMatchObject({ movementCount: 3, label: 'X003ZQ1B7H (US)' });

    const before = await snapshot(db, ...TABLES);
    // 11 rows in the ledger and the cable's, already held: all twelve are duplicates.
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 0, duplicates: 12, held: 0, canApply: false });
    expect(await snapshot(db, ...TABLES)).toEqual(before);
  });

  test('the other held code can then be created too, each SKU with its own stock', async () => {
    const { db, fbaUs } = await importedSeller();
    const led = (await createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER)).skuId!;
    const cable = await createSkuForHeldCode(db, 'fnsku', 'X00OTHER01', 'US', skuDraft({ code: 'CABLE-USBC-1M', name: 'USB-C cable 1 m', unitCost: '' }), LATER);
    expect(cable.posted).toBe(1);
    expect(await db.skus.get(cable.skuId!)).toMatchObject({ code: 'CABLE-USBC-1M', unitCostMinor: 0 });
    expect(await db.heldEvents.count()).toBe(0);
    expect(await balancesAt(db, fbaUs)).toMatchObject({ [led]: -6, [cable.skuId!]: 50 });
  });

  test('with nothing held for the code any more, nothing is created', async () => {
    const { db } = await importedSeller();
    const before = await snapshot(db, ...TABLES);
    expect(await createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'DE', LED_DRAFT, LATER)).toEqual({ skuId: null, posted: 0 });
    expect(await snapshot(db, ...TABLES)).toEqual(before);
  });
});

describe('a refused creation stores nothing', () => {
  test('a SKU code another SKU has (in any case) is refused by name', async () => {
    const { db } = await importedSeller();
    await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', { ...LED_DRAFT, code: 'earbud-blk' }, LATER), 'sku.duplicateCode', { code: 'EARBUD-BLK' });
    expect(await db.heldEvents.count()).toBe(4);
  });

  test.each([
    ['no code', { code: '  ' }, 'field.required', { field: 'code' }],
    ['no name', { name: '' }, 'field.required', { field: 'name' }],
    ['a cost that is no number', { unitCost: 'abc' }, 'field.notNumber', { field: 'unitCost', value: 'abc' }],
    ['a code with a space', { code: 'LED STRIP' }, 'field.badFormat', { field: 'code', value: 'LED STRIP' }],
  ] as const)('%s', async (_, change, code, params) => {
    const { db } = await importedSeller();
    await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', { ...LED_DRAFT, ...change }, LATER), code, params);
  });

  test('the FNSKU held by another SKU meanwhile: refused after the SKU was added in the transaction, and the SKU is not kept', async () => {
    const { db, earbud } = await importedSeller();
    await saveListing(db, { skuId: earbud, marketplace: 'CA', sellerSku: 'LED-CA', asin: '', fnsku: 'X003ZQ1B7H', unitsPerListing: '1' });
    await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER), 'listing.conflictFnsku', { fnsku: 'X003ZQ1B7H', sku: 'EARBUD-BLK' });
    expect(await db.skus.where('codeKey').equals('LED-STRIP-5M-RGB').count()).toBe(0);
  });

  test('a failure while posting the held rows leaves no SKU and no platform code behind', async () => {
    const { db, batchId } = await importedSeller();
    // The batch the release would write already exists: the ledger write refuses, after the SKU and listing were added.
    await db.batches.add({ id: `${batchId}:fnsku:X003ZQ1B7H:US`, kind: 'import', label: 'in the way', createdAt: NOW, movementCount: 0, blockCount: 0, firstDate: '2026-05-01', lastDate: '2026-05-01' });
    await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER), 'field.badFormat', { field: 'batch', value: `${batchId}:fnsku:X003ZQ1B7H:US` });
    // Once the batch is out of the way, the create succeeds.
    await db.batches.delete(`${batchId}:fnsku:X003ZQ1B7H:US`);
    const { skuId, posted } = await createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER);
    expect(posted).toBe(3);
    expect((await movementsOf(db, skuId!)).map((m) => m.qty)).toEqual([-1, 1, -6]);
  });

  test('a failure after the ledger blocks were written (the held rows leaving the queue) rolls back the blocks, the SKU and its listing; a retry posts the rows once', async () => {
    const { db } = await importedSeller();
    const blocksBefore = await db.movementBlocks.count();
    // The disk fails as the held rows leave the queue: after the SKU, its listing and the ledger blocks were written.
    const failing = vi.spyOn(db.heldEvents, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'));
    try {
      await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER), 'storage.failed');
      expect(failing).toHaveBeenCalledTimes(1);
    } finally {
      failing.mockRestore();
    }
    // The retry posts the rows once, in one new block.
    const { skuId, posted } = await createSkuForHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', LED_DRAFT, LATER);
    expect(posted).toBe(3);
    expect((await movementsOf(db, skuId!)).map((m) => m.qty)).toEqual([-1, 1, -6]);
    expect(await db.movementBlocks.count()).toBe(blocksBefore + 1);
  });
});
