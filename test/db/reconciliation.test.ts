// Reconciliation (renderer/db/reconciliation.ts, PRODUCT §1.4): a stored snapshot (Manage FBA
// Inventory, a warehouse stock file, the ledger summary's latest day) against the ledger balance at
// the same location at the end of the same date, the events that explain each difference, the
// snapshot codes that map to no SKU, and the lost/damaged units at Amazon the seller may claim.
// Every number is counted by hand from test/fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { applyImport } from '../../renderer/db/imports';
import type { ImportOptions } from '../../renderer/db/imports';
import { createLocation, saveListing } from '../../renderer/db/catalog';
import { postAdjustment, postReceipt, receiveTransfer, shipTransfer } from '../../renderer/db/ledger';
import { reconciliation } from '../../renderer/db/reconciliation';
import { removeMovementBatch } from '../../renderer/db/ledgerStore';
import { latestRows } from '../../renderer/db/reports';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import type { GenericMapping } from '../../shared/import/generic';
import { NOW, LATER, addFba, addSku, disposeDatabases, freshDb, locationIds, snapshot } from './helpers';

const amazon = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)));
const warehouse = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/warehouse', name)));

const MYI = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv';
const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const SUMMARY = 'GET_LEDGER_SUMMARY_VIEW_DATA.tsv';
const THREE_PL = '3pl-stock.en.bom-crlf.csv';
const THREE_PL_MAPPING: GenericMapping = { codeColumn: 'SKU', codeType: 'sku', quantityColumn: 'On Hand', dateColumn: 'As Of', locationColumn: null, costColumn: 'Unit Cost' };

const TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows', 'sourceMappings'];

afterEach(async () => {
  await disposeDatabases();
});

/**
 * Six SKUs named as in the fixtures (so a seller SKU equal to a SKU code maps without a listing).
 * The black earbuds are listed with their FNSKU; the cable listing is a 2-pack.
 */
async function catalog() {
  const db = await freshDb();
  const { domestic, transit } = await locationIds(db);
  const earbud = await addSku(db, 'BT-EARBUD-BLK');
  const cable = await addSku(db, 'USB-C-CBL-2M-WHT');
  const desk = await addSku(db, 'DESK-ORG-BAMB');
  const yoga = await addSku(db, 'YOGA-MAT-6MM-PRP');
  const led = await addSku(db, 'LED-STRIP-5M-RGB');
  const mug = await addSku(db, 'MUG-CERAMIC');
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  await saveListing(db, { skuId: cable, marketplace: 'US', sellerSku: 'USB-C-CBL-2M-WHT', asin: 'B0C9TWJ5RK', fnsku: 'X003ZP8V1R', unitsPerListing: '2' });
  return { db, domestic, transit, earbud, cable, desk, yoga, led, mug };
}

const receipt = (db: StockPilotDatabase, skuId: number, locationId: number, date: string, qty: number) => postReceipt(db, { date, skuId, locationId, qty: String(qty), unitCost: '1.00' }, 'USD');

/**
 * The ledger at FBA US, posted by hand, against Manage FBA Inventory on 2026-05-10 (on hand =
 * fulfillable + reserved + unsellable + researching):
 * - earbuds: 435 received on 05-01, 3 lost on 05-12 (2 days after) → ledger 435, snapshot 412+17+3+0 = 432: −3, explained by the loss;
 * - cable (2-pack listing): 2,618 received → snapshot (1260+35+12+2) × 2 = 2,618: match;
 * - desk organiser (seller SKU = SKU code, no listing): 92 received on 05-03 → 88+3+1+0 = 92: match;
 * - yoga mat: nothing in the ledger → 57+2+6+0 = 65 only in the snapshot;
 * - LED strip: 0 and 0: match; mug: 10 received on the date itself (counted), 5 the day after (not) → only in the ledger;
 * - 2,000 earbuds at the domestic warehouse are another location and count nowhere.
 */
async function fbaUsSeller() {
  const seller = await catalog();
  const { db, domestic, earbud, cable, desk, mug } = seller;
  const us = await addFba(db, 'US');
  await receipt(db, earbud, us, '2026-05-01', 435);
  await receipt(db, cable, us, '2026-05-01', 2618);
  await receipt(db, desk, us, '2026-05-03', 92);
  await receipt(db, mug, us, '2026-05-10', 10);
  await receipt(db, mug, us, '2026-05-11', 5);
  await receipt(db, earbud, domestic, '2026-05-01', 2000);
  await postAdjustment(db, { date: '2026-05-12', skuId: earbud, locationId: us, qty: '-3', reason: 'lost' });
  await applyImport(db, MYI, amazon(MYI), NOW, {}, { asOf: '2026-05-10' });
  return { ...seller, us };
}

describe('reconciliation against Manage FBA Inventory', () => {
  test('no snapshot: no source and nothing to show', async () => {
    const { db } = await catalog();
    expect(await reconciliation(db, null)).toEqual({ sources: [], source: null, lines: [], unmapped: [], claims: [] });
  });

  test('lines per SKU: snapshot on-hand (× units per listing) against the ledger at the end of the date, with the explaining event', async () => {
    const { db, us, earbud, cable, desk, yoga, led, mug } = await fbaUsSeller();
    const before = await snapshot(db, ...TABLES);
    const view = await reconciliation(db, null);
    // Reading writes nothing.
    expect(await snapshot(db, ...TABLES)).toEqual(before);

    const source = { id: `${us}|2026-05-10`, locationId: us, date: '2026-05-10', reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', lineCount: 10 };
    expect(view.sources).toEqual([source]);
    expect(view.source).toEqual(source);
    // Largest first (|difference|, or the ledger units a missing snapshot line leaves unconfirmed), then by SKU.
    expect(view.lines).toEqual([
      { skuId: yoga, snapshotUnits: 65, ledgerUnits: 0, differenceUnits: 65, status: 'onlyInSnapshot', explainedBy: [] },
      { skuId: mug, snapshotUnits: null, ledgerUnits: 10, differenceUnits: null, status: 'onlyInLedger', explainedBy: [] },
      { skuId: earbud, snapshotUnits: 432, ledgerUnits: 435, differenceUnits: -3, status: 'difference', explainedBy: [{ day: '2026-05-12', type: 'adjustment', quantity: -3, reference: '' }] },
      { skuId: cable, snapshotUnits: 2618, ledgerUnits: 2618, differenceUnits: 0, status: 'match', explainedBy: [] },
      { skuId: desk, snapshotUnits: 92, ledgerUnits: 92, differenceUnits: 0, status: 'match', explainedBy: [] },
      { skuId: led, snapshotUnits: 0, ledgerUnits: 0, differenceUnits: 0, status: 'match', explainedBy: [] },
    ]);
    // Codes of the snapshot that map to no SKU, in file order, with their on-hand units.
    expect(view.unmapped).toEqual([
      { code: 'X004K7Q3NA', units: 42 },
      { code: 'X0049RTA2E', units: 9 },
      { code: 'DESK-ORG-BAMB-FBM', units: 0 },
      { code: 'X004D2F5HK', units: 149 },
      { code: 'X004K7Q4PB', units: 6 },
    ]);
    // No Adjustments rows from a ledger report: nothing to claim.
    expect(view.claims).toEqual([]);
  });

  test('an event that does not add up to the difference explains nothing', async () => {
    const { db, earbud } = await catalog();
    const us = await addFba(db, 'US');
    await receipt(db, earbud, us, '2026-05-01', 435);
    // 2 lost two days after the snapshot: the difference is −3, not −2.
    await postAdjustment(db, { date: '2026-05-12', skuId: earbud, locationId: us, qty: '-2', reason: 'lost' });
    await applyImport(db, MYI, amazon(MYI), NOW, {}, { asOf: '2026-05-10' });
    const line = (await reconciliation(db, null)).lines.find((l) => l.skuId === earbud);
    expect(line).toEqual({ skuId: earbud, snapshotUnits: 432, ledgerUnits: 435, differenceUnits: -3, status: 'difference', explainedBy: [] });
  });

  test('two adjustments that sum to the difference explain it together; one outside the 7-day window does not count', async () => {
    const seller = await catalog();
    const { db, earbud } = seller;
    const us = await addFba(db, 'US');
    await receipt(db, earbud, us, '2026-05-01', 435);
    await postAdjustment(db, { date: '2026-05-11', skuId: earbud, locationId: us, qty: '-2', reason: 'lost' });
    await postAdjustment(db, { date: '2026-05-16', skuId: earbud, locationId: us, qty: '-1', reason: 'damaged' });
    // 8 days after: outside the window.
    await postAdjustment(db, { date: '2026-05-18', skuId: earbud, locationId: us, qty: '-3', reason: 'lost' });
    await applyImport(db, MYI, amazon(MYI), NOW, {}, { asOf: '2026-05-10' });
    const line = (await reconciliation(db, null)).lines.find((l) => l.skuId === earbud)!;
    expect(line).toMatchObject({ snapshotUnits: 432, ledgerUnits: 435, differenceUnits: -3, status: 'difference' });
    expect(line.explainedBy).toEqual([
      { day: '2026-05-11', type: 'adjustment', quantity: -2, reference: '' },
      { day: '2026-05-16', type: 'adjustment', quantity: -1, reference: '' },
    ]);
  });

  test('the newest snapshot is shown by default; an older one is selectable by its id; an unknown id falls back to the newest', async () => {
    const { db, us, earbud } = await fbaUsSeller();
    // The same report again on 05-12, after the loss: the earbuds match there.
    await applyImport(db, MYI, amazon(MYI), LATER, {}, { asOf: '2026-05-12' });
    const newest = await reconciliation(db, null);
    expect(newest.sources.map((s) => s.id)).toEqual([`${us}|2026-05-12`, `${us}|2026-05-10`]);
    expect(newest.source).toMatchObject({ id: `${us}|2026-05-12`, date: '2026-05-12', lineCount: 10 });
    expect(newest.lines.find((l) => l.skuId === earbud)).toEqual({ skuId: earbud, snapshotUnits: 432, ledgerUnits: 432, differenceUnits: 0, status: 'match', explainedBy: [] });

    const older = await reconciliation(db, `${us}|2026-05-10`);
    expect(older.source).toMatchObject({ id: `${us}|2026-05-10` });
    expect(older.lines.find((l) => l.skuId === earbud)).toMatchObject({ ledgerUnits: 435, differenceUnits: -3 });

    expect((await reconciliation(db, 'no-such-source')).source).toMatchObject({ id: `${us}|2026-05-12` });
  });

  test('ledger movements from an imported Inventory Ledger count, up to the end of the snapshot date', async () => {
    const { db, earbud } = await catalog();
    // FBA US is created by the ledger import.
    await applyImport(db, LEDGER, amazon(LEDGER), NOW);
    await applyImport(db, MYI, amazon(MYI), LATER, {}, { asOf: '2026-05-03' });
    const fba = await db.locations.where('kind').equals('fba').toArray();
    expect(fba).toHaveLength(1);
    const view = await reconciliation(db, null);
    expect(view.source).toMatchObject({ id: `${fba[0]!.id}|2026-05-03`, locationId: fba[0]!.id });
    // End of 05-02: +240 −1 −2 = 237; 05-03: +1 returned −12 out to another centre = 226 (the +12 back is on 05-04).
    expect(view.lines.find((l) => l.skuId === earbud)).toMatchObject({ snapshotUnits: 432, ledgerUnits: 226, differenceUnits: 206, status: 'difference', explainedBy: [] });
  });
});

describe('other sources', () => {
  test('a 3PL stock file is a second source at its location; a transfer received the day after the count explains its difference; no claims there', async () => {
    const { db, domestic, us, earbud, cable, desk } = await fbaUsSeller();
    const reno = await createLocation(db, { name: 'Reno NV', kind: '3pl', marketplace: '' });
    await receipt(db, cable, domestic, '2026-05-01', 1000);
    // Cables arrive before the 3PL's count (11-26); the earbuds only the day after it.
    const cables = await shipTransfer(db, { shipDate: '2026-11-01', fromLocationId: domestic, toLocationId: reno, lines: [{ skuId: cable, qty: '542' }] });
    await receiveTransfer(db, cables, '2026-11-20');
    const earbuds = await shipTransfer(db, { shipDate: '2026-11-02', fromLocationId: domestic, toLocationId: reno, lines: [{ skuId: earbud, qty: '1550' }] });
    await receiveTransfer(db, earbuds, '2026-11-27');
    // Amazon's ledger has a damaged LED strip at FBA US (the earbud lost on 05-04 was found under the
    // same reference on 05-06): a claim for FBA US, never for Reno.
    await applyImport(db, LEDGER, amazon(LEDGER), LATER);
    const options: ImportOptions = { generic: { mapping: THREE_PL_MAPPING, locationId: reno } };
    await applyImport(db, THREE_PL, warehouse(THREE_PL), '2024-05-03T00:00:00.000Z', {}, options);

    const view = await reconciliation(db, null);
    const renoSource = { id: `${reno}|2026-11-26`, locationId: reno, date: '2026-11-26', reportKind: 'GENERIC_STOCK', lineCount: 3 };
    expect(view.sources).toEqual([renoSource, { id: `${us}|2026-05-10`, locationId: us, date: '2026-05-10', reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', lineCount: 10 }]);
    expect(view.source).toEqual(renoSource);
    // The file's codes are SKU codes: one unit each, whatever the Amazon listing's pack size.
    expect(view.lines).toEqual([
      { skuId: earbud, snapshotUnits: 1550, ledgerUnits: 0, differenceUnits: 1550, status: 'onlyInSnapshot', explainedBy: [{ day: '2026-11-27', type: 'transfer_in', quantity: 1550, reference: `SHP-${earbuds}` }] },
      { skuId: cable, snapshotUnits: 542, ledgerUnits: 542, differenceUnits: 0, status: 'match', explainedBy: [] },
      { skuId: desk, snapshotUnits: 0, ledgerUnits: 0, differenceUnits: 0, status: 'match', explainedBy: [] },
    ]);
    expect(view.unmapped).toEqual([]);
    expect(view.claims).toEqual([]);

    // The FBA snapshot is still there by its id, with its claims.
    const fba = await reconciliation(db, `${us}|2026-05-10`);
    expect(fba.source).toMatchObject({ locationId: us });
    expect(fba.claims.map((c) => [c.fnsku, c.claimableUnits, c.basis])).toEqual([['X003ZQ1B7H', 1, 'netOfFound']]);
  });

  test('a ledger summary adds a "summary|…" source for its latest day (05-07), with each code’s latest ending balances on or before it', async () => {
    const { db, us, earbud, cable, desk, led } = await fbaUsSeller();
    await applyImport(db, SUMMARY, amazon(SUMMARY), LATER);
    const view = await reconciliation(db, null);
    // Two codes in the summary: the black earbuds and the LED strip.
    const summary = { id: `summary|${us}|2026-05-07`, locationId: us, date: '2026-05-07', reportKind: 'GET_LEDGER_SUMMARY_VIEW_DATA', lineCount: 2 };
    expect(view.sources).toEqual([{ id: `${us}|2026-05-10`, locationId: us, date: '2026-05-10', reportKind: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', lineCount: 10 }, summary]);
    expect(view.source!.id).toBe(`${us}|2026-05-10`);

    const chosen = await reconciliation(db, summary.id);
    expect(chosen.source).toEqual(summary);
    // By hand, each FNSKU × disposition's latest ending balance on or before 05-07:
    // - black earbuds: SELLABLE 408 (05-06) + CUSTOMER_DAMAGED 3 (05-03) = 411 against the ledger's 435
    //   (received 05-01; the −3 of 05-12 is no subset summing to −24, nor is the +435): −24, unexplained;
    // - LED strip: SELLABLE 0 (05-07: 6 − 6 returned to the vendor) + WAREHOUSE_DAMAGED 1 (05-06) = 1,
    //   and nothing in the ledger: only in the snapshot.
    // Cable and desk organiser have a ledger balance and no line; the mug's receipts come after 05-07.
    expect(chosen.lines).toEqual([
      { skuId: cable, snapshotUnits: null, ledgerUnits: 2618, differenceUnits: null, status: 'onlyInLedger', explainedBy: [] },
      { skuId: desk, snapshotUnits: null, ledgerUnits: 92, differenceUnits: null, status: 'onlyInLedger', explainedBy: [] },
      { skuId: earbud, snapshotUnits: 411, ledgerUnits: 435, differenceUnits: -24, status: 'difference', explainedBy: [] },
      { skuId: led, snapshotUnits: 1, ledgerUnits: 0, differenceUnits: 1, status: 'onlyInSnapshot', explainedBy: [] },
    ]);
    expect(chosen.unmapped).toEqual([]);
  });

  // The ledger summary lists a day only where something happened (the fixture has no 05-05 row, and
  // no earbud row on 05-07): the last known balances carry forward to the latest day.
  test('the summary source carries each FNSKU’s last ending balance forward to its latest day', async () => {
    const { db, us, earbud } = await fbaUsSeller();
    await applyImport(db, SUMMARY, amazon(SUMMARY), LATER);
    const chosen = await reconciliation(db, `summary|${us}|2026-05-07`);
    expect(chosen.lines.find((l) => l.skuId === earbud)).toMatchObject({ snapshotUnits: 411, ledgerUnits: 435, differenceUnits: -24 });
  });
});

describe('claims for lost and damaged units at Amazon', () => {
  /** The Inventory Ledger at FBA US (the LED strip maps by its SKU code), and a snapshot on `asOf`. */
  async function withLedger(asOf: string, options: ImportOptions = {}) {
    const seller = await catalog();
    await applyImport(seller.db, LEDGER, amazon(LEDGER), NOW);
    await applyImport(seller.db, MYI, amazon(MYI), LATER, {}, { asOf, ...options });
    return seller;
  }

  const lost = { key: expect.any(String), date: '2026-05-04', fnsku: 'X004K7Q2MZ', msku: 'BT-EARBUD-BLK', marketplace: 'US', quantity: -1, reason: 'M', disposition: 'SELLABLE', fulfillmentCenter: 'LGB8', referenceId: '5528810391', reconciledQuantity: 0, unreconciledQuantity: -1 };
  const found = { key: expect.any(String), date: '2026-05-06', fnsku: 'X004K7Q2MZ', msku: 'BT-EARBUD-BLK', marketplace: 'US', quantity: 1, reason: 'F', disposition: 'SELLABLE', fulfillmentCenter: 'LGB8', referenceId: '5528810391', reconciledQuantity: 1, unreconciledQuantity: 0 };
  const damaged = { key: expect.any(String), date: '2026-05-06', fnsku: 'X003ZQ1B7H', msku: 'LED-STRIP-5M-RGB', marketplace: 'US', quantity: -1, reason: 'E', disposition: 'SELLABLE', fulfillmentCenter: 'PHX7', referenceId: '5531190457', reconciledQuantity: null, unreconciledQuantity: null };

  test('as of 05-10: only the LED strip’s damaged unit (net of found: no unreconciled column filled); the earbud lost on 05-04 was found under the same reference on 05-06', async () => {
    const { db, led } = await withLedger('2026-05-10');
    const view = await reconciliation(db, null);
    expect(view.source).toMatchObject({ date: '2026-05-10' });
    // By the rules of shared/reconcile/claims.ts: the P (+1 into WAREHOUSE_DAMAGED) counts nowhere,
    // so the LED strip's E −1 is 1 to claim. The earbud's M −1 still says unreconciled −1, but the
    // F +1 of 05-06 carries its reference (5528810391): 1 − 1 = 0, no claim.
    expect(view.claims).toEqual([
      { fnsku: 'X003ZQ1B7H', msku: 'LED-STRIP-5M-RGB', marketplace: 'US', firstDate: '2026-05-06', lastDate: '2026-05-06', lostUnits: 0, damagedUnits: 1, foundUnits: 0, claimableUnits: 1, basis: 'netOfFound', events: [damaged], skuId: led },
    ]);
    // The earbud's two stored adjustments, as the claim rule reads them.
    const adjustments = [...(await latestRows(db, 'adjustments')).get('adjustments')!.rows.values()];
    expect(adjustments.filter((a) => a.fnsku === 'X004K7Q2MZ')).toEqual([lost, found]);
    // And the lines: LED strip 0 in the snapshot, −1 +1 −6 = −6 in the ledger; the removal (VendorReturns) of 6 on 05-07 is the single event of that size.
    expect(view.lines.find((l) => l.skuId === led)).toEqual({
      skuId: led,
      snapshotUnits: 0,
      ledgerUnits: -6,
      differenceUnits: 6,
      status: 'difference',
      explainedBy: [{ day: '2026-05-07', type: 'removal', quantity: -6, reference: 'RMV-20260501-3' }],
    });
  });

  test('as of 05-05: only events on or before the date count (the earbud loss; the find and the damage come later)', async () => {
    const { db, earbud } = await withLedger('2026-05-05');
    const { claims } = await reconciliation(db, null);
    expect(claims).toEqual([
      { fnsku: 'X004K7Q2MZ', msku: 'BT-EARBUD-BLK', marketplace: 'US', firstDate: '2026-05-04', lastDate: '2026-05-04', lostUnits: 1, damagedUnits: 0, foundUnits: 0, claimableUnits: 1, basis: 'unreconciled', events: [lost], skuId: earbud },
    ]);
  });

  test('as of 05-03: nothing lost or damaged yet', async () => {
    const { db } = await withLedger('2026-05-03');
    expect((await reconciliation(db, null)).claims).toEqual([]);
  });

  test('an unmapped code’s claim has skuId null; a code mapped by its listing has the SKU', async () => {
    const db = await freshDb();
    const earbud = await addSku(db, 'EARBUD');
    await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: '', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
    await applyImport(db, LEDGER, amazon(LEDGER), NOW);
    await applyImport(db, MYI, amazon(MYI), LATER, {}, { asOf: '2026-05-10' });
    // 05-10: the LED strip (no SKU, no listing) is the only claim; the earbud was found again.
    const { claims } = await reconciliation(db, null);
    expect(claims.map((c) => [c.fnsku, c.skuId])).toEqual([['X003ZQ1B7H', null]]);
    // 05-05, before the find: the earbud's lost unit, mapped through the listing's FNSKU to the SKU "EARBUD".
    await applyImport(db, MYI, amazon(MYI), '2024-05-03T00:00:00.000Z', {}, { asOf: '2026-05-05' });
    const [us] = await db.locations.where('kind').equals('fba').toArray();
    const before = await reconciliation(db, `${us!.id}|2026-05-05`);
    expect(before.source).toMatchObject({ date: '2026-05-05' });
    expect(before.claims.map((c) => [c.fnsku, c.skuId, c.claimableUnits])).toEqual([['X004K7Q2MZ', earbud, 1]]);
  });

  test('none for a non-FBA location (the domestic warehouse), nor for another marketplace’s FBA location', async () => {
    const seller = await withLedger('2026-05-10');
    const { db, domestic } = seller;
    await applyImport(db, THREE_PL, warehouse(THREE_PL), '2024-05-03T00:00:00.000Z', {}, { generic: { mapping: THREE_PL_MAPPING, locationId: domestic } });
    const home = await reconciliation(db, null);
    expect(home.source).toMatchObject({ locationId: domestic, date: '2026-11-26', reportKind: 'GENERIC_STOCK' });
    expect(home.claims).toEqual([]);

    const de = await freshDb();
    await applyImport(de, LEDGER, amazon(LEDGER), NOW);
    await applyImport(de, MYI, amazon(MYI), LATER, {}, { asOf: '2026-05-10', marketplace: 'DE' });
    const view = await reconciliation(de, null);
    const [fbaDe] = (await de.locations.where('kind').equals('fba').toArray()).filter((l) => l.marketplace === 'DE');
    expect(view.source).toMatchObject({ locationId: fbaDe!.id });
    expect(view.claims).toEqual([]);
  });

  test('undoing the ledger import removes its claims', async () => {
    const seller = await catalog();
    const { db } = seller;
    const ledger = (await applyImport(db, LEDGER, amazon(LEDGER), NOW)).batch!;
    await applyImport(db, MYI, amazon(MYI), LATER, {}, { asOf: '2026-05-10' });
    expect((await reconciliation(db, null)).claims.map((c) => [c.fnsku, c.claimableUnits])).toEqual([['X003ZQ1B7H', 1]]);
    await removeMovementBatch(db, ledger.id);
    expect((await reconciliation(db, null)).claims).toEqual([]);
  });
});
