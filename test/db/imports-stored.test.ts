// Reports kept as rows beside the ledger (renderer/db/imports.ts, renderer/db/reports.ts): Manage FBA
// Inventory and the planning report as snapshots at the marketplace's FBA location, All Orders and
// Amazon Fulfilled Shipments as demand, returns / restock / business report / ledger summary /
// reserved as rows per batch, the ledger detail's Adjustments events beside its movements, and
// generic warehouse stock files mapped once and remembered by header. Every number below is counted
// by hand from test/fixtures/amazon and test/fixtures/warehouse.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport, previewImport } from '../../renderer/db/imports';
import type { ImportOptions } from '../../renderer/db/imports';
import { createLocation, saveListing } from '../../renderer/db/catalog';
import { latestRows } from '../../renderer/db/reports';
import { readLedgerVersion, removeMovementBatch } from '../../renderer/db/ledgerStore';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { dailyDemand, mergeDemandRows } from '../../shared/import/demand';
import type { ListingComponent } from '../../shared/import/demand';
import type { GenericMapping } from '../../shared/import/generic';
import type { SnapshotRow } from '../../shared/import/stored';
import { LATER, NOW, addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, locationIds, snapshot } from './helpers';

const amazon = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)));
const warehouse = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/warehouse', name)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const MYI = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv';
const PLANNING = 'GET_FBA_INVENTORY_PLANNING_DATA.tsv';
const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
const SHIPMENTS = 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL.tsv';
const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const THREE_PL = '3pl-stock.en.bom-crlf.csv';
const DOMESTIC_GBK = 'domestic-stock.zh-CN.gbk.csv';

const myiBytes = amazon(MYI);
const myiText = decode(myiBytes);

const TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows', 'sourceMappings'];
const everything = (db: StockPilotDatabase) => snapshot(db, ...TABLES);

afterEach(async () => {
  await disposeDatabases();
});

/** The FBA locations of a marketplace (there must never be two). */
async function fbaOf(db: StockPilotDatabase, marketplace: string) {
  return (await db.locations.where('kind').equals('fba').toArray()).filter((l) => l.marketplace === marketplace);
}

/** The latest rows of one snapshot scope (location|date), by key. */
async function snapshotRows(db: StockPilotDatabase, locationId: number, date: string): Promise<Map<string, SnapshotRow>> {
  return (await latestRows(db, 'snapshot')).get(`${locationId}|${date}`)?.rows ?? new Map<string, SnapshotRow>();
}

// Manage FBA Inventory, by hand (fulfillable / reserved / unsellable / researching / inbound = working + shipped + receiving):
const EARBUD_BLK_ROW: SnapshotRow = {
  key: 'fnsku:X004K7Q2MZ|NEW',
  codeType: 'fnsku',
  code: 'X004K7Q2MZ',
  sellerSku: 'BT-EARBUD-BLK',
  fnsku: 'X004K7Q2MZ',
  asin: 'B0D3KQ7M2X',
  title: 'Wireless Earbuds Bluetooth 5.3, 40H Playtime, Black',
  fulfillable: 412,
  reserved: 17,
  unsellable: 3,
  researching: 0,
  inbound: 600,
  unitCostMinor: null,
};
const CABLE_ROW: Partial<SnapshotRow> = { key: 'fnsku:X003ZP8V1R|NEW', fulfillable: 1260, reserved: 35, unsellable: 12, researching: 2, inbound: 480 };
/** The merchant-fulfilled line has no FNSKU: it is keyed by its seller SKU. */
const FBM_ROW: Partial<SnapshotRow> = { key: 'sellerSku:DESK-ORG-BAMB-FBM|NEW', codeType: 'sellerSku', code: 'DESK-ORG-BAMB-FBM', fnsku: '', asin: 'B0BQ2W7N8T', fulfillable: 0, reserved: 0, unsellable: 0, researching: 0, inbound: 0 };
/** The same ASIN in another condition is another line. */
const RENEWED_ROW: Partial<SnapshotRow> = { key: 'fnsku:X004K7Q4PB|USEDLIKENEW', fulfillable: 6, reserved: 0, unsellable: 0, researching: 0, inbound: 0 };
const MYI_KEYS = [
  'fnsku:X004K7Q2MZ|NEW',
  'fnsku:X004K7Q3NA|NEW',
  'fnsku:X003ZP8V1R|NEW',
  'fnsku:X003ZQ1B7H|NEW',
  'fnsku:X004A1C9TD|NEW',
  'fnsku:X0049RTA2E|NEW',
  'fnsku:B0BQ2W7N8T|NEW',
  'sellerSku:DESK-ORG-BAMB-FBM|NEW',
  'fnsku:X004D2F5HK|NEW',
  'fnsku:X004K7Q4PB|USEDLIKENEW',
];
const MYI_UNMAPPED_US = [
  'B0BQ2W7N8T (US)',
  'DESK-ORG-BAMB-FBM (US)',
  'X003ZP8V1R (US)',
  'X003ZQ1B7H (US)',
  'X0049RTA2E (US)',
  'X004A1C9TD (US)',
  'X004D2F5HK (US)',
  'X004K7Q2MZ (US)',
  'X004K7Q3NA (US)',
  'X004K7Q4PB (US)',
];

/** The white earbuds' line with 1 fulfillable unit fewer (afn-warehouse 42 → 41, fulfillable 38 → 37, total 242 → 241). */
const myiChangedBytes = (() => {
  const before = '\tYes\t42\t38\t0\t4\t242\t';
  expect(myiText.split(before)).toHaveLength(2);
  return encode(myiText.replace(before, '\tYes\t41\t37\t0\t4\t241\t'));
})();

describe('Manage FBA Inventory: preview', () => {
  test('a snapshot of 10 lines (one per code and condition) dated asOf, for FBA US to be created; nothing is written', async () => {
    const db = await freshDb();
    const before = await everything(db);
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({
      kind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
      rowCount: 10,
      problems: [],
      rejectedRows: 0,
      canApply: true,
      marketplaces: ['US'],
      newMovements: 0,
      duplicates: 0,
      held: 0,
      newLocations: ['US'],
    });
    expect(preview.stored).toEqual({
      kind: 'snapshot',
      added: 10,
      changed: 0,
      unchanged: 0,
      date: '2026-05-10',
      chosenMarketplace: 'US',
      locations: ['FBA US'],
      unmappedCodes: MYI_UNMAPPED_US,
    });
    expect(preview.listings).toBeUndefined();
    expect(preview.generic).toBeUndefined();
    expect(await everything(db)).toEqual(before);
  });

  test('the marketplace is guessed from where the file’s codes are mapped: one FNSKU listed in DE → DE', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD-BLK');
    await saveListing(db, { skuId: earbud, marketplace: 'DE', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({ marketplaces: ['DE'], newLocations: ['DE'] });
    expect(preview.stored).toMatchObject({ chosenMarketplace: 'DE', locations: ['FBA DE'], added: 10 });
    // The mapped FNSKU is not listed as unmapped; the other 9 codes are, in DE.
    expect(preview.stored!.unmappedCodes).toHaveLength(9);
    expect(preview.stored!.unmappedCodes).not.toContain('X004K7Q2MZ (DE)');
    expect(preview.stored!.unmappedCodes).toContain('X004K7Q3NA (DE)');
  });

  test('no listings and one FBA location: that location’s marketplace', async () => {
    const db = await freshDb();
    const uk = await addFba(db, 'UK');
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({ marketplaces: ['UK'], newLocations: [] });
    expect(preview.stored).toMatchObject({ chosenMarketplace: 'UK', locations: ['FBA UK'] });
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });
    expect((await snapshotRows(db, uk, '2026-05-10')).size).toBe(10);
  });

  test('no listings and two FBA locations: US (and FBA US is to be created)', async () => {
    const db = await freshDb();
    await addFba(db, 'UK');
    await addFba(db, 'DE');
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({ marketplaces: ['US'], newLocations: ['US'] });
    expect(preview.stored).toMatchObject({ chosenMarketplace: 'US', locations: ['FBA US'] });
  });

  test('options.marketplace overrides the guess', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD-BLK');
    await saveListing(db, { skuId: earbud, marketplace: 'DE', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10', marketplace: 'JP' });
    expect(preview).toMatchObject({ marketplaces: ['JP'], newLocations: ['JP'] });
    expect(preview.stored).toMatchObject({ chosenMarketplace: 'JP', locations: ['FBA JP'], added: 10 });
    // An FNSKU is one SKU in every marketplace: the earbuds' FNSKU still maps in JP; the other 9 codes do not.
    expect(preview.stored!.unmappedCodes).toHaveLength(9);
    expect(preview.stored!.unmappedCodes).toContain('X004K7Q3NA (JP)');
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10', marketplace: 'JP' });
    expect(await fbaOf(db, 'JP')).toHaveLength(1);
    expect(await fbaOf(db, 'DE')).toHaveLength(0);
  });
});

describe('Manage FBA Inventory: apply', () => {
  test('one batch without movements; 10 rows at FBA US (created in the same write); the ledger is untouched', async () => {
    const db = await freshDb();
    const versionBefore = await readLedgerVersion(db);
    const ledgerBefore = await snapshot(db, 'ledgerState', 'movementBlocks', 'movements', 'heldEvents');
    const result = await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });

    const fba = await fbaOf(db, 'US');
    expect(fba).toHaveLength(1);
    expect(fba[0]).toMatchObject({ name: 'FBA US', kind: 'fba', marketplace: 'US', archived: false });
    const batch = result.batch!;
    expect(batch).toEqual({
      id: expect.stringMatching(/^import-2024-05-01T09:00:00.000Z-[0-9a-f]{8}$/),
      kind: 'import',
      label: MYI,
      createdAt: NOW,
      movementCount: 0,
      blockCount: 0,
      firstDate: '2026-05-10',
      lastDate: '2026-05-10',
      file: { name: MYI, sha256: result.preview.sha256, reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', rowCount: 10, duplicates: 0, held: 0, rejected: 0, stored: 10 },
    });
    expect(await db.batches.toArray()).toEqual([batch]);

    const chunks = await db.reportRows.toArray();
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ batchId: batch.id, kind: 'snapshot', scope: `${fba[0]!.id}|2026-05-10`, reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', marketplace: 'US', locationId: fba[0]!.id, date: '2026-05-10' });
    const rows = await snapshotRows(db, fba[0]!.id, '2026-05-10');
    expect([...rows.keys()]).toEqual(MYI_KEYS);
    expect(rows.get(EARBUD_BLK_ROW.key)).toEqual(EARBUD_BLK_ROW);
    expect(rows.get(CABLE_ROW.key!)).toMatchObject(CABLE_ROW);
    expect(rows.get(FBM_ROW.key!)).toMatchObject(FBM_ROW);
    expect(rows.get(RENEWED_ROW.key!)).toMatchObject(RENEWED_ROW);

    // Nothing of it is in the ledger: no movement, no summary rebuilt, the version as it was.
    expect(await readLedgerVersion(db)).toEqual(versionBefore);
    expect(await snapshot(db, 'ledgerState', 'movementBlocks', 'movements', 'heldEvents')).toEqual(ledgerBefore);
  });

  test('an existing FBA US location is used; a second apply creates no second one', async () => {
    const db = await freshDb();
    const us = await addFba(db, 'US');
    const locations = await db.locations.toArray();
    expect(await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' })).toMatchObject({ newLocations: [], stored: { locations: ['FBA US'] } });
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });
    await applyImport(db, MYI, myiBytes, LATER, {}, { asOf: '2026-05-11' });
    expect(await db.locations.toArray()).toEqual(locations);
    expect((await snapshotRows(db, us, '2026-05-10')).size).toBe(10);
    expect((await snapshotRows(db, us, '2026-05-11')).size).toBe(10);
  });

  test('the location an apply created is reused by the next apply (no second FBA US)', async () => {
    const db = await freshDb();
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });
    const [created] = await fbaOf(db, 'US');
    const second = await previewImport(db, 'changed.tsv', myiChangedBytes, {}, { asOf: '2026-05-10' });
    expect(second).toMatchObject({ newLocations: [], stored: { locations: ['FBA US'], chosenMarketplace: 'US' } });
    await applyImport(db, 'changed.tsv', myiChangedBytes, LATER, {}, { asOf: '2026-05-10' });
    expect(await fbaOf(db, 'US')).toEqual([created]);
  });

  test('the same file again with the same asOf: all 10 unchanged, canApply false, nothing written', async () => {
    const db = await freshDb();
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });
    const before = await everything(db);
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({ canApply: false, duplicates: 10, newLocations: [] });
    expect(preview.stored).toMatchObject({ added: 0, changed: 0, unchanged: 10, date: '2026-05-10' });
    const again = await applyImport(db, MYI, myiBytes, LATER, {}, { asOf: '2026-05-10' });
    expect(again.batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('the same file on another day is another snapshot: 10 added', async () => {
    const db = await freshDb();
    await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' });
    const preview = await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-17' });
    expect(preview.stored).toMatchObject({ added: 10, changed: 0, unchanged: 0, date: '2026-05-17' });
  });

  test('one quantity changed: changed 1, and the whole snapshot (all 10 lines) is stored again; latestRows has the new value; undo brings the old one back', async () => {
    const db = await freshDb();
    const first = (await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' })).batch!;
    const [us] = await fbaOf(db, 'US');
    const preview = await previewImport(db, 'changed.tsv', myiChangedBytes, {}, { asOf: '2026-05-10' });
    // The counts still say what changed: the white earbuds' line only.
    expect(preview).toMatchObject({ canApply: true, duplicates: 9 });
    expect(preview.stored).toMatchObject({ added: 0, changed: 1, unchanged: 9 });

    // A scope with anything changed is stored whole: the file's 10 lines, in file order, in one chunk.
    const second = (await applyImport(db, 'changed.tsv', myiChangedBytes, LATER, {}, { asOf: '2026-05-10' })).batch!;
    expect(second).toMatchObject({ movementCount: 0, file: { stored: 10, duplicates: 9 } });
    const written = await db.reportRows.where('batchId').equals(second.id).toArray();
    expect(written).toHaveLength(1);
    expect(written[0]!.rows.map((r) => r.key)).toEqual(MYI_KEYS);
    expect(written[0]!.rows.find((r) => r.key === 'fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 37 });

    const latest = (await latestRows(db, 'snapshot')).get(`${us!.id}|2026-05-10`)!;
    expect(latest.batchId).toBe(second.id);
    expect(latest.rows.size).toBe(10);
    expect(latest.rows.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 37, reserved: 4, unsellable: 0, inbound: 200 });
    expect(latest.rows.get(EARBUD_BLK_ROW.key)).toEqual(EARBUD_BLK_ROW);

    await removeMovementBatch(db, second.id);
    const undone = (await latestRows(db, 'snapshot')).get(`${us!.id}|2026-05-10`)!;
    expect(undone.batchId).toBe(first.id);
    expect(undone.rows.size).toBe(10);
    expect(undone.rows.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 38 });
    expect(await db.batches.toArray()).toEqual([first]);
    // And the changed file is new again.
    expect((await previewImport(db, 'changed.tsv', myiChangedBytes, {}, { asOf: '2026-05-10' })).stored).toMatchObject({ changed: 1, unchanged: 9 });
  });

  test('undoing the whole snapshot import removes its rows and leaves the created location', async () => {
    const db = await freshDb();
    const batch = (await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' })).batch!;
    const ledgerBefore = await snapshot(db, 'ledgerState', 'movementBlocks', 'movements');
    await removeMovementBatch(db, batch.id);
    // Nothing of it was in the ledger: the version and summaries stay as they were.
    expect(await snapshot(db, 'ledgerState', 'movementBlocks', 'movements')).toEqual(ledgerBefore);
    expect(await db.reportRows.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
    expect(await fbaOf(db, 'US')).toHaveLength(1);
    expect((await previewImport(db, MYI, myiBytes, {}, { asOf: '2026-05-10' })).stored).toMatchObject({ added: 10, unchanged: 0 });
  });

  test('two imports of the same snapshot (10 lines, then one quantity changed): undoing either one leaves the other file’s full 10 lines', async () => {
    /** Both files applied to a fresh database; the first file's 10 lines as stored. */
    async function both() {
      const db = await freshDb();
      const first = (await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' })).batch!;
      const [us] = await fbaOf(db, 'US');
      const firstRows = await snapshotRows(db, us!.id, '2026-05-10');
      expect([...firstRows.keys()]).toEqual(MYI_KEYS);
      const second = (await applyImport(db, 'changed.tsv', myiChangedBytes, LATER, {}, { asOf: '2026-05-10' })).batch!;
      return { db, us: us!.id, first, second, firstRows };
    }
    /** The changed file's lines: the first file's, the white earbuds with 37 fulfillable instead of 38. */
    const changedRows = (firstRows: Map<string, SnapshotRow>) => {
      const rows = new Map([...firstRows].map(([key, row]) => [key, { ...row }]));
      expect(rows.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 38, reserved: 4, unsellable: 0, researching: 0, inbound: 200 });
      rows.get('fnsku:X004K7Q3NA|NEW')!.fulfillable = 37;
      return rows;
    };

    // Undo the older: the newer file said all 10 lines, and all 10 stay (37 for the white earbuds).
    const older = await both();
    await removeMovementBatch(older.db, older.first.id);
    const afterOlder = await snapshotRows(older.db, older.us, '2026-05-10');
    expect([...afterOlder.keys()]).toEqual(MYI_KEYS);
    expect(afterOlder).toEqual(changedRows(older.firstRows));
    expect(afterOlder.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 37 });
    expect(afterOlder.get(EARBUD_BLK_ROW.key)).toEqual(EARBUD_BLK_ROW);
    expect(await older.db.batches.toArray()).toEqual([older.second]);

    // Undo the newer: the first file's 10 lines, exactly (38 for the white earbuds).
    const newer = await both();
    await removeMovementBatch(newer.db, newer.second.id);
    const afterNewer = await snapshotRows(newer.db, newer.us, '2026-05-10');
    expect(afterNewer).toEqual(newer.firstRows);
    expect(afterNewer.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 38 });
    expect(await newer.db.batches.toArray()).toEqual([newer.first]);
  });

  test('a newer download of the same snapshot missing a line (the renewed earbuds): that line is gone; undo brings it back', async () => {
    const db = await freshDb();
    const first = (await applyImport(db, MYI, myiBytes, NOW, {}, { asOf: '2026-05-10' })).batch!;
    const [us] = await fbaOf(db, 'US');
    const renewed = myiText.split('\n').filter((line) => line.startsWith('BT-EARBUD-BLK-RNW\t'));
    expect(renewed).toHaveLength(1);
    const shorter = encode(myiText.replace(`${renewed[0]!}\n`, ''));
    expect(decode(shorter).split('\n')).toHaveLength(myiText.split('\n').length - 1);

    // Nothing new or changed, but the file lost a line: a change, so it can be applied.
    const preview = await previewImport(db, 'shorter.tsv', shorter, {}, { asOf: '2026-05-10' });
    expect(preview).toMatchObject({ rowCount: 9, canApply: true, duplicates: 9 });
    expect(preview.stored).toMatchObject({ added: 0, changed: 0, unchanged: 9 });
    const second = (await applyImport(db, 'shorter.tsv', shorter, LATER, {}, { asOf: '2026-05-10' })).batch!;
    expect(second.file).toMatchObject({ rowCount: 9, stored: 9, duplicates: 9 });

    const rows = await snapshotRows(db, us!.id, '2026-05-10');
    expect([...rows.keys()]).toEqual(MYI_KEYS.filter((key) => key !== RENEWED_ROW.key));
    expect(rows.has(RENEWED_ROW.key!)).toBe(false);
    expect(rows.get(EARBUD_BLK_ROW.key)).toEqual(EARBUD_BLK_ROW);
    // The same shorter file again: nothing new, nothing lost, nothing written.
    expect(await previewImport(db, 'shorter.tsv', shorter, {}, { asOf: '2026-05-10' })).toMatchObject({ canApply: false, stored: { added: 0, changed: 0, unchanged: 9 } });

    await removeMovementBatch(db, second.id);
    const undone = await snapshotRows(db, us!.id, '2026-05-10');
    expect([...undone.keys()]).toEqual(MYI_KEYS);
    expect(undone.get(RENEWED_ROW.key!)).toMatchObject(RENEWED_ROW);
    expect(await db.batches.toArray()).toEqual([first]);
  });
});

describe('FBA Inventory (planning) report', () => {
  test('uses its own snapshot date and each row’s marketplace, whatever asOf and marketplace are passed', async () => {
    const db = await freshDb();
    const bytes = amazon(PLANNING);
    const preview = await previewImport(db, PLANNING, bytes, {}, { asOf: '2026-05-20', marketplace: 'DE' });
    expect(preview).toMatchObject({ kind: 'GET_FBA_INVENTORY_PLANNING_DATA', rowCount: 6, problems: [], canApply: true, marketplaces: ['US'], newLocations: ['US'] });
    expect(preview.stored).toMatchObject({ kind: 'snapshot', added: 6, changed: 0, unchanged: 0, date: '2026-05-14', chosenMarketplace: null, locations: ['FBA US'] });

    const batch = (await applyImport(db, PLANNING, bytes, NOW, {}, { asOf: '2026-05-20', marketplace: 'DE' })).batch!;
    expect(batch).toMatchObject({ firstDate: '2026-05-14', lastDate: '2026-05-14', file: { stored: 6, reportKind: 'GET_FBA_INVENTORY_PLANNING_DATA' } });
    expect(await fbaOf(db, 'DE')).toHaveLength(0);
    const [us] = await fbaOf(db, 'US');
    const rows = await snapshotRows(db, us!.id, '2026-05-14');
    expect(rows.size).toBe(6);
    // available → fulfillable, Total Reserved Quantity, unfulfillable-quantity; no researching column; inbound = working + shipped + received.
    expect(rows.get('fnsku:X004K7Q2MZ|NEW')).toMatchObject({ fulfillable: 412, reserved: 17, unsellable: 3, researching: null, inbound: 600 });
    expect(rows.get('fnsku:X003ZP8V1R|NEW')).toMatchObject({ fulfillable: 1260, reserved: 35, unsellable: 12, researching: null, inbound: 480 });
    expect(rows.get('fnsku:X004K7Q3NA|NEW')).toMatchObject({ fulfillable: 38, reserved: 4, unsellable: 0, inbound: 200 });
    expect(rows.get('fnsku:X003ZQ1B7H|NEW')).toMatchObject({ fulfillable: 0, reserved: 0, unsellable: 0, inbound: 320 });
    expect([...(await latestRows(db, 'snapshot')).keys()]).toEqual([`${us!.id}|2026-05-14`]);

    // Re-importing it (any asOf) writes nothing.
    const before = await everything(db);
    expect(await previewImport(db, PLANNING, bytes, {}, { asOf: '2026-06-01' })).toMatchObject({ canApply: false, stored: { unchanged: 6, added: 0 } });
    expect((await applyImport(db, PLANNING, bytes, LATER, {}, { asOf: '2026-06-01' })).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('a row for another marketplace (GB is UK) and another date goes to that FBA location and day', async () => {
    const db = await freshDb();
    const text = decode(amazon(PLANNING));
    const lines = text.split('\n');
    // The yoga mat (data row 5) as reported by UK on the 13th.
    const yoga = lines[5]!;
    expect(yoga.startsWith('2026-05-14\tYOGA-MAT-6MM-PRP\t')).toBe(true);
    expect(yoga.split('\tUS\tSports\t')).toHaveLength(2);
    lines[5] = yoga.replace('2026-05-14', '2026-05-13').replace('\tUS\tSports\t', '\tGB\tSports\t');
    const bytes = encode(lines.join('\n'));
    const preview = await previewImport(db, 'planning-uk.tsv', bytes);
    expect(preview).toMatchObject({ marketplaces: ['US', 'UK'], newLocations: ['US', 'UK'] });
    expect(preview.stored).toMatchObject({ added: 6, locations: ['FBA US', 'FBA UK'] });
    const batch = (await applyImport(db, 'planning-uk.tsv', bytes, NOW)).batch!;
    expect(batch).toMatchObject({ firstDate: '2026-05-13', lastDate: '2026-05-14', file: { stored: 6 } });
    const [us] = await fbaOf(db, 'US');
    const [uk] = await fbaOf(db, 'UK');
    expect(uk).toMatchObject({ name: 'FBA UK', kind: 'fba', marketplace: 'UK' });
    expect((await snapshotRows(db, us!.id, '2026-05-14')).size).toBe(5);
    const ukRows = await snapshotRows(db, uk!.id, '2026-05-13');
    expect([...ukRows.values()]).toEqual([expect.objectContaining({ key: 'fnsku:X004A1C9TD|NEW', fulfillable: 57, reserved: 2, unsellable: 6 })]);
    const scopes = await latestRows(db, 'snapshot');
    expect(scopes.get(`${uk!.id}|2026-05-13`)).toMatchObject({ marketplace: 'UK', locationId: uk!.id, date: '2026-05-13' });
  });
});

describe('All Orders and Amazon Fulfilled Shipments → demand', () => {
  /** SKUs and listings for the order lines; the white earbuds and the LED strip stay unmapped. */
  async function seller() {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD-BLK');
    const cable = await addSku(db, 'CABLE-2M');
    const desk = await addSku(db, 'DESK-ORG');
    const yoga = await addSku(db, 'YOGA-MAT');
    await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: '', unitsPerListing: '1' });
    await saveListing(db, { skuId: earbud, marketplace: 'CA', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: '', unitsPerListing: '1' });
    // The cable listing is a 2-pack: one listing unit is 2 units of the SKU.
    await saveListing(db, { skuId: cable, marketplace: 'US', sellerSku: 'USB-C-CBL-2M-WHT', asin: '', fnsku: '', unitsPerListing: '2' });
    await saveListing(db, { skuId: desk, marketplace: 'US', sellerSku: 'DESK-ORG-BAMB', asin: '', fnsku: '', unitsPerListing: '1' });
    await saveListing(db, { skuId: yoga, marketplace: 'US', sellerSku: 'YOGA-MAT-6MM-PRP', asin: '', fnsku: '', unitsPerListing: '1' });
    return { db, earbud, cable, desk, yoga };
  }

  async function demandFromDb(db: StockPilotDatabase) {
    const listings = await db.listings.toArray();
    const byCode = new Map<string, ListingComponent[]>();
    for (const l of listings) byCode.set(`${l.marketplace}|${l.sellerSku.toUpperCase()}`, [{ skuId: l.skuId, unitsPerListing: l.unitsPerListing }]);
    const rows = [...(await latestRows(db, 'demand')).values()].flatMap((scope) => [...scope.rows.values()]);
    return dailyDemand(mergeDemandRows(rows), (marketplace, sellerSku) => byCode.get(`${marketplace}|${sellerSku.toUpperCase()}`));
  }

  test('All Orders: 8 rows → 7 order lines (the repeated row counts once); re-importing writes nothing', async () => {
    const { db } = await seller();
    const bytes = amazon(ORDERS);
    const preview = await previewImport(db, ORDERS, bytes);
    expect(preview).toMatchObject({ kind: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', rowCount: 8, problems: [], canApply: true, marketplaces: [], newLocations: [] });
    // Unmapped: the LED strip (US) only; the white earbuds are not in All Orders.
    expect(preview.stored).toEqual({ kind: 'demand', added: 7, changed: 0, unchanged: 0, date: null, chosenMarketplace: null, locations: [], unmappedCodes: ['LED-STRIP-5M-RGB (US)'] });
    const batch = (await applyImport(db, ORDERS, bytes, NOW)).batch!;
    expect(batch).toMatchObject({ movementCount: 0, file: { reportKind: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', rowCount: 8, stored: 7 } });
    const scope = (await latestRows(db, 'demand')).get('demand')!;
    expect(scope.rows.get('US|112-7790031-8851203|DESK-ORG-BAMB')).toMatchObject({ source: 'orders', units: 1, date: '2026-05-04' });
    expect(scope.rows.get('US|114-2051733-6672219|LED-STRIP-5M-RGB')).toMatchObject({ units: 0, cancelled: true });
    expect(scope.rows.get('CA|702-3318462-5529140|BT-EARBUD-BLK')).toMatchObject({ marketplace: 'CA', units: 1, date: '2026-05-03' });

    const before = await everything(db);
    expect(await previewImport(db, ORDERS, bytes)).toMatchObject({ canApply: false, duplicates: 7, stored: { added: 0, changed: 0, unchanged: 7 } });
    expect((await applyImport(db, ORDERS, bytes, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('Amazon Fulfilled Shipments: 6 shipped parts; re-importing writes nothing', async () => {
    const { db } = await seller();
    const bytes = amazon(SHIPMENTS);
    const preview = await previewImport(db, SHIPMENTS, bytes);
    expect(preview).toMatchObject({ kind: 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', rowCount: 6, problems: [], canApply: true });
    expect(preview.stored).toMatchObject({ kind: 'demand', added: 6, changed: 0, unchanged: 0, unmappedCodes: ['BT-EARBUD-WHT (US)'] });
    await applyImport(db, SHIPMENTS, bytes, NOW);
    const before = await everything(db);
    expect(await previewImport(db, SHIPMENTS, bytes)).toMatchObject({ canApply: false, stored: { unchanged: 6, added: 0 } });
    expect((await applyImport(db, SHIPMENTS, bytes, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('orders then shipments: the shipment rows are stored too, and daily demand counts each order line once', async () => {
    const { db, earbud, cable, desk, yoga } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    const preview = await previewImport(db, SHIPMENTS, amazon(SHIPMENTS));
    expect(preview.stored).toMatchObject({ added: 6, changed: 0, unchanged: 0 });
    const shipments = (await applyImport(db, SHIPMENTS, amazon(SHIPMENTS), LATER)).batch!;
    expect(shipments.file).toMatchObject({ stored: 6 });
    const scope = (await latestRows(db, 'demand')).get('demand')!;
    expect(scope.rows.size).toBe(13);
    expect(scope.batchId).toBe(shipments.id);
    expect(scope.rows.get('US|112-7790031-8851203|DESK-ORG-BAMB|Dz0Vb6T2k|Dk2Jw8Rm5Yc')).toMatchObject({ source: 'shipments', lineKey: 'US|112-7790031-8851203|DESK-ORG-BAMB', units: 1 });

    // Both files again: nothing new.
    const before = await everything(db);
    expect((await applyImport(db, ORDERS, amazon(ORDERS), '2024-05-03T00:00:00.000Z')).batch).toBeNull();
    expect((await applyImport(db, SHIPMENTS, amazon(SHIPMENTS), '2024-05-03T00:00:00.000Z')).batch).toBeNull();
    expect(await everything(db)).toEqual(before);

    // By hand: the earbud order lines of 05-01 (1) and 05-02 (2) are in both files and count once;
    // the cable line (3 packs of 2, pending, not shipped) is 6 units; the desk order line is 1 in All
    // Orders (its two identical rows count once) but shipped in 2 parts, so 2; the yoga mat is a
    // merchant-fulfilled order line; the cancelled LED line adds nothing; the white earbuds were
    // shipped on an order line All Orders lists for the yoga mat, and have no listing.
    const demand = await demandFromDb(db);
    const ids = [earbud, cable, desk, yoga];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(demand.days).toEqual([
      { skuId: earbud, marketplace: 'CA', day: '2026-05-03', units: 1 },
      { skuId: earbud, marketplace: 'US', day: '2026-05-01', units: 1 },
      { skuId: earbud, marketplace: 'US', day: '2026-05-02', units: 2 },
      { skuId: cable, marketplace: 'US', day: '2026-05-02', units: 6 },
      { skuId: desk, marketplace: 'US', day: '2026-05-04', units: 2 },
      { skuId: yoga, marketplace: 'US', day: '2026-05-03', units: 1 },
    ]);
    expect(demand.unresolved).toEqual([{ marketplace: 'US', sellerSku: 'BT-EARBUD-WHT', units: 1 }]);
  });

  test('shipments first, then orders: the same daily demand', async () => {
    const { db, earbud, cable, desk, yoga } = await seller();
    await applyImport(db, SHIPMENTS, amazon(SHIPMENTS), NOW);
    expect((await previewImport(db, ORDERS, amazon(ORDERS))).stored).toMatchObject({ added: 7, unchanged: 0 });
    await applyImport(db, ORDERS, amazon(ORDERS), LATER);
    const demand = await demandFromDb(db);
    const total = (skuId: number) => demand.days.filter((d) => d.skuId === skuId).reduce((sum, d) => sum + d.units, 0);
    expect([total(earbud), total(cable), total(desk), total(yoga)]).toEqual([4, 6, 2, 1]);
  });
});

describe('other reports kept as rows', () => {
  const cases: [file: string, kind: string, storedKind: string, rows: number, options: ImportOptions, scope: string][] = [
    ['GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA.tsv', 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', 'returns', 5, {}, 'returns'],
    ['GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT.tsv', 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT', 'restock', 6, { asOf: '2026-05-14' }, 'restock|US'],
    ['BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM.csv', 'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM', 'business', 5, { asOf: '2026-05-14' }, 'business|US|2026-05-14'],
    ['GET_LEDGER_SUMMARY_VIEW_DATA.tsv', 'GET_LEDGER_SUMMARY_VIEW_DATA', 'ledgerSummary', 8, {}, 'ledgerSummary'],
    ['GET_RESERVED_INVENTORY_DATA.tsv', 'GET_RESERVED_INVENTORY_DATA', 'reserved', 6, { asOf: '2026-05-14' }, 'US|2026-05-14'],
  ];

  test.each(cases)('%s: applies, stores its rows in one batch, and a re-import writes nothing', async (file, kind, storedKind, rows, options, scope) => {
    const db = await freshDb();
    const bytes = amazon(file);
    const preview = await previewImport(db, file, bytes, {}, options);
    expect(preview).toMatchObject({ kind, rowCount: rows, problems: [], canApply: true, newMovements: 0, newLocations: [] });
    expect(preview.stored).toMatchObject({ kind: storedKind, added: rows, changed: 0, unchanged: 0 });

    const batch = (await applyImport(db, file, bytes, NOW, {}, options)).batch!;
    expect(batch).toMatchObject({ movementCount: 0, blockCount: 0, file: { reportKind: kind, rowCount: rows, stored: rows, duplicates: 0 } });
    const chunks = await db.reportRows.toArray();
    expect(chunks.map((c) => [c.batchId, c.kind, c.scope, c.rows.length])).toEqual([[batch.id, storedKind, scope, rows]]);
    expect(await db.movementBlocks.count()).toBe(0);
    // No FBA location is needed for rows that are not a snapshot.
    expect(await db.locations.where('kind').equals('fba').count()).toBe(0);

    const before = await everything(db);
    const again = await previewImport(db, file, bytes, {}, options);
    expect(again).toMatchObject({ canApply: false, duplicates: rows, stored: { added: 0, changed: 0, unchanged: rows } });
    expect((await applyImport(db, file, bytes, LATER, {}, options)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);

    await removeMovementBatch(db, batch.id);
    expect(await db.reportRows.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
  });

  test('stored rows carry what the screens need (one row of each report, by hand)', async () => {
    const db = await freshDb();
    for (const [file, , , , options] of cases) await applyImport(db, file, amazon(file), NOW, {}, options);
    const returns = (await latestRows(db, 'returns')).get('returns')!.rows;
    expect(returns.get('lpn:LPNRR4820702218')).toMatchObject({ returnDate: '2026-05-05', orderId: '113-8812057-0043316', sku: 'USB-C-CBL-2M-WHT', fnsku: 'X003ZP8V1R', quantity: 2, disposition: 'SELLABLE', reason: 'NOT_COMPATIBLE' });
    const restock = (await latestRows(db, 'restock')).get('restock|US')!;
    expect(restock.date).toBe('2026-05-14');
    expect(restock.rows.get('US|BT-EARBUD-WHT|X004K7Q3NA')).toMatchObject({ available: 38, inbound: 200, recommendedReplenishmentQty: 260, recommendedShipDate: '2026-05-15', alert: 'reorder_now' });
    expect(restock.rows.get('US|USB-C-CBL-2M-WHT|X003ZP8V1R')).toMatchObject({ daysOfSupply: 365, daysOfSupplyAtLeast: true });
    const business = (await latestRows(db, 'business')).get('business|US|2026-05-14')!.rows;
    expect(business.get('B0D3KQ7M2X|BT-EARBUD-BLK')).toMatchObject({ sessions: 4812, pageViews: 6230, unitsOrdered: 402, orderedProductSalesMinor: 1205598, totalOrderItems: 391 });
    const summary = (await latestRows(db, 'ledgerSummary')).get('ledgerSummary')!.rows;
    expect(summary.get('2026-05-03|X004K7Q2MZ|BT-EARBUD-BLK|CUSTOMER_DAMAGED|US')).toMatchObject({ startingBalance: 2, customerReturns: 1, endingBalance: 3 });
    const reserved = (await latestRows(db, 'reserved')).get('US|2026-05-14')!;
    expect(reserved.marketplace).toBe('US');
    expect(reserved.rows.get('fnsku:X004K7Q2MZ')).toEqual({ key: 'fnsku:X004K7Q2MZ', sellerSku: 'BT-EARBUD-BLK', fnsku: 'X004K7Q2MZ', asin: 'B0D3KQ7M2X', reserved: 17, customerOrders: 9, fcTransfers: 6, fcProcessing: 2 });
  });

  test('the reserved report has no marketplace column: it is guessed like Manage FBA Inventory, and can be chosen', async () => {
    const db = await freshDb();
    const file = 'GET_RESERVED_INVENTORY_DATA.tsv';
    const earbud = await addSku(db, 'EARBUD-BLK');
    await saveListing(db, { skuId: earbud, marketplace: 'CA', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    expect((await previewImport(db, file, amazon(file), {}, { asOf: '2026-05-14' })).stored).toMatchObject({ chosenMarketplace: 'CA' });
    expect((await previewImport(db, file, amazon(file), {}, { asOf: '2026-05-14', marketplace: 'MX' })).stored).toMatchObject({ chosenMarketplace: 'MX' });
  });
});

describe('the Inventory Ledger detail keeps its Adjustments events', () => {
  async function seller() {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD-BLK');
    await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    return { db, earbud };
  }

  // Of the file's 4 Adjustments events, the 3 a claim reads (lost M, found F, damaged E) are kept; the
  // P (+1 into WAREHOUSE_DAMAGED) is only a disposition change, already in the ledger's movements.
  test('the 3 claim-relevant Adjustments events are stored as rows in the same batch as the 8 movements; a re-import stores nothing; undo removes both', async () => {
    const { db } = await seller();
    const bytes = amazon(LEDGER);
    const result = await applyImport(db, LEDGER, bytes, NOW);
    const batch = result.batch!;
    expect(batch).toMatchObject({ movementCount: 8, file: { held: 3 } });
    const chunks = await db.reportRows.toArray();
    expect(chunks.map((c) => [c.batchId, c.kind, c.scope, c.reportKind])).toEqual([[batch.id, 'adjustments', 'adjustments', 'GET_LEDGER_DETAIL_VIEW_DATA']]);
    const rows = [...(await latestRows(db, 'adjustments')).get('adjustments')!.rows.values()];
    // Held (unmapped LED strip) events are kept as adjustments too: a claim does not wait for the mapping.
    expect(rows.map(({ date, fnsku, msku, marketplace, quantity, reason, disposition, fulfillmentCenter, referenceId, reconciledQuantity, unreconciledQuantity }) => ({ date, fnsku, msku, marketplace, quantity, reason, disposition, fulfillmentCenter, referenceId, reconciledQuantity, unreconciledQuantity }))).toEqual([
      { date: '2026-05-04', fnsku: 'X004K7Q2MZ', msku: 'BT-EARBUD-BLK', marketplace: 'US', quantity: -1, reason: 'M', disposition: 'SELLABLE', fulfillmentCenter: 'LGB8', referenceId: '5528810391', reconciledQuantity: 0, unreconciledQuantity: -1 },
      { date: '2026-05-06', fnsku: 'X004K7Q2MZ', msku: 'BT-EARBUD-BLK', marketplace: 'US', quantity: 1, reason: 'F', disposition: 'SELLABLE', fulfillmentCenter: 'LGB8', referenceId: '5528810391', reconciledQuantity: 1, unreconciledQuantity: 0 },
      { date: '2026-05-06', fnsku: 'X003ZQ1B7H', msku: 'LED-STRIP-5M-RGB', marketplace: 'US', quantity: -1, reason: 'E', disposition: 'SELLABLE', fulfillmentCenter: 'PHX7', referenceId: '5531190457', reconciledQuantity: null, unreconciledQuantity: null },
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);

    const before = await everything(db);
    expect(await previewImport(db, LEDGER, bytes)).toMatchObject({ newMovements: 0, duplicates: 11, held: 0, canApply: false });
    expect((await applyImport(db, LEDGER, bytes, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);

    await removeMovementBatch(db, batch.id);
    expect(await db.reportRows.count()).toBe(0);
    expect(await db.movementBlocks.count()).toBe(0);
    expect(await db.heldEvents.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
  });

  // The apply writes no movement, so the ledger version does not change: the next preview must not
  // reuse the plan made before the apply (held 11 / canApply true again would hold every event twice).
  test('a ledger file whose codes are all unmapped: a batch of held events and adjustments; the same file again writes nothing', async () => {
    const db = await freshDb();
    const bytes = amazon(LEDGER);
    const first = await applyImport(db, LEDGER, bytes, NOW);
    expect(first.batch).toMatchObject({ movementCount: 0, file: { held: 11 } });
    expect(await db.heldEvents.count()).toBe(11);
    expect((await db.reportRows.toArray()).map((c) => [c.batchId, c.rows.length])).toEqual([[first.batch!.id, 3]]);

    const before = await everything(db);
    const preview = await previewImport(db, LEDGER, bytes);
    expect(preview).toMatchObject({ newMovements: 0, duplicates: 11, held: 0, canApply: false });
    expect((await applyImport(db, LEDGER, bytes, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('Amazon updating an event’s reconciled quantities later: changed 1, the file’s 3 claim adjustments are stored again (that one with its new values), and no movement twice', async () => {
    const { db } = await seller();
    const text = decode(amazon(LEDGER));
    await applyImport(db, LEDGER, amazon(LEDGER), NOW);
    // The lost unit's row as Amazon writes it once the unit was found: reconciled 1, unreconciled 0.
    const before = '"M"\t"US"\t"0"\t"-1"';
    expect(text.split(before)).toHaveLength(2);
    const updated = encode(text.replace(before, '"M"\t"US"\t"-1"\t"0"'));
    const preview = await previewImport(db, 'ledger-later.tsv', updated);
    expect(preview).toMatchObject({ newMovements: 0, duplicates: 11, held: 0, canApply: true });
    const batch = (await applyImport(db, 'ledger-later.tsv', updated, LATER)).batch!;
    expect(batch).toMatchObject({ movementCount: 0, blockCount: 0 });
    expect(await db.movementBlocks.count()).toBe(1);
    // The scope changed, so it is stored whole: the file's 3 claim adjustments in file order, the lost unit's updated.
    const written = await db.reportRows.where('batchId').equals(batch.id).toArray();
    expect(written.flatMap((c): unknown[] => c.rows.map((r) => r))).toEqual([
      expect.objectContaining({ date: '2026-05-04', reason: 'M', quantity: -1, referenceId: '5528810391', reconciledQuantity: -1, unreconciledQuantity: 0 }),
      expect.objectContaining({ date: '2026-05-06', reason: 'F', quantity: 1, referenceId: '5528810391', reconciledQuantity: 1, unreconciledQuantity: 0 }),
      expect.objectContaining({ date: '2026-05-06', reason: 'E', quantity: -1, referenceId: '5531190457', reconciledQuantity: null, unreconciledQuantity: null }),
    ]);
    const latest = (await latestRows(db, 'adjustments')).get('adjustments')!;
    expect(latest.batchId).toBe(batch.id);
    expect(latest.rows.size).toBe(3);
    expect([...latest.rows.values()].filter((r) => r.reason === 'M').map((r) => [r.reconciledQuantity, r.unreconciledQuantity])).toEqual([[-1, 0]]);
  });

  // Same guard as above: a batch of adjustments only leaves the ledger version as it was.
  test('the updated ledger file applied a second time writes nothing', async () => {
    const { db } = await seller();
    const text = decode(amazon(LEDGER));
    await applyImport(db, LEDGER, amazon(LEDGER), NOW);
    const updated = encode(text.replace('"M"\t"US"\t"0"\t"-1"', '"M"\t"US"\t"-1"\t"0"'));
    await applyImport(db, 'ledger-later.tsv', updated, LATER);
    const before = await everything(db);
    expect(await previewImport(db, 'ledger-later.tsv', updated)).toMatchObject({ canApply: false });
    expect((await applyImport(db, 'ledger-later.tsv', updated, '2024-05-03T00:00:00.000Z')).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });
});

describe('generic warehouse stock files', () => {
  const threePl = warehouse(THREE_PL);
  const gbk = warehouse(DOMESTIC_GBK);
  /** The 3PL file for one location: code, on-hand and cost columns, the stock date chosen by the seller. */
  const THREE_PL_MAPPING: GenericMapping = { codeColumn: 'SKU', codeType: 'sku', quantityColumn: 'On Hand', dateColumn: null, locationColumn: null, costColumn: 'Unit Cost' };
  const THREE_PL_DATED: GenericMapping = { ...THREE_PL_MAPPING, dateColumn: 'As Of' };
  const THREE_PL_SIGNATURE = ['sku', 'fnsku', 'description', 'warehouse', 'bin', 'onhand', 'available', 'unitcost', 'asof'].join('\u001f');

  async function seller() {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const earbud = await addSku(db, 'BT-EARBUD-BLK');
    const cable = await addSku(db, 'USB-C-CBL-2M-WHT');
    return { db, domestic, earbud, cable };
  }

  test('first drop: the header is offered for mapping with a guess, nothing to apply; apply is refused and writes nothing', async () => {
    const { db } = await seller();
    const before = await everything(db);
    const preview = await previewImport(db, THREE_PL, threePl);
    expect(preview).toMatchObject({ kind: null, encoding: 'utf-8', rowCount: 5, canApply: false });
    expect(preview.stored).toBeUndefined();
    expect(preview.generic).toEqual({
      headers: ['SKU', 'FNSKU', 'Description', 'Warehouse', 'Bin', 'On Hand', 'Available', 'Unit Cost', 'As Of'],
      signature: THREE_PL_SIGNATURE,
      sampleRows: [
        ['BT-EARBUD-BLK', 'X0041K7QX2', 'Wireless Earbuds, Black', 'Reno NV', 'A-01-03', '1,250', '1,200', '$12.40', '11/26/2026'],
        ['BT-EARBUD-BLK', 'X0041K7QX2', 'Wireless Earbuds, Black', 'Reno NV', 'A-01-04', '300', '300', '$12.40', '11/26/2026'],
        ['USB-C-CBL-2M-WHT', 'X0039TWJ5R', 'USB-C Cable 2m, 2-pack', 'Reno NV', 'B-02-01', '2', '2', '$3.15', '11/26/2026'],
        ['USB-C-CBL-2M-WHT', 'X0039TWJ5R', 'USB-C Cable 2m, 2-pack', 'Ontario CA', 'C-11-07', '540', '520', '$3.15', '11/26/2026'],
        ['DESK-ORG-BAMB', 'X003BQ2W7N', 'Bamboo Desk Organizer 12" x 6"', 'Ontario CA', 'C-04-02', '0', '0', '$9.80', '11/26/2026'],
      ],
      mapping: { codeColumn: 'SKU', codeType: 'sku', quantityColumn: 'On Hand', dateColumn: 'As Of', locationColumn: 'Warehouse', costColumn: 'Unit Cost' },
      saved: false,
      locationId: null,
    });
    // Until it is mapped, one file-level error keeps it from being applied.
    expect(preview.problems.map((p) => [p.row, p.severity])).toEqual([[undefined, 'error']]);
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, THREE_PL, threePl, NOW), 'import.notApplicable', { file: THREE_PL });
    expect(await everything(db)).toEqual(before);
  });

  // The 3PL header resembles the FBA Inventory (planning) report ("sku", "fnsku", "available"…), but a
  // file offered for mapping is no broken Amazon report: no advice to download it again.
  test('first drop of a 3PL file: the problem says StockPilot does not recognise it and asks for the columns, not that a planning report lost columns', async () => {
    const { db } = await seller();
    const preview = await previewImport(db, THREE_PL, threePl);
    expect(preview.generic).toBeDefined();
    expect(preview.problems).toEqual([
      { severity: 'error', code: 'unknown-report', message: 'StockPilot does not recognise this file. If it is a stock file from your warehouse or a 3PL, say below which column holds what.' },
    ]);
    expect(preview.problems[0]!.message).not.toMatch(/planning|Seller Central/);
  });

  test('mapped to the domestic warehouse: a snapshot there dated asOf (bins and warehouses of one code add up); apply saves the mapping', async () => {
    const { db, domestic } = await seller();
    const options: ImportOptions = { asOf: '2026-11-20', generic: { mapping: THREE_PL_MAPPING, locationId: domestic } };
    const before = await everything(db);
    const preview = await previewImport(db, THREE_PL, threePl, {}, options);
    expect(await everything(db)).toEqual(before);
    expect(preview).toMatchObject({ kind: null, rowCount: 5, problems: [], rejectedRows: 0, canApply: true, duplicates: 0 });
    expect(preview.generic).toMatchObject({ saved: false, locationId: domestic, mapping: THREE_PL_MAPPING, signature: THREE_PL_SIGNATURE });
    expect(preview.stored).toEqual({ kind: 'snapshot', added: 3, changed: 0, unchanged: 0, date: '2026-11-20', chosenMarketplace: null, locations: ['Domestic warehouse'], unmappedCodes: ['DESK-ORG-BAMB'] });

    const batch = (await applyImport(db, THREE_PL, threePl, NOW, {}, options)).batch!;
    expect(batch).toMatchObject({ movementCount: 0, firstDate: '2026-11-20', lastDate: '2026-11-20', file: { name: THREE_PL, reportKind: 'GENERIC_STOCK', rowCount: 5, stored: 3, rejected: 0 } });
    const scope = (await latestRows(db, 'snapshot')).get(`${domestic}|2026-11-20`)!;
    expect(scope).toMatchObject({ reportKind: 'GENERIC_STOCK', locationId: domestic, marketplace: null, date: '2026-11-20', batchId: batch.id });
    expect([...scope.rows.values()]).toEqual([
      { key: 'sku:BT-EARBUD-BLK|', codeType: 'sku', code: 'BT-EARBUD-BLK', sellerSku: '', fnsku: '', asin: '', title: '', fulfillable: 1550, reserved: null, unsellable: null, researching: null, inbound: null, unitCostMinor: 1240 },
      { key: 'sku:USB-C-CBL-2M-WHT|', codeType: 'sku', code: 'USB-C-CBL-2M-WHT', sellerSku: '', fnsku: '', asin: '', title: '', fulfillable: 542, reserved: null, unsellable: null, researching: null, inbound: null, unitCostMinor: 315 },
      { key: 'sku:DESK-ORG-BAMB|', codeType: 'sku', code: 'DESK-ORG-BAMB', sellerSku: '', fnsku: '', asin: '', title: '', fulfillable: 0, reserved: null, unsellable: null, researching: null, inbound: null, unitCostMinor: 980 },
    ]);
    expect(await db.sourceMappings.toArray()).toEqual([
      { signature: preview.generic!.signature, headers: preview.generic!.headers, mapping: THREE_PL_MAPPING, locationId: domestic, savedAt: NOW },
    ]);
    // No FBA location, no ledger write.
    expect(await db.locations.where('kind').equals('fba').count()).toBe(0);
    expect(await db.movementBlocks.count()).toBe(0);

    // Dropped again with only the date: the saved mapping is used, nothing is new.
    const again = await previewImport(db, THREE_PL, threePl, {}, { asOf: '2026-11-20' });
    expect(again.generic).toMatchObject({ saved: true, mapping: THREE_PL_MAPPING, locationId: domestic });
    expect(again).toMatchObject({ canApply: false, stored: { added: 0, changed: 0, unchanged: 3 } });
  });

  test('the file’s date column dates the snapshot; dropped again without options: saved mapping, nothing new', async () => {
    const { db, domestic } = await seller();
    const options: ImportOptions = { asOf: '2026-11-20', generic: { mapping: THREE_PL_DATED, locationId: domestic } };
    const preview = await previewImport(db, THREE_PL, threePl, {}, options);
    expect(preview.stored).toMatchObject({ added: 3, date: '2026-11-26' });
    await applyImport(db, THREE_PL, threePl, NOW, {}, options);
    expect([...(await latestRows(db, 'snapshot')).keys()]).toEqual([`${domestic}|2026-11-26`]);

    const before = await everything(db);
    const again = await previewImport(db, 'stock-copy.csv', threePl);
    expect(again.generic).toMatchObject({ saved: true, signature: THREE_PL_SIGNATURE, mapping: THREE_PL_DATED, locationId: domestic });
    expect(again).toMatchObject({ canApply: false, problems: [], duplicates: 3 });
    expect(again.stored).toMatchObject({ kind: 'snapshot', added: 0, changed: 0, unchanged: 3, date: '2026-11-26', locations: ['Domestic warehouse'] });
    expect((await applyImport(db, 'stock-copy.csv', threePl, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('a location column: each row goes to the location it names; an unknown name is a problem naming the row', async () => {
    const { db } = await seller();
    const reno = await createLocation(db, { name: 'Reno NV', kind: '3pl', marketplace: '' });
    const mapping: GenericMapping = { ...THREE_PL_DATED, locationColumn: 'Warehouse' };
    const before = await everything(db);
    const preview = await previewImport(db, THREE_PL, threePl, {}, { generic: { mapping, locationId: null } });
    expect(await everything(db)).toEqual(before);
    // Rows 4 (the cable) and 5 (the desk organiser) are in "Ontario CA", which is not a location.
    expect(preview.problems).toEqual([
      { row: 4, column: 'Warehouse', value: 'Ontario CA', severity: 'error', code: 'unknown-location', message: 'Row 4: the location "Ontario CA" is not one of your locations. Add it under Locations, or correct the file.' },
      { row: 5, column: 'Warehouse', value: 'Ontario CA', severity: 'error', code: 'unknown-location', message: 'Row 5: the location "Ontario CA" is not one of your locations. Add it under Locations, or correct the file.' },
    ]);
    expect(preview).toMatchObject({ rejectedRows: 2, canApply: true });
    expect(preview.stored).toMatchObject({ added: 2, date: '2026-11-26', locations: ['Reno NV'] });

    const batch = (await applyImport(db, THREE_PL, threePl, NOW, {}, { generic: { mapping, locationId: null } })).batch!;
    expect(batch.file).toMatchObject({ stored: 2, rejected: 2 });
    const rows = (await latestRows(db, 'snapshot')).get(`${reno}|2026-11-26`)!.rows;
    expect([...rows.values()].map((r) => [r.code, r.fulfillable])).toEqual([
      ['BT-EARBUD-BLK', 1550],
      ['USB-C-CBL-2M-WHT', 2],
    ]);

    // With Ontario added, the same file stores the two rows it could not before.
    const ontario = await createLocation(db, { name: 'ontario ca', kind: '3pl', marketplace: '' });
    const second = await previewImport(db, THREE_PL, threePl, {}, { generic: { mapping, locationId: null } });
    expect(second).toMatchObject({ problems: [], rejectedRows: 0, canApply: true, stored: { added: 2, unchanged: 2, locations: ['Reno NV', 'ontario ca'] } });
    await applyImport(db, THREE_PL, threePl, LATER, {}, { generic: { mapping, locationId: null } });
    expect([...(await latestRows(db, 'snapshot')).get(`${ontario}|2026-11-26`)!.rows.values()].map((r) => [r.code, r.fulfillable])).toEqual([
      ['USB-C-CBL-2M-WHT', 540],
      ['DESK-ORG-BAMB', 0],
    ]);
  });

  test('a mapped column that is not in the header: a file-level missing-column error, apply refused, nothing written', async () => {
    const { db, domestic } = await seller();
    const mapping: GenericMapping = { ...THREE_PL_MAPPING, quantityColumn: 'Qty' };
    const preview = await previewImport(db, THREE_PL, threePl, {}, { asOf: '2026-11-20', generic: { mapping, locationId: domestic } });
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toMatchObject({ severity: 'error', code: 'missing-column', column: 'Qty' });
    expect(preview.problems[0]!.row).toBeUndefined();
    expect(preview.problems[0]!.message).toMatch(/"Qty" is not in this file's header/);
    expect(preview.canApply).toBe(false);
    expect(preview.stored).toBeUndefined();
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, THREE_PL, threePl, NOW, {}, { asOf: '2026-11-20', generic: { mapping, locationId: domestic } }), 'import.notApplicable', { file: THREE_PL });
    expect(await db.sourceMappings.count()).toBe(0);
  });

  test('the GBK Chinese sheet: the same flow (guessed from 货号 / 库存数量 / 日期 / 仓库 / 成本价), saved and recognised again', async () => {
    const { db, domestic } = await seller();
    const first = await previewImport(db, DOMESTIC_GBK, gbk);
    expect(first).toMatchObject({ kind: null, encoding: 'gb18030', rowCount: 5, canApply: false });
    expect(first.stored).toBeUndefined();
    expect(first.generic).toMatchObject({
      headers: ['货号', '商品名称', '仓库', '库存数量', '成本价', '日期'],
      mapping: { codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: '仓库', costColumn: '成本价' },
      saved: false,
      locationId: null,
    });
    await expectRefusedUnchanged(db, TABLES, () => applyImport(db, DOMESTIC_GBK, gbk, NOW), 'import.notApplicable', { file: DOMESTIC_GBK });

    // One domestic warehouse for both 深圳仓 and 义乌仓: the earbuds' two lines add up (1,200 + 45).
    const mapping: GenericMapping = { codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: null, costColumn: '成本价' };
    const options: ImportOptions = { generic: { mapping, locationId: domestic } };
    const preview = await previewImport(db, DOMESTIC_GBK, gbk, {}, options);
    expect(preview).toMatchObject({ problems: [], canApply: true });
    expect(preview.stored).toMatchObject({ kind: 'snapshot', added: 4, date: '2026-11-26', locations: ['Domestic warehouse'], unmappedCodes: ['DESK-ORG-BAMB', 'YOGA-MAT-6MM-PRP'] });
    await applyImport(db, DOMESTIC_GBK, gbk, NOW, {}, options);
    expect([...(await latestRows(db, 'snapshot')).get(`${domestic}|2026-11-26`)!.rows.values()].map((r) => [r.code, r.fulfillable, r.unitCostMinor])).toEqual([
      ['BT-EARBUD-BLK', 1245, 4550],
      ['USB-C-CBL-2M-WHT', 860, 680],
      ['DESK-ORG-BAMB', 320, 2800],
      ['YOGA-MAT-6MM-PRP', 0, 3250],
    ]);
    expect(await db.sourceMappings.get(first.generic!.signature)).toMatchObject({ mapping, locationId: domestic, headers: first.generic!.headers });

    const before = await everything(db);
    const again = await previewImport(db, DOMESTIC_GBK, gbk);
    expect(again.generic).toMatchObject({ saved: true, mapping, locationId: domestic });
    expect(again).toMatchObject({ canApply: false, stored: { added: 0, unchanged: 4 } });
    expect((await applyImport(db, DOMESTIC_GBK, gbk, LATER)).batch).toBeNull();
    expect(await everything(db)).toEqual(before);
  });

  test('no location column and no location chosen: every row is refused with one reason (choose the location), nothing is stored', async () => {
    const { db } = await seller();
    const before = await everything(db);
    const preview = await previewImport(db, THREE_PL, threePl, {}, { generic: { mapping: THREE_PL_DATED, locationId: null } });
    expect(preview.problems.length).toBeGreaterThan(0);
    expect(new Set(preview.problems.map((p) => [p.code, p.column, p.value, p.message].join('|')))).toEqual(new Set(['no-location|||Choose the location this stock file is for.']));
    expect(await everything(db)).toEqual(before);
  });

  test('the GBK sheet with its warehouse column: rows for a warehouse that is not a location are rejected by row', async () => {
    const { db } = await seller();
    const shenzhen = await createLocation(db, { name: '深圳仓', kind: 'domestic', marketplace: '' });
    const mapping: GenericMapping = { codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: '仓库', costColumn: '成本价' };
    const preview = await previewImport(db, DOMESTIC_GBK, gbk, {}, { generic: { mapping, locationId: null } });
    expect(preview.problems.map((p) => [p.row, p.code, p.message])).toEqual([
      [3, 'unknown-location', 'Row 3: the location "义乌仓" is not one of your locations. Add it under Locations, or correct the file.'],
      [4, 'unknown-location', 'Row 4: the location "义乌仓" is not one of your locations. Add it under Locations, or correct the file.'],
      [5, 'unknown-location', 'Row 5: the location "义乌仓" is not one of your locations. Add it under Locations, or correct the file.'],
    ]);
    expect(preview).toMatchObject({ rejectedRows: 3, canApply: true, stored: { added: 2, locations: ['深圳仓'] } });
    await applyImport(db, DOMESTIC_GBK, gbk, NOW, {}, { generic: { mapping, locationId: null } });
    expect([...(await latestRows(db, 'snapshot')).get(`${shenzhen}|2026-11-26`)!.rows.values()].map((r) => [r.code, r.fulfillable])).toEqual([
      ['BT-EARBUD-BLK', 1200],
      ['USB-C-CBL-2M-WHT', 860],
    ]);
  });

  test('undoing a warehouse file import removes its rows; the saved mapping stays', async () => {
    const { db, domestic } = await seller();
    const options: ImportOptions = { generic: { mapping: THREE_PL_DATED, locationId: domestic } };
    const batch = (await applyImport(db, THREE_PL, threePl, NOW, {}, options)).batch!;
    await removeMovementBatch(db, batch.id);
    expect(await db.reportRows.count()).toBe(0);
    expect(await db.sourceMappings.count()).toBe(1);
    expect(await previewImport(db, THREE_PL, threePl)).toMatchObject({ canApply: true, stored: { added: 3 }, generic: { saved: true } });
  });
});
