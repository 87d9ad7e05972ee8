// Codes of orders and stock reports that map to no SKU reach the queue of codes to map
// (renderer/db/heldCodes.ts, shared/import/unmappedCodes.ts) with the report and rows they came from;
// mapping one, or creating its SKU, from the queue saves its platform code, and the stored rows, which
// keep the raw code, count from then on (the plan's demand, reconciliation's snapshot) with no replay.
// A mapped code leaves the queue. Every number below is counted by hand from test/fixtures/amazon.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { liveQuery } from 'dexie';
import { applyImport, createSkuForHeldCode, mapHeldCode } from '../../renderer/db/imports';
import { cachedHeldCodeQueue, heldCodeQueue, heldCodeQueueKey } from '../../renderer/db/heldCodes';
import { CATALOG_REVISION_KEY } from '../../renderer/db/catalogRevision';
import { saveListing } from '../../renderer/db/catalog';
import { appendMovementBatch, removeMovementBatch } from '../../renderer/db/ledgerStore';
import { gatherPlanInput } from '../../renderer/db/planning';
import { reconciliation } from '../../renderer/db/reconciliation';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { columnsFromMovements } from '../../shared/ledger';
import { LATER, NOW, addFba, addSku, disposeDatabases, expectRefusedUnchanged, freshDb, planUnitsByDay, skuDraft } from './helpers';

afterEach(disposeDatabases);

const amazon = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', name)));
const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
const MYI = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv';
const RESERVED = 'GET_RESERVED_INVENTORY_DATA.tsv';
const LEDGER = 'GET_LEDGER_DETAIL_VIEW_DATA.tsv';
const TODAY = '2026-06-30';
const TABLES = ['skus', 'listings', 'locations', 'movements', 'movementBlocks', 'batches', 'ledgerState', 'heldEvents', 'reportRows', 'settings'];

/** FBA US with the earbuds mapped (seller SKU and FNSKU) and a cable SKU under a code of the seller's own, not mapped; both with stock there. */
async function seller(): Promise<{ db: StockPilotDatabase; us: number; earbud: number; cable: number }> {
  const db = await freshDb();
  const us = await addFba(db, 'US');
  const earbud = await addSku(db, 'EARBUD-BLK');
  const cable = await addSku(db, 'CABLE-2M');
  await saveListing(db, { skuId: earbud, marketplace: 'US', sellerSku: 'BT-EARBUD-BLK', asin: 'B0D3KQ7M2X', fnsku: 'X004K7Q2MZ', unitsPerListing: '1' });
  const receipts = [earbud, cable].map((skuId, i) => ({ id: i + 1, date: '2026-04-01', skuId, locationId: us, qty: 100, type: 'receipt' as const, source: 'test' }));
  await appendMovementBatch(db, { id: 'stock', kind: 'demo', label: 'stock', createdAt: NOW }, columnsFromMovements(receipts));
  return { db, us, earbud, cable };
}

/** The queue as the seller reads it: code (marketplace), where its rows came from. */
async function queueLines(db: StockPilotDatabase): Promise<string[]> {
  return (await heldCodeQueue(db)).map((q) => `${q.code} (${q.marketplace}) ${q.sources.map((s) => `${s.reportKind}:${s.rows}`).join(' ')}`);
}

describe('an order report with codes the catalog lacks', () => {
  test('its codes wait in the queue; mapping one makes its orders the SKU\'s demand, and it leaves the queue', async () => {
    const { db, us, cable } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    // Every seller SKU of the fixture but the US earbuds: the CA earbuds (no CA listing), the cable,
    // the cancelled LED strip, the merchant-fulfilled yoga mat, and the desk organiser's two
    // identical rows, kept once. Sorted by marketplace, then code.
    expect(await queueLines(db)).toEqual([
      `BT-EARBUD-BLK (CA) ${ORDERS.replace('.tsv', '')}:1`,
      `DESK-ORG-BAMB (US) ${ORDERS.replace('.tsv', '')}:1`,
      `LED-STRIP-5M-RGB (US) ${ORDERS.replace('.tsv', '')}:1`,
      `USB-C-CBL-2M-WHT (US) ${ORDERS.replace('.tsv', '')}:1`,
      `YOGA-MAT-6MM-PRP (US) ${ORDERS.replace('.tsv', '')}:1`,
    ]);
    const cableCode = (await heldCodeQueue(db)).find((q) => q.code === 'USB-C-CBL-2M-WHT')!;
    expect(cableCode).toMatchObject({ key: 'sellerSku|USB-C-CBL-2M-WHT|US', codeType: 'sellerSku', heldEvents: 0, sellerSku: 'USB-C-CBL-2M-WHT', fnsku: '', asin: 'B0C9TWJ5RK' });
    // Until it is mapped the plan has none of the cable's orders: only the ledger, which sold none.
    expect(await planUnitsByDay(db, TODAY, cable, us, '2026-05-01', '2026-05-04')).toEqual([0, 0, 0, 0]);

    // Nothing is held for it: mapping posts nothing and saves the platform code.
    expect(await mapHeldCode(db, 'sellerSku', 'USB-C-CBL-2M-WHT', 'US', cable, LATER)).toBe(0);
    const listing = await db.listings.where('[marketplace+sellerSkuKey]').equals(['US', 'USB-C-CBL-2M-WHT']).first();
    expect(listing).toMatchObject({ skuId: cable, sellerSku: 'USB-C-CBL-2M-WHT', asin: 'B0C9TWJ5RK', fnsku: '', unitsPerListing: 1 });
    expect((await queueLines(db)).map((line) => line.split(' ')[0])).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'YOGA-MAT-6MM-PRP']);
    // The stored order (3 cables on 05-02) is now the cable's demand, with no import again.
    expect(await planUnitsByDay(db, TODAY, cable, us, '2026-05-01', '2026-05-04')).toEqual([0, 3, 0, 0]);
    // Mapping it again finds nothing waiting, says so (−1) and changes nothing.
    expect(await mapHeldCode(db, 'sellerSku', 'USB-C-CBL-2M-WHT', 'US', cable, LATER)).toBe(-1);
    expect(await db.listings.count()).toBe(2);
  });

  test('creating the SKU from the queue saves it with its platform code in one step; a refused one stores nothing', async () => {
    const { db } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    // A SKU code the catalog has: refused by name, the queue as it was.
    await expectRefusedUnchanged(db, TABLES, () => createSkuForHeldCode(db, 'sellerSku', 'YOGA-MAT-6MM-PRP', 'US', skuDraft({ code: 'cable-2m', name: 'Yoga mat' }), LATER), 'sku.duplicateCode', { code: 'CABLE-2M' });
    expect((await queueLines(db)).map((line) => line.split(' ')[0])).toContain('YOGA-MAT-6MM-PRP');

    const { skuId, posted } = await createSkuForHeldCode(db, 'sellerSku', 'YOGA-MAT-6MM-PRP', 'US', skuDraft({ code: 'YOGA-PRP', name: 'Yoga mat purple' }), LATER);
    expect(posted).toBe(0);
    expect(skuId).not.toBeNull();
    expect(await db.listings.where('skuId').equals(skuId!).toArray()).toMatchObject([{ marketplace: 'US', sellerSku: 'YOGA-MAT-6MM-PRP', asin: 'B0CX8N3V6P' }]);
    expect((await queueLines(db)).map((line) => line.split(' ')[0])).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'USB-C-CBL-2M-WHT']);
    // Mapped meanwhile: nothing waits for it, so no second SKU is created.
    expect(await createSkuForHeldCode(db, 'sellerSku', 'YOGA-MAT-6MM-PRP', 'US', skuDraft({ code: 'YOGA-2' }), LATER)).toEqual({ skuId: null, posted: 0 });
    expect(await db.skus.count()).toBe(3);
  });
});

describe('a stock snapshot with codes the catalog lacks', () => {
  test('its codes wait in the queue by FNSKU; mapping one makes the snapshot line count for the SKU in reconciliation', async () => {
    const { db, cable } = await seller();
    await applyImport(db, MYI, amazon(MYI), NOW, {}, { marketplace: 'US', asOf: '2026-05-10' });
    const myi = MYI.replace('.tsv', '');
    // Nine of the ten lines (the earbuds are mapped); the merchant-fulfilled line has no FNSKU, so its seller SKU.
    expect(await queueLines(db)).toEqual(
      [
        `B0BQ2W7N8T (US) ${myi}:1`,
        `DESK-ORG-BAMB-FBM (US) ${myi}:1`,
        `X003ZP8V1R (US) ${myi}:1`,
        `X003ZQ1B7H (US) ${myi}:1`,
        `X0049RTA2E (US) ${myi}:1`,
        `X004A1C9TD (US) ${myi}:1`,
        `X004D2F5HK (US) ${myi}:1`,
        `X004K7Q3NA (US) ${myi}:1`,
        `X004K7Q4PB (US) ${myi}:1`,
      ],
    );
    let view = await reconciliation(db, null);
    expect(view.unmapped.map((u) => u.code)).toContain('X003ZP8V1R');
    expect(view.lines.find((l) => l.skuId === cable)?.snapshotUnits ?? null).toBeNull();

    expect(await mapHeldCode(db, 'fnsku', 'X003ZP8V1R', 'US', cable, LATER)).toBe(0);
    expect(await db.listings.where('fnsku').equals('X003ZP8V1R').toArray()).toMatchObject([{ skuId: cable, marketplace: 'US', sellerSku: 'USB-C-CBL-2M-WHT', asin: 'B0C9TWJ5RK' }]);
    expect((await queueLines(db)).map((line) => line.split(' ')[0])).not.toContain('X003ZP8V1R');
    // 1,260 fulfillable + 35 reserved + 12 unsellable + 2 researching, against the ledger's 100.
    view = await reconciliation(db, null);
    expect(view.unmapped.map((u) => u.code)).not.toContain('X003ZP8V1R');
    expect(view.lines.find((l) => l.skuId === cable)).toMatchObject({ snapshotUnits: 1309, ledgerUnits: 100 });
  });

  test('an order and a stock line of one product are one entry, by FNSKU; reserved units wait there too, and one mapping clears them all', async () => {
    const { db, us, cable } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    await applyImport(db, MYI, amazon(MYI), LATER, {}, { marketplace: 'US', asOf: '2026-05-10' });
    await applyImport(db, RESERVED, amazon(RESERVED), '2024-05-03T00:00:00.000Z', {}, { marketplace: 'US', asOf: '2026-05-10' });
    const entry = (await heldCodeQueue(db)).find((q) => q.code === 'X003ZP8V1R')!;
    expect(entry.sources).toEqual([
      { reportKind: MYI.replace('.tsv', ''), rows: 1 },
      { reportKind: RESERVED.replace('.tsv', ''), rows: 1 },
      { reportKind: ORDERS.replace('.tsv', ''), rows: 1 },
    ]);
    expect((await heldCodeQueue(db)).some((q) => q.code === 'USB-C-CBL-2M-WHT')).toBe(false);

    await mapHeldCode(db, entry.codeType, entry.code, entry.marketplace, cable, '2024-05-04T00:00:00.000Z');
    expect((await heldCodeQueue(db)).some((q) => q.code === 'X003ZP8V1R' || q.code === 'USB-C-CBL-2M-WHT')).toBe(false);
    expect(await planUnitsByDay(db, TODAY, cable, us, '2026-05-01', '2026-05-04')).toEqual([0, 3, 0, 0]);
    // The plan's reserved units for the cable: its 35 from the Reserved Inventory report (capped at its 100 on hand).
    const { input } = await gatherPlanInput(db, TODAY, { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 });
    const [series] = (input.series.get(cable) ?? []).filter((s) => input.history.series[s.seriesIndex]?.locationId === us);
    expect(series?.reservedUnits).toBe(35);
  });
});

describe('held ledger codes', () => {
  test('lead the queue, counted as held rows of the ledger, and post when mapped as before', async () => {
    const { db } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    await applyImport(db, LEDGER, amazon(LEDGER), LATER);
    const queue = await heldCodeQueue(db);
    expect(queue[0]).toMatchObject({ code: 'X003ZQ1B7H', marketplace: 'US', codeType: 'fnsku', heldEvents: 3, sellerSku: 'LED-STRIP-5M-RGB' });
    // The cancelled LED order names its seller SKU: it joins the held FNSKU's entry.
    expect(queue[0]!.sources).toEqual([
      { reportKind: LEDGER.replace('.tsv', ''), rows: 3 },
      { reportKind: ORDERS.replace('.tsv', ''), rows: 1 },
    ]);
    expect(queue.some((q) => q.code === 'LED-STRIP-5M-RGB')).toBe(false);
    const led = await addSku(db, 'LED-RGB');
    expect(await mapHeldCode(db, 'fnsku', 'X003ZQ1B7H', 'US', led, '2024-05-03T00:00:00.000Z')).toBe(3);
    expect((await heldCodeQueue(db)).some((q) => q.code === 'X003ZQ1B7H' || q.code === 'LED-STRIP-5M-RGB')).toBe(false);
  });
});

describe('the queue on the imports screen', () => {
  test('is a live query: an import adds its codes, and mapping one takes it out, with no reload', async () => {
    const { db, cable } = await seller();
    const seen: string[][] = [];
    const subscription = liveQuery(() => heldCodeQueue(db)).subscribe({ next: (queue) => seen.push(queue.map((q) => q.code)) });
    try {
      await expect.poll(() => seen.at(-1)).toEqual([]);
      await applyImport(db, ORDERS, amazon(ORDERS), NOW);
      await expect.poll(() => seen.at(-1)).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'USB-C-CBL-2M-WHT', 'YOGA-MAT-6MM-PRP']);
      await mapHeldCode(db, 'sellerSku', 'USB-C-CBL-2M-WHT', 'US', cable, LATER);
      await expect.poll(() => seen.at(-1)).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'YOGA-MAT-6MM-PRP']);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('the queue kept by the worker (cachedHeldCodeQueue)', () => {
  test('is worked out again only when its key changes: a mapping, a catalog edit, an import or its undo each give a new queue', async () => {
    const { db, cable } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    const first = await cachedHeldCodeQueue(db);
    expect(first.queue).toEqual(await heldCodeQueue(db));
    // Nothing changed: the very same queue, not worked out again.
    const again = await cachedHeldCodeQueue(db);
    expect(again).toBe(first);
    expect(again.key).toBe((await heldCodeQueueKey(db)).key);

    // Mapped from the queue: it leaves.
    expect(await mapHeldCode(db, 'sellerSku', 'USB-C-CBL-2M-WHT', 'US', cable, LATER)).toBe(0);
    const afterMapping = await cachedHeldCodeQueue(db);
    expect(afterMapping.key).not.toBe(first.key);
    expect(afterMapping.queue.map((q) => q.code)).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB', 'YOGA-MAT-6MM-PRP']);

    // Mapped in the catalog instead, after the queue was kept: mapping it from the queue finds nothing waiting and saves nothing.
    await saveListing(db, { skuId: cable, marketplace: 'US', sellerSku: 'YOGA-MAT-6MM-PRP', asin: '', fnsku: '', unitsPerListing: '1' });
    const listings = await db.listings.count();
    expect(await mapHeldCode(db, 'sellerSku', 'YOGA-MAT-6MM-PRP', 'US', cable, LATER)).toBe(-1);
    expect(await db.listings.count()).toBe(listings);
    expect((await cachedHeldCodeQueue(db)).queue.map((q) => q.code)).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB']);

    // The orders import undone: nothing waits any more.
    const orders = (await db.batches.toArray()).filter((b) => b.id !== 'stock');
    expect(orders).toHaveLength(1);
    await removeMovementBatch(db, orders[0]!.id);
    expect((await cachedHeldCodeQueue(db)).queue).toEqual([]);
    // Imported again: back, with a new key.
    await applyImport(db, ORDERS, amazon(ORDERS), LATER);
    expect((await cachedHeldCodeQueue(db)).queue.map((q) => q.code)).toEqual(['BT-EARBUD-BLK', 'DESK-ORG-BAMB', 'LED-STRIP-5M-RGB']);
  });

  test('without a catalog revision (a restore clears it) the queue is worked out afresh every time, never from a kept one', async () => {
    const { db, cable } = await seller();
    await applyImport(db, ORDERS, amazon(ORDERS), NOW);
    // As after a restore: no revision record.
    await db.ledgerState.delete(CATALOG_REVISION_KEY);
    expect((await cachedHeldCodeQueue(db)).queue.map((q) => q.code)).toContain('YOGA-MAT-6MM-PRP');
    // The backup restored next had the code mapped: its listing, and again no revision record. The
    // counts and batches are the same as before, but the queue is not.
    await saveListing(db, { skuId: cable, marketplace: 'US', sellerSku: 'YOGA-MAT-6MM-PRP', asin: '', fnsku: '', unitsPerListing: '1' });
    await db.ledgerState.delete(CATALOG_REVISION_KEY);
    expect((await cachedHeldCodeQueue(db)).queue.map((q) => q.code)).not.toContain('YOGA-MAT-6MM-PRP');
    expect(await mapHeldCode(db, 'sellerSku', 'YOGA-MAT-6MM-PRP', 'US', cable, LATER)).toBe(-1);
  });
});
