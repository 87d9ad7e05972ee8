// Sales at the seller's own warehouses in the plan's inputs (renderer/db/planning.ts): a sale recorded
// at the domestic warehouse or a 3PL makes an own-warehouse demand series (its warehouse's stockout days
// its own), which the buy line counts; stock a 3PL only holds makes none. Imported orders the seller
// fulfilled (MFN) are not added to them: the sale the seller records is counted once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { createLocation, saveListing } from '../../renderer/db/catalog';
import { applyImport } from '../../renderer/db/imports';
import { postSaleOrReturn } from '../../renderer/db/ledger';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { gatherPlanInput, runPlan } from '../../renderer/db/planning';
import { addDemandEvent } from '../../renderer/db/planInputs';
import { unpackPlan } from '../../shared/planning/planColumns';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { NOW, addFba, addSku, disposeDatabases, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';
const FIRST = '2026-01-02';
/** Days from FIRST to TODAY. */
const DAYS = 180;

type Row = { date: string; skuId: number; locationId: number; qty: number; type: MovementType };

async function post(db: StockPilotDatabase, rows: readonly Row[]): Promise<void> {
  await appendMovementBatch(db, { id: 't', kind: 'demo', label: 't', createdAt: NOW }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
}

/** `perDay` sold at a location every day from FIRST to TODAY. */
const daily = (skuId: number, locationId: number, perDay: number): Row[] => Array.from({ length: DAYS }, (_, d) => ({ date: addDays(FIRST, d), skuId, locationId, qty: -perDay, type: 'sale' as const }));

/**
 * SKU A: 2 a day at FBA US, 1 a day sold from the domestic warehouse (a web shop), 200 held at the 3PL
 * and never sold there. SKU B: 3 a day sold by the 3PL only. `homeSales` false: A sells at FBA only.
 */
async function seller(homeSales = true) {
  const db = await freshDb();
  const { domestic } = await locationIds(db);
  const us = await addFba(db, 'US');
  const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
  const a = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
  const b = await addSku(db, 'B-1', { casePack: '1', moq: '0' });
  const rows: Row[] = [
    { date: FIRST, skuId: a, locationId: us, qty: 600, type: 'receipt' },
    { date: FIRST, skuId: a, locationId: domestic, qty: 400, type: 'receipt' },
    { date: FIRST, skuId: a, locationId: tpl, qty: 200, type: 'receipt' },
    ...daily(a, us, 2),
    ...(homeSales ? [{ date: FIRST, skuId: b, locationId: tpl, qty: 900, type: 'receipt' as const }, ...daily(a, domestic, 1), ...daily(b, tpl, 3)] : []),
  ];
  await post(db, rows);
  return { db, a, b, us, tpl, domestic };
}

const gather = (db: StockPilotDatabase) => gatherPlanInput(db, TODAY, { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 });

describe('sales at the seller’s own warehouses', () => {
  it('make own-warehouse series that the buy line counts; a 3PL that only holds stock makes none, and B gets no ship line', async () => {
    const { db, a, b, tpl, domestic } = await seller();
    const { input } = await gather(db);
    expect(input.own?.history.series).toEqual([
      { skuId: a, locationId: domestic, marketplace: `domestic:${domestic}` },
      { skuId: b, locationId: tpl, marketplace: `3pl:${tpl}` },
    ]);
    // The FBA history is as before: A at FBA US only.
    expect(input.history.series.map((s) => s.skuId)).toEqual([a]);
    const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    const buyA = plan.buy.find((l) => l.skuId === a)!;
    const buyB = plan.buy.find((l) => l.skuId === b)!;
    expect(buyA.ownDailyDemand).toBeCloseTo(1, 6);
    expect(buyA.dailyDemand).toBeCloseTo(3, 6);
    expect(buyB.ownDailyDemand).toBeCloseTo(3, 6);
    // B: production 30 days (no supplier) + review 30 at 3 a day = 180, less 900 − 540 = 360 in stock.
    expect(buyB.coverDemand).toBeCloseTo(180, 4);
    expect(buyB.networkPosition).toBe(360);
    expect(plan.ship.map((l) => l.skuId)).toEqual([a]);
  });

  it('an archived warehouse sells no more: its past sales make no series', async () => {
    const { db, a, domestic, tpl } = await seller();
    await db.locations.update(tpl, { archived: true });
    const { input } = await gather(db);
    expect(input.own?.history.series).toEqual([{ skuId: a, locationId: domestic, marketplace: `domestic:${domestic}` }]);
  });

  it('a single sale recorded by hand at the 3PL makes a series there', async () => {
    const { db, a, tpl } = await seller(false);
    expect((await gather(db)).input.own).toBeUndefined();
    await postSaleOrReturn(db, 'sale', { date: '2026-06-20', skuId: a, locationId: tpl, qty: '5', channel: 'Shopify' });
    const { input } = await gather(db);
    expect(input.own?.history.series).toEqual([{ skuId: a, locationId: tpl, marketplace: `3pl:${tpl}` }]);
  });

  it('no sale at an own warehouse: no own-warehouse input, and the buy line has no own part', async () => {
    const { db, a } = await seller(false);
    const { input } = await gather(db);
    expect(input.own).toBeUndefined();
    const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    expect(plan.buy.find((l) => l.skuId === a)!.ownDailyDemand).toBe(0);
    expect(plan.ship[0]!.heldForOwnSales).toBe(0);
  });

  it('take an event for every marketplace, not one for a marketplace', async () => {
    const { db, a, b } = await seller();
    await addDemandEvent(db, { name: 'Prime Day', from: '2026-07-14', to: '2026-07-15', upliftPercent: '50', skuIds: null, marketplace: 'US' });
    expect((await gather(db)).input.own?.series.get(a)?.[0]?.eventFactors).toBeUndefined();
    await addDemandEvent(db, { name: 'Summer sale', from: '2026-07-20', to: '2026-07-21', upliftPercent: '20', skuIds: [b], marketplace: null });
    const { input } = await gather(db);
    expect(input.own?.series.get(a)?.[0]?.eventFactors).toBeUndefined();
    const factors = input.own?.series.get(b)?.[0]?.eventFactors;
    expect(factors && Math.max(...factors)).toBeCloseTo(1.2, 6);
  });
});

describe('imported orders the seller fulfilled (MFN)', () => {
  const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv';
  /** An All Orders file with one merchant-fulfilled order of `units` of A-1 on each day given. */
  const mfnOrders = (days: string[], units: number): Uint8Array => {
    const [header] = new TextDecoder().decode(readFileSync(path.resolve(import.meta.dirname, '../fixtures/amazon', ORDERS))).split('\n');
    const lines = days.map((day) => [`111-9999999-${day.replaceAll('-', '')}`, '', `${day}T12:00:00+00:00`, `${day}T18:00:00+00:00`, 'Shipped', 'Merchant', 'Amazon.com', '', 'Standard', 'A', 'A-1-US', 'B0D3KQ7M2X', 'Shipped', String(units), 'USD', '29.99', '', '', '', '', '', '', '', 'LOS ANGELES', 'CA', '90017', 'US', '', '', 'false', '', '', 'false'].join('\t'));
    return new TextEncoder().encode([header, ...lines].join('\n') + '\n');
  };

  it('are not added to the sales recorded at home: each sale counts once', async () => {
    const { db, a } = await seller();
    await saveListing(db, { skuId: a, marketplace: 'US', sellerSku: 'A-1-US', asin: '', fnsku: '', unitsPerListing: '1' });
    const before = unpackPlan((await runPlan(db, { today: TODAY })).plan).buy.find((l) => l.skuId === a)!;
    // The same web-shop sales also arrive as Amazon MFN orders, 1 a day over the last 30 days.
    const imported = await applyImport(db, 'orders-mfn.tsv', mfnOrders(Array.from({ length: 30 }, (_, d) => addDays('2026-06-01', d)), 1), NOW);
    expect(imported.batch).not.toBeNull();
    expect(imported.preview.stored?.unmappedCodes).toEqual([]);
    const after = unpackPlan((await runPlan(db, { today: TODAY })).plan).buy.find((l) => l.skuId === a)!;
    expect(after.ownDailyDemand).toBe(before.ownDailyDemand);
    expect(after.dailyDemand).toBe(before.dailyDemand);
    expect(after.buyQty).toBe(before.buyQty);
  });
});
