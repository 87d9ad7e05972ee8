// The plan as the ledger worker gathers it (renderer/db/planning.ts runPlan): the ledger's quantities,
// stock at home, ship legs by route with a SKU's own override, on a fresh database per test.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { FALLBACK_DAYS, skuLegKey, transportKey } from '../../shared/purchasing/routeLeadTimes';
import { createLocation } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { runPlan } from '../../renderer/db/planning';
import { unpackPlan } from '../../shared/planning/planColumns';
import { setLeadTime } from '../../renderer/db/purchasing';
import { saveAnalysisSettings } from '../../renderer/db/analysis';
import { savePlanPreferences } from '../../renderer/db/planInputs';
import { addFba, addSku, disposeDatabases, freshDb, locationIds } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';

describe('runPlan gathers what the plan reads', () => {
  it('stock at home counts the domestic warehouse and 3PLs up to today; ship legs follow the route, a SKU override its SKU only', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const us = await addFba(db, 'US');
    const de = await addFba(db, 'DE');
    const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
    const a = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
    const b = await addSku(db, 'B-1', { casePack: '1', moq: '0' });
    const c = await addSku(db, 'C-1', { casePack: '1', moq: '0' });

    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [];
    const move = (date: string, skuId: number, locationId: number, qty: number, type: MovementType) => rows.push({ date, skuId, locationId, qty, type });
    move('2026-01-02', a, domestic, 100, 'receipt');
    move('2026-01-02', a, tpl, 30, 'receipt');
    move('2026-01-03', a, domestic, -10, 'adjustment');
    move('2026-01-02', b, domestic, 40, 'receipt');
    move('2026-01-02', c, tpl, 7, 'receipt');
    // After today: not at home yet.
    move(addDays(TODAY, 5), a, domestic, 1000, 'receipt');
    move('2026-01-01', a, us, 500, 'receipt');
    move('2026-01-01', a, de, 300, 'receipt');
    move('2026-01-01', b, us, 200, 'receipt');
    for (let d = 0; d < 150; d++) {
      const date = addDays('2026-02-01', d);
      move(date, a, us, -2, 'sale');
      if (d % 2 === 0) move(date, a, de, -1, 'sale');
      if (d % 3 === 0) move(date, b, us, -1, 'sale');
    }
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));

    // Sea to FBA US takes 30 days for every SKU, but 60 for B (its own figure).
    await setLeadTime(db, transportKey(domestic, us, 'sea'), { meanDays: 30, sdDays: 4 });
    await setLeadTime(db, skuLegKey(b, 'transport:sea'), { meanDays: 60, sdDays: 5 });

    const run = await runPlan(db, { today: TODAY });
    const result = { ...run, plan: unpackPlan(run.plan) };
    const { handling, receiving, transport } = FALLBACK_DAYS;
    const leg = (transportDays: { meanDays: number; sdDays: number }) => ({
      meanDays: handling.meanDays + transportDays.meanDays + receiving.fba.meanDays,
      sdDays: Math.sqrt(handling.sdDays ** 2 + transportDays.sdDays ** 2 + receiving.fba.sdDays ** 2),
    });
    const line = (skuId: number, locationId: number) => result.plan.ship.find((l) => l.skuId === skuId && l.locationId === locationId)!;
    expect(result.plan.ship.map((l) => [l.skuId, l.locationId])).toEqual([
      [a, us],
      [a, de],
      [b, us],
    ]);
    expect([line(a, us).seaLeadDays, line(a, us).seaLeadSdDays]).toEqual([leg({ meanDays: 30, sdDays: 4 }).meanDays, leg({ meanDays: 30, sdDays: 4 }).sdDays]);
    expect([line(a, de).seaLeadDays, line(a, de).seaLeadSdDays]).toEqual([leg(transport.sea).meanDays, leg(transport.sea).sdDays]);
    expect([line(b, us).seaLeadDays, line(b, us).seaLeadSdDays]).toEqual([leg({ meanDays: 60, sdDays: 5 }).meanDays, leg({ meanDays: 60, sdDays: 5 }).sdDays]);
    expect(line(a, us).airLeadDays).toBe(leg(transport.air).meanDays);
    expect(line(b, us).airLeadDays).toBe(leg(transport.air).meanDays);

    // The network position: home (domestic + 3PL, up to today) + FBA on hand.
    const buy = (skuId: number) => result.plan.buy.find((l) => l.skuId === skuId)!;
    expect(buy(a).networkPosition).toBe(100 + 30 - 10 + (500 - 300) + (300 - 75));
    expect(buy(b).networkPosition).toBe(40 + (200 - 50));
    expect(buy(c).networkPosition).toBe(7);
    // No restock report: no advice on any line.
    expect(result.plan.ship.every((l) => l.amazonRecommendedUnits === null)).toBe(true);
    expect(result.timings.readMs).toBeGreaterThanOrEqual(0);
    expect(dayNumber(result.today)).toBe(dayNumber(TODAY));
  });

  it('a cubic-feet limit saved in the plan settings cuts what a SKU with a package size ships; a SKU without one is not cut', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const us = await addFba(db, 'US');
    // A 30.48 cm cube is 1 ft³ a unit.
    const sized = await addSku(db, 'CUBE-1', { casePack: '1', moq: '0', packageLength: '30.48', packageWidth: '30.48', packageHeight: '30.48' });
    const unsized = await addSku(db, 'LOOSE-1', { casePack: '1', moq: '0' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [];
    for (const skuId of [sized, unsized]) {
      rows.push({ date: '2026-01-02', skuId, locationId: domestic, qty: 1000, type: 'receipt' }, { date: '2026-01-02', skuId, locationId: us, qty: 800, type: 'receipt' });
      for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId, locationId: us, qty: -5, type: 'sale' });
    }
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    // 50 units of 1 ft³ on hand at FBA US, a 70 ft³ standard limit: 20 ft³ of room.
    await savePlanPreferences(db, { serviceLevelPercent: { A: '98', B: '95', C: '90' }, fbaFloorDays: '28', capacityUnits: {}, capacityCubicFeet: { [us]: { standard: '70' } } });

    const result = await runPlan(db, { today: TODAY });
    const ship = unpackPlan(result.plan).ship;
    const line = (skuId: number) => ship.find((l) => l.skuId === skuId && l.locationId === us)!;
    expect(line(sized).onHand).toBe(50);
    expect(line(sized).storageType).toBe('standard');
    expect(line(sized).unitVolumeCubicFeet).toBeCloseTo(1, 9);
    // It wants more than the 20 ft³ of room; the unsized SKU takes none of that room, so it gets exactly 20.
    expect(line(sized).capacityRoomCubicFeet).toBeCloseTo(20, 9);
    expect(line(sized).shipSea + line(sized).shipAir).toBe(20);
    expect(line(sized).cutByCubicFeet).toBeGreaterThan(0);
    expect(line(sized).cutByCubicFeet).toBe(line(sized).cutByCapacity);
    expect(line(unsized).cutByCapacity).toBe(0);
    expect(Number.isNaN(line(unsized).unitVolumeCubicFeet)).toBe(true);
    // The limit applied to its line too (a room is reported), which is how its explanation says the volume is unknown.
    expect(Number.isNaN(line(unsized).capacityRoomCubicFeet)).toBe(false);
  });

  it('the FBA floor saved in the plan settings is the floor of every line: 28 days of supply by default, the stored days after a save', async () => {
    const db = await freshDb();
    const { domestic } = await locationIds(db);
    const us = await addFba(db, 'US');
    const sku = await addSku(db, 'A-1', { casePack: '1', moq: '0' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
      { date: '2026-01-02', skuId: sku, locationId: domestic, qty: 5000, type: 'receipt' },
      { date: '2026-01-02', skuId: sku, locationId: us, qty: 400, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: us, qty: -2, type: 'sale' });
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    const line = async () => unpackPlan((await runPlan(db, { today: TODAY })).plan).ship.find((l) => l.skuId === sku && l.locationId === us)!;

    const before = await line();
    expect(before.dailyDemand).toBeGreaterThan(0);
    expect(before.floorDays).toBe(28);
    expect(before.floorUnits).toBeCloseTo(28 * before.dailyDemand, 9);

    // A floor of 200 days is above the order-up-to level here: the line ships what keeps the floor
    // once sea lands, floor + demand over the lead time (ROP − SS) − position, up to a whole unit.
    await savePlanPreferences(db, { serviceLevelPercent: { A: '98', B: '95', C: '90' }, fbaFloorDays: '200', capacityUnits: {}, capacityCubicFeet: {} });
    const after = await line();
    expect(after.floorDays).toBe(200);
    expect(after.floorUnits).toBeCloseTo(200 * after.dailyDemand, 9);
    expect(after.floorUnits).toBeGreaterThan(after.orderUpTo);
    const toFloor = after.floorUnits + (after.reorderPoint - after.safetyStock) - after.position;
    expect(after.shipSea + after.shipAir).toBeGreaterThanOrEqual(toFloor - 1e-6);
    expect(after.shipSea + after.shipAir).toBeLessThan(toFloor + 1);
    expect(after.shipSea + after.shipAir).toBeGreaterThan(before.shipSea + before.shipAir);
  });
});

describe("the plan's ABC classes", () => {
  it('follow the seller’s Analysis settings: ranked by units when chosen, at their thresholds', async () => {
    const db = await freshDb();
    const us = await addFba(db, 'US');
    // CHEAP sells 3 a day at 1.00, DEAR one every 3 days at 100.00: by COGS DEAR leads, by units CHEAP.
    const cheap = await addSku(db, 'CHEAP', { casePack: '1', moq: '0', unitCost: '1.00' });
    const dear = await addSku(db, 'DEAR', { casePack: '1', moq: '0', unitCost: '100.00' });
    const rows: { date: string; skuId: number; locationId: number; qty: number; type: MovementType }[] = [
      { date: '2026-01-01', skuId: cheap, locationId: us, qty: 600, type: 'receipt' },
      { date: '2026-01-01', skuId: dear, locationId: us, qty: 100, type: 'receipt' },
    ];
    for (let d = 0; d < 150; d++) {
      rows.push({ date: addDays('2026-02-01', d), skuId: cheap, locationId: us, qty: -3, type: 'sale' });
      if (d % 3 === 0) rows.push({ date: addDays('2026-02-01', d), skuId: dear, locationId: us, qty: -1, type: 'sale' });
    }
    await appendMovementBatch(db, { id: 'test', kind: 'demo', label: 'test', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
    const classes = async () => {
      const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
      return [cheap, dear].map((id) => plan.buy.find((line) => line.skuId === id)!.abc);
    };
    expect(await classes()).toEqual(['B', 'A']);
    await saveAnalysisSettings(db, { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis: 'units', targetCoverDays: '90' });
    expect(await classes()).toEqual(['A', 'B']);
  });
});

