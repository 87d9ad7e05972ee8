// PRODUCT §6 Analysis through a real (fake-IndexedDB) database and the worker's own function: a small
// ledger whose every figure is worked out by hand in the comments, the plan's forecast as the Plan
// screen makes it, the mis-delivery rate of the period's closed shipments, and the settings row.
import { afterEach, describe, expect, test } from 'vitest';
import { analysisFacts, readAnalysisSettings, saveAnalysisSettings } from '../../renderer/db/analysis';
import { appendMovementBatch } from '../../renderer/db/ledgerStore';
import { setSkuArchived } from '../../renderer/db/catalog';
import { runPlan } from '../../renderer/db/planning';
import { AGE_BUCKET_COUNT, analysisRows, DEFAULT_ANALYSIS_SETTINGS } from '../../shared/analysis';
import { addDays } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger';
import type { Movement, Shipment } from '../../shared/model';
import { planViews } from '../../shared/planning/planColumns';
import { addFba, addSku, disposeDatabases, expectDomainError, expectRefusedUnchanged, freshDb, locationIds, NOW } from './helpers';

afterEach(disposeDatabases);

const TODAY = '2026-03-02';
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28', today: TODAY };

type Row = Pick<Movement, 'date' | 'skuId' | 'locationId' | 'qty' | 'type'> & { unitCostMinor?: number; ref?: string };

async function seller() {
  const db = await freshDb();
  const lamp = await addSku(db, 'LAMP-01');
  const shade = await addSku(db, 'SHADE-02');
  const bulb = await addSku(db, 'BULB-03');
  const idle = await addSku(db, 'IDLE-04');
  const fba = await addFba(db, 'US');
  const { domestic: home, transit } = await locationIds(db);
  const rows: Row[] = [];
  // LAMP-01: 800 at 2.50 landed at FBA on 2 November 2025, then 5 sold every day to today.
  rows.push({ date: '2025-11-02', skuId: lamp, locationId: fba, qty: 800, type: 'receipt', unitCostMinor: 250 });
  for (let date = '2025-11-03'; date <= TODAY; date = addDays(date, 1)) rows.push({ date, skuId: lamp, locationId: fba, qty: -5, type: 'sale' });
  // SHADE-02: 100 at 1.00 at home since December 2024, never sold.
  rows.push({ date: '2024-12-01', skuId: shade, locationId: home, qty: 100, type: 'receipt', unitCostMinor: 100 });
  // BULB-03: 30 at 1.00 received in February (no beginning stock), 10 shipped to FBA through
  // transit, 4 sold there and 1 returned.
  rows.push({ date: '2026-02-10', skuId: bulb, locationId: home, qty: 30, type: 'receipt', unitCostMinor: 100 });
  rows.push({ date: '2026-02-15', skuId: bulb, locationId: home, qty: -10, type: 'transfer_out', ref: 'SHP-1' });
  rows.push({ date: '2026-02-15', skuId: bulb, locationId: transit, qty: 10, type: 'transfer_in', ref: 'SHP-1' });
  rows.push({ date: '2026-02-20', skuId: bulb, locationId: transit, qty: -10, type: 'transfer_out', ref: 'SHP-1' });
  rows.push({ date: '2026-02-20', skuId: bulb, locationId: fba, qty: 10, type: 'transfer_in', ref: 'SHP-1' });
  rows.push({ date: '2026-02-21', skuId: bulb, locationId: fba, qty: -4, type: 'sale' });
  rows.push({ date: '2026-02-25', skuId: bulb, locationId: fba, qty: 1, type: 'customer_return' });
  await appendMovementBatch(db, { id: 'ledger', kind: 'import', label: 'Ledger', createdAt: NOW }, columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 }))));
  // Closed shipments: one clean in February (2 lines), one in February with a SKU short and a wrong
  // SKU (3 lines, 2 wrong), one closed in March with a short line (outside the period).
  const shipment = (id: number, receivedDate: string, skuIds: number[], discrepancies: Shipment['discrepancies']): Shipment => ({
    id,
    fromLocationId: home,
    toLocationId: fba,
    shipDate: addDays(receivedDate, -30),
    receivedDate,
    status: 'received',
    lines: skuIds.map((skuId) => ({ skuId, qty: 10 })),
    discrepancies,
  });
  await db.shipments.bulkAdd([
    shipment(101, '2026-02-05', [lamp, shade], []),
    shipment(102, '2026-02-18', [lamp, bulb], [
      { kind: 'short', skuId: lamp, qty: 2, date: '2026-02-18' },
      { kind: 'wrongSku', skuId: idle, qty: 3, date: '2026-02-18' },
    ]),
    shipment(103, '2026-03-01', [lamp], [{ kind: 'short', skuId: lamp, qty: 10, date: '2026-03-01' }]),
  ]);
  return { db, lamp, shade, bulb, idle, fba };
}

describe('analysis in the ledger worker', () => {
  test('every figure of February, by hand', async () => {
    const { db, lamp, shade, bulb, idle } = await seller();
    const result = await analysisFacts(db, FEBRUARY);
    const { facts } = result;
    expect(Array.from(facts.skuIds)).toEqual([lamp, shade, bulb, idle]);
    expect(result.periodDays).toBe(28);
    const at = (skuId: number) => Array.from(facts.skuIds).indexOf(skuId);
    const figures = (skuId: number) => {
      const s = at(skuId);
      return {
        beginningQty: facts.beginningQty[s],
        beginningValueMinor: facts.beginningValueMinor[s],
        endingQty: facts.endingQty[s],
        endingValueMinor: facts.endingValueMinor[s],
        cogsMinor: facts.cogsMinor[s],
        soldUnits: facts.soldUnits[s],
        receivedUnits: facts.receivedUnits[s],
        abcCogsMinor: facts.abcCogsMinor[s],
        abcSoldUnits: facts.abcSoldUnits[s],
        onHandQty: facts.onHandQty[s],
        onHandValueMinor: facts.onHandValueMinor[s],
        ageUnits: Array.from(facts.ageUnits.subarray(s * AGE_BUCKET_COUNT, (s + 1) * AGE_BUCKET_COUNT)),
      };
    };
    // LAMP-01: 90 days sold before February (3–30 Nov, Dec, Jan) = 450, so 350 (875.00) at its start;
    // 28 × 5 = 140 sold in February (350.00), 210 (525.00) at its end; 12 months to 28 February: 118
    // days of sales, 590 units, 1,475.00; today 200 left (2 more days sold), 120 days old.
    expect(figures(lamp)).toEqual({
      beginningQty: 350,
      beginningValueMinor: 87_500,
      endingQty: 210,
      endingValueMinor: 52_500,
      cogsMinor: 35_000,
      soldUnits: 140,
      receivedUnits: 0,
      abcCogsMinor: 147_500,
      abcSoldUnits: 590,
      onHandQty: 200,
      onHandValueMinor: 50_000,
      ageUnits: [0, 200, 0, 0, 0],
    });
    // SHADE-02: 100 (100.00) all along, 456 days old today.
    expect(figures(shade)).toEqual({ beginningQty: 100, beginningValueMinor: 10_000, endingQty: 100, endingValueMinor: 10_000, cogsMinor: 0, soldUnits: 0, receivedUnits: 0, abcCogsMinor: 0, abcSoldUnits: 0, onHandQty: 100, onHandValueMinor: 10_000, ageUnits: [0, 0, 0, 0, 100] });
    // BULB-03: 30 received (30.00); the shipment moves 10 within the network (received 30, not 40);
    // 4 sold at 1.00 less 1 returned: COGS 3.00, 3 sold; 27 (27.00) at the end, 20 days old today.
    expect(figures(bulb)).toEqual({ beginningQty: 0, beginningValueMinor: 0, endingQty: 27, endingValueMinor: 2_700, cogsMinor: 300, soldUnits: 3, receivedUnits: 30, abcCogsMinor: 300, abcSoldUnits: 3, onHandQty: 27, onHandValueMinor: 2_700, ageUnits: [27, 0, 0, 0, 0] });
    expect(figures(idle).onHandQty).toBe(0);

    // Shipments closed in February: 101 has 2 lines, 102 has 2 shipped + 1 wrong SKU; LAMP-01 short
    // and the wrong SKU are 2 erroneous lines of 5. 103 closed in March.
    expect(result.errorRate).toEqual({ lines: 5, linesWithDiscrepancy: 2, rate: 0.4 });

    // The plan's forecast, as the Plan screen's run has it.
    const plan = planViews((await runPlan(db, { today: TODAY })).plan);
    const lampBuy = plan.buy.find((line) => line.skuId === lamp)!;
    // A flat 5 a day.
    expect(lampBuy.dailyDemand).toBeCloseTo(5, 6);
    expect(result.demand.dailyDemand[at(lamp)]).toBe(lampBuy.dailyDemand);
    const lampShip = plan.ship.find((line) => line.skuId === lamp)!;
    expect(result.demand.seaLeadDays[at(lamp)]).toBe(lampShip.seaLeadDays);
    // SHADE-02 never sold anywhere: no demand, no sea line.
    expect(result.demand.dailyDemand[at(shade)]).toBe(0);
    expect(result.demand.seaLeadDays[at(shade)]).toBeNaN();

    // What the screen shows, with the default settings.
    const { rows, totals } = analysisRows({ facts, demand: result.demand, settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: result.periodDays, reviewDays: result.reviewDays });
    const row = (skuId: number) => rows[at(skuId)]!;
    // LAMP-01: 350.00 sold on an average of (875 + 525) ÷ 2 = 700.00: 0.5 turns, 28 ÷ 0.5 = 56 days;
    // 140 of 350 sold: 40%; 200 ÷ 5 = 40 days of cover.
    expect(row(lamp)).toMatchObject({ abc: 'A', turnoverRate: 0.5, turnoverDays: 56, sellThrough: 0.4, abcShareBefore: 0 });
    expect(row(lamp).coverDays).toBeCloseTo(40, 4);
    expect(row(lamp).understockDays).toBe(lampShip.seaLeadDays + 14);
    expect(row(lamp).status).toBe(40 < lampShip.seaLeadDays + 14 ? 'understock' : 'ok');
    // SHADE-02: nothing sold, no demand: C, no turnover, removal of all 100.
    expect(row(shade)).toMatchObject({ abc: 'C', turnoverRate: 0, turnoverDays: Infinity, sellThrough: 0, coverDays: null, status: 'overstock', action: 'removal', clearUnits: 100 });
    // BULB-03: 3.00 on an average of (0 + 27) ÷ 2 = 13.50: 0.2222 turns, 126 days; 3 of 30 = 10%.
    // Its share before is 1,475 ÷ 1,478 = 99.8%: C.
    expect(row(bulb).turnoverRate).toBeCloseTo(300 / 1_350, 12);
    expect(row(bulb).turnoverDays).toBeCloseTo(126, 9);
    expect(row(bulb)).toMatchObject({ abc: 'C', sellThrough: 0.1 });
    // The catalog: COGS 353.00 on ((875 + 100) + (525 + 100 + 27)) ÷ 2 = 813.50.
    expect(totals.turnoverRate).toBeCloseTo(35_300 / 81_350, 12);
    expect(totals.ageUnits.reduce((a, b) => a + b, 0)).toBe(327);
    expect(totals.onHandQty).toBe(327);
  });

  test('another period reuses the plan’s figures while the ledger and the plan’s inputs are unchanged', async () => {
    const { db } = await seller();
    const first = await analysisFacts(db, { ...FEBRUARY, planInputsKey: 'k' });
    expect(first.planReused).toBe(false);
    const january = await analysisFacts(db, { from: '2026-01-01', to: '2026-01-31', today: TODAY, planInputsKey: 'k' });
    expect(january.planReused).toBe(true);
    expect(Array.from(january.demand.dailyDemand)).toEqual(Array.from(first.demand.dailyDemand));
    // January: LAMP-01 sold 31 × 5 = 155.
    expect(january.facts.soldUnits[0]).toBe(155);
    const changed = await analysisFacts(db, { ...FEBRUARY, planInputsKey: 'k2' });
    expect(changed.planReused).toBe(false);
  });

  test('a period still running (this month) counts its days to today, not to its end', async () => {
    const { db } = await seller();
    // TODAY is 2 March: March so far is 2 days, whose sales (LAMP-01, 5 a day) are all there is.
    const march = await analysisFacts(db, { from: '2026-03-01', to: '2026-03-31', today: TODAY });
    expect(march.periodDays).toBe(2);
    expect(march.to).toBe('2026-03-02');
    expect(march.facts.soldUnits[0]).toBe(10);
  });

  test('a catalog change (a SKU archived) is a new plan whatever key the page sends: its demand is gone', async () => {
    const { db, lamp } = await seller();
    const first = await analysisFacts(db, { ...FEBRUARY, planInputsKey: 'k' });
    const at = Array.from(first.facts.skuIds).indexOf(lamp);
    expect(first.demand.dailyDemand[at]).toBeGreaterThan(0);
    await setSkuArchived(db, lamp, true, NOW);
    const again = await analysisFacts(db, { from: '2026-01-01', to: '2026-01-31', today: TODAY, planInputsKey: 'k' });
    expect(again.planReused).toBe(false);
    expect(again.demand.dailyDemand[at]).toBe(0);
  });

  test('a period that ends before it starts is refused, naming the field', async () => {
    const { db } = await seller();
    await expectDomainError(analysisFacts(db, { from: '2026-02-28', to: '2026-02-01', today: TODAY }), 'field.dateTooEarly', { field: 'to', value: '2026-02-01', earliest: '2026-02-28' });
    await expectDomainError(analysisFacts(db, { from: '2026-02-30', to: '2026-03-01', today: TODAY }), 'field.badDate', { field: 'from', value: '2026-02-30' });
  });
});

describe('the analysis settings row', () => {
  test('saved and read back; defaults before anything is saved', async () => {
    const db = await freshDb();
    expect(await readAnalysisSettings(db)).toEqual(DEFAULT_ANALYSIS_SETTINGS);
    await saveAnalysisSettings(db, { abcCutoffAPercent: '70', abcCutoffBPercent: '90', abcBasis: 'units', targetCoverDays: '60' });
    expect(await readAnalysisSettings(db)).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.9, abcBasis: 'units', targetCoverDays: 60 });
  });

  test('a refused draft names its field and changes nothing', async () => {
    const db = await freshDb();
    await saveAnalysisSettings(db, { abcCutoffAPercent: '70', abcCutoffBPercent: '90', abcBasis: 'cogs', targetCoverDays: '60' });
    await expectRefusedUnchanged(db, ['settings'], () => saveAnalysisSettings(db, { abcCutoffAPercent: '85', abcCutoffBPercent: '80', abcBasis: 'cogs', targetCoverDays: '45' }), 'field.outOfRange', { field: 'abcCutoffB', value: '80', min: 85, max: 100 });
    await expectRefusedUnchanged(db, ['settings'], () => saveAnalysisSettings(db, { abcCutoffAPercent: '80', abcCutoffBPercent: '95', abcBasis: 'cogs', targetCoverDays: 'soon' }), 'field.notNumber', { field: 'targetCoverDays', value: 'soon' });
    expect(await readAnalysisSettings(db)).toEqual({ abcCutoffA: 0.7, abcCutoffB: 0.9, abcBasis: 'cogs', targetCoverDays: 60 });
  });
});
