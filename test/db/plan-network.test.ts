// The plan's inputs across the network (renderer/db/planning.ts gathers them; shared/planning/plan.ts
// counts them). Stock on its way that no ship line counts is still the network's: the buy position
// counts units in transit to a 3PL or to a marketplace the SKU has not sold in yet, and FBA capacity
// room counts the latter too. A SKU whose cost cannot be converted is still ranked by what it sells.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { createLocation, setSkuArchived } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { gatherPlanInput, runPlan } from '../../renderer/db/planning';
import { savePlanPreferences, setForecastRate } from '../../renderer/db/planInputs';
import { unpackPlan } from '../../shared/planning/planColumns';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { NOW, addFba, addSku, disposeDatabases, freshDb, locationIds, shipOne } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';

type Row = { date: string; skuId: number; locationId: number; qty: number; type: MovementType };

/** Posts the rows as one imported batch. */
async function post(db: StockPilotDatabase, rows: readonly Row[]): Promise<void> {
  await appendMovementBatch(db, { id: 't', kind: 'demo', label: 't', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
}

/**
 * One SKU: 500 at home, 600 at FBA US selling 3 a day since Feb 1 (150 left); 400 shipped from home
 * to `shipTo` on `shipDate`; `rates`: the seller's own forecasts (units per day, no end) by marketplace.
 */
async function seller(shipTo: 'nowhere' | '3pl' | 'newFba', rates: Record<string, string> = {}, shipDate = '2026-06-20') {
  const db = await freshDb();
  const { domestic } = await locationIds(db);
  const us = await addFba(db, 'US');
  const de = await addFba(db, 'DE');
  const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
  const sku = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
  const rows: Row[] = [
    { date: '2026-01-02', skuId: sku, locationId: domestic, qty: 500, type: 'receipt' },
    { date: '2026-01-02', skuId: sku, locationId: us, qty: 600, type: 'receipt' },
  ];
  for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: us, qty: -3, type: 'sale' });
  await post(db, rows);
  if (shipTo !== 'nowhere') {
    await shipOne(db, { from: domestic, to: shipTo === '3pl' ? tpl : de, shipDate, eta: '2026-07-25', mode: 'sea', skuId: sku, units: 400 });
  }
  for (const [marketplace, unitsPerDay] of Object.entries(rates)) await setForecastRate(db, { skuId: sku, marketplace, unitsPerDay, until: '' }, TODAY);
  const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
  const { input } = await gatherPlanInput(db, TODAY, { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 });
  return { plan, input, sku, de, db };
}

describe('stock in transit that no ship line counts', () => {
  it('is in the buy position whether it goes to a 3PL or to a marketplace not yet selling', async () => {
    const base = await seller('nowhere');
    const position = base.plan.buy[0]!.networkPosition;
    expect(base.plan.buy[0]!.otherInboundUnits).toBe(0);
    for (const shipTo of ['3pl', 'newFba'] as const) {
      const { plan } = await seller(shipTo);
      const buy = plan.buy[0]!;
      // 400 left home and are on their way: the network holds as much as before.
      expect(buy.networkPosition).toBe(position);
      expect(buy.otherInboundUnits).toBe(400);
      expect(buy.buyQty).toBe(base.plan.buy[0]!.buyQty);
      // No ship line counts them (the SKU has no series at DE yet).
      expect(plan.ship.reduce((sum, line) => sum + line.inboundUnits, 0)).toBe(0);
    }
  });

  it('on its way to an FBA location, is handed to the capacity step for that location', async () => {
    const toFba = await seller('newFba');
    expect(toFba.input.unlinedFbaInbound).toEqual([{ skuId: toFba.sku, locationId: toFba.de, units: 400 }]);
    const to3pl = await seller('3pl');
    expect(to3pl.input.unlinedFbaInbound).toEqual([]);
  });
});

describe('the buy line’s projected stockout', () => {
  it('counts stock on its way to a 3PL or a new marketplace as the network’s: shipping it does not bring the stockout nearer', async () => {
    // 12 a day in the US (the seller's rate): 500 at home + 150 at FBA = 650 last 54.2 days, out on
    // day 55, whether or not 400 of them are at sea to a 3PL or a new marketplace meanwhile.
    const base = await seller('nowhere', { US: '12' });
    const today = base.input.settings.todayDay;
    expect(base.plan.buy[0]!.stockoutDay).toBe(today + 55);
    for (const shipTo of ['3pl', 'newFba'] as const) {
      const { plan } = await seller(shipTo, { US: '12' });
      expect(plan.buy[0]!.networkOnHand, shipTo).toBe(650);
      expect(plan.buy[0]!.stockoutDay, shipTo).toBe(today + 55);
      expect(plan.buy[0]!.stockoutArrivals, shipTo).toBe(0);
    }
  });
});

describe('a shipment dated after today', () => {
  it('has its units on the way and no longer at home: counted once in the buy position, not free for another marketplace', async () => {
    const shipped = await seller('newFba');
    const planned = await seller('newFba', {}, '2026-07-03');
    // The transfer out of home is dated July 3, so the ledger still has the 400 at home today.
    expect(planned.input.skus[0]!.domesticUnits).toBe(100);
    expect(planned.input.skus[0]!.domesticUnits).toBe(shipped.input.skus[0]!.domesticUnits);
    expect(planned.plan.buy[0]!.networkPosition).toBe(shipped.plan.buy[0]!.networkPosition);
    expect(planned.plan.buy[0]!.buyQty).toBe(shipped.plan.buy[0]!.buyQty);
  });

  it('leaving an FBA location, has its units out of that location’s on hand, counted once', async () => {
    /** 600 in at FBA US, 3 a day sold (150 left), 100 shipped from there to a 3PL on `shipDate`. */
    async function fromFba(shipDate: string) {
      const db = await freshDb();
      const { domestic } = await locationIds(db);
      const us = await addFba(db, 'US');
      const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
      const sku = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
      const rows: Row[] = [
        { date: '2026-01-02', skuId: sku, locationId: domestic, qty: 500, type: 'receipt' },
        { date: '2026-01-02', skuId: sku, locationId: us, qty: 600, type: 'receipt' },
      ];
      for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: us, qty: -3, type: 'sale' });
      await post(db, rows);
      await shipOne(db, { from: us, to: tpl, shipDate, eta: '2026-07-25', mode: 'sea', skuId: sku, units: 100 });
      return unpackPlan((await runPlan(db, { today: TODAY })).plan);
    }
    const sent = await fromFba('2026-06-25');
    const dated = await fromFba('2026-07-03');
    expect(dated.ship[0]!.onHand).toBe(50);
    expect(dated.ship[0]!.onHand).toBe(sent.ship[0]!.onHand);
    expect(dated.buy[0]!.networkPosition).toBe(sent.buy[0]!.networkPosition);
  });
});

describe('an archived SKU’s stock at FBA', () => {
  it('still takes capacity room, in units and in cubic feet, though the SKU has no line', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const us = await addFba(db, 'US');
    const cube = { packageLength: '12', packageWidth: '12', packageHeight: '12', dimensionUnit: 'in', storageType: 'standard' };
    const live = await addSku(db, 'LIVE-1', { casePack: '1', moq: '0', ...cube });
    const old = await addSku(db, 'OLD-1', { casePack: '1', moq: '0', ...cube });
    const rows: Row[] = [
      { date: '2026-01-02', skuId: live, locationId: domestic, qty: 1000, type: 'receipt' },
      { date: '2026-01-02', skuId: live, locationId: us, qty: 400, type: 'receipt' },
      { date: '2026-01-02', skuId: old, locationId: us, qty: 760, type: 'receipt' },
      { date: '2026-01-03', skuId: old, locationId: us, qty: -10, type: 'sale' },
    ];
    for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: live, locationId: us, qty: -2, type: 'sale' });
    await post(db, rows);
    await savePlanPreferences(db, { serviceLevelPercent: { A: '98', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: { [us]: '880' }, capacityCubicFeet: { [us]: { standard: '900' } } });
    const liveLine = async () => unpackPlan((await runPlan(db, { today: TODAY })).plan).ship.find((l) => l.skuId === live)!;
    // 100 of LIVE-1 and 750 of OLD-1 on the shelves: 30 units and 50 cubic feet left.
    const before = await liveLine();
    expect([before.onHand, before.capacityRoomUnits, before.capacityRoomCubicFeet]).toEqual([100, 30, 50]);
    await setSkuArchived(db, old, true, NOW);
    const after = await liveLine();
    expect([after.capacityRoomUnits, after.capacityRoomCubicFeet]).toEqual([30, 50]);
    expect(after.shipSea + after.shipAir).toBe(before.shipSea + before.shipAir);
    expect(after.shipSea + after.shipAir).toBeLessThanOrEqual(30);
  });
});

describe('a SKU whose cost has no exchange rate', () => {
  it('is ranked by its units at a typical SKU\'s cost, not pushed to the bottom of class C', async () => {
    const db = await freshDb();
    const us = await addFba(db, 'US');
    // The best seller costs CNY 20 and no CNY rate is entered; five others cost USD 3 (base USD).
    const best = await addSku(db, 'BEST', { casePack: '1', moq: '0', unitCost: '20', costCurrency: 'CNY' });
    const others = [];
    for (let k = 0; k < 5; k++) others.push(await addSku(db, `OTHER-${k}`, { casePack: '1', moq: '0', unitCost: '3', costCurrency: 'USD' }));
    const rows: Row[] = [];
    for (const skuId of [best, ...others]) rows.push({ date: '2025-06-01', skuId, locationId: us, qty: 100_000, type: 'receipt' });
    for (let d = 0; d < 365; d++) {
      rows.push({ date: addDays('2025-07-01', d), skuId: best, locationId: us, qty: -100, type: 'sale' });
      for (const skuId of others) rows.push({ date: addDays('2025-07-01', d), skuId, locationId: us, qty: -5, type: 'sale' });
    }
    await post(db, rows);
    const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    // 100 a day at the others' cost is most of the catalog's value: class A.
    expect(plan.ship.find((l) => l.skuId === best)!.abc).toBe('A');
    expect(plan.ship.find((l) => l.skuId === best)!.serviceLevel).toBe(0.98);
  });
});

describe('the seller’s own forecast for a marketplace the SKU has not sold in (a launch)', () => {
  it('makes a line at that marketplace’s FBA location, which counts the stock on its way there', async () => {
    const base = await seller('newFba');
    const { plan, de } = await seller('newFba', { DE: '4' });
    expect(plan.ship.map((line) => line.marketplace)).toEqual(['US', 'DE']);
    const launch = plan.ship.find((line) => line.locationId === de)!;
    expect(launch.rateOverride).toBe(4);
    expect(launch.dailyDemand).toBeCloseTo(4, 9);
    expect(launch.onHand).toBe(0);
    // The 400 at sea to Germany are now this line's inbound, not "in transit elsewhere".
    expect(launch.inboundUnits).toBe(400);
    const buy = plan.buy[0]!;
    expect(buy.otherInboundUnits).toBe(0);
    expect(buy.networkPosition).toBe(base.plan.buy[0]!.networkPosition);
    // The network now sells 4 a day more: the buy line sees it.
    expect(buy.dailyDemand).toBeCloseTo(base.plan.buy[0]!.dailyDemand + 4, 9);
    // The US line wants what it wanted without the launch; the 100 left at home are now shared with Germany.
    const us = plan.ship[0]!;
    const usBefore = base.plan.ship[0]!;
    expect([us.dailyDemand, us.safetyStock, us.orderUpTo, us.shipSea + us.shipAir + us.shortAtHome]).toEqual([usBefore.dailyDemand, usBefore.safetyStock, usBefore.orderUpTo, usBefore.shipSea + usBefore.shipAir + usBefore.shortAtHome]);
    expect(us.shipSea + us.shipAir + launch.shipSea + launch.shipAir).toBe(100);
  });

  it('replaces the computed forecast where the SKU sells, and changes nothing once ended or with no FBA location there', async () => {
    const base = await seller('nowhere');
    const inUs = await seller('nowhere', { US: '9' });
    expect(inUs.plan.ship).toHaveLength(1);
    expect(inUs.plan.ship[0]!.dailyDemand).toBeCloseTo(9, 9);
    expect(base.plan.ship[0]!.dailyDemand).toBeCloseTo(3, 6);

    // Japan has no FBA location: the rate has nowhere to go.
    const inJapan = await seller('nowhere', { JP: '9' });
    expect(inJapan.plan).toEqual(base.plan);

    // An end date already past (the seller set it long ago): as if there were none.
    await inUs.db.forecastRates.put({ skuId: inUs.sku, marketplace: 'US', unitsPerDay: 9, until: '2026-06-29' });
    expect(unpackPlan((await runPlan(inUs.db, { today: TODAY })).plan)).toEqual(base.plan);
  });
});

describe('the seller’s own forecast for a marketplace with two FBA warehouses', () => {
  it('is the marketplace’s: each warehouse takes its share by last year’s sales, so the rate is not counted twice', async () => {
    const db = await freshDb();
    const east = await addFba(db, 'US');
    const west = await createLocation(db, { name: 'FBA US West', kind: 'fba', marketplace: 'US' });
    const sku = await addSku(db, 'TWO-1', { casePack: '1', moq: '0' });
    // East sells 3 a day, West 1 a day, both well stocked.
    const rows: Row[] = [
      { date: '2026-01-02', skuId: sku, locationId: east, qty: 2000, type: 'receipt' },
      { date: '2026-01-02', skuId: sku, locationId: west, qty: 2000, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) {
      rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: east, qty: -3, type: 'sale' });
      rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: west, qty: -1, type: 'sale' });
    }
    await post(db, rows);
    await setForecastRate(db, { skuId: sku, marketplace: 'US', unitsPerDay: '8', until: '' }, TODAY);
    const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    const perDay = (locationId: number) => plan.ship.find((line) => line.locationId === locationId)!;
    expect(perDay(east).rateOverride).toBeCloseTo(6, 9);
    expect(perDay(west).rateOverride).toBeCloseTo(2, 9);
    expect(plan.buy[0]!.dailyDemand).toBeCloseTo(8, 9);
  });

  it('a forecast whose last day is today is over: no launch line, no change', async () => {
    const base = await seller('nowhere');
    // Stored as it would be if the seller had set it days ago.
    await base.db.forecastRates.put({ skuId: base.sku, marketplace: 'DE', unitsPerDay: 9, until: TODAY });
    await base.db.forecastRates.put({ skuId: base.sku, marketplace: 'US', unitsPerDay: 9, until: TODAY });
    expect(unpackPlan((await runPlan(base.db, { today: TODAY })).plan)).toEqual(base.plan);
  });
});
