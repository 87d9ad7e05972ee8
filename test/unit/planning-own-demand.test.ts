// Demand at the seller's own warehouses (PRODUCT §4.1, §4.4): sales recorded at the domestic warehouse
// or a 3PL (a Shopify or merchant-fulfilled order, a 3PL shipping to a customer) draw on the seller's
// own stock. They make no ship line, but the buy line buys for them: its d, sums, safety stock and
// dates count them, their share takes no sea leg, and home stock is kept for them from the ship lines.
// A plan without such sales is the plan it was before, number for number.
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { emptyColumns, TYPE_CODE } from '../../shared/ledger/columns';
import type { MovementType } from '../../shared/model';
import { buildPlan, DEFAULT_PLAN_SETTINGS } from '../../shared/planning/plan';
import type { BuyLine, Plan, PlanInput, PlanOwnSeriesInput, PlanSeriesInput, PlanSettings, PlanSkuInput } from '../../shared/planning/plan';
import { ownWarehouseDemandHistory } from '../../shared/planning/demandHistory';
import type { DemandHistory } from '../../shared/planning/demandHistory';

const TODAY = '2026-03-02';
const T0 = dayNumber(TODAY);
const DAYS = 730;
const FIRST_DAY = T0 - DAYS + 1;
const FBA_US = 10;
const DOMESTIC = 1;
const TPL = 3;

/** z of the 98% service level (class A). */
const Z_98 = 2.053749;

/** A history of DAYS days ending today: per series, a flat number of units sold every day. */
function flatHistory(series: readonly { skuId: number; locationId: number; marketplace: string; perDay: number; onHand: number }[]): DemandHistory {
  const units = new Float32Array(series.length * DAYS);
  series.forEach((spec, s) => units.fill(spec.perDay, s * DAYS, (s + 1) * DAYS));
  return {
    firstDay: FIRST_DAY,
    days: DAYS,
    series: series.map(({ skuId, locationId, marketplace }) => ({ skuId, locationId, marketplace })),
    units,
    stockout: new Uint8Array(series.length * DAYS),
    onHand: Float64Array.from(series.map((spec) => spec.onHand)),
  };
}

function skuInput(skuId: number, overrides: Partial<PlanSkuInput> = {}): PlanSkuInput {
  return { skuId, casePack: 1, moq: 0, supplierId: 1, unitCostMinor: 1_000, domesticUnits: 0, onOrder: [], buyLeadTime: { meanDays: 30, sdDays: 0 }, ...overrides };
}

/** By sea in 40 days, by air in 7, nothing inbound. */
function seriesInput(seriesIndex: number, overrides: Partial<PlanSeriesInput> = {}): PlanSeriesInput {
  return { seriesIndex, sea: { meanDays: 40, sdDays: 0 }, air: { meanDays: 7, sdDays: 0 }, inbound: [], reservedUnits: 0, amazonRecommendedUnits: null, ...overrides };
}

/** Series of a history by SKU id. */
function bySku<T>(history: DemandHistory, make: (seriesIndex: number) => T): Map<number, T[]> {
  const map = new Map<number, T[]>();
  history.series.forEach((s, index) => map.set(s.skuId, [...(map.get(s.skuId) ?? []), make(index)]));
  return map;
}

function inputOf(fba: DemandHistory, own: DemandHistory | null, skus: PlanSkuInput[], over: { settings?: Partial<PlanSettings>; whatIf?: PlanInput['whatIf']; sea?: Partial<PlanSeriesInput> } = {}): PlanInput {
  return {
    settings: { ...DEFAULT_PLAN_SETTINGS, ...over.settings, todayDay: T0 },
    history: fba,
    skus,
    series: bySku(fba, (index) => seriesInput(index, over.sea)),
    capacityUnits: new Map(),
    ...(own ? { own: { history: own, series: bySku<PlanOwnSeriesInput>(own, (seriesIndex) => ({ seriesIndex })) } } : {}),
    ...(over.whatIf ? { whatIf: over.whatIf } : {}),
  };
}

function buyLine(plan: Plan, skuId: number): BuyLine {
  const line = plan.buy.find((l) => l.skuId === skuId);
  if (!line) throw new Error(`no buy line for SKU ${skuId}`);
  return line;
}

const NO_FBA = flatHistory([]);

describe('a SKU sold at FBA and from home buys for both (checked by hand)', () => {
  // 2 a day at FBA US (100 there), 2 a day from the domestic warehouse (100 at home). Production 30
  // days, sea 40, review 30; no spread anywhere, so SS = z · d · σL.
  const fba = flatHistory([{ skuId: 1, locationId: FBA_US, marketplace: 'US', perDay: 2, onHand: 100 }]);
  const own = flatHistory([{ skuId: 1, locationId: DOMESTIC, marketplace: 'domestic:1', perDay: 2, onHand: 100 }]);
  const sku = skuInput(1, { domesticUnits: 100 });
  const plan = buildPlan(inputOf(fba, own, [sku]));
  const line = buyLine(plan, 1);

  test('d is both: 2 at FBA + 2 from home, and the explanation’s own part is 2', () => {
    expect(line.dailyDemand).toBeCloseTo(4, 9);
    expect(line.ownDailyDemand).toBeCloseTo(2, 9);
    expect(line.forecast30Units).toBeCloseTo(120, 6);
  });

  test('half the demand takes the 40-day sea leg, half none: L = 30 + 20 = 50, and T = 4 × (50 + 30) = 320', () => {
    // By hand: home sales need 2 × (30 + 30) = 120 and FBA's 2 × (30 + 40 + 30) = 200.
    expect(line.leadDays).toBeCloseTo(50, 9);
    expect(line.leadDemand).toBeCloseTo(200, 6);
    expect(line.coverDemand).toBeCloseTo(320, 6);
    expect(line.safetyStock).toBe(0);
    expect(line.orderUpTo).toBeCloseTo(320, 6);
    // Position 100 at home + 100 at FBA: buy 120 (without the home sales, T = 2 × 100 = 200 and nothing to buy).
    expect(line.networkPosition).toBe(200);
    expect(line.buyQty).toBe(120);
    // 200 in stock at 4 a day: day 50 ends at 0.
    expect(line.stockoutDay).toBe(T0 + 50);
    expect(line.stockoutDemand).toBeCloseTo(200, 6);
    expect(line.orderByDay).toBe(T0);
  });

  test('the sea leg’s spread counts for FBA’s half only: σL² = 6² + (½ · 8)², SS = z · d · σL', () => {
    // Demand over the lead time is 4 · P + 2 · S: as 4 · (P + ½ · S), so the leg is ½ · S, mean and spread.
    const spread = buildPlan(inputOf(fba, own, [skuInput(1, { domesticUnits: 100, buyLeadTime: { meanDays: 30, sdDays: 6 } })], { sea: { sea: { meanDays: 40, sdDays: 8 } } }));
    const buy = buyLine(spread, 1);
    expect(buy.leadDays).toBeCloseTo(50, 9);
    expect(buy.leadSdDays).toBeCloseTo(Math.sqrt(36 + 16), 9);
    expect(buy.abc).toBe('A');
    expect(buy.safetyStock).toBeCloseTo(Z_98 * 4 * Math.sqrt(52), 3);
  });

  test('the ship line keeps home stock for the home sales until a purchase can reach home: 2 × 30 days of production = 60 stay, FBA’s 36 ship', () => {
    const ship = plan.ship.filter((l) => l.skuId === 1);
    expect(ship).toHaveLength(1);
    // FBA wants max(T − IP, floor + lead demand − IP) = max(108 − 100, 56 + 80 − 100) = 36; 40 are free at home.
    expect(ship[0]!.heldForOwnSales).toBe(60);
    expect(ship[0]!.shipSea).toBe(36);
    expect(ship[0]!.shortAtHome).toBe(0);
  });

  test('an open PO reaching home sooner holds less: its 12 days × 2 = 24 stay, and an overdue one holds a day’s', () => {
    const soon = buildPlan(inputOf(fba, own, [{ ...sku, onOrder: [{ day: T0 + 12, units: 50 }] }]));
    expect(soon.ship.find((l) => l.skuId === 1)!.heldForOwnSales).toBe(24);
    const overdue = buildPlan(inputOf(fba, own, [{ ...sku, onOrder: [{ day: T0 - 5, units: 50 }] }]));
    expect(overdue.ship.find((l) => l.skuId === 1)!.heldForOwnSales).toBe(2);
  });
});

describe('a SKU sold only from a 3PL', () => {
  // 3 a day from a 3PL, 50 units at home (the 3PL's count as home), production 30 days, review 30.
  const own = flatHistory([{ skuId: 7, locationId: TPL, marketplace: '3pl:3', perDay: 3, onHand: 50 }]);
  const input = inputOf(NO_FBA, own, [skuInput(7, { domesticUnits: 50 })]);
  const plan = buildPlan(input);

  test('gets a buy line and no ship line: T = 3 × (30 + 30) = 180, buy 130', () => {
    expect(plan.ship.filter((l) => l.skuId === 7)).toEqual([]);
    const line = buyLine(plan, 7);
    expect(line.dailyDemand).toBeCloseTo(3, 9);
    expect(line.ownDailyDemand).toBeCloseTo(3, 9);
    expect(line.leadDays).toBe(30);
    expect(line.coverDemand).toBeCloseTo(180, 6);
    expect(line.buyQty).toBe(130);
    expect(line.stockoutDay).toBe(T0 + 17);
  });

  test('a what-if demand uplift raises it as it raises FBA demand: +50% over the horizon', () => {
    const raised = buyLine(buildPlan({ ...input, whatIf: { uplift: { fromDay: T0 + 1, toDay: T0 + 180, fraction: 0.5 } } }), 7);
    expect(raised.dailyDemand).toBeCloseTo(4.5, 6);
    expect(raised.coverDemand).toBeCloseTo(270, 4);
    expect(raised.buyQty).toBe(220);
  });

  test('a what-if on the very inputs reuses its forecast: with nothing changed, the same line', () => {
    expect(buildPlan({ ...input, whatIf: { delayDays: 0 } })).toEqual(plan);
  });
});

describe('safety stock counts each demand over its own lead time', () => {
  test('lumpy sales from home vary over production alone, FBA’s over production + the sea leg: z · √(Σ Lᵢ · σᵢ² + d² · σL²)', () => {
    // FBA: 10 a day with a weekly swing; home: 20 units on every tenth day (lumpy).
    const fba = flatHistory([{ skuId: 1, locationId: FBA_US, marketplace: 'US', perDay: 10, onHand: 300 }]);
    for (let d = 0; d < DAYS; d++) fba.units[d] = d % 7 === 0 ? 25 : 7.5;
    const own = flatHistory([{ skuId: 1, locationId: TPL, marketplace: '3pl:3', perDay: 0, onHand: 200 }]);
    for (let d = 0; d < DAYS; d++) own.units[d] = d % 10 === 0 ? 20 : 0;
    const plan = buildPlan(inputOf(fba, own, [skuInput(1, { domesticUnits: 100, buyLeadTime: { meanDays: 30, sdDays: 3 } })]));
    const buy = buyLine(plan, 1);
    const ship = plan.ship.find((l) => l.skuId === 1)!;
    const fbaVariance = ship.sdDaily ** 2;
    const ownVariance = buy.sdDaily ** 2 - fbaVariance;
    expect(ownVariance).toBeGreaterThan(0);
    const expected = buy.z * Math.sqrt(fbaVariance * (30 + ship.seaLeadDays) + ownVariance * 30 + buy.dailyDemand ** 2 * buy.leadSdDays ** 2);
    expect(buy.safetyStock).toBeCloseTo(expected, 6);
    // Not one mixed lead time (production + the demand-weighted sea leg) for both variances.
    const mixed = buy.z * Math.sqrt(buy.sdDaily ** 2 * buy.leadDays + buy.dailyDemand ** 2 * buy.leadSdDays ** 2);
    expect(Math.abs(buy.safetyStock - mixed)).toBeGreaterThan(1);
  });
});

describe('ABC counts what the seller’s own warehouses sold', () => {
  test('a SKU selling 10 a day from a 3PL is class A beside one selling 1 a day at FBA', () => {
    const fba = flatHistory([{ skuId: 2, locationId: FBA_US, marketplace: 'US', perDay: 1, onHand: 50 }]);
    const own = flatHistory([{ skuId: 1, locationId: TPL, marketplace: '3pl:3', perDay: 10, onHand: 500 }]);
    const plan = buildPlan(inputOf(fba, own, [skuInput(1, { domesticUnits: 500 }), skuInput(2)]));
    expect(buyLine(plan, 1).abc).toBe('A');
    expect(buyLine(plan, 1).z).toBeCloseTo(Z_98, 5);
    expect(buyLine(plan, 2).abc).not.toBe('A');
  });
});

describe('no sales at the seller’s own warehouses: the plan is the one without them', () => {
  const fba = flatHistory([
    { skuId: 1, locationId: FBA_US, marketplace: 'US', perDay: 2, onHand: 100 },
    { skuId: 2, locationId: FBA_US, marketplace: 'US', perDay: 5, onHand: 40 },
  ]);
  const skus = [skuInput(1, { domesticUnits: 100 }), skuInput(2, { domesticUnits: 500 })];
  const before = buildPlan(inputOf(fba, null, skus));

  test('an empty own history, or a series that sold nothing, changes no number', () => {
    const idle = flatHistory([{ skuId: 2, locationId: TPL, marketplace: '3pl:3', perDay: 0, onHand: 30 }]);
    for (const own of [flatHistory([]), idle]) {
      const after = buildPlan(inputOf(fba, own, skus));
      expect(after).toEqual(before);
    }
    expect(before.buy.map((l) => l.ownDailyDemand)).toEqual([0, 0]);
    expect(before.ship.map((l) => l.heldForOwnSales)).toEqual([0, 0]);
  });
});

describe('the own warehouses’ history from the ledger', () => {
  type Row = { day: number; skuId: number; locationId: number; qty: number; type: MovementType };
  function columnsOf(rows: readonly Row[]) {
    const columns = emptyColumns(rows.length);
    rows.forEach((r, i) => {
      columns.day[i] = r.day;
      columns.skuId[i] = r.skuId;
      columns.locationId[i] = r.locationId;
      columns.qty[i] = r.qty;
      columns.type[i] = TYPE_CODE[r.type];
    });
    return columns;
  }
  // SKU 1: 200 into the 3PL before the window, 2 a day sold there, out of stock for 30 days (no
  // stock, no sales) in the middle of the last half-year, then 100 more; 500 at home, never sold there;
  // sales at FBA too. SKU 2: only held at home.
  const rows: Row[] = [
    { day: FIRST_DAY - 10, skuId: 1, locationId: TPL, qty: 200, type: 'receipt' },
    { day: FIRST_DAY - 10, skuId: 1, locationId: DOMESTIC, qty: 500, type: 'receipt' },
    { day: FIRST_DAY - 10, skuId: 1, locationId: FBA_US, qty: 900, type: 'receipt' },
    { day: FIRST_DAY - 10, skuId: 2, locationId: DOMESTIC, qty: 80, type: 'receipt' },
  ];
  const outFrom = DAYS - 100;
  // The 3PL sells 2 a day from day 0 and runs dry on day outFrom − 1 (it is topped up by hand to
  // exactly that); 30 days later 100 more come in and it sells on.
  for (let d = 0; d < DAYS; d++) {
    if (d >= outFrom && d < outFrom + 30) continue;
    if (d === outFrom + 30) rows.push({ day: FIRST_DAY + d, skuId: 1, locationId: TPL, qty: 1_000, type: 'receipt' });
    rows.push({ day: FIRST_DAY + d, skuId: 1, locationId: TPL, qty: -2, type: 'sale' });
    rows.push({ day: FIRST_DAY + d, skuId: 1, locationId: FBA_US, qty: -1, type: 'sale' });
  }
  // Top the 3PL up so it holds exactly what it sells until outFrom.
  rows.push({ day: FIRST_DAY - 10, skuId: 1, locationId: TPL, qty: 2 * outFrom - 200, type: 'receipt' });
  const warehouses = new Map([
    [DOMESTIC, 'domestic:1'],
    [TPL, '3pl:3'],
  ]);
  const history = ownWarehouseDemandHistory(columnsOf(rows), warehouses, { firstDay: FIRST_DAY, days: DAYS });

  test('one series per SKU × warehouse that sold: not the stock held at home, not FBA', () => {
    expect(history.series).toEqual([{ skuId: 1, locationId: TPL, marketplace: '3pl:3' }]);
    expect(history.onHand[0]).toBe(1_000 - 2 * 70);
  });

  test('the warehouse’s stockout days are left out of the rate: still 2 a day', () => {
    expect(Array.from(history.stockout.subarray(outFrom, outFrom + 30))).toEqual(new Array(30).fill(1));
    expect(history.stockout[outFrom - 1]).toBe(0);
    const plan = buildPlan(inputOf(NO_FBA, history, [skuInput(1, { domesticUnits: 1_360 })]));
    expect(buyLine(plan, 1).ownDailyDemand).toBeCloseTo(2, 6);
  });

  test('SKU ids too far apart for a table of flags (a Set then) give the same history', () => {
    const far = 40_000_000;
    const spread = ownWarehouseDemandHistory(columnsOf(rows.map((r) => (r.skuId === 1 ? { ...r, skuId: far } : r))), warehouses, { firstDay: FIRST_DAY, days: DAYS });
    expect(spread.series).toEqual([{ skuId: far, locationId: TPL, marketplace: '3pl:3' }]);
    expect(Array.from(spread.units)).toEqual(Array.from(history.units));
    expect(Array.from(spread.stockout)).toEqual(Array.from(history.stockout));
  });

  test('with no sale at an own warehouse in the window, an empty history', () => {
    const held = ownWarehouseDemandHistory(columnsOf(rows.filter((r) => !(r.type === 'sale' && r.locationId === TPL))), warehouses, { firstDay: FIRST_DAY, days: DAYS });
    expect(held.series).toEqual([]);
  });
});
