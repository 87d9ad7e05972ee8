// Shipping from a 3PL near FBA, as the database layer gathers it (renderer/db/planning.ts
// gatherPlanInput, PRODUCT §4.4): a 3PL the seller has shipped to FBA from (or saved a transport default
// for) is a near origin: its stock is its own pool (PlanSkuInput.nearUnits), its leg (handling,
// transport by the route's mode, FBA receiving) goes on the FBA series (PlanSeriesInput.near), and a
// shipment from it dated after today comes out of that pool. Any other 3PL's stock is home's.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { MovementType } from '../../shared/model';
import { createLocation } from '../../renderer/db/catalog';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { gatherPlanInput, runPlan } from '../../renderer/db/planning';
import { receiveShipment, setLegDefault } from '../../renderer/db/purchasing';
import { unpackPlan } from '../../shared/planning/planColumns';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { addFba, addSku, disposeDatabases, freshDb, locationIds, shipOne } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-06-30';
const TIMINGS = { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 };

type Row = { date: string; skuId: number; locationId: number; qty: number; type: MovementType };

async function post(db: StockPilotDatabase, rows: readonly Row[]): Promise<void> {
  await appendMovementBatch(db, { id: 't', kind: 'demo', label: 't', createdAt: '2026-06-30T08:00:00.000Z' }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
}

/**
 * One SKU (case pack 10): 1,000 at the domestic warehouse; 400 into 3PL East, which sent 20 to FBA US by
 * truck in March (received: the route) and has 30 more booked to leave on July 3 (after today); 150 at
 * 3PL West, which has never shipped to FBA; 500 into FBA US, 3 a day sold since Feb 1 (450), +20 from
 * East: 70 there. East's ledger holds 380 today; 30 of them are committed: its pool is 350.
 */
async function seller(options: { futureFromEast?: boolean } = {}) {
  const db = await freshDb();
  const { domestic } = await locationIds(db);
  const us = await addFba(db, 'US');
  const east = await createLocation(db, { name: '3PL East', kind: '3pl', marketplace: '' });
  const west = await createLocation(db, { name: '3PL West', kind: '3pl', marketplace: '' });
  const sku = await addSku(db, 'NEAR-1', { casePack: '10', moq: '0' });
  const rows: Row[] = [
    { date: '2026-01-02', skuId: sku, locationId: domestic, qty: 1_000, type: 'receipt' },
    { date: '2026-01-02', skuId: sku, locationId: east, qty: 400, type: 'receipt' },
    { date: '2026-01-02', skuId: sku, locationId: west, qty: 150, type: 'receipt' },
    { date: '2026-01-02', skuId: sku, locationId: us, qty: 500, type: 'receipt' },
  ];
  for (let d = 0; d < 150; d++) rows.push({ date: addDays('2026-02-01', d), skuId: sku, locationId: us, qty: -3, type: 'sale' });
  await post(db, rows);
  const old = await shipOne(db, { from: east, to: us, shipDate: '2026-03-01', eta: '2026-03-06', mode: 'truck', skuId: sku, units: 20 });
  await receiveShipment(db, old, { date: '2026-03-06', lines: [{ skuId: sku, qty: 20 }] }, { close: true });
  if (options.futureFromEast !== false) await shipOne(db, { from: east, to: us, shipDate: '2026-07-03', eta: '2026-07-08', mode: 'truck', skuId: sku, units: 30 });
  const gathered = await gatherPlanInput(db, TODAY, { ...TIMINGS });
  return { db, domestic, us, east, west, sku, input: gathered.input, history: gathered.history };
}

describe('gatherPlanInput with a routed 3PL, an unrouted one and a domestic warehouse', () => {
  it('puts only the routed 3PL’s stock in nearUnits (less what leaves it after today), the rest at home', async () => {
    const { input, east } = await seller();
    const sku = input.skus[0]!;
    // East: 400 − 20 (March) − 30 (leaving July 3) = 350.
    expect(sku.nearUnits).toEqual([{ locationId: east, units: 350 }]);
    // Home: the domestic warehouse's 1,000 and West's 150.
    expect(sku.domesticUnits).toBe(1_150);
  });

  it('without the shipment dated after today, East’s whole 380 are its pool', async () => {
    const { input, east } = await seller({ futureFromEast: false });
    expect(input.skus[0]!.nearUnits).toEqual([{ locationId: east, units: 380 }]);
    expect(input.skus[0]!.domesticUnits).toBe(1_150);
  });

  it('gives the FBA series the routed 3PL with its whole truck leg: handling 2 + truck 7 + FBA receiving 7 = 16 days', async () => {
    const { input, history, east, us, sku } = await seller();
    const seriesIndex = history.series.findIndex((s) => s.skuId === sku && s.locationId === us);
    expect(seriesIndex).toBeGreaterThanOrEqual(0);
    const series = input.series.get(sku)!.find((s) => s.seriesIndex === seriesIndex)!;
    // The standard figures (one received shipment is too little history to learn from): σ = √(1² + 2² + 3²).
    expect(series.near).toHaveLength(1);
    expect(series.near![0]!.locationId).toBe(east);
    expect(series.near![0]!.lead.meanDays).toBe(16);
    expect(series.near![0]!.lead.sdDays).toBeCloseTo(Math.sqrt(14), 12);
    // Sea from home: 2 + 35 + 7 = 44, longer than East's leg.
    expect(series.sea.meanDays).toBe(44);
    // The 30 leaving East on July 3 are on their way: inbound at the ETA + FBA receiving (July 8 + 7).
    expect(series.inbound.reduce((sum, a) => sum + a.units, 0)).toBe(30);
  });

  it('a transport default saved for West routes it too: its 150 leave home for its own pool, shortest leg first', async () => {
    const { db, west, east, us } = await seller();
    await setLegDefault(db, { leg: 'transport', fromLocationId: west, toLocationId: us, mode: 'truck' }, { meanDays: 3, sdDays: 1 });
    const { input } = await gatherPlanInput(db, TODAY, { ...TIMINGS });
    const sku = input.skus[0]!;
    expect([...sku.nearUnits!].sort((a, b) => a.locationId - b.locationId)).toEqual(
      [
        { locationId: east, units: 350 },
        { locationId: west, units: 150 },
      ].sort((a, b) => a.locationId - b.locationId),
    );
    expect(sku.domesticUnits).toBe(1_000);
    const near = [...input.series.values()][0]![0]!.near!;
    // West: 2 + 3 (saved) + 7 = 12 days; East 16.
    expect(near.map((origin) => [origin.locationId, origin.lead.meanDays])).toEqual([
      [west, 12],
      [east, 16],
    ]);
  });
});

describe('runPlan ships from the routed 3PL', () => {
  it('the US line ships what it needs from East (40), East’s rest covers home’s sea need, and the buy line counts East’s stock', async () => {
    const { db, east, us, sku } = await seller();
    const plan = unpackPlan((await runPlan(db, { today: TODAY })).plan);
    const line = plan.ship.find((l) => l.skuId === sku && l.locationId === us)!;
    expect(line.onHand).toBe(70);
    expect(line.inboundUnits).toBe(30);
    expect(line.nearLocationId).toBe(east);
    expect(line.nearLeadDays).toBe(16);
    // d = 3 a day (sold every day since Feb 1). Over East's 16 days the floor decides: 28 × 3 + 16 × 3 −
    // 100 in position (70 + the 30 landing on day 15) = 32 → 40 in case packs of 10.
    expect(line.dailyDemand).toBeCloseTo(3, 9);
    expect(line.nearNeedUnits).toBe(40);
    expect(line.shipNear).toBe(40);
    // Below the floor (84) from tomorrow: ship from East today.
    expect(line.nearShipByDay).toBe(dayNumber(TODAY));
    // By sea home would send max(T − IP, 84 + 44 × 3 − 100 = 116) = 123.7 → 130: East's 40 and 90 more
    // of its 310 left cover it, so home sends nothing.
    expect(line.coverNeedUnits).toBeGreaterThan(120);
    expect(line.coverNeedUnits).toBeLessThanOrEqual(130);
    expect(line.nearCountedUnits).toBe(90);
    expect([line.shipSea, line.shipAir]).toEqual([0, 0]);
    expect(line.shipNear + line.nearCountedUnits).toBeLessThanOrEqual(350);
    // Home: 1,150 + East: 350 + FBA: 70 + on its way: 30.
    const buy = plan.buy.find((l) => l.skuId === sku)!;
    expect(buy.networkPosition).toBe(1_600);
    expect(buy.networkOnHand).toBe(1_600);
  });
});
