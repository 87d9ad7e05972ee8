// createBackup → restoreBackup through real (fake-IndexedDB) databases: the restored profile holds
// exactly the backed-up data (rows, packed blocks element by element, balances and summaries), at
// demo scale too (1,000,000 movements); a bad file is refused with the right code and file name and
// changes nothing; a restore replaces whatever the profile held before.
import { CATALOG_REVISION_KEY } from '../../renderer/db/catalogRevision';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, hasSellerData, restoreBackup } from '../../renderer/db/backup';
import { setLeadTime } from '../../renderer/db/purchasing';
import { saveListing } from '../../renderer/db/catalog';
import { loadDemoDataset } from '../../renderer/db/demo';
import { loadLedger, postAdjustment, postReceipt, receiveTransfer, shipTransfer } from '../../renderer/db/ledger';
import { appendMovementBatch, readLedgerVersion, refreshSummaries, removeMovementBatch } from '../../renderer/db/ledgerStore';
import { CURRENT_SCHEMA_VERSION, StockPilotDatabase } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { decodeBackup, encodeBackup } from '../../shared/backup/format';
import { generateDemo } from '../../shared/demo/generate';
import { BLOCK_SEQ_BASE, columnsFromMovements } from '../../shared/ledger';
import type { PackedBlock } from '../../shared/ledger';
import type { MovementInput } from '../../shared/model';
import { addFba, addSku, disposeDatabases, expectDomainError, freshDb, locationIds, track } from './helpers';
import { ALL_TABLES, balancesOfColumns, readAll, sameElements } from './support/ledgerReference';
import { expectSameStoredSummaries, storedSummaries } from './support/storedSummaries';

afterEach(disposeDatabases);

const ROW_TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'batches'] as const;
const BLOCK_ARRAYS = ['day', 'skuId', 'locationId', 'qty', 'type', 'unitCostMinor', 'ref'] as const;
const CREATED = '2025-03-01T08:00:00.000Z';
const FILE = 'stockpilot-backup-2025-03-01-0800.stockpilot';

type Row = Omit<MovementInput, 'source'>;
let idCounter = 0;
const cols = (rows: readonly Row[]) => columnsFromMovements(rows.map((r) => ({ ...r, id: ++idCounter })));

/** A profile with a bit of everything: catalog, settings, manual postings, shipments, batches (one removed). */
async function richProfile(bigCount = 12_500): Promise<StockPilotDatabase> {
  const db = await freshDb();
  const a = await addSku(db, 'CASE-01', { unitCost: '2.50', packageLength: '20', packageWidth: '15', packageHeight: '10', storageType: 'oversize' });
  const b = await addSku(db, 'CABLE-02', { unitCost: '1.20', costCurrency: 'EUR', barcode: '4006381333931', packageLength: '12', packageWidth: '10', packageHeight: '6', dimensionUnit: 'in', storageType: 'apparel' });
  const c = await addSku(db, '杯子-03', { unitCost: '0.99' });
  const { domestic, transit } = await locationIds(db);
  const fba = await addFba(db, 'US');
  await saveListing(db, { skuId: a, marketplace: 'US', sellerSku: 'case-01-us', asin: 'B0ABCDEFGH', fnsku: 'X00ABCDEFG', unitsPerListing: '1' });
  await saveListing(db, { skuId: c, marketplace: 'US', sellerSku: 'CUP-2PK', asin: 'B0ZZZZZZZ1', fnsku: '', unitsPerListing: '2' });
  // A bundle listing: its components are part of the stored row.
  const components = [{ skuCode: 'CASE-01', skuId: a, units: '1' }, { skuCode: 'CABLE-02', skuId: b, units: '2' }];
  await saveListing(db, { skuId: 0, marketplace: 'US', sellerSku: 'CASE-KIT', asin: '', fnsku: '', unitsPerListing: '', components });
  await writeSetting(db, 'language', 'zh-CN');
  await writeSetting(db, 'baseCurrency', 'USD');
  await postReceipt(db, { date: '2024-12-01', skuId: a, locationId: domestic, qty: '100', unitCost: '2.50', note: '首批' }, 'USD');
  await postReceipt(db, { date: '2024-12-02', skuId: b, locationId: domestic, qty: '40', unitCost: '1.3333' }, 'USD');
  const s1 = await shipTransfer(db, { shipDate: '2024-12-05', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: a, qty: '30' }, { skuId: b, qty: '10' }] });
  await shipTransfer(db, { shipDate: '2024-12-06', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: a, qty: '5' }], note: 'air' });
  await receiveTransfer(db, s1, '2024-12-20');
  await postAdjustment(db, { date: '2024-12-21', skuId: a, locationId: fba, qty: '-2', reason: 'damaged', note: 'crushed' });
  await appendMovementBatch(
    db,
    { id: 'amazon-2024-12', kind: 'import', label: 'Amazon December', createdAt: CREATED },
    cols([
      { date: '2024-12-22', skuId: a, locationId: fba, qty: -3, type: 'sale', ref: 'ORDER-1' },
      { date: '2024-12-23', skuId: c, locationId: fba, qty: -4, type: 'sale' }, // oversold: no stock, catalog cost
      { date: '2024-12-24', skuId: a, locationId: fba, qty: 1, type: 'customer_return', ref: 'ORDER-1' },
      { date: '2025-01-03', skuId: b, locationId: fba, qty: 6, type: 'count_variance', unitCostMinor: 77.25 },
    ]),
  );
  await appendMovementBatch(db, { id: 'removed', kind: 'import', label: 'Removed later', createdAt: CREATED }, cols([{ date: '2025-01-05', skuId: a, locationId: domestic, qty: -1, type: 'sale' }]));
  await removeMovementBatch(db, 'removed');
  // A batch of two blocks, with NaN costs mixed in and a transfer through transit.
  const big: Row[] = [];
  for (let i = 0; i < bigCount; i++) {
    const date = `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (i % 5 === 0) big.push({ date, skuId: a, locationId: domestic, qty: 3, type: 'receipt', unitCostMinor: 200 + (i % 7) });
    else if (i % 97 === 0) {
      big.push({ date, skuId: a, locationId: domestic, qty: -2, type: 'transfer_out', ref: `SEA-${i}` });
      big.push({ date, skuId: a, locationId: transit, qty: 2, type: 'transfer_in', ref: `SEA-${i}` });
    } else big.push({ date, skuId: i % 3 === 0 ? b : a, locationId: domestic, qty: -1, type: 'sale', ref: i % 11 === 0 ? `ORDER-${i}` : undefined });
  }
  await appendMovementBatch(db, { id: 'warehouse-2025-01', kind: 'import', label: 'Warehouse January', createdAt: CREATED }, cols(big.map((r) => (r.ref === undefined ? (({ ref: _r, ...rest }) => rest)(r) : r))));
  // A manual posting after the last batch: summaries are stale until refreshed.
  await postReceipt(db, { date: '2025-02-01', skuId: c, locationId: domestic, qty: '12', unitCost: '0.50' }, 'USD');
  return db;
}

async function summaries(db: StockPilotDatabase) {
  const stored = await storedSummaries(db);
  if (!stored.balances || stored.parts.length === 0) throw new Error('no summaries');
  return stored;
}

/** Every block, element by element (NaN positions included), scalar fields deep-equal. Keys are
 * storage, not data: a restore gives blocks new keys (see restoreBackup), so they are not compared. */
function expectSameBlocks(actual: readonly (PackedBlock & { id: number })[], expected: readonly (PackedBlock & { id: number })[]): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    const x = actual[k]!;
    const y = expected[k]!;
    expect({ batchId: x.batchId, count: x.count, firstDay: x.firstDay, lastDay: x.lastDay, seqStart: x.seqStart, refs: x.refs }).toEqual({
      batchId: y.batchId,
      count: y.count,
      firstDay: y.firstDay,
      lastDay: y.lastDay,
      seqStart: y.seqStart,
      refs: y.refs,
    });
    for (const name of BLOCK_ARRAYS) {
      expect(x[name].constructor, `block ${k} ${name} type`).toBe(y[name].constructor);
      expect(sameElements(x[name], y[name]), `block ${k} ${name} elements`).toBe(true);
    }
  }
}

/** Balances and every month record, array by array, element by element. */
function expectSameSummaries(a: Awaited<ReturnType<typeof summaries>>, b: Awaited<ReturnType<typeof summaries>>): void {
  expectSameStoredSummaries(b, a);
  expect(balancesOfColumns(b.balances!.balances)).toEqual(balancesOfColumns(a.balances!.balances));
}

describe('backup and restore round trip', () => {
  it('restores into a fresh empty database exactly: rows, blocks element-wise, values, balances and summaries', { timeout: 60_000 }, async () => {
    const a = await richProfile();
    expect(await refreshSummaries(a)).toBe(true);
    const sourceVersion = await readLedgerVersion(a);
    const before = await readAll(a);
    const bytes = await createBackup(a, '0.1.0', CREATED);
    // Making a backup changes nothing.
    expect(await readAll(a)).toEqual(before);

    const b = await freshDb();
    const result = await restoreBackup(b, bytes, FILE);
    const blockMovements = before.movementBlocks!.reduce((n: number, blk) => n + (blk as PackedBlock).count, 0);
    expect(blockMovements).toBe(4 + 12_603);
    expect(result).toEqual({ skuCount: 3, movementCount: before.movements!.length + blockMovements, createdAt: CREATED });

    for (const name of ROW_TABLES) expect(await b.table(name).toArray(), name).toEqual(before[name]);
    // A bundle's components come back with it.
    expect((await b.listings.where('[marketplace+sellerSkuKey]').equals(['US', 'CASE-KIT']).first())?.components?.map((c) => c.units)).toEqual([1, 2]);
    // The package sizes (in cm) and storage types come back; the SKU without a size still has none.
    expect((await b.skus.toArray()).map((sku) => [sku.code, sku.packageCm, sku.storageType])).toEqual([
      ['CASE-01', { lengthCm: 20, widthCm: 15, heightCm: 10 }, 'oversize'],
      ['CABLE-02', { lengthCm: 30.48, widthCm: 25.4, heightCm: 15.24 }, 'apparel'],
      ['杯子-03', null, 'standard'],
    ]);
    const blocksA = (before.movementBlocks ?? []) as (PackedBlock & { id: number })[];
    expect(blocksA.map((blk) => blk.batchId)).toEqual(['amazon-2024-12', 'warehouse-2025-01', 'warehouse-2025-01']);
    expect(blocksA.some((blk) => Array.from(blk.unitCostMinor).some(Number.isNaN))).toBe(true);
    expectSameBlocks(await b.movementBlocks.toArray(), blocksA);

    // The posting counter survives (the removed batch's movements still count), and B's own
    // version moved forward with summaries fresh for it.
    const versionB = await readLedgerVersion(b);
    expect(versionB).toEqual({ key: 'version', version: 1, nextBlockSeq: sourceVersion.nextBlockSeq });
    expect(sourceVersion.nextBlockSeq).toBe(blockMovements + 1);
    const sa = await summaries(a);
    const sb = await summaries(b);
    expect(sb.balances!.sourceVersion).toBe(versionB.version);
    expect(sb.fresh).toBe(true);
    expectSameSummaries(sa, sb);
    expect(await refreshSummaries(b)).toBe(false);

    // Every movement has the same posting order and value.
    const la = await loadLedger(a);
    const lb = await loadLedger(b);
    for (const name of ['day', 'skuId', 'locationId', 'qty', 'type', 'unitCostMinor', 'ref', 'seq'] as const) {
      expect(sameElements(lb.columns[name], la.columns[name]), name).toBe(true);
    }
    expect(lb.columns.refs).toEqual(la.columns.refs);
    expect(sameElements(lb.values, la.values)).toBe(true);

    // A batch imported after the restore posts after the restored ones.
    const sku = (await b.skus.toArray())[0]!.id;
    const domestic = (await locationIds(b)).domestic;
    await appendMovementBatch(b, { id: 'after', kind: 'import', label: 'After', createdAt: CREATED }, cols([{ date: '2025-02-02', skuId: sku, locationId: domestic, qty: -1, type: 'sale' }]));
    expect((await b.movementBlocks.where('batchId').equals('after').first())!.seqStart).toBe(BLOCK_SEQ_BASE + sourceVersion.nextBlockSeq);
  });

  it('backing up a profile with stale summaries restores the same ledger (summaries are rebuilt)', { timeout: 60_000 }, async () => {
    const a = await richProfile();
    const bytes = await createBackup(a, '0.1.0', CREATED);
    const b = await freshDb();
    await restoreBackup(b, bytes, FILE);
    await refreshSummaries(a);
    expectSameSummaries(await summaries(a), await summaries(b));
  });

  it('a restore replaces previous data entirely: a non-empty profile is left with only the backup’s data', { timeout: 60_000 }, async () => {
    const a = await richProfile();
    await refreshSummaries(a);
    const source = await readAll(a);
    const bytes = await createBackup(a, '0.1.0', CREATED);

    // C has its own catalog, postings, shipments, settings and batches, more rows than the backup in places.
    const c = await freshDb();
    const skus = [];
    for (let i = 0; i < 5; i++) skus.push(await addSku(c, `OTHER-${i}`));
    const { domestic } = await locationIds(c);
    const fbaDe = await addFba(c, 'DE');
    await addFba(c, 'UK');
    await saveListing(c, { skuId: skus[0]!, marketplace: 'DE', sellerSku: 'OTHER-DE', asin: 'B0OTHER001', fnsku: 'X00OTHER01', unitsPerListing: '1' });
    await writeSetting(c, 'baseCurrency', 'EUR');
    for (let i = 0; i < 6; i++) await postReceipt(c, { date: '2023-06-01', skuId: skus[i % 5]!, locationId: domestic, qty: '10', unitCost: '9.99' }, 'EUR');
    await shipTransfer(c, { shipDate: '2023-06-02', fromLocationId: domestic, toLocationId: fbaDe, lines: [{ skuId: skus[0]!, qty: '5' }] });
    await appendMovementBatch(c, { id: 'amazon-2024-12', kind: 'import', label: 'Same id, other data', createdAt: '2023-07-01T00:00:00.000Z' }, cols([{ date: '2023-06-03', skuId: skus[1]!, locationId: fbaDe, qty: 4, type: 'receipt', unitCostMinor: 1 }]));
    await appendMovementBatch(c, { id: 'only-in-c', kind: 'import', label: 'Only in C', createdAt: '2023-07-01T00:00:00.000Z' }, cols([{ date: '2023-06-04', skuId: skus[2]!, locationId: domestic, qty: -1, type: 'sale' }]));
    const versionBefore = (await readLedgerVersion(c)).version;

    await restoreBackup(c, bytes, FILE);
    for (const name of ROW_TABLES) expect(await c.table(name).toArray(), name).toEqual(source[name]);
    expectSameBlocks(await c.movementBlocks.toArray(), source.movementBlocks as (PackedBlock & { id: number })[]);
    // The ledger's state is rebuilt from the restored rows; the catalog revision token is not data
    // (any catalog write makes a new one), so it is left out of the comparison.
    const stateKeys = async (db: StockPilotDatabase) => (await db.ledgerState.toArray()).map((r) => r.key).filter((key) => key !== CATALOG_REVISION_KEY).sort();
    expect(await stateKeys(c)).toEqual(await stateKeys(a));
    const version = await readLedgerVersion(c);
    expect(version.version).toBe(versionBefore + 1);
    expect(version.nextBlockSeq).toBe((await readLedgerVersion(a)).nextBlockSeq);
    const sc = await summaries(c);
    expect(sc.fresh).toBe(true);
    expect(sc.balances!.sourceVersion).toBe(version.version);
    expectSameSummaries(await summaries(a), sc);
    // Nothing of C is left: its SKUs, its batch, its EUR base currency.
    expect(await c.skus.where('codeKey').startsWith('OTHER-').count()).toBe(0);
    expect(await c.batches.get('only-in-c')).toBeUndefined();
    expect(await c.settings.get('baseCurrency')).toEqual({ key: 'baseCurrency', value: 'USD' });
  });
});

describe('what counts as the seller’s data (a daily backup is due, a restore asks for a safety copy)', () => {
  it('a fresh profile has none; a lead time alone, or a language chosen, is and is not the seller’s work', async () => {
    const db = await freshDb();
    expect(await hasSellerData(db)).toBe(false);
    await writeSetting(db, 'language', 'zh-CN');
    expect(await hasSellerData(db)).toBe(false);
    await setLeadTime(db, 'transport:1>3:sea', { meanDays: 38, sdDays: 4 });
    expect(await hasSellerData(db)).toBe(true);
  });
});

describe('bad files are refused with the file name and change nothing', () => {
  async function target() {
    // A smaller import than the round trip's (one block), to keep the many before/after comparisons quick.
    const db = await richProfile(600);
    await refreshSummaries(db);
    return db;
  }

  async function expectRefused(db: StockPilotDatabase, bytes: Uint8Array, fileName: string, code: 'backup.notBackup' | 'backup.truncated' | 'backup.corrupt' | 'backup.newerSchema', params: Record<string, string | number> = {}) {
    const before = await readAll(db);
    expect(Object.keys(before)).toEqual([...ALL_TABLES]);
    const error = await expectDomainError(restoreBackup(db, bytes, fileName), code);
    expect(error.params.file).toBe(fileName);
    expect(error.params).toEqual({ ...params, file: fileName });
    const after = await readAll(db);
    expect(after).toEqual(before);
    // Blocks element by element too (NaN costs included).
    expectSameBlocks(after.movementBlocks as (PackedBlock & { id: number })[], before.movementBlocks as (PackedBlock & { id: number })[]);
  }

  it('(a) a CSV file → backup.notBackup', { timeout: 60_000 }, async () => {
    const db = await target();
    const csv = new TextEncoder().encode('code,name,unit_cost\nCASE-01,Phone case,2.50\n');
    await expectRefused(db, csv, 'products.csv', 'backup.notBackup');
    // Even a CSV that starts like the magic is not a backup.
    await expectRefused(db, new TextEncoder().encode('STOCKPILOT,export\n1,2\n'), 'stockpilot.csv', 'backup.notBackup');
  });

  it('(b) an empty file → backup.notBackup', { timeout: 60_000 }, async () => {
    const db = await target();
    await expectRefused(db, new Uint8Array(0), 'empty.stockpilot', 'backup.notBackup');
  });

  it('(c) a backup cut short anywhere → backup.truncated', { timeout: 60_000 }, async () => {
    const db = await target();
    const bytes = await createBackup(db, '0.1.0', CREATED);
    const n = bytes.length;
    for (const cut of [1, 17, 18, 19, 31, 32, 200, Math.floor(n / 3), Math.floor(n / 2), n - 17, n - 16, n - 8, n - 1]) {
      await expectRefused(db, bytes.slice(0, cut), `cut-${cut}.stockpilot`, 'backup.truncated');
    }
  });

  it('(d) a backup of a newer schema → backup.newerSchema with both versions', { timeout: 60_000 }, async () => {
    const db = await target();
    const real = decodeBackup(await createBackup(db, '0.1.0', CREATED), { maxSchemaVersion: CURRENT_SCHEMA_VERSION });
    const newer = encodeBackup({ ...real, schemaVersion: CURRENT_SCHEMA_VERSION + 1, appVersion: '9.0.0' });
    await expectRefused(db, newer, 'from-the-future.stockpilot', 'backup.newerSchema', { fileVersion: CURRENT_SCHEMA_VERSION + 1, appVersion: CURRENT_SCHEMA_VERSION, kind: 'schema' });
    // The same content at the current schema version restores fine (the refusal was the version).
    const same = encodeBackup({ ...real, appVersion: '9.0.0' });
    await restoreBackup(db, same, 'same.stockpilot');
  });

  it('(e) a corrupted byte → backup.corrupt (header, data, checksum, trailer)', { timeout: 60_000 }, async () => {
    const db = await target();
    const bytes = await createBackup(db, '0.1.0', CREATED);
    const n = bytes.length;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(20, true);
    const positions = [20, 32, 32 + Math.floor(headerLength / 2), 32 + headerLength + 8, Math.floor(n / 2), n - 40, n - 16, n - 13, n - 9, n - 5, n - 1];
    for (const at of positions) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 0x5a;
      await expectRefused(db, damaged, `damaged-at-${at}.stockpilot`, 'backup.corrupt');
    }
    // Trailing bytes after the declared end are damage too.
    const longer = new Uint8Array(n + 3);
    longer.set(bytes);
    await expectRefused(db, longer, 'longer.stockpilot', 'backup.corrupt');
  });

  it('a damaged magic is not a backup; a damaged format version reads as a newer format', { timeout: 60_000 }, async () => {
    const db = await target();
    const bytes = await createBackup(db, '0.1.0', CREATED);
    const magic = bytes.slice();
    magic[3] = magic[3]! ^ 0x01;
    await expectRefused(db, magic, 'magic.stockpilot', 'backup.notBackup');
    const format = bytes.slice();
    format[18] = 7;
    await expectRefused(db, format, 'format.stockpilot', 'backup.newerSchema', { fileVersion: 7, appVersion: 1, kind: 'format' });
  });

  it('the database stays usable after a refused restore, and a good restore still works', { timeout: 60_000 }, async () => {
    const db = await target();
    const good = await createBackup(db, '0.1.0', CREATED);
    await expectRefused(db, good.slice(0, good.length - 1), 'short.stockpilot', 'backup.truncated');
    const other = await freshDb();
    await restoreBackup(other, good, FILE);
    await postAdjustment(other, { date: '2025-02-02', skuId: (await other.skus.toArray())[2]!.id, locationId: (await locationIds(other)).domestic, qty: '-2', reason: 'lost' });
    expect(await refreshSummaries(other)).toBe(true);
  });
});

describe('a restore seen from another connection to the same database', () => {
  // The app has two connections to the profile: the page's (manual postings check the no-negative
  // rule with movementsAt, which reads blocks through the page's BlockCache) and the ledger worker's
  // (which runs restoreBackup and clears only its own cache). A backup from another profile reuses
  // block ids with other content, so the page must not keep serving the blocks it cached before.
  /** A backup whose block 1 receives 100 units, restored by the worker connection after the page cached its own block 1 (3 units). */
  async function restoredUnderThePage() {
    const other = await freshDb();
    const otherSku = await addSku(other, 'CASE-01');
    const otherDomestic = (await locationIds(other)).domestic;
    await appendMovementBatch(other, { id: 'other', kind: 'import', label: 'Other machine', createdAt: CREATED }, cols([{ date: '2024-12-01', skuId: otherSku, locationId: otherDomestic, qty: 100, type: 'receipt', unitCostMinor: 250 }]));
    const bytes = await createBackup(other, '0.1.0', CREATED);

    const worker = await freshDb();
    const page = track(new StockPilotDatabase(worker.name));
    await page.open();
    const sku = await addSku(worker, 'CASE-01');
    const domestic = (await locationIds(worker)).domestic;
    await appendMovementBatch(worker, { id: 'mine', kind: 'import', label: 'This machine', createdAt: CREATED }, cols([{ date: '2024-11-01', skuId: sku, locationId: domestic, qty: 3, type: 'receipt', unitCostMinor: 999 }]));
    // The page reads the ledger (this caches block 1 in the page's BlockCache).
    expect(Array.from((await loadLedger(page)).columns.qty)).toEqual([3]);
    expect((await worker.movementBlocks.toCollection().primaryKeys())).toEqual([1]);

    await restoreBackup(worker, bytes, FILE);
    // Restored blocks get new keys, so no connection can mistake them for the ones it cached.
    expect((await worker.movementBlocks.toCollection().primaryKeys())).toEqual([2]);
    expect(Array.from((await loadLedger(worker)).columns.qty)).toEqual([100]);
    // A connection opened after the restore sees the restored ledger.
    const later = track(new StockPilotDatabase(worker.name));
    await later.open();
    const truth = await loadLedger(later);
    expect({ qty: Array.from(truth.columns.qty), values: Array.from(truth.values) }).toEqual({ qty: [100], values: [25000] });
    return { page, truth, sku: otherSku, domestic: otherDomestic };
  }

  it('the page connection reads the restored blocks, not the ones it cached before the restore', async () => {
    const { page, truth } = await restoredUnderThePage();
    const seen = await loadLedger(page);
    expect({ day: Array.from(seen.columns.day), qty: Array.from(seen.columns.qty), values: Array.from(seen.values) }).toEqual({
      day: Array.from(truth.columns.day),
      qty: [100],
      values: [25000],
    });
  });

  it('a manual posting on the page after the restore checks the no-negative rule against the restored stock', async () => {
    const { page, sku, domestic } = await restoredUnderThePage();
    // 100 units are on hand after the restore, so taking 50 is allowed.
    await postAdjustment(page, { date: '2024-12-02', skuId: sku, locationId: domestic, qty: '-50', reason: 'lost' });
    expect(await page.movements.toArray()).toEqual([expect.objectContaining({ skuId: sku, locationId: domestic, qty: -50, type: 'adjustment' })]);
  });
});

describe('demo scale: 1,000,000 movements', () => {
  it('load demo → backup → restore into an empty database: every balance and the monthly summary are identical', async () => {
    const dataset = generateDemo({ seed: 7, skuCount: 10_000, movementCount: 1_000_000, endDate: '2026-11-26' });
    const a = await freshDb();
    const batch = await loadDemoDataset(a, dataset, '2026-11-26T12:00:00.000Z');
    expect(batch.movementCount).toBe(1_000_000);
    expect(batch.blockCount).toBe(100);
    const bytes = await createBackup(a, '0.1.0', '2026-11-26T12:30:00.000Z');

    const b = await freshDb();
    const result = await restoreBackup(b, bytes, 'demo.stockpilot');
    expect(result).toEqual({ skuCount: 10_000, movementCount: 1_000_000, createdAt: '2026-11-26T12:30:00.000Z' });

    const sa = await summaries(a);
    const sb = await summaries(b);
    expect(sa.fresh).toBe(true);
    expect(sb.fresh).toBe(true);
    expect(sa.balances!.movementCount).toBe(1_000_000);
    expect(sa.balances!.balances.rows).toBeGreaterThan(10_000);
    expect(sa.parts.length).toBeGreaterThan(20);
    // Every SKU × location balance (qty and value) and every monthly array, element by element.
    expectSameSummaries(sa, sb);
    const linesA = balancesOfColumns(sa.balances!.balances);
    const linesB = balancesOfColumns(sb.balances!.balances);
    expect(linesB.length).toBe(linesA.length);
    let mismatches = 0;
    for (let i = 0; i < linesA.length; i++) {
      const x = linesA[i]!;
      const y = linesB[i]!;
      if (x.skuId !== y.skuId || x.locationId !== y.locationId || x.qty !== y.qty || x.valueMinor !== y.valueMinor) mismatches++;
    }
    expect(mismatches).toBe(0);

    // The rows and the packed blocks are the same too.
    for (const name of ['skus', 'listings', 'locations', 'batches', 'settings', 'movements', 'shipments'] as const) {
      expect(await b.table(name).count(), name).toBe(await a.table(name).count());
    }
    expect(await b.skus.toArray()).toEqual(await a.skus.toArray());
    expect(await b.batches.toArray()).toEqual(await a.batches.toArray());
    expectSameBlocks(await b.movementBlocks.toArray(), await a.movementBlocks.toArray());
    // The demo's open shipments come back with the batch that lists them, so removing the restored
    // demo still takes them away.
    expect(dataset.openShipments.length).toBeGreaterThan(0);
    expect(await b.shipments.toArray()).toEqual(await a.shipments.toArray());
    expect((await b.batches.get('demo'))?.createdShipmentIds).toEqual((await a.shipments.toArray()).map((s) => s.id));
  }, 240_000);
});

describe('the seller’s planning inputs in a backup', () => {
  it('come back: demand events, forced methods and their own forecasts', async () => {
    const a = await freshDb();
    const sku = await addSku(a, 'CASE-01');
    await a.demandEvents.add({ name: 'Prime Day', from: '2026-07-14', to: '2026-07-15', uplift: 0.3, skuIds: null, marketplace: 'US' });
    await a.forecastOverrides.put({ skuId: sku, method: 'croston' });
    await a.forecastRates.bulkPut([
      { skuId: sku, marketplace: 'DE', unitsPerDay: 12.5, until: null },
      { skuId: sku, marketplace: 'US', unitsPerDay: 0, until: '2027-01-31' },
    ]);
    const b = await freshDb();
    await restoreBackup(b, await createBackup(a, '0.1.0', CREATED), FILE);
    for (const table of ['demandEvents', 'forecastOverrides', 'forecastRates']) expect(await b.table(table).toArray(), table).toEqual(await a.table(table).toArray());
    expect(await b.forecastRates.count()).toBe(2);
  });
});
