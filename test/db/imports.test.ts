// Importing Amazon's Inventory Ledger (renderer/db/imports.ts) on fake-IndexedDB: preview writes
// nothing, apply posts one batch (creating FBA locations) and holds unmapped codes, re-imports and
// overlapping files are deduplicated, held codes are mapped later, an import is undone as a whole,
// and files that cannot be applied are refused without writing anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport, mapHeldCode, previewImport, APPLIED_KINDS } from '../../renderer/db/imports';
import { saveListing } from '../../renderer/db/catalog';
import { loadLedger, stockAt } from '../../renderer/db/ledger';
import { removeMovementBatch } from '../../renderer/db/ledgerStore';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { LATER, NOW, addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, snapshot } from './helpers';

const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const MYI = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)));
const ledgerBytes = fixture(LEDGER);
const ledgerText = new TextDecoder().decode(ledgerBytes);
const ledgerLines = ledgerText.split('\n').filter((line) => line !== '');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows', 'sourceMappings'];
const everything = (db: StockPilotDatabase) => snapshot(db, ...TABLES);

afterEach(async () => {
  await disposeDatabases();
});

interface Seller {
  db: StockPilotDatabase;
  earbud: number;
  led: number;
}

/** Two SKUs; the earbuds' US listing carries the fixture's mapped FNSKU, the LED strip has none. */
async function seller(): Promise<Seller> {
  const db = await freshDb();
  const earbud = await addSku(db, 'EARBUD-BLK', { name: 'Earbuds black', unitCost: '8.00' });
  const led = await addSku(db, 'LED-STRIP', { name: 'LED strip 5 m', unitCost: '3.00' });
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  return { db, earbud, led };
}

async function fbaUs(db: StockPilotDatabase): Promise<number> {
  const locations = (await db.locations.where('kind').equals('fba').toArray()).filter((l) => l.marketplace === 'US');
  expect(locations).toHaveLength(1);
  return locations[0]!.id;
}

/** Balance of each SKU with movements at a location, after every movement (day-exact, from the ledger). */
async function balancesAt(db: StockPilotDatabase, locationId: number): Promise<Record<number, number>> {
  const ledger = await loadLedger(db);
  const result: Record<number, number> = {};
  for (const line of stockAt(ledger, '2026-12-31')) if (line.locationId === locationId) result[line.skuId] = line.qty;
  return result;
}

async function movementCount(db: StockPilotDatabase): Promise<number> {
  return (await loadLedger(db)).columns.length;
}

describe('previewImport of the Inventory Ledger', () => {
  test('reports what the file will do and writes nothing', async () => {
    const { db } = await seller();
    const before = await everything(db);
    const preview = await previewImport(db, LEDGER, ledgerBytes);
    expect(preview).toMatchObject({
      fileName: LEDGER,
      kind: 'GET_LEDGER_DETAIL_VIEW_DATA',
      encoding: 'utf-8',
      rowCount: 11,
      problems: [],
      rejectedRows: 0,
      canApply: true,
      marketplaces: ['US'],
      firstDate: '2026-05-02',
      lastDate: '2026-05-07',
      newMovements: 8,
      duplicates: 0,
      held: 3,
      heldCodes: ['X003ZQ1B7H (US)'],
      newLocations: ['US'],
    });
    // A ledger file's hash is made on Apply (only the import history needs it).
    expect(preview.sha256).toBe('');
    expect(await everything(db)).toEqual(before);
  });

  test('with an FBA US location already there, no location is to be created', async () => {
    const { db } = await seller();
    await addFba(db, 'US');
    const before = await everything(db);
    const preview = await previewImport(db, LEDGER, ledgerBytes);
    expect(preview).toMatchObject({ newLocations: [], newMovements: 8, held: 3 });
    expect(await everything(db)).toEqual(before);
  });

  test('the same bytes give the same sha256 on Apply, different bytes a different one', async () => {
    const hashOf = async (name: string, bytes: Uint8Array) => (await applyImport((await seller()).db, name, bytes, NOW)).batch!.file!.sha256;
    const a = await hashOf('a.tsv', ledgerBytes);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf('b.tsv', ledgerBytes.slice())).toBe(a);
    expect(await hashOf('c.tsv', encode(ledgerText.replace('"240"', '"241"')))).not.toBe(a);
  });

  test('a Manage FBA Inventory report previews as a snapshot to keep; the preview writes nothing', async () => {
    const { db } = await seller();
    const before = await everything(db);
    const preview = await previewImport(db, MYI, fixture(MYI), {}, { asOf: '2026-05-10' });
    expect(APPLIED_KINDS).toContain(preview.kind);
    expect(preview).toMatchObject({ kind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', rowCount: 10, problems: [], canApply: true, newMovements: 0, held: 0 });
    expect(preview.stored).toMatchObject({ kind: 'snapshot', date: '2026-05-10', unchanged: 0 });
    expect(preview.stored!.added).toBeGreaterThan(0);
    expect(await everything(db)).toEqual(before);
  });
});

describe('a preview reflects the database it is asked about, as it is now', () => {
  test('an FBA US location created after a preview is seen by the next preview and by apply (no second FBA US)', async () => {
    const { db, earbud } = await seller();
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newLocations: ['US'] });
    const location = await addFba(db, 'US');
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newLocations: [] });
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    expect((await db.locations.where('kind').equals('fba').toArray()).map((l) => l.id)).toEqual([location]);
    expect(await balancesAt(db, location)).toEqual({ [earbud]: 238 });
  });

  test('a listing saved after a preview maps the rows it held in that preview', async () => {
    const { db, earbud, led } = await seller();
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 8, held: 3 });
    await saveListing(db, { skuId: led, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: '', fnsku: 'X003ZQ1B7H', unitsPerListing: '1' });
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 11, held: 0 });
    const result = await applyImport(db, LEDGER, ledgerBytes, NOW);
    expect(result.batch).toMatchObject({ movementCount: 11, file: { held: 0 } });
    expect(await db.heldEvents.count()).toBe(0);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 238, [led]: -6 });
  });

  test('two databases previewing the same bytes each get their own answer', async () => {
    const first = await seller();
    await addFba(first.db, 'US');
    expect(await previewImport(first.db, LEDGER, ledgerBytes)).toMatchObject({ newLocations: [], newMovements: 8, held: 3 });
    const other = await freshDb();
    expect(await previewImport(other, LEDGER, ledgerBytes)).toMatchObject({ newLocations: ['US'], newMovements: 0, held: 11, heldCodes: ['X004K7Q2MZ (US)', 'X003ZQ1B7H (US)'] });
    const result = await applyImport(other, LEDGER, ledgerBytes, NOW);
    expect(result.batch).toMatchObject({ movementCount: 0, file: { held: 11 } });
    expect(await other.heldEvents.count()).toBe(11);
  });
});

describe('applyImport of the Inventory Ledger', () => {
  test('creates FBA US, posts 8 movements as one batch with the file details and holds 3 rows', async () => {
    const { db, earbud, led } = await seller();
    const result = await applyImport(db, LEDGER, ledgerBytes, NOW);
    const location = await fbaUs(db);
    expect(await db.locations.get(location)).toMatchObject({ name: 'FBA US', kind: 'fba', marketplace: 'US', archived: false });

    const batch = result.batch!;
    expect(batch).toMatchObject({ kind: 'import', label: LEDGER, createdAt: NOW, movementCount: 8, firstDate: '2026-05-02', lastDate: '2026-05-06' });
    expect(batch.file).toEqual({
      name: LEDGER,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA',
      rowCount: 11,
      duplicates: 0,
      held: 3,
      rejected: 0,
      // The file's latest row (a held one): the last movement posted is of 6 May.
      periodEnd: '2026-05-07',
    });
    expect(batch.file!.sha256).toBe(result.preview.sha256);
    expect(await db.batches.toArray()).toEqual([batch]);
    expect(result.preview).toMatchObject({ newMovements: 8, duplicates: 0, held: 3 });
    expect((await db.movementBlocks.toArray()).every((b) => b.batchId === batch.id)).toBe(true);
    expect(await db.movements.count()).toBe(0);
    expect(await movementCount(db)).toBe(8);

    // 240 received, 3 shipped, 1 returned, 12 out and back between centres, 1 lost and found again.
    expect(await balancesAt(db, location)).toEqual({ [earbud]: 238 });
    expect(await balancesAt(db, location)).not.toHaveProperty(String(led));

    const held = await db.heldEvents.toArray();
    expect(held).toHaveLength(3);
    expect(held.map(({ batchId, codeType, code, marketplace, date, quantity, eventType, referenceId, fnsku, sellerSku, asin }) => ({ batchId, codeType, code, marketplace, date, quantity, eventType, referenceId, fnsku, sellerSku, asin }))).toEqual([
      { batchId: batch.id, codeType: 'fnsku', code: 'X003ZQ1B7H', marketplace: 'US', date: '2026-05-06', quantity: -1, eventType: 'Adjustments', referenceId: '5531190457', fnsku: 'X003ZQ1B7H', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ' },
      { batchId: batch.id, codeType: 'fnsku', code: 'X003ZQ1B7H', marketplace: 'US', date: '2026-05-06', quantity: 1, eventType: 'Adjustments', referenceId: '5531190457', fnsku: 'X003ZQ1B7H', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ' },
      { batchId: batch.id, codeType: 'fnsku', code: 'X003ZQ1B7H', marketplace: 'US', date: '2026-05-07', quantity: -6, eventType: 'VendorReturns', referenceId: 'RMV-20260501-3', fnsku: 'X003ZQ1B7H', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ' },
    ]);
    expect(held[0]!.title).toBe('LED Strip Lights 16.4ft (5m) RGB with 24-Key Remote, 12" Reel');
    expect(new Set(held.map((h) => h.eventKey)).size).toBe(3);
  });

  test('uses an existing FBA US location instead of creating one', async () => {
    const { db, earbud } = await seller();
    const location = await addFba(db, 'US');
    const locationsBefore = await db.locations.toArray();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    expect(await db.locations.toArray()).toEqual(locationsBefore);
    expect(await balancesAt(db, location)).toEqual({ [earbud]: 238 });
  });

  test('the same bytes again: nothing new (8 posted + 3 held are duplicates) and nothing is written', async () => {
    const { db } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    const before = await everything(db);

    const preview = await previewImport(db, LEDGER, ledgerBytes);
    expect(preview).toMatchObject({ rowCount: 11, newMovements: 0, duplicates: 11, held: 0, heldCodes: [], newLocations: [], canApply: false });
    const again = await applyImport(db, LEDGER, ledgerBytes, LATER);
    expect(again.batch).toBeNull();
    expect(again.preview).toMatchObject({ newMovements: 0, duplicates: 11, held: 0, canApply: false });
    expect(await everything(db)).toEqual(before);
  });

  test('a seller SKU equal to one of the seller’s SKU codes maps without a listing (case-insensitive)', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'BT-EARBUD-BLK');
    const led = await addSku(db, 'led-strip-5m-rgb');
    const preview = await previewImport(db, LEDGER, ledgerBytes);
    expect(preview).toMatchObject({ newMovements: 11, held: 0, heldCodes: [] });
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 238, [led]: -6 });
    expect(await db.heldEvents.count()).toBe(0);
    expect(await db.listings.count()).toBe(0);
  });

  test('a listing’s seller SKU wins over a SKU with that code', async () => {
    const db = await freshDb();
    const sameCode = await addSku(db, 'BT-EARBUD-BLK');
    const listed = await addSku(db, 'EARBUDS');
    await saveListing(db, { skuId: listed, marketplace: 'US', sellerSku: 'bt-earbud-blk', asin: '', fnsku: '', unitsPerListing: '' });
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    const balances = await balancesAt(db, await fbaUs(db));
    expect(balances).toEqual({ [listed]: 238 });
    expect(balances).not.toHaveProperty(String(sameCode));
  });

  test('a 2-pack listing posts twice the units', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD-BLK');
    await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '2' });
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 476 });
    // And the re-import still recognises every posted (expanded) row.
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 0, duplicates: 11 });
  });

  test('an overlapping second file (first 6 rows + 2 new) posts only the 2 new rows', async () => {
    const { db, earbud } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    const header = ledgerLines[0]!;
    const shipment = ledgerLines[2]!;
    const receipt = ledgerLines[1]!;
    expect(shipment).toContain('"Shipments"\t"111-4829173-5520941"\t"-1"');
    expect(receipt).toContain('"Receipts"\t"FBA18XK2Q7LM"\t"240"');
    const newShipment = shipment.replace('111-4829173-5520941', '112-5550001-0000001').replace('"05/02/2026"', '"05/08/2026"').replace('2026-05-02T18:41:55', '2026-05-08T10:00:00');
    const newReceipt = receipt.replace('FBA18XK2Q7LM', 'FBA18XK2Q7LN').replace('"240"', '"60"').replace('"05/02/2026"', '"05/09/2026"').replace('2026-05-02T09:14:07', '2026-05-09T09:00:00');
    const second = encode([header, ...ledgerLines.slice(1, 7), newShipment, newReceipt].join('\n') + '\n');
    const blocksBefore = await db.movementBlocks.toArray();
    const heldBefore = await db.heldEvents.toArray();

    const preview = await previewImport(db, 'second.tsv', second);
    expect(preview).toMatchObject({ rowCount: 8, newMovements: 2, duplicates: 6, held: 0, newLocations: [], firstDate: '2026-05-02', lastDate: '2026-05-09' });
    const result = await applyImport(db, 'second.tsv', second, LATER);
    expect(result.batch).toMatchObject({ movementCount: 2, firstDate: '2026-05-08', lastDate: '2026-05-09', file: { name: 'second.tsv', rowCount: 8, duplicates: 6, held: 0 } });
    expect(await db.batches.count()).toBe(2);
    // The first import is untouched; the ledger has the 8 + 2 movements.
    expect((await db.movementBlocks.toArray()).slice(0, blocksBefore.length)).toEqual(blocksBefore);
    expect(await db.heldEvents.toArray()).toEqual(heldBefore);
    expect(await movementCount(db)).toBe(10);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 238 - 1 + 60 });
  });

  test('a file with only held rows records a batch without movements, which can be undone', async () => {
    const { db } = await seller();
    const heldOnly = encode([ledgerLines[0]!, ...ledgerLines.slice(9)].join('\n') + '\n');
    const result = await applyImport(db, 'held-only.tsv', heldOnly, NOW);
    expect(result.batch).toMatchObject({ movementCount: 0, blockCount: 0, firstDate: '2026-05-06', lastDate: '2026-05-07', file: { rowCount: 3, held: 3, duplicates: 0 } });
    expect(await db.heldEvents.count()).toBe(3);
    expect(await db.movementBlocks.count()).toBe(0);
    await removeMovementBatch(db, result.batch!.id);
    expect(await db.heldEvents.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
  });
});

describe('mapping a held code', () => {
  test('posts the held rows, saves the listing, deletes the held rows; a re-import is all duplicates', async () => {
    const { db, earbud, led } = await seller();
    const imported = (await applyImport(db, LEDGER, ledgerBytes, NOW)).batch!;
    const location = await fbaUs(db);

    expect(await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, LATER)).toBe(3);
    const listings = await db.listings.where('skuId').equals(led).toArray();
    expect(listings).toEqual([
      expect.objectContaining({ skuId: led, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ', fnsku: 'X003ZQ1B7H', unitsPerListing: 1 }),
    ]);
    expect(await db.heldEvents.count()).toBe(0);
    const batches = await db.batches.toArray();
    expect(batches.map((b) => b.id).sort()).toEqual([imported.id, `${imported.id}:fnsku:X003ZQ1B7H:US`].sort());
    expect(batches.find((b) => b.id !== imported.id)).toMatchObject({ movementCount: 3, label: 'X003ZQ1B7H (US)', file: { reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: 3 } });
    // Amazon's ledger oversells what StockPilot knew of: shown, not hidden.
    expect(await balancesAt(db, location)).toEqual({ [earbud]: 238, [led]: -6 });

    const before = await everything(db);
    const preview = await previewImport(db, LEDGER, ledgerBytes);
    expect(preview).toMatchObject({ newMovements: 0, duplicates: 11, held: 0, canApply: false });
    expect((await applyImport(db, LEDGER, ledgerBytes, '2024-05-03T00:00:00.000Z')).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('a code with no held rows posts nothing, writes nothing and says so (−1)', async () => {
    const { db, led } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    const before = await everything(db);
    expect(await mapHeldCode(db, 'fnsku', 'X00NOTHELD', 'US', led, LATER)).toBe(-1);
    expect(await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'DE', led, LATER)).toBe(-1);
    expect(await everything(db)).toEqual(before);
  });

  test('mapping to a SKU when the FNSKU already belongs to another SKU is refused and nothing changes', async () => {
    const { db, earbud, led } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    await saveListing(db, { skuId: earbud, marketplace: 'CA', sellerSku: 'LED-CA', asin: '', fnsku: 'X003ZQ1B7H', unitsPerListing: '1' });
    await expectRefusedUnchanged(db, TABLES, () => mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, LATER), 'listing.conflictFnsku', { fnsku: 'X003ZQ1B7H', sku: 'EARBUD-BLK' });
    expect(await db.heldEvents.count()).toBe(3);
  });

  test("a held seller SKU that is a bundle's is refused, and the bundle is not overwritten, even mapped to its first component", async () => {
    const { db, earbud, led } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    const components = [
      { skuCode: 'LED', skuId: led, units: '1' },
      { skuCode: 'EARBUD-BLK', skuId: earbud, units: '1' },
    ];
    await saveListing(db, { skuId: 0, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: '', fnsku: '', unitsPerListing: '', components });
    await expectRefusedUnchanged(db, TABLES, () => mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, LATER), 'listing.conflictBundle', { marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB' });
    expect(await db.heldEvents.count()).toBe(3);
  });

  test('a held code mapped to a 2-pack listing posts the units of the pack, like a later import of the same rows would', async () => {
    // BUG (see report): mapHeldCode posts event.quantity, ignoring the listing's unitsPerListing.
    const { db, earbud, led } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    await saveListing(db, { skuId: led, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ', fnsku: 'X003ZQ1B7H', unitsPerListing: '2' });
    expect(await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, LATER)).toBe(3);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 238, [led]: -12 });
    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 0, duplicates: 11 });
  });

  test('rows held by an import and posted by a later import (after the code was mapped in the catalog) are not posted twice', async () => {
    // BUG (see report): the re-import posts the 3 rows but leaves them held; mapping then posts them again.
    const { db, earbud, led } = await seller();
    await applyImport(db, LEDGER, ledgerBytes, NOW);
    await saveListing(db, { skuId: led, marketplace: 'US', sellerSku: 'LED-STRIP-5M-RGB', asin: 'B0CFJ2L8WQ', fnsku: 'X003ZQ1B7H', unitsPerListing: '1' });
    const second = await applyImport(db, LEDGER, ledgerBytes, LATER);
    expect(second.preview).toMatchObject({ newMovements: 3, duplicates: 8, held: 0 });
    await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, '2024-05-03T00:00:00.000Z');
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [earbud]: 238, [led]: -6 });
  });
});

describe('undoing an import', () => {
  test('removeMovementBatch removes its movements and its held rows; the file can then be imported again', async () => {
    const { db, earbud } = await seller();
    const batch = (await applyImport(db, LEDGER, ledgerBytes, NOW)).batch!;
    const location = await fbaUs(db);
    await removeMovementBatch(db, batch.id);
    expect(await db.batches.count()).toBe(0);
    expect(await db.movementBlocks.count()).toBe(0);
    expect(await db.heldEvents.count()).toBe(0);
    expect(await movementCount(db)).toBe(0);
    expect(await balancesAt(db, location)).toEqual({});
    // The FBA location the import created stays (it may hold other stock by now).
    expect(await db.locations.get(location)).toMatchObject({ kind: 'fba', marketplace: 'US' });

    expect(await previewImport(db, LEDGER, ledgerBytes)).toMatchObject({ newMovements: 8, duplicates: 0, held: 3, newLocations: [] });
    await applyImport(db, LEDGER, ledgerBytes, LATER);
    expect(await balancesAt(db, location)).toEqual({ [earbud]: 238 });
    expect(await db.heldEvents.count()).toBe(3);
  });

  test('undoing the import leaves a mapped code’s batch in place', async () => {
    const { db, earbud, led } = await seller();
    const batch = (await applyImport(db, LEDGER, ledgerBytes, NOW)).batch!;
    await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, LATER);
    await removeMovementBatch(db, batch.id);
    expect(await balancesAt(db, await fbaUs(db))).toEqual({ [led]: -6 });
    expect(await balancesAt(db, await fbaUs(db))).not.toHaveProperty(String(earbud));
  });
});

describe('files that cannot be applied', () => {
  test('a file with an unknown header is refused with import.notApplicable until its columns are mapped, nothing written', async () => {
    const { db } = await seller();
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, 'stock.csv', encode('Colour,Size\nred,L\n'), NOW), 'import.notApplicable', { file: 'stock.csv' });
  });

  const header = ledgerText.slice(0, ledgerText.indexOf('\n') + 1);
  const downloadAgain = /download the report/i;
  const badFiles: [string, Uint8Array, Record<string, unknown>, [string, RegExp] | null][] = [
    ['empty bytes', new Uint8Array(0), { kind: null, rowCount: 0, canApply: false }, ['empty-file', downloadAgain]],
    ['PNG bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), { kind: null, rowCount: 0, canApply: false }, ['binary-file', /PNG image.*download the report as a tab-delimited/i]],
    ['an unknown header', encode('foo\tbar\tbaz\n1\t2\t3\n'), { kind: null, rowCount: 1, canApply: false }, ['unknown-report', /does not recognise this report.*"foo, bar, baz".*Supported:.*Inventory Ledger/s]],
    ['a header-only ledger file', encode(header), { kind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: 0, canApply: false, newMovements: 0, held: 0 }, null],
    ['a ledger file truncated mid-quote in its first row', encode(ledgerText.slice(0, ledgerText.indexOf('Wireless Earbuds') + 8)), { kind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: 0, canApply: false }, ['truncated-quote', /data row 1\b.*cut off.*Download the report again/]],
    ['a ledger file truncated mid-quote in its last row', encode(ledgerText.slice(0, ledgerText.lastIndexOf('LED Strip Lights') + 8)), { kind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: 10 }, ['truncated-quote', /data row 11\b.*cut off.*Download the report again/]],
  ];

  test.each(badFiles)('%s: preview names the problem and writes nothing', async (name, bytes, expected, problem) => {
    const { db } = await seller();
    const before = await everything(db);
    const preview = await previewImport(db, name, bytes);
    expect(preview).toMatchObject(expected);
    if (problem === null) {
      // Recognised, with no rows: nothing to apply and nothing wrong with the file.
      expect(preview.problems).toEqual([]);
    } else {
      expect(preview.problems.map((p) => [p.code, p.severity])).toEqual([[problem[0], 'error']]);
      // A sentence the seller can act on: what is wrong and what to do.
      expect(preview.problems[0]!.message).toMatch(problem[1]);
    }
    expect(await everything(db)).toEqual(before);
  });

  test.each(badFiles)('%s: apply refuses or does nothing, and writes nothing', async (name, bytes) => {
    // BUG for the mid-file truncation (see report): it posts the rows before the cut.
    const { db } = await seller();
    const before = await everything(db);
    let outcome: string;
    try {
      const result = await applyImport(db, name, bytes, NOW);
      outcome = result.batch === null ? 'no batch' : `wrote batch ${result.batch.id} (${result.batch.movementCount} movements, ${result.batch.file?.held} held)`;
    } catch (error) {
      outcome = (error as { code?: string }).code ?? String(error);
    }
    expect(['import.notApplicable', 'no batch']).toContain(outcome);
    expect(await everything(db)).toEqual(before);
  });

  test.each([
    ['empty bytes', new Uint8Array(0)],
    ['an unknown header', encode('foo\tbar\n1\t2\n')],
  ])('%s: apply throws import.notApplicable naming the file', async (name, bytes) => {
    const { db } = await seller();
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, name, bytes, NOW), 'import.notApplicable', { file: name });
  });
});
