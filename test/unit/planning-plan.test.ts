// The replenishment plan as a seller meets it (PRODUCT §4.3–4.5, shared/planning/plan.ts): scenario
// tests of buildPlan on hand-built demand histories. Each scenario names the seller's situation and
// checks what the plan tells them to ship, buy and when, with the simple cases checked by hand
// against the formulas of §4.3 and the rules in plan.ts's header.
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { emptyColumns, TYPE_CODE } from '../../shared/ledger/columns';
import { arrivalStep, buildPlan, DEFAULT_PLAN_SETTINGS, sdUnderRate } from '../../shared/planning/plan';
import type { BuyLine, Plan, PlanInput, PlanSeriesInput, PlanSettings, PlanSkuInput, ShipLine } from '../../shared/planning/plan';
import { demandHistoryFromLedger, keepsSparseDays, withLaunchSeries } from '../../shared/planning/demandHistory';
import { planColumnBuffers, packPlan, planViews, unpackPlan } from '../../shared/planning/planColumns';
import type { DemandHistory } from '../../shared/planning/demandHistory';
import type { CubicFeetByStorageType } from '../../shared/planning/planPreferences';

const FBA_US = 10;
const FBA_DE = 11;
const MARKETPLACE: Record<number, string> = { [FBA_US]: 'US', [FBA_DE]: 'DE' };

/** z of the default service levels (textbook values of the inverse normal). */
const Z_98 = 2.053749;
const Z_90 = 1.281552;

/** A small deterministic generator in [0, 1), so "noisy" demand is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Integer daily sales around `mean`, ± `spread` units, from a seeded generator. */
function noisy(mean: number, spread: number, seed: number): (day: number) => number {
  const next = random(seed);
  return () => Math.max(0, Math.round(mean + (next() * 2 - 1) * spread));
}

interface SeriesSpec {
  skuId: number;
  locationId?: number;
  /** Units sold on a day (day number). Called once per day, oldest first. */
  units: (day: number) => number;
  /** Stockout days by index in the window (0 = first day); their units are 0. */
  out?: (index: number) => boolean;
  onHand: number;
}

/** A demand history of `days` days ending on `today`, one row per spec (series index = spec index). */
function historyOf(today: string, specs: readonly SeriesSpec[], days = 730): DemandHistory {
  const todayDay = dayNumber(today);
  const firstDay = todayDay - days + 1;
  const units = new Float32Array(specs.length * days);
  const stockout = new Uint8Array(specs.length * days);
  specs.forEach((spec, s) => {
    for (let i = 0; i < days; i++) {
      const sold = spec.units(firstDay + i);
      const out = spec.out?.(i) ?? false;
      stockout[s * days + i] = out ? 1 : 0;
      units[s * days + i] = out ? 0 : sold;
    }
  });
  return {
    firstDay,
    days,
    series: specs.map((spec) => ({ skuId: spec.skuId, locationId: spec.locationId ?? FBA_US, marketplace: MARKETPLACE[spec.locationId ?? FBA_US]! })),
    units,
    stockout,
    onHand: Float64Array.from(specs.map((spec) => spec.onHand)),
  };
}

function skuInput(skuId: number, overrides: Partial<PlanSkuInput> = {}): PlanSkuInput {
  return { skuId, casePack: 1, moq: 0, supplierId: 1, unitCostMinor: 1_000, domesticUnits: 100_000, onOrder: [], buyLeadTime: { meanDays: 30, sdDays: 0 }, ...overrides };
}

/** A series by sea in 40 days and by air in 7, nothing inbound. */
function seriesInput(seriesIndex: number, overrides: Partial<PlanSeriesInput> = {}): PlanSeriesInput {
  return { seriesIndex, sea: { meanDays: 40, sdDays: 0 }, air: { meanDays: 7, sdDays: 0 }, inbound: [], reservedUnits: 0, amazonRecommendedUnits: null, ...overrides };
}

interface Scenario {
  today: string;
  history: DemandHistory;
  skus: PlanSkuInput[];
  /** Per series index (same order as the history's series): overrides of its plan input. */
  series?: Partial<PlanSeriesInput>[];
  capacity?: [number, number | null][];
  capacityCubicFeet?: [number, CubicFeetByStorageType][];
  settings?: Partial<Omit<PlanSettings, 'todayDay'>>;
  whatIf?: PlanInput['whatIf'];
  unlinedFbaInbound?: PlanInput['unlinedFbaInbound'];
}

function planOf(scenario: Scenario): Plan {
  const series = new Map<number, PlanSeriesInput[]>();
  scenario.history.series.forEach((s, index) => {
    series.set(s.skuId, [...(series.get(s.skuId) ?? []), seriesInput(index, scenario.series?.[index] ?? {})]);
  });
  return buildPlan({
    settings: { ...DEFAULT_PLAN_SETTINGS, ...scenario.settings, todayDay: dayNumber(scenario.today) },
    history: scenario.history,
    skus: scenario.skus,
    series,
    capacityUnits: new Map(scenario.capacity ?? []),
    ...(scenario.capacityCubicFeet ? { capacityCubicFeet: new Map(scenario.capacityCubicFeet) } : {}),
    ...(scenario.whatIf ? { whatIf: scenario.whatIf } : {}),
    ...(scenario.unlinedFbaInbound ? { unlinedFbaInbound: scenario.unlinedFbaInbound } : {}),
  });
}

function shipLine(plan: Plan, skuId: number, locationId = FBA_US): ShipLine {
  const line = plan.ship.find((l) => l.skuId === skuId && l.locationId === locationId);
  if (!line) throw new Error(`no ship line for SKU ${skuId} at ${locationId}`);
  return line;
}

function buyLine(plan: Plan, skuId: number): BuyLine {
  const line = plan.buy.find((l) => l.skuId === skuId);
  if (!line) throw new Error(`no buy line for SKU ${skuId}`);
  return line;
}

/**
 * Stock at the FBA location at the end of each day 1…days (index 0 = today's closing stock), with the
 * open arrivals and the plan's air and sea shipments landing after their lead times. `demand` per day.
 */
function projectWith(line: ShipLine, demand: number, days: number, arrivals: { day: number; units: number }[]): number[] {
  const stock = [line.onHand - line.reservedUnits];
  for (let t = 1; t <= days; t++) {
    const landing = arrivals.filter((a) => a.day === t).reduce((sum, a) => sum + a.units, 0);
    stock.push(stock[t - 1]! + landing - demand);
  }
  return stock;
}

const TODAY = '2026-03-02';
const T0 = dayNumber(TODAY);
const constant = (units: number) => () => units;

describe('one flat SKU, checked by hand against PRODUCT §4.3', () => {
  // 10 ± 5 units a day for two years, 40 ± 10 days by sea, moving average forced so d is plain
  // arithmetic: SS = z·√(L·σd² + d²·σL²), ROP = d·L + SS, T = d·(L + R) + SS, Q = ⌈T − IP⌉ to the pack.
  const history = historyOf(TODAY, [{ skuId: 1, units: noisy(10, 5, 7), onHand: 300 }]);
  const inbound = [{ day: T0 + 20, units: 100 }];
  const plan = planOf({
    today: TODAY,
    history,
    skus: [skuInput(1, { casePack: 6, method: 'ma' })],
    series: [{ sea: { meanDays: 40, sdDays: 10 }, inbound, reservedUnits: 25 }],
  });
  const line = shipLine(plan, 1);

  // d: the moving average of the last 4 weekly rates = the last 28 days' sales ÷ 28.
  const sales = Array.from(history.units);
  const d = sales.slice(-28).reduce((a, b) => a + b, 0) / 28;
  // σd: sample standard deviation of the last 182 days' sales (all in stock).
  const recent = sales.slice(-182);
  const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
  const sd = Math.sqrt(recent.reduce((a, b) => a + (b - mean) ** 2, 0) / (recent.length - 1));
  const L = 40;
  const sdL = 10;
  const R = DEFAULT_PLAN_SETTINGS.shipReviewDays;
  const ss = Z_98 * Math.sqrt(L * sd * sd + d * d * sdL * sdL);

  test('d, σd, z and the lead time are the inputs the seller would use', () => {
    expect(line.abc).toBe('A');
    expect(line.method).toBe('ma');
    expect(line.dailyDemand).toBeCloseTo(d, 4);
    expect(line.sdDaily).toBeCloseTo(sd, 6);
    expect(line.z).toBeCloseTo(Z_98, 5);
    expect(line.serviceLevel).toBe(0.98);
    expect([line.seaLeadDays, line.seaLeadSdDays, line.airLeadDays]).toEqual([40, 10, 7]);
  });

  test('SS, ROP and T follow the formulas', () => {
    expect(line.safetyStock).toBeCloseTo(ss, 3);
    expect(line.reorderPoint).toBeCloseTo(d * L + ss, 2);
    expect(line.orderUpTo).toBeCloseTo(d * (L + R) + ss, 2);
  });

  test('position = on hand + in transit − reserved; Q = T − IP rounded up to the case pack of 6', () => {
    expect(line.onHand).toBe(300);
    expect(line.inboundUnits).toBe(100);
    expect(line.position).toBe(300 + 100 - 25);
    const q = Math.ceil((d * (L + R) + ss - 375) / 6) * 6;
    // The FBA floor (28 days) is below T here, so it does not change the quantity.
    expect(28 * d).toBeLessThan(d * (L + R) + ss - d * L);
    expect(line.shipAir).toBe(0);
    expect(line.shipSea).toBe(q);
    expect(line.shipSea % 6).toBe(0);
  });

  test('the stockout day and the ship-by day follow the projection with no new shipment', () => {
    // 275 sellable now, +100 on day 20: (275 + 100) ÷ d days.
    const forecast = line.dailyDemand;
    let stock = 275;
    let stockoutDay = Number.NaN;
    let belowSafety = Number.NaN;
    for (let t = 1; t <= 180 && Number.isNaN(stockoutDay); t++) {
      stock += (t === 20 ? 100 : 0) - forecast;
      if (Number.isNaN(belowSafety) && stock < line.safetyStock) belowSafety = T0 + t;
      if (stock <= 0) stockoutDay = T0 + t;
    }
    expect(line.stockoutDay).toBe(stockoutDay);
    expect(line.shipByDay).toBe(Math.max(T0, belowSafety - 40));
  });
});

describe('a seasonal SKU ahead of Q4', () => {
  // Demand peaks around Black Friday (about 4× the spring trough) and averages 10 a day over the
  // year, like the flat SKU beside it. On 1 September both hold 700 units at FBA (70 days of the flat
  // SKU: enough to land the next shipment above the 28-day floor) and 600 at home.
  const today = '2026-09-01';
  const peak = dayNumber('2025-11-25');
  const seasonalDemand = (noise: () => number) => (day: number) => Math.max(0, Math.round(10 * (1 + 0.6 * Math.cos((2 * Math.PI * (day - peak)) / 365.25)) + noise() * 2 - 1));
  const flatDemand = (noise: () => number) => () => Math.max(0, Math.round(10 + noise() * 2 - 1));
  const specs = (days: number) =>
    historyOf(
      today,
      [
        { skuId: 1, units: seasonalDemand(random(3)), onHand: 700 },
        { skuId: 2, units: flatDemand(random(4)), onHand: 700 },
      ],
      days,
    );
  const skus = (method?: 'holtWinters') => [skuInput(1, { domesticUnits: 600, ...(method ? { method } : {}) }), skuInput(2, { domesticUnits: 600 })];

  function expectSeasonalOrdersEarlier(plan: Plan) {
    const seasonal = shipLine(plan, 1);
    const flat = shipLine(plan, 2);
    // Same annual volume, same cost: the same class, so the same service level.
    expect(seasonal.abc).toBe(flat.abc);
    // Demand over the next lead time + review period is rising into Q4.
    expect(seasonal.dailyDemand).toBeGreaterThan(flat.dailyDemand * 1.2);
    expect(seasonal.stockoutDay).toBeLessThan(flat.stockoutDay);
    // Ship now (in September) for the seasonal SKU; nothing yet for the flat one.
    expect(flat.shipSea + flat.shipAir).toBe(0);
    expect(seasonal.shipSea).toBeGreaterThan(0);
    expect(seasonal.shipByDay).toBeLessThan(dayNumber('2026-10-01'));
    // Buy now for the seasonal SKU, more than for the flat one.
    const seasonalBuy = buyLine(plan, 1);
    const flatBuy = buyLine(plan, 2);
    expect(seasonalBuy.buyQty).toBeGreaterThan(flatBuy.buyQty);
    expect(seasonalBuy.orderByDay).toBeLessThan(dayNumber('2026-10-01'));
    expect(Number.isNaN(flatBuy.orderByDay) || flatBuy.orderByDay > seasonalBuy.orderByDay).toBe(true);
  }

  // The plan looks at exactly 104 weeks (two yearly seasons): Holt-Winters starts from one season,
  // so every backtest fold scores it with last year's peak in its indices.
  test('with two years of history, the plan sees the Q4 peak coming: it ships and buys more, earlier, than for a flat SKU', () => {
    const plan = planOf({ today, history: specs(730), skus: skus() });
    expectSeasonalOrdersEarlier(plan);
    expect(shipLine(plan, 1).method).toBe('holtWinters');
    expect(shipLine(plan, 1).methodForced).toBe(false);
  });

  test('once Holt-Winters forecasts it (the seller forces it), the seasonal SKU ships and buys more, earlier', () => {
    const plan = planOf({ today, history: specs(730), skus: skus('holtWinters') });
    expectSeasonalOrdersEarlier(plan);
    // The override is marked as the seller's, with no backtest errors to show.
    expect(shipLine(plan, 1)).toEqual(expect.objectContaining({ method: 'holtWinters', methodForced: true, wape: Number.NaN, mase: Number.NaN }));
    expect(shipLine(plan, 2).methodForced).toBe(false);
  });

  test('with two years and 12 weeks of history, the SKU\'s own yearly wave carries the peak (whatever method the backtest picks)', () => {
    const plan = planOf({ today, history: specs(730 + 84), skus: skus(), settings: { historyWeeks: 104 + 12 } });
    // Two SKUs make the catalog: its season is half the seasonal SKU's, and the SKU's own wave
    // (shared/planning/skuSeason.ts) holds the rest; the flat SKU has none of its own.
    expect(shipLine(plan, 1).skuSeasonFactor).toBeGreaterThan(1.1);
    // The flat SKU takes the catalog's season back out: its season overall stays near 1.
    const flat = shipLine(plan, 2);
    expect(flat.skuSeasonFactor).toBeLessThan(1);
    expect(Math.abs(flat.seasonFactor * flat.skuSeasonFactor - 1)).toBeLessThan(0.05);
    expectSeasonalOrdersEarlier(plan);
  });
});

describe('a SKU that was out of stock for 20 days', () => {
  // Two SKUs sell the same 10 ± 4 a day for two years. SKU 2 sold out 51 days ago, had no stock for
  // the next 20 days and was restocked 30 days ago; today both hold 500 units at FBA.
  // Built from ledger movements, so the stockout days are the ones the ledger shows.
  const days = 730;
  const firstDay = T0 - days + 1;
  const selloutIndex = days - 52; // 51 days before today
  const restockIndex = days - 31; // 30 days before today
  const daily = (() => {
    const next = noisy(10, 4, 11);
    return Array.from({ length: days }, (_, i) => next(firstDay + i));
  })();

  const movements: { day: number; skuId: number; qty: number; type: number }[] = [];
  const sum = (from: number, to: number) => daily.slice(from, to).reduce((a, b) => a + b, 0);
  // SKU 1: always in stock.
  movements.push({ day: firstDay - 1, skuId: 1, qty: sum(0, days) + 500, type: TYPE_CODE.receipt });
  daily.forEach((units, i) => movements.push({ day: firstDay + i, skuId: 1, qty: -units, type: TYPE_CODE.sale }));
  // SKU 2: exactly enough to sell out on the sellout day, none for 20 days, then restocked.
  movements.push({ day: firstDay - 1, skuId: 2, qty: sum(0, selloutIndex + 1), type: TYPE_CODE.receipt });
  movements.push({ day: firstDay + restockIndex, skuId: 2, qty: sum(restockIndex, days) + 500, type: TYPE_CODE.receipt });
  daily.forEach((units, i) => {
    if (i <= selloutIndex || i >= restockIndex) movements.push({ day: firstDay + i, skuId: 2, qty: -units, type: TYPE_CODE.sale });
  });
  movements.sort((a, b) => a.day - b.day);
  const columns = emptyColumns(movements.length);
  movements.forEach((m, i) => {
    columns.day[i] = m.day;
    columns.skuId[i] = m.skuId;
    columns.locationId[i] = FBA_US;
    columns.qty[i] = m.qty;
    columns.type[i] = m.type;
    columns.seq[i] = i + 1;
  });
  const history = demandHistoryFromLedger(columns, new Map([[FBA_US, 'US']]), { firstDay, days });
  const plan = planOf({ today: TODAY, history, skus: [skuInput(1), skuInput(2)] });
  const inStock = shipLine(plan, 1);
  const stockedOut = shipLine(plan, 2);

  test('the ledger shows 20 days with no stock (the sellout day sold, so it is in stock) and both SKUs at 500 now', () => {
    const outDays = Array.from(history.stockout.subarray(days, 2 * days)).reduce((a, b) => a + b, 0);
    expect(outDays).toBe(20);
    expect(history.stockout[days + selloutIndex]).toBe(0);
    expect(Array.from(history.onHand)).toEqual([500, 500]);
  });

  test('its daily demand is estimated within a few % of the in-stock SKU, well above the average that counts the zeros', () => {
    expect(Math.abs(stockedOut.dailyDemand / inStock.dailyDemand - 1)).toBeLessThan(0.05);
    expect(Math.abs(stockedOut.sdDaily / inStock.sdDaily - 1)).toBeLessThan(0.1);
    // What a naive average of the last 8 weeks would say (zeros included): about 36 ÷ 56 of the rate.
    const naive = Array.from(history.units.subarray(2 * days - 56, 2 * days)).reduce((a, b) => a + b, 0) / 56;
    expect(naive).toBeLessThan(inStock.dailyDemand * 0.7);
    expect(stockedOut.dailyDemand).toBeGreaterThan(naive * 1.3);
  });

  test('it is not under-ordered: ship and buy quantities within a few % of the in-stock SKU', () => {
    expect(stockedOut.orderUpTo / inStock.orderUpTo).toBeGreaterThan(0.95);
    expect(stockedOut.shipSea).toBeGreaterThan(0);
    expect(Math.abs(stockedOut.shipSea - inStock.shipSea)).toBeLessThanOrEqual(0.05 * inStock.shipSea);
    const a = buyLine(plan, 1);
    const b = buyLine(plan, 2);
    expect(Math.abs(b.orderUpTo / a.orderUpTo - 1)).toBeLessThan(0.05);
  });
});

describe('a SKU out of stock right now', () => {
  // 10 ± 4 a day for two years, nothing sold (no stock) for the last 20 days, nothing at FBA now.
  const sales = noisy(10, 4, 31);
  const history = historyOf(TODAY, [{ skuId: 1, units: sales, out: (i) => i >= 710, onHand: 0 }]);
  const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)] }), 1);
  const inStockDays = Array.from(history.stockout).filter((out) => out === 0).length;
  const rate = Array.from(history.units).reduce((a, b) => a + b, 0) / inStockDays;

  test('demand is still estimated from the in-stock days (the last weeks would say 0)', () => {
    expect(inStockDays).toBe(710);
    expect(Math.abs(line.dailyDemand / rate - 1)).toBeLessThan(0.1);
    expect(line.sdDaily).toBeGreaterThan(1);
  });

  test('the stockout is tomorrow, so air bridges now and sea brings the rest up to T (or the floor)', () => {
    expect(line.stockoutDay).toBe(T0 + 1);
    expect(line.shipByDay).toBe(T0);
    expect(line.shipAir).toBeGreaterThan(0);
    expect(line.shipSea).toBeGreaterThan(0);
    // Together air and sea bring the shelf to T, or to the floor when the shipment lands if that is more.
    const demandLead = line.reorderPoint - line.safetyStock;
    expect(line.shipAir + line.shipSea).toBeGreaterThanOrEqual(line.orderUpTo - line.position - 1e-9);
    expect(line.shipAir + line.shipSea).toBeLessThan(Math.max(line.orderUpTo, line.floorUnits + demandLead) - line.position + 1);
  });
});

describe('a past promotion is not read as a lasting rise', () => {
  // 10 a day, except a +200% promotion 10–16 days ago that tripled sales. With the event known
  // (eventFactors), history is divided by it; the moving average (forced) then stays at 10.
  const history = historyOf(TODAY, [{ skuId: 1, units: (day) => (day >= T0 - 16 && day <= T0 - 10 ? 30 : 10), onHand: 400 }]);
  const factors = new Float32Array(730 + DEFAULT_PLAN_SETTINGS.horizonDays).fill(1);
  for (let i = 730 - 17; i <= 730 - 11; i++) factors[i] = 3;

  test('with the event, d = 10; without it, the promotion inflates d', () => {
    const known = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })], series: [{ eventFactors: factors }] }), 1);
    const unknown = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })] }), 1);
    expect(known.dailyDemand).toBeCloseTo(10, 4);
    expect(unknown.dailyDemand).toBeGreaterThan(13);
  });

  test('a future event raises the days it covers', () => {
    const future = Float32Array.from(factors, (f, i) => (i > 730 + 20 && i <= 730 + 30 ? 1.5 : f));
    const base = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })], series: [{ eventFactors: factors }] }), 1);
    const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })], series: [{ eventFactors: future }] }), 1);
    // 10 days at 15 instead of 10 within the 54 days of cover: T + 50.
    expect(line.orderUpTo - base.orderUpTo).toBeCloseTo(50, 2);
    expect(line.dailyDemand).toBeCloseTo(590 / 54, 4);
  });

  // DEFECT (shared/planning/plan.ts, `const spread = dailyRate(history, series.seriesIndex, …)`): σd
  // is taken from the raw sales, so the known promotion that d leaves out still inflates σd and with
  // it the safety stock for 26 weeks. Divided by the event factors, every day here is 10: σd = 0 and
  // SS = 0 (σL = 0); actual σd ≈ 3.9 and SS ≈ 50 units. Fix: pass the history factors to dailyRate
  // (divide each day's units by its factor, as weeklyRates does).
  test('with the event known, the promotion does not raise σd or the safety stock', () => {
    const known = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })], series: [{ eventFactors: factors }] }), 1);
    expect(known.sdDaily).toBeCloseTo(0, 3);
    expect(known.safetyStock).toBeCloseTo(0, 3);
  });
});

describe('a plan on the ledger history reads its days only for an event in the past', () => {
  // The builder keeps the days sparse; the dense series × days matrices (60 MB at 16,000 series) are
  // made only when something reads them: here, a known past event whose uplift comes out of history.
  const ledgerHistory = () => {
    const days = 730;
    const firstDay = T0 - days + 1;
    const columns = emptyColumns(days + 1);
    columns.day[0] = firstDay - 1;
    columns.skuId[0] = 1;
    columns.locationId[0] = FBA_US;
    columns.qty[0] = 5_000;
    columns.type[0] = TYPE_CODE.receipt;
    for (let i = 0; i < days; i++) {
      columns.day[i + 1] = firstDay + i;
      columns.skuId[i + 1] = 1;
      columns.locationId[i + 1] = FBA_US;
      columns.qty[i + 1] = -(3 + (i % 3));
      columns.type[i + 1] = TYPE_CODE.sale;
      columns.seq[i + 1] = i + 2;
    }
    return demandHistoryFromLedger(columns, new Map([[FBA_US, 'US']]), { firstDay, days });
  };
  const factors = (from: number, to: number) => new Float32Array(730 + DEFAULT_PLAN_SETTINGS.horizonDays).fill(1).fill(1.5, from, to);

  test('no event, or one only ahead: the plan reads no dense days, and the event still raises the days it covers', () => {
    const history = ledgerHistory();
    const plain = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)] }), 1);
    expect(keepsSparseDays(history)).toBe(true);
    const ahead = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)], series: [{ eventFactors: factors(740, 750) }] }), 1);
    expect(keepsSparseDays(history)).toBe(true);
    expect(ahead.dailyDemand).toBeGreaterThan(plain.dailyDemand);
    expect(ahead.sdDaily).toBe(plain.sdDaily);
  });

  test('an event in the past is taken out of the days, which are then read', () => {
    const history = ledgerHistory();
    planOf({ today: TODAY, history, skus: [skuInput(1)], series: [{ eventFactors: factors(700, 710) }] });
    expect(keepsSparseDays(history)).toBe(false);
  });
});

describe('air bridge when the sea leg lands after the stockout', () => {
  // 10 a day, 200 at FBA (20 days), sea 40 days, air 7 days. The floor is set to the review period
  // (14 days) so only T and the bridge decide the quantities.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 200 }]);
  const plan = planOf({ today: TODAY, history, skus: [skuInput(1)], settings: { fbaFloorDays: 14 } });
  const line = shipLine(plan, 1);

  test('the stockout is projected on day 20, before sea lands on day 40', () => {
    expect(line.dailyDemand).toBeCloseTo(10, 5);
    expect(line.safetyStock).toBe(0);
    expect(line.stockoutDay).toBe(T0 + 20);
  });

  test('air carries the bridge and sea the rest, as plan.ts states them', () => {
    // Bridge: demand from the air arrival (day 7) to the sea arrival (day 40) = 33 × 10 = 330, less
    // the stock projected at the air arrival, 200 − 7 × 10 = 130 → 200 by air.
    expect(line.shipAir).toBe(200);
    // Sea: T − IP − air = 10 × (40 + 14) + 0 − 200 − 200 = 140.
    expect(line.orderUpTo).toBeCloseTo(540, 3);
    expect(line.shipSea).toBe(140);
    // Ship by: stock falls below SS (0) on day 20 → 20 − 40 → today.
    expect(line.shipByDay).toBe(T0);
  });

  test('with air on day 7 and sea on day 40 the shelf is never empty over lead time + review', () => {
    const stock = projectWith(line, 10, 54, [
      { day: 7, units: line.shipAir },
      { day: 40, units: line.shipSea },
    ]);
    expect(Math.min(...stock)).toBeGreaterThanOrEqual(0);
  });

  test('no bridge when air is not faster than sea, or when stock lasts until sea lands', () => {
    const slowAir = planOf({ today: TODAY, history, skus: [skuInput(1)], series: [{ air: { meanDays: 45, sdDays: 0 } }], settings: { fbaFloorDays: 14 } });
    expect(shipLine(slowAir, 1).shipAir).toBe(0);
    expect(shipLine(slowAir, 1).shipSea).toBe(340);
    const enough = planOf({ today: TODAY, history: historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 450 }]), skus: [skuInput(1)], settings: { fbaFloorDays: 14 } });
    expect(shipLine(enough, 1).shipAir).toBe(0);
    expect(shipLine(enough, 1).shipSea).toBe(90);
  });

  test('the bridge is rounded up to the case pack', () => {
    const packed = planOf({ today: TODAY, history, skus: [skuInput(1, { casePack: 24 })], settings: { fbaFloorDays: 14 } });
    const l = shipLine(packed, 1);
    expect(l.shipAir).toBe(216); // ⌈200 ÷ 24⌉ × 24
    expect(l.shipSea).toBe(144); // ⌈(540 − 200 − 216) ÷ 24⌉ × 24 = ⌈124 ÷ 24⌉ × 24
  });
});

describe('Amazon’s low-inventory floor', () => {
  // 10 a day, no spread (SS = 0), 400 at FBA: T = 10 × 54 = 540, so T − IP = 140. When those 140 land
  // on day 40 the shelf holds 0 + 140 = 14 days of supply.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);
  const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)] }), 1);

  // DEFECT (shared/planning/plan.ts, `const seaNeed = …, floorUnits - position - shipAir`): the floor
  // is compared with today's position, not with the stock left when the shipment lands, so with a sea
  // leg longer than the floor it never binds. PRODUCT §4.4: stay above the floor (28 days) — the
  // header: "the floor keeps Amazon's low-inventory level … once the shipment lands". Expected ship
  // ≥ floor + demand over the lead time − position = 280 + 400 − 400 = 280; actual 140.
  test('the shipment lands with at least 28 days of supply at FBA', () => {
    expect(line.floorUnits).toBeCloseTo(280, 3);
    const stock = projectWith(line, 10, 40, [{ day: 40, units: line.shipSea + line.shipAir }]);
    expect(stock[40]).toBeGreaterThanOrEqual(line.floorUnits);
  });

  test('the floor is 28 days of the forecast rate', () => {
    expect(line.floorUnits).toBeCloseTo(28 * line.dailyDemand, 3);
  });
});

describe('FBA capacity short: A items first', () => {
  // SKU 1 sells 10 a day at a cost of 100.00 (class A); SKU 2 the same units at 1.00 (class C). Both
  // hold 400 at FBA and want 140 more (10 × 54 − 400); the location has room for 200, not 280.
  const history = historyOf(TODAY, [
    { skuId: 2, units: constant(10), onHand: 400 },
    { skuId: 1, units: constant(10), onHand: 400 },
  ]);
  const skus = [skuInput(2, { unitCostMinor: 100, casePack: 10 }), skuInput(1, { unitCostMinor: 10_000, casePack: 10 })];

  test('the A item gets its full quantity; the C item is cut to what fits, and the cut is reported', () => {
    const plan = planOf({ today: TODAY, history, skus, capacity: [[FBA_US, 800 + 200]], settings: { fbaFloorDays: 14 } });
    const a = shipLine(plan, 1);
    const c = shipLine(plan, 2);
    expect([a.abc, c.abc]).toEqual(['A', 'C']);
    expect([a.serviceLevel, c.serviceLevel]).toEqual([0.98, 0.9]);
    expect(c.z).toBeCloseTo(Z_90, 5);
    expect(a.shipSea + a.shipAir).toBe(140);
    expect(a.cutByCapacity).toBe(0);
    expect(c.shipSea + c.shipAir).toBe(60);
    expect(c.cutByCapacity).toBe(80);
    expect(c.shortAtHome).toBe(0);
    // Together they fill the room exactly.
    expect(a.onHand + a.inboundUnits + a.shipSea + a.shipAir + c.onHand + c.inboundUnits + c.shipSea + c.shipAir).toBe(1000);
  });

  test('what fits is rounded down to the case pack; no limit (null) cuts nothing', () => {
    const tight = planOf({ today: TODAY, history, skus, capacity: [[FBA_US, 800 + 195]], settings: { fbaFloorDays: 14 } });
    expect(shipLine(tight, 2).shipSea).toBe(50);
    expect(shipLine(tight, 2).cutByCapacity).toBe(90);
    const open = planOf({ today: TODAY, history, skus, capacity: [[FBA_US, null]], settings: { fbaFloorDays: 14 } });
    expect(open.ship.map((l) => [l.shipSea, l.cutByCapacity])).toEqual([
      [140, 0],
      [140, 0],
    ]);
  });

  // DEFECT (shared/planning/plan.ts applyDomesticAndCapacity: `available -= sea; home.set(line.skuId,
  // available)` runs before the capacity cut): units cut by capacity are taken off the home stock
  // although they stay at home, so another FBA location of the same SKU finds them gone. Here home
  // holds 150; US (full) is served first and cut to 0, yet DE gets 10 and reports 130 short at home.
  test('units cut by capacity at one location stay at home for the next location of the same SKU', () => {
    const twoMarkets = historyOf(TODAY, [
      { skuId: 1, locationId: FBA_US, units: constant(10), onHand: 400 },
      { skuId: 1, locationId: FBA_DE, units: constant(10), onHand: 400 },
    ]);
    const plan = planOf({ today: TODAY, history: twoMarkets, skus: [skuInput(1, { domesticUnits: 150 })], capacity: [[FBA_US, 400]], settings: { fbaFloorDays: 14 } });
    const us = shipLine(plan, 1, FBA_US);
    const de = shipLine(plan, 1, FBA_DE);
    expect(us.shipSea + us.shipAir).toBe(0);
    expect(us.cutByCapacity).toBe(140);
    expect(de.shipSea + de.shipAir).toBe(140);
    expect(de.shortAtHome).toBe(0);
  });
});

describe('FBA capacity in cubic feet per storage type', () => {
  // As above: SKU 1 is class A, SKU 2 class C; each sells 10 a day, holds 400 at FBA and wants 140
  // more (cases of 10). Volumes are given per unit in cubic feet.
  const history = historyOf(TODAY, [
    { skuId: 2, units: constant(10), onHand: 400 },
    { skuId: 1, units: constant(10), onHand: 400 },
  ]);
  const skusOf = (a: Partial<PlanSkuInput>, c: Partial<PlanSkuInput>) => [skuInput(2, { unitCostMinor: 100, casePack: 10, ...c }), skuInput(1, { unitCostMinor: 10_000, casePack: 10, ...a })];
  const settings = { fbaFloorDays: 14 };

  test('volume short: the A item ships in full, the C item gets the cubic feet left', () => {
    // 0.5 ft³ a unit: 800 held = 400 ft³ of a 500 ft³ limit, so 100 ft³ of room. A takes 140 × 0.5 =
    // 70 ft³; the 30 ft³ left hold 60 units of C, which is cut by 80.
    const skus = skusOf({ unitVolumeCubicFeet: 0.5 }, { unitVolumeCubicFeet: 0.5 });
    const plan = planOf({ today: TODAY, history, skus, capacityCubicFeet: [[FBA_US, { standard: 500 }]], settings });
    const a = shipLine(plan, 1);
    const c = shipLine(plan, 2);
    expect([a.abc, c.abc]).toEqual(['A', 'C']);
    expect([a.shipSea + a.shipAir, a.cutByCapacity, a.capacityRoomCubicFeet]).toEqual([140, 0, 100]);
    expect([c.shipSea + c.shipAir, c.cutByCapacity, c.cutByCubicFeet, c.capacityRoomCubicFeet]).toEqual([60, 80, 80, 30]);
    expect(c.shortAtHome).toBe(0);
    // No units limit was set: no units room is reported.
    expect(Number.isNaN(c.capacityRoomUnits)).toBe(true);
    // The packed plan the page receives carries the same figures.
    expect(unpackPlan(packPlan(plan))).toEqual(plan);
  });

  test('what fits in the volume is rounded down to the case pack', () => {
    // Room 97.5 ft³: A takes 70, the 27.5 left hold 55 units of C, rounded down to 50 (cases of 10).
    const plan = planOf({ today: TODAY, history, skus: skusOf({ unitVolumeCubicFeet: 0.5 }, { unitVolumeCubicFeet: 0.5 }), capacityCubicFeet: [[FBA_US, { standard: 497.5 }]], settings });
    expect([shipLine(plan, 2).shipSea, shipLine(plan, 2).cutByCubicFeet]).toEqual([50, 90]);
    expect(shipLine(plan, 1).shipSea).toBe(140);
  });

  test('a limit of one storage type does not cut a SKU of another', () => {
    const skus = skusOf({ unitVolumeCubicFeet: 0.5 }, { unitVolumeCubicFeet: 0.5, storageType: 'apparel' });
    const plan = planOf({ today: TODAY, history, skus, capacityCubicFeet: [[FBA_US, { standard: 200 + 35 }]], settings });
    // Only A's 400 units (200 ft³) are standard: 35 ft³ of room, 70 units.
    expect([shipLine(plan, 1).shipSea, shipLine(plan, 1).cutByCubicFeet, shipLine(plan, 1).storageType]).toEqual([70, 70, 'standard']);
    expect([shipLine(plan, 2).shipSea, shipLine(plan, 2).cutByCapacity, shipLine(plan, 2).storageType]).toEqual([140, 0, 'apparel']);
    expect(Number.isNaN(shipLine(plan, 2).capacityRoomCubicFeet)).toBe(true);
  });

  test('units and volume limits both set: each cuts, and the line says how much each cut', () => {
    // Units: 1,000 − 800 held = 200 units of room. Volume: A 0.25 ft³, C 1 ft³ a unit; held 100 + 400
    // = 500 of 560 ft³, 60 ft³ of room. A ships 140 (35 ft³), leaving 60 units and 25 ft³. C wants
    // 140: the units limit cuts it to 60 (80 cut), the volume limit to 25 → 20 in cases (40 cut).
    const skus = skusOf({ unitVolumeCubicFeet: 0.25 }, { unitVolumeCubicFeet: 1 });
    const plan = planOf({ today: TODAY, history, skus, capacity: [[FBA_US, 1000]], capacityCubicFeet: [[FBA_US, { standard: 560 }]], settings });
    const a = shipLine(plan, 1);
    const c = shipLine(plan, 2);
    expect([a.shipSea, a.cutByCapacity, a.capacityRoomUnits, a.capacityRoomCubicFeet]).toEqual([140, 0, 200, 60]);
    expect([c.shipSea, c.cutByCapacity, c.cutByCubicFeet, c.capacityRoomUnits, c.capacityRoomCubicFeet]).toEqual([20, 120, 40, 60, 25]);
  });

  test('a SKU without a package size is not cut by a volume limit, and takes none of its room', () => {
    // C has no size: its 400 held units are not counted and its 140 ship whatever the room. A: 400 ×
    // 0.5 = 200 ft³ held of 235, so 35 ft³ of room: 70 units, 70 cut.
    const plan = planOf({ today: TODAY, history, skus: skusOf({ unitVolumeCubicFeet: 0.5 }, { unitVolumeCubicFeet: null }), capacityCubicFeet: [[FBA_US, { standard: 235 }]], settings });
    const a = shipLine(plan, 1);
    const c = shipLine(plan, 2);
    expect([a.shipSea, a.cutByCubicFeet]).toEqual([70, 70]);
    expect([c.shipSea, c.cutByCapacity]).toEqual([140, 0]);
    // Its line shows the volume limit applied (room 0 left when its turn came) and its volume unknown.
    expect(c.capacityRoomCubicFeet).toBe(0);
    expect(Number.isNaN(c.unitVolumeCubicFeet)).toBe(true);
  });

  test('a volume room that divides to a hair under a whole unit still fits that unit', () => {
    // 0.1 ft³ a unit, 400 held = 40 ft³; a limit of 40.3 leaves 0.3 ft³ (0.3 ÷ 0.1 = 2.9999999999999996 in floating point) = 3 units.
    const one = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);
    const plan = planOf({ today: TODAY, history: one, skus: [skuInput(1, { unitVolumeCubicFeet: 0.1 })], capacityCubicFeet: [[FBA_US, { standard: 40.3 }]], settings });
    expect(shipLine(plan, 1).shipSea).toBe(3);
  });
});

describe('MOQ and case pack', () => {
  const history = historyOf(TODAY, [
    { skuId: 1, units: noisy(10, 5, 21), onHand: 220 },
    { skuId: 2, units: noisy(40, 10, 22), onHand: 500 },
    { skuId: 3, units: noisy(3, 3, 23), onHand: 0 },
  ]);
  const skus = [
    skuInput(1, { casePack: 12, moq: 500, domesticUnits: 400 }),
    skuInput(2, { casePack: 24, moq: 100, domesticUnits: 0 }),
    skuInput(3, { casePack: 8, moq: 1_000, domesticUnits: 30 }),
  ];
  const plan = planOf({ today: TODAY, history, skus });

  test('buy quantities are at least the MOQ and whole cases', () => {
    for (const sku of skus) {
      const line = buyLine(plan, sku.skuId);
      expect(line.buyQty, `SKU ${sku.skuId}`).toBeGreaterThan(0);
      expect(line.buyQty, `SKU ${sku.skuId}`).toBeGreaterThanOrEqual(sku.moq);
      expect(line.buyQty % sku.casePack, `SKU ${sku.skuId}`).toBe(0);
      expect(line.buyQty, `SKU ${sku.skuId}`).toBeGreaterThanOrEqual(line.rawQty);
      // No more than one case above max(raw, MOQ).
      expect(line.buyQty - Math.max(line.rawQty, sku.moq), `SKU ${sku.skuId}`).toBeLessThan(sku.casePack);
      expect([line.casePack, line.moq]).toEqual([sku.casePack, sku.moq]);
    }
    // SKU 1 needs less than its MOQ, SKU 2 more: MOQ lifts the first, the case pack rounds the second.
    expect(buyLine(plan, 1).rawQty).toBeLessThan(500);
    expect(buyLine(plan, 1).buyQty).toBe(504);
    expect(buyLine(plan, 2).rawQty).toBeGreaterThan(100);
    expect(buyLine(plan, 2).buyQty).toBe(Math.ceil(buyLine(plan, 2).rawQty / 24 - 1e-9) * 24);
  });

  test('ship quantities (sea and air) are whole cases, also when home stock or capacity limits them', () => {
    for (const line of plan.ship) {
      const pack = skus.find((s) => s.skuId === line.skuId)!.casePack;
      expect(line.shipSea % pack, `SKU ${line.skuId} sea`).toBe(0);
      expect(line.shipAir % pack, `SKU ${line.skuId} air`).toBe(0);
    }
    const capped = planOf({ today: TODAY, history, skus: skus.map((s) => ({ ...s, domesticUnits: 10_000 })), capacity: [[FBA_US, 1_000]] });
    for (const line of capped.ship) {
      const pack = skus.find((s) => s.skuId === line.skuId)!.casePack;
      expect((line.shipSea + line.shipAir) % pack, `SKU ${line.skuId} capped`).toBe(0);
    }
  });

  test('a buy with nothing needed is 0, not the MOQ', () => {
    const stocked = planOf({ today: TODAY, history, skus: skus.map((s) => ({ ...s, domesticUnits: 100_000 })) });
    for (const line of stocked.buy) expect(line.buyQty).toBe(0);
  });
});

describe('the buy echelon', () => {
  // 10 a day at FBA (400 on hand, 100 of them reserved, 50 inbound), 300 at home, 200 on order.
  // Buy lead time: 30 ± 6 days of production + the 40-day sea leg; review 30 days.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);
  const plan = planOf({
    today: TODAY,
    history,
    skus: [skuInput(1, { domesticUnits: 300, onOrder: [{ day: T0 + 25, units: 200 }], buyLeadTime: { meanDays: 30, sdDays: 6 }, casePack: 50 })],
    series: [{ sea: { meanDays: 40, sdDays: 8 }, inbound: [{ day: T0 + 10, units: 50 }], reservedUnits: 100 }],
  });
  const line = buyLine(plan, 1);

  test('lead time, SS, ROP and T on the network, checked by hand', () => {
    expect(line.leadDays).toBe(70);
    expect(line.leadSdDays).toBeCloseTo(10, 9); // √(6² + 8²)
    expect(line.dailyDemand).toBeCloseTo(10, 5);
    // σd = 0: SS = z · d · σL.
    expect(line.safetyStock).toBeCloseTo(Z_98 * 10 * 10, 2);
    expect(line.reorderPoint).toBeCloseTo(700 + line.safetyStock, 2);
    expect(line.orderUpTo).toBeCloseTo(1000 + line.safetyStock, 2);
  });

  // DEFECT (shared/planning/plan.ts, buy echelon: `const networkPosition = sku.domesticUnits +
  // networkFbaUnits + networkInbound + onOrder`): reserved units are not subtracted, although PRODUCT
  // §4.3 defines IP = on hand + in transit + on order − reserved and the ship lines subtract them. Here
  // 300 + 400 + 50 + 200 − 100 = 850 expected, 950 actual, so the buy is 100 units short. (No effect in
  // the app today: renderer/db/planning.ts passes reservedUnits 0.)
  test('position = home + FBA + in transit + on order − reserved (PRODUCT §4.3)', () => {
    expect(line.networkPosition).toBe(850);
  });

  test('the quantity is T − position in whole cases, ordered by the day position meets ROP', () => {
    expect(line.buyQty).toBe(Math.ceil((line.orderUpTo - line.networkPosition) / 50 - 1e-9) * 50);
    // Position drawn down 10 a day meets ROP after ⌊(position − ROP) ÷ 10⌋ days.
    const days = Math.ceil((line.networkPosition - line.reorderPoint) / 10) - 1;
    expect(line.orderByDay).toBe(T0 + Math.max(0, days));
  });
});

describe('the buy line’s projected stockout if nothing new is bought (PRODUCT §4.4)', () => {
  // 10 a day in the US and 4 in DE: 14 a day on the network. The network holds now: 200 at home, US
  // 400 less 100 reserved, DE 100, and in transit 50 to US, 30 to DE and 100 to home = 780. A shipment
  // moves units between its places, so it adds none. A PO of 300 is expected on day 70 or on day 50.
  const history = historyOf(TODAY, [
    { skuId: 1, locationId: FBA_US, units: constant(10), onHand: 400 },
    { skuId: 1, locationId: FBA_DE, units: constant(4), onHand: 100 },
  ]);
  const scenario = (poDay: number, over: Partial<Scenario> = {}): Scenario => ({
    today: TODAY,
    history,
    skus: [skuInput(1, { domesticUnits: 200, onOrder: [{ day: T0 + poDay, units: 300 }], otherInboundUnits: 100 })],
    series: [
      { inbound: [{ day: T0 + 10, units: 50 }], reservedUnits: 100 },
      { inbound: [{ day: T0 + 20, units: 30 }] },
    ],
    ...over,
  });

  test('everything the network holds, in transit too, against every marketplace’s forecast; the PO landing after: out on day 56', () => {
    const line = buyLine(planOf(scenario(70)), 1);
    // 780 ÷ 14 = 55.7: day 55 ends with 780 − 770 = 10, day 56 with 780 − 784 = −4.
    expect(line.dailyDemand).toBeCloseTo(14, 5);
    expect(line.stockoutDay).toBe(T0 + 56);
    expect(line.networkOnHand).toBe(780);
    expect(line.stockoutArrivals).toBe(0);
    expect(line.stockoutDemand).toBeCloseTo(56 * 14, 3);
    // The same stock as the position, the PO's 300 too (it lands too late to count here).
    expect(line.networkPosition).toBe(780 + 300);
  });

  test('a PO that lands before the stockout pushes it out: 1,080 ÷ 14 = 77.1, out on day 78', () => {
    const line = buyLine(planOf(scenario(50)), 1);
    expect(line.stockoutDay).toBe(T0 + 78);
    expect(line.stockoutArrivals).toBe(300);
    expect(line.stockoutDemand).toBeCloseTo(78 * 14, 3);
  });

  test('an overdue PO counts from tomorrow', () => {
    const line = buyLine(planOf(scenario(-10)), 1);
    expect(line.stockoutDay).toBe(T0 + 78);
    expect(line.stockoutArrivals).toBe(300);
  });

  test('a what-if delay of the open shipments leaves it, as it leaves the buy position: the units are the network’s wherever they are', () => {
    const plain = buyLine(planOf(scenario(50)), 1);
    const delayed = buyLine(planOf(scenario(50, { whatIf: { delayDays: 30 } })), 1);
    expect(delayed.stockoutDay).toBe(plain.stockoutDay);
    expect([delayed.networkPosition, delayed.buyQty, delayed.orderByDay]).toEqual([plain.networkPosition, plain.buyQty, plain.orderByDay]);
  });

  test('stock that exactly meets the horizon’s forecast runs out on its last day', () => {
    // 1,800 units at 10 a day over the 180-day horizon: day 180 ends at 0, with demand that day.
    const single = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 1_000 }]);
    const line = buyLine(planOf({ today: TODAY, history: single, skus: [skuInput(1, { domesticUnits: 800 })] }), 1);
    expect(line.stockoutDay).toBe(T0 + 180);
  });

  test('stock beyond the horizon: no stockout (NaN), the forecast summed over the horizon', () => {
    // 1,905 units at 10 a day last 190.5 days: past the 180-day horizon, out on day 191 with a 200-day one.
    const single = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 1_000 }]);
    const lasting = { today: TODAY, history: single, skus: [skuInput(1, { domesticUnits: 905 })] };
    const line = buyLine(planOf(lasting), 1);
    expect(line.stockoutDay).toBeNaN();
    expect(line.networkOnHand).toBe(1_905);
    expect(line.stockoutArrivals).toBe(0);
    expect(line.stockoutDemand).toBeCloseTo(1_800, 3);
    expect(buyLine(planOf({ ...lasting, settings: { horizonDays: 200 } }), 1).stockoutDay).toBe(T0 + 191);
  });

  test('no demand: no stockout, even with nothing in stock; with demand and nothing in stock, out tomorrow', () => {
    const idle = historyOf(TODAY, [
      { skuId: 1, units: constant(0), onHand: 0 },
      { skuId: 2, units: constant(10), onHand: 0 },
    ]);
    const plan = planOf({ today: TODAY, history: idle, skus: [skuInput(1, { domesticUnits: 0, onOrder: [{ day: T0 + 5, units: 20 }] }), skuInput(2, { domesticUnits: 0 }), skuInput(3, { domesticUnits: 0 })] });
    expect(buyLine(plan, 1).stockoutDay).toBeNaN();
    expect([buyLine(plan, 1).stockoutArrivals, buyLine(plan, 1).stockoutDemand]).toEqual([20, 0]);
    // SKU 3 has no FBA series at all: nothing forecast.
    expect(buyLine(plan, 3).stockoutDay).toBeNaN();
    expect(buyLine(plan, 2).stockoutDay).toBe(T0 + 1);
  });

  test('a ship line’s stockout is still its own FBA stock’s, earlier than the network’s', () => {
    // DE: 100 + 30 on day 20 = 130 at 4 a day: day 32 ends with 2, day 33 with −2.
    const plan = planOf(scenario(70));
    expect(shipLine(plan, 1, FBA_DE).stockoutDay).toBe(T0 + 33);
    expect(buyLine(plan, 1).stockoutDay).toBe(T0 + 56);
  });
});

describe('the buy line’s 30-day forecast (the supplier sheet’s forecast)', () => {
  test('sums the next 30 days over every FBA marketplace of the SKU; a SKU that never sold forecasts 0', () => {
    // SKU 1 sells a flat 10 a day in the US and 4 a day in DE: 30 × (10 + 4) = 420. SKU 2 has no series.
    const history = historyOf(TODAY, [
      { skuId: 1, locationId: FBA_US, units: constant(10), onHand: 100 },
      { skuId: 1, locationId: FBA_DE, units: constant(4), onHand: 100 },
    ]);
    const plan = planOf({ today: TODAY, history, skus: [skuInput(1), skuInput(2)] });
    expect(buyLine(plan, 1).forecast30Units).toBeCloseTo(420, 3);
    expect(buyLine(plan, 2).forecast30Units).toBe(0);
  });
});

describe('domestic stock limits what ships', () => {
  // 10 a day, 400 at FBA: T − IP = 140. Home holds less.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);

  test('only what is at home ships; the rest is short at home and bought', () => {
    const plan = planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 100 })], settings: { fbaFloorDays: 14 } });
    const line = shipLine(plan, 1);
    expect(line.shipSea).toBe(100);
    expect(line.shortAtHome).toBe(40);
    expect(buyLine(plan, 1).buyQty).toBeGreaterThan(0);
  });

  test('rounded down to whole cases at home', () => {
    const plan = planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 100, casePack: 12 })], settings: { fbaFloorDays: 14 } });
    const line = shipLine(plan, 1);
    expect(line.shipSea).toBe(96);
    expect(line.shortAtHome).toBe(144 - 96);
  });

  test('between two marketplaces of one SKU, the one that stocks out first is served first', () => {
    const two = historyOf(TODAY, [
      { skuId: 1, locationId: FBA_US, units: constant(10), onHand: 400 },
      { skuId: 1, locationId: FBA_DE, units: constant(10), onHand: 300 },
    ]);
    const plan = planOf({ today: TODAY, history: two, skus: [skuInput(1, { domesticUnits: 240 })], settings: { fbaFloorDays: 14 } });
    const us = shipLine(plan, 1, FBA_US);
    const de = shipLine(plan, 1, FBA_DE);
    expect(de.stockoutDay).toBeLessThan(us.stockoutDay);
    expect(de.shipSea + de.shipAir).toBe(240);
    expect(de.shortAtHome).toBe(0);
    expect(us.shipSea + us.shipAir).toBe(0);
    expect(us.shortAtHome).toBe(140);
  });

  test('nothing at home: nothing ships, all of it short', () => {
    const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 0 })], settings: { fbaFloorDays: 14 } }), 1);
    expect(line.shipSea + line.shipAir).toBe(0);
    expect(line.shortAtHome).toBe(140);
  });
});

describe('what-if: open shipments delayed', () => {
  // 10 a day, 150 at FBA and 400 arriving on day 12: no stockout until day 55 (after sea lands).
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 150 }]);
  const scenario = { today: TODAY, history, skus: [skuInput(1)], series: [{ inbound: [{ day: T0 + 12, units: 400 }] }], settings: { fbaFloorDays: 14 } };

  test('without a delay, no stockout before sea lands and no air', () => {
    const line = shipLine(planOf(scenario), 1);
    expect(line.stockoutDay).toBe(T0 + 55);
    expect(line.shipAir).toBe(0);
  });

  test('a 30-day delay moves the stockout to day 15 and air bridges until sea lands', () => {
    const line = shipLine(planOf({ ...scenario, whatIf: { delayDays: 30 } }), 1);
    expect(line.stockoutDay).toBe(T0 + 15);
    // The late shipment (day 42) lands after sea (day 40): air covers days 8…40 (330) less the 80 left on day 7.
    expect(line.shipAir).toBe(330 - 80);
    // The position (and so T − IP) is unchanged by the delay.
    expect(line.position).toBe(550);
    // But the 400 now land after sea would: sea ships what keeps the 14-day floor (140) when it lands,
    // 150 + 250 by air − 400 sold by then, max(0, 260 − 250, 140 + 400 − 150 − 250).
    expect(line.lateInboundUnits).toBe(400);
    expect(line.shipSea).toBe(140);
  });

  // Arrivals between the air and the sea arrival count: with the open shipment 20 days late (landing
  // on day 32, before sea on day 40) stock runs out on day 15 and the shelf needs 240 − 80 = 160 by
  // air to reach day 32 (the bridge is the deepest projected shortfall between the two arrivals).
  test('air bridges only until the delayed shipment lands when it lands before sea', () => {
    const line = shipLine(planOf({ ...scenario, whatIf: { delayDays: 20 } }), 1);
    expect(line.stockoutDay).toBe(T0 + 15);
    expect(line.shipAir).toBeGreaterThanOrEqual(160);
    expect(line.shipAir).toBeLessThanOrEqual(170);
  });

  test('a demand uplift what-if brings the stockout forward', () => {
    const base = shipLine(planOf(scenario), 1);
    const raised = shipLine(planOf({ ...scenario, whatIf: { uplift: { fromDay: T0 + 1, toDay: T0 + 60, fraction: 0.5 } } }), 1);
    expect(raised.stockoutDay).toBeLessThan(base.stockoutDay);
    expect(raised.orderUpTo).toBeGreaterThan(base.orderUpTo);
  });
});

describe('an open shipment landing after a sea shipment sent today would', () => {
  // 10 a day, 300 at FBA, 400 landing on day 70; sea takes 40 days, air 7; floor 28 days (280).
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 300 }]);
  const plan = () => planOf({ today: TODAY, history, skus: [skuInput(1)], series: [{ inbound: [{ day: T0 + 70, units: 400 }] }] });

  test('counts from the day it lands: sea still ships what the shelf needs when sea lands', () => {
    const line = shipLine(plan(), 1);
    expect(line.stockoutDay).toBe(T0 + 30);
    // Air bridges days 31…40: stock 300 − 400 = −100 when sea lands.
    expect(line.shipAir).toBe(100);
    expect(line.position).toBe(700);
    expect(line.lateInboundUnits).toBe(400);
    // The lowest point until day 54 (40 + 14 days' review), before the 400 land: 540 − 300.
    expect(line.coverNeedUnits).toBe(240);
    // max(0, 240 − 100, 280 + 400 − 300 − 100) = 280: the floor holds when sea lands. Counting the
    // 400 as if there, T − position (540 − 700) and the floor term both came to nothing.
    expect(line.shipSea).toBe(280);
    expect(300 + line.shipAir - 400 + line.shipSea).toBe(line.floorUnits);
  });

  test('one landing before sea counts in full, as T − position', () => {
    const early = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)], series: [{ inbound: [{ day: T0 + 20, units: 400 }] }] }), 1);
    expect(early.lateInboundUnits).toBe(0);
    expect(early.coverNeedUnits).toBe(early.orderUpTo - early.position);
    expect(early.shipSea).toBe(Math.max(0, Math.ceil(Math.max(early.orderUpTo - early.position, early.floorUnits + early.leadDemand - early.position) - 1e-9)));
  });
});

describe('every number is finite', () => {
  // A mixed catalog: steady, intermittent, never sold, out of stock all along, no FBA series, seasonal.
  const today = '2026-11-26';
  const intermittent = (() => {
    const next = random(5);
    return () => (next() < 0.1 ? 3 : 0);
  })();
  const history = historyOf(today, [
    { skuId: 1, units: noisy(20, 8, 1), onHand: 100 },
    { skuId: 1, locationId: FBA_DE, units: noisy(5, 3, 2), onHand: 0 },
    { skuId: 2, units: intermittent, onHand: 4 },
    { skuId: 3, units: constant(0), onHand: 50 },
    { skuId: 4, units: constant(7), out: () => true, onHand: 0 },
    { skuId: 6, units: (day) => Math.round(10 + 8 * Math.sin(day / 58)), onHand: 300 },
  ]);
  const skus = [
    skuInput(1, { casePack: 6, moq: 100, buyLeadTime: { meanDays: 45, sdDays: 9 } }),
    skuInput(2, { domesticUnits: 0, onOrder: [{ day: dayNumber(today) + 20, units: 30 }] }),
    skuInput(3, { supplierId: null }),
    skuInput(4, { unitCostMinor: 0 }),
    skuInput(5),
    skuInput(6, { method: 'holtWinters' }),
  ];
  const series = [
    { sea: { meanDays: 38.5, sdDays: 6 }, inbound: [{ day: dayNumber(today) - 3, units: 50 }], reservedUnits: 10 },
    { sea: { meanDays: 50, sdDays: 12 }, air: { meanDays: 9, sdDays: 2 } },
    {},
    {},
    {},
    {},
  ];

  // NaN by design: no backtest, no day within the horizon, no package size, no capacity limit, no Reserved Inventory report, no forecast of the seller's own, no 3PL near FBA.
  const documentedNaN = new Set(['wape', 'mase', 'demandInterval', 'demandCv2', 'stockoutDay', 'shipByDay', 'orderByDay', 'unitVolumeCubicFeet', 'capacityRoomUnits', 'capacityRoomCubicFeet', 'reservedAsOfDay', 'rateOverride', 'rateOverrideUntilDay', 'nearLocationId', 'nearLeadDays', 'nearShipByDay']);
  function expectFinite(plan: Plan, label: string) {
    expect(plan.ship).toHaveLength(6);
    expect(plan.buy).toHaveLength(6);
    for (const line of [...plan.ship, ...plan.buy]) {
      for (const [key, value] of Object.entries(line)) {
        if (typeof value !== 'number') continue;
        if (documentedNaN.has(key) && Number.isNaN(value)) continue;
        expect(Number.isFinite(value), `${label} SKU ${line.skuId} ${key} = ${value}`).toBe(true);
        // coverNeedUnits is a shortfall: below 0 where the stock stays above safety stock.
        if (!['z', 'wape', 'mase', 'coverNeedUnits'].includes(key) && !key.endsWith('Day')) expect(value, `${label} SKU ${line.skuId} ${key}`).toBeGreaterThanOrEqual(0);
      }
    }
    for (const line of plan.ship) {
      expect(Number.isInteger(line.shipSea) && Number.isInteger(line.shipAir) && Number.isInteger(line.cutByCapacity) && Number.isInteger(line.cutByCubicFeet) && Number.isInteger(line.shortAtHome), `${label} SKU ${line.skuId}`).toBe(true);
    }
    for (const line of plan.buy) expect(Number.isInteger(line.buyQty), `${label} SKU ${line.skuId}`).toBe(true);
  }

  test('in the plan, a what-if delay, an uplift and a capacity limit', () => {
    expectFinite(planOf({ today, history, skus, series }), 'plan');
    expectFinite(planOf({ today, history, skus, series, whatIf: { delayDays: 45 } }), 'delay');
    expectFinite(planOf({ today, history, skus, series, whatIf: { uplift: { fromDay: dayNumber(today), toDay: dayNumber(today) + 400, fraction: 2 } } }), 'uplift');
    expectFinite(planOf({ today, history, skus, series, capacity: [[FBA_US, 0], [FBA_DE, 30]] }), 'capacity');
    const sized = skus.map((sku, k) => ({ ...sku, unitVolumeCubicFeet: k % 2 === 0 ? 0.37 : null }));
    expectFinite(planOf({ today, history, skus: sized, series, capacity: [[FBA_DE, 30]], capacityCubicFeet: [[FBA_US, { standard: 20 }], [FBA_DE, { standard: 0, apparel: 5 }]] }), 'cubic feet');
  });

  test('a SKU that never sold or was never in stock plans nothing', () => {
    const plan = planOf({ today, history, skus, series });
    for (const skuId of [3, 4]) {
      const line = shipLine(plan, skuId);
      expect([line.dailyDemand, line.shipSea, line.shipAir, buyLine(plan, skuId).buyQty], `SKU ${skuId}`).toEqual([0, 0, 0, 0]);
    }
    // No FBA series: a buy line with nothing to buy, and no ship line.
    expect(plan.ship.some((l) => l.skuId === 5)).toBe(false);
    expect(buyLine(plan, 5).buyQty).toBe(0);
  });
});

describe('a what-if reuses the forecasts of the plan it is run on', () => {
  // Five SKUs (one forced to Croston, one with an event ahead, one growing fast so its path is not
  // flat, one that never sold) and a what-if on the very same input objects: the kept forecasts (flat
  // paths kept as their one week) must give exactly the plan a fresh computation gives.
  const today = '2026-09-01';
  const firstDay = dayNumber(today) - 729;
  const history = historyOf(today, [
    { skuId: 1, units: noisy(10, 4, 21), onHand: 300 },
    { skuId: 2, units: noisy(3, 3, 22), onHand: 50 },
    { skuId: 3, units: noisy(20, 6, 23), onHand: 900 },
    { skuId: 4, units: (day) => 1 + (day - firstDay) * 0.1, onHand: 400 },
    { skuId: 5, units: () => 0, onHand: 10 },
  ]);
  const todayDay = dayNumber(today);
  const factors = new Float32Array(history.days + DEFAULT_PLAN_SETTINGS.horizonDays).fill(1);
  factors.fill(1.5, history.days + 10, history.days + 20);
  const input: PlanInput = {
    settings: { ...DEFAULT_PLAN_SETTINGS, todayDay },
    history,
    skus: [skuInput(1), skuInput(2, { method: 'croston' }), skuInput(3), skuInput(4), skuInput(5)],
    series: new Map([
      [1, [seriesInput(0, { inbound: [{ day: todayDay + 5, units: 100 }] })]],
      // The seller's own rate for the first 30 days: a what-if must keep it too.
      [2, [seriesInput(1, { rateOverride: { unitsPerDay: 6, untilDay: todayDay + 30 } })]],
      [3, [seriesInput(2, { eventFactors: factors })]],
      [4, [seriesInput(3)]],
      [5, [seriesInput(4)]],
    ]),
    capacityUnits: new Map(),
  };
  const whatIf = { delayDays: 20, uplift: { fromDay: todayDay + 3, toDay: todayDay + 60, fraction: 0.4 } };

  test('same lines as a what-if computed from scratch (copies of the inputs, nothing kept)', () => {
    buildPlan(input);
    const reused = buildPlan({ ...input, whatIf });
    const fresh = buildPlan({ ...input, history: { ...history }, skus: [...input.skus], whatIf });
    expect(reused).toEqual(fresh);
    // The what-if did change the plan, so the comparison means something; SKU 4's path has a trend.
    expect(reused).not.toEqual(buildPlan(input));
    expect(['holt', 'holtDamped', 'holtWinters']).toContain(shipLine(reused, 4).method);
    expect(shipLine(reused, 5).dailyDemand).toBe(0);
    expect(shipLine(reused, 2).rateOverride).toBe(6);
  });
});

describe('the plan crosses from the worker to the page in columns', () => {
  // Lines with every kind of value: two marketplaces, a forced method, NaN errors (never sold),
  // Amazon's advice and none, a SKU without a supplier, a what-if with an air bridge.
  const today = '2026-09-01';
  const history = historyOf(today, [
    { skuId: 1, units: noisy(12, 5, 31), onHand: 30 },
    { skuId: 1, locationId: FBA_DE, units: noisy(4, 3, 32), onHand: 200 },
    { skuId: 2, units: noisy(2, 2, 33), onHand: 5 },
    { skuId: 3, units: () => 0, onHand: 40 },
  ]);
  const plan = planOf({
    today,
    history,
    skus: [skuInput(1, { casePack: 12, domesticUnits: 50 }), skuInput(2, { method: 'croston', supplierId: null }), skuInput(3)],
    series: [{ amazonRecommendedUnits: 120, inbound: [{ day: dayNumber(today) + 3, units: 24 }] }, {}, { amazonRecommendedUnits: 0 }, {}],
    capacity: [[FBA_US, 400]],
    whatIf: { delayDays: 10 },
  });

  test('packPlan, moved (transferred) and unpacked, gives back the same lines to the last bit', () => {
    expect(plan.ship.some((l) => l.shipAir > 0 || l.cutByCapacity > 0 || l.shortAtHome > 0)).toBe(true);
    expect(plan.ship.some((l) => Number.isNaN(l.wape))).toBe(true);
    const packed = packPlan(plan);
    const moved = structuredClone(packed, { transfer: planColumnBuffers(packed) });
    // Moved, not copied: the worker's columns are gone.
    expect(packed.ship.numbers.length).toBe(0);
    const unpacked = unpackPlan(moved);
    expect(unpacked).toEqual(plan);
    expect(unpacked.ship.map((l) => Object.keys(l))).toEqual(plan.ship.map((l) => Object.keys(l)));
    expect(unpacked.buy.map((l) => Object.keys(l))).toEqual(plan.buy.map((l) => Object.keys(l)));
  });

  test('the line views of the page read every field as the unpacked lines hold it', () => {
    const views = planViews(packPlan(plan));
    expect(views.ship).toHaveLength(plan.ship.length);
    expect(views.buy).toHaveLength(plan.buy.length);
    plan.ship.forEach((line, i) => {
      for (const [key, value] of Object.entries(line)) expect(views.ship[i]![key as keyof ShipLine], `ship ${i} ${key}`).toBe(value);
    });
    plan.buy.forEach((line, i) => {
      for (const [key, value] of Object.entries(line)) expect(views.buy[i]![key as keyof BuyLine], `buy ${i} ${key}`).toBe(value);
    });
  });

  test('an empty plan packs and unpacks', () => {
    expect(unpackPlan(packPlan({ ship: [], buy: [] }))).toEqual({ ship: [], buy: [] });
  });
});

describe('ABC classes of the plan, by SKU index', () => {
  const today = '2026-06-30';
  // Yearly value 10 : 1 : 0.1 per unit cost: shares before 0, 0.90 and 0.99 → A, B, C.
  const classesFor = (ids: [number, number, number]) => {
    const history = historyOf(today, [
      { skuId: ids[0], units: constant(10), onHand: 500 },
      { skuId: ids[1], units: constant(1), onHand: 500 },
      { skuId: ids[2], units: constant(0.1), onHand: 500 },
    ]);
    const plan = planOf({ today, history, skus: [skuInput(ids[2]), skuInput(ids[0]), skuInput(ids[1]), skuInput(ids[0] + 1)] });
    return plan.buy.map((line) => [line.skuId, line.abc]);
  };

  test('dense database ids (a table by id) and spread-out ids (a Map) give the same classes; a SKU with no series is C', () => {
    expect(classesFor([3, 1, 2])).toEqual([[2, 'C'], [3, 'A'], [1, 'B'], [4, 'C']]);
    expect(classesFor([7_000_000_000, 1, 2_500_000_000])).toEqual([[2_500_000_000, 'C'], [7_000_000_000, 'A'], [1, 'B'], [7_000_000_001, 'C']]);
  });

  test("the seller's ABC rule (Analysis settings): units instead of COGS, and other thresholds", () => {
    // SKU 1 sells 10 a day at 10.00, SKU 2 one a day at 1,000.00: by COGS 2 is A, by units 1 is.
    const history = historyOf(today, [
      { skuId: 1, units: constant(10), onHand: 500 },
      { skuId: 2, units: constant(1), onHand: 500 },
    ]);
    const skus = [skuInput(1, { unitCostMinor: 1_000 }), skuInput(2, { unitCostMinor: 100_000 })];
    const classes = (settings: Scenario['settings']) => planOf({ today, history, skus, settings }).buy.map((line) => line.abc);
    expect(classes({})).toEqual(['B', 'A']);
    expect(classes({ abc: { cutoffs: { a: 0.8, b: 0.95 }, basis: 'units' } })).toEqual(['A', 'B']);
    // A threshold of 95 %: the first SKU's share before it (0 or 0.09) is below it either way.
    expect(classes({ abc: { cutoffs: { a: 0.95, b: 0.99 }, basis: 'cogs' } })).toEqual(['A', 'A']);
  });

  test('a SKU id listed twice is refused, as abcClassify refuses an id twice', () => {
    const history = historyOf(today, [{ skuId: 1, units: constant(1), onHand: 10 }]);
    expect(() => planOf({ today, history, skus: [skuInput(1), skuInput(1)] })).toThrow(RangeError);
    expect(() => planOf({ today, history, skus: [skuInput(9_000_000_000), skuInput(1), skuInput(9_000_000_000)] })).toThrow(RangeError);
  });
});

describe('home stock with no FBA limit (the capacity step without room lookups)', () => {
  // Two SKUs in two marketplaces each, home stock short for both: the lines share it in the capacity
  // order. A units limit too large to cut anything takes the general path: the same quantities.
  const today = '2026-09-01';
  const history = historyOf(today, [
    { skuId: 1, units: noisy(12, 5, 41), onHand: 20 },
    { skuId: 1, locationId: FBA_DE, units: noisy(6, 3, 42), onHand: 5 },
    { skuId: 2, units: noisy(9, 4, 43), onHand: 0 },
    { skuId: 2, locationId: FBA_DE, units: noisy(9, 4, 44), onHand: 0 },
  ]);
  const skus = [skuInput(1, { domesticUnits: 137, casePack: 5 }), skuInput(2, { domesticUnits: 250.5 })];
  const shares = (plan: Plan) => plan.ship.map((l) => [l.skuId, l.locationId, l.shipAir, l.shipSea, l.shortAtHome, l.cutByCapacity, l.cutByCubicFeet]);

  test('the same quantities as the general loop, and home stock runs short', () => {
    const noLimit = planOf({ today, history, skus });
    const hugeLimit = planOf({ today, history, skus, capacity: [[FBA_US, 1e12]] });
    expect(shares(noLimit)).toEqual(shares(hugeLimit));
    expect(noLimit.ship.some((l) => l.shortAtHome > 0)).toBe(true);
    expect(noLimit.ship.every((l) => Number.isNaN(l.capacityRoomUnits))).toBe(true);
  });
});

describe('the demand pattern behind the method of each line', () => {
  const today = '2026-06-30';
  // SKU 1 sells 10 every day; SKU 2 sells 6 on one day of every three weeks (week 3, 6, 9, …).
  const everyThirdWeek = (day: number) => (Math.floor((day - dayNumber(today)) / 7) % 3 === 0 && (day - dayNumber(today)) % 7 === 0 ? 6 : 0);
  const history = () =>
    historyOf(today, [
      { skuId: 1, units: () => 10, onHand: 500 },
      { skuId: 2, units: everyThirdWeek, onHand: 500 },
    ]);

  test('a SKU selling every week is smooth (ADI 1, CV² 0); one selling every third week is intermittent (ADI 3)', () => {
    const plan = planOf({ today, history: history(), skus: [skuInput(1), skuInput(2)] });
    const smooth = shipLine(plan, 1);
    expect(smooth.demandInterval).toBe(1);
    expect(smooth.demandCv2).toBeCloseTo(0, 12);
    expect(['ma', 'ses', 'holt', 'holtDamped', 'holtWinters']).toContain(smooth.method);
    const sparse = shipLine(plan, 2);
    expect(sparse.demandInterval).toBeCloseTo(3, 1);
    expect(sparse.demandCv2).toBeCloseTo(0, 12);
    expect(['ses', 'croston', 'sba', 'tsb']).toContain(sparse.method);
  });

  test('with the method set by the seller no pattern is read (NaN), and the columns carry it to the page', () => {
    const plan = planOf({ today, history: history(), skus: [skuInput(1, { method: 'holt' }), skuInput(2)] });
    expect(shipLine(plan, 1).demandInterval).toBeNaN();
    expect(shipLine(plan, 1).demandCv2).toBeNaN();
    const line = unpackPlan(packPlan(plan)).ship.find((l) => l.skuId === 2)!;
    expect(line.demandInterval).toBe(shipLine(plan, 2).demandInterval);
  });
});

describe('the ship-by date keeps the FBA floor as well as safety stock', () => {
  // 10 a day, no spread and a fixed 40-day leg (SS = 0), 600 at FBA: T = 540, so only the floor asks
  // for more: 280 + 400 − 600 = 80, shipped today, lands on day 40 with 600 − 400 + 80 = 280 left.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 600 }]);
  const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)] }), 1);

  test('stock falls below the floor (280) on day 33, so the shipment must leave today, not on day 21', () => {
    expect(line.safetyStock).toBe(0);
    expect(line.shipSea).toBe(80);
    expect(line.shipByDay).toBe(T0);
    expect(projectWith(line, 10, 40, [{ day: 40, units: line.shipSea }])[40]).toBeGreaterThanOrEqual(line.floorUnits);
  });

  test('with a floor below safety stock, safety stock sets the date', () => {
    // 600 at FBA, a 40 ± 5-day leg (SS ≈ 103), a 2-day floor (20): below SS when 600 − 10t < SS.
    const spread = shipLine(planOf({ today: TODAY, history: historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 600 }]), skus: [skuInput(1)], series: [{ sea: { meanDays: 40, sdDays: 5 } }], settings: { fbaFloorDays: 2 } }), 1);
    expect(spread.safetyStock).toBeGreaterThan(20);
    expect(spread.shipSea).toBeGreaterThan(0);
    const belowSafety = Math.floor((600 - spread.safetyStock) / 10) + 1;
    expect(belowSafety - 40).toBeGreaterThan(0);
    expect(spread.shipByDay).toBe(T0 + belowSafety - 40);
  });
});

describe('what-if delay of a shipment already overdue', () => {
  // 10 a day, 20 at FBA, 400 due 5 days ago (not yet checked in): taken to arrive tomorrow.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 20 }]);
  const scenario = { today: TODAY, history, skus: [skuInput(1)], series: [{ inbound: [{ day: T0 - 5, units: 400 }] }], settings: { fbaFloorDays: 14 } };

  test('arrivalStep: overdue arrives tomorrow, and a delay moves it from there', () => {
    expect(arrivalStep(T0 - 5, T0, 0)).toBe(1);
    expect(arrivalStep(T0 - 5, T0, 5)).toBe(6);
    expect(arrivalStep(T0 + 10, T0, 5)).toBe(15);
  });

  test('a 5-day delay makes it land on day 6, after the 20 on hand run out on day 2', () => {
    expect(shipLine(planOf(scenario), 1).stockoutDay).toBe(T0 + 42);
    expect(shipLine(planOf({ ...scenario, whatIf: { delayDays: 5 } }), 1).stockoutDay).toBe(T0 + 2);
  });
});

describe('stock in transit that no ship line counts', () => {
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);

  test('is in the buy position, and so in what is bought', () => {
    const without = buyLine(planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 0 })] }), 1);
    const withTransit = buyLine(planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 0, otherInboundUnits: 300 })] }), 1);
    expect(without.otherInboundUnits).toBe(0);
    expect(withTransit.otherInboundUnits).toBe(300);
    expect(withTransit.networkPosition).toBe(without.networkPosition + 300);
    expect(withTransit.rawQty).toBeCloseTo(Math.max(0, without.rawQty - 300), 9);
  });

  test('on its way to an FBA location where the SKU has no line, it takes capacity room there', () => {
    // Room for 1,000 at US: SKU 1 holds 400, SKU 2 (no series at US) has 300 on the way there.
    const scenario = { today: TODAY, history, skus: [skuInput(1), skuInput(2)], capacity: [[FBA_US, 1_000]] as [number, number | null][], settings: { fbaFloorDays: 14 } };
    expect(shipLine(planOf(scenario), 1).capacityRoomUnits).toBe(600);
    expect(shipLine(planOf({ ...scenario, unlinedFbaInbound: [{ skuId: 2, locationId: FBA_US, units: 300 }] }), 1).capacityRoomUnits).toBe(300);
  });
});

describe('a line left with nothing to ship has no ship-by date', () => {
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 400 }]);

  test('nothing at home', () => {
    const wanted = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)], settings: { fbaFloorDays: 14 } }), 1);
    expect(wanted.shipSea).toBeGreaterThan(0);
    expect(wanted.shipByDay).toBe(T0);
    const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1, { domesticUnits: 0 })], settings: { fbaFloorDays: 14 } }), 1);
    expect(line.shipSea + line.shipAir).toBe(0);
    expect(line.shipByDay).toBeNaN();
  });

  test('FBA capacity full', () => {
    const line = shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)], capacity: [[FBA_US, 400]], settings: { fbaFloorDays: 14 } }), 1);
    expect(line.cutByCapacity).toBeGreaterThan(0);
    expect(line.shipSea + line.shipAir).toBe(0);
    expect(line.shipByDay).toBeNaN();
  });
});

describe('the sums the explanation shows add up to the numbers', () => {
  // 10 a day, a 40.4-day sea leg, demand tripled on days 41–54 ahead: the sums over the days are
  // not d · L, and the explanation shows them.
  const history = historyOf(TODAY, [{ skuId: 1, units: constant(10), onHand: 300 }]);
  const plan = planOf({
    today: TODAY,
    history,
    skus: [skuInput(1, { otherInboundUnits: 50 })],
    series: [{ sea: { meanDays: 40.4, sdDays: 4 } }],
    whatIf: { uplift: { fromDay: T0 + 41, toDay: T0 + 54, fraction: 2 } },
  });
  const line = shipLine(plan, 1);
  const buy = buyLine(plan, 1);

  test('ship line: ROP = forecast over round(L) days + SS, T = over L + R days + SS, sea = the formula shown', () => {
    expect(line.leadDemand).toBeCloseTo(400, 3);
    expect(line.coverDemand).toBeCloseTo(40 * 10 + 14 * 30, 3);
    expect(line.reorderPoint).toBe(line.leadDemand + line.safetyStock);
    expect(line.orderUpTo).toBe(line.coverDemand + line.safetyStock);
    const wanted = Math.max(0, line.orderUpTo - line.position, line.floorUnits + line.leadDemand - line.position) - line.shipAir;
    expect(line.shipSea).toBe(Math.ceil(wanted - 1e-9));
  });

  test('buy line: the same sums, and the position with the units in transit elsewhere', () => {
    expect(buy.reorderPoint).toBe(buy.leadDemand + buy.safetyStock);
    expect(buy.orderUpTo).toBe(buy.coverDemand + buy.safetyStock);
    expect(buy.networkPosition).toBe(100_000 + 300 + 50);
  });
});

describe('the seller’s own forecast (units per day) in place of the computed one', () => {
  // The flat SKU of the first scenario (10 ± 5 a day, 300 on hand, 25 reserved, 100 landing on day
  // 20, 40 ± 10 days by sea), the moving average forced so the computed forecast is plain arithmetic.
  const history = historyOf(TODAY, [{ skuId: 1, units: noisy(10, 5, 7), onHand: 300 }]);
  const series = { sea: { meanDays: 40, sdDays: 10 }, inbound: [{ day: T0 + 20, units: 100 }], reservedUnits: 25 };
  const planWith = (rateOverride?: PlanSeriesInput['rateOverride'], whatIf?: PlanInput['whatIf']) =>
    planOf({ today: TODAY, history, skus: [skuInput(1, { method: 'ma' })], series: [{ ...series, ...(rateOverride ? { rateOverride } : {}) }], ...(whatIf ? { whatIf } : {}) });
  const computed = shipLine(planWith(), 1);
  const recent = Array.from(history.units).slice(-182);
  const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
  const sd = Math.sqrt(recent.reduce((a, b) => a + (b - mean) ** 2, 0) / (recent.length - 1));

  test('20 a day with no end: every sum and the safety stock follow the rate, checked by hand', () => {
    const line = shipLine(planWith({ unitsPerDay: 20, untilDay: Infinity }), 1);
    expect(line.rateOverride).toBe(20);
    expect(line.rateOverrideUntilDay).toBe(Infinity);
    // The computed method is still named (the explanation shows what the rate replaced).
    expect(line.method).toBe('ma');
    expect(line.dailyDemand).toBeCloseTo(20, 4);
    expect(line.leadDemand).toBeCloseTo(20 * 40, 3);
    expect(line.coverDemand).toBeCloseTo(20 * (40 + DEFAULT_PLAN_SETTINGS.shipReviewDays), 3);
    // σd at the rate: Poisson's √20 plus the history's dispersion beyond Poisson, at the new rate.
    const dispersion = Math.max(0, (sd * sd - mean) / (mean * mean));
    const sdAtRate = Math.sqrt(20 + dispersion * 400);
    expect(line.sdDaily).toBeCloseTo(sdAtRate, 6);
    const ss = Z_98 * Math.sqrt(40 * sdAtRate ** 2 + 20 ** 2 * 10 ** 2);
    expect(line.safetyStock).toBeCloseTo(ss, 3);
    expect(line.shipSea + line.shipAir).toBe(Math.ceil(20 * 54 + ss - 375 - 1e-9));
    // 275 sellable, 20 a day: out on day 14 (the 100 land on day 20).
    expect(line.stockoutDay).toBe(T0 + 14);
  });

  test('until day 10: the rate for 10 days, then the computed forecast; σd weighs the two by those days', () => {
    const line = shipLine(planWith({ unitsPerDay: 20, untilDay: T0 + 10 }), 1);
    const computedPerDay = computed.leadDemand / 40;
    expect(line.leadDemand).toBeCloseTo(20 * 10 + computedPerDay * 30, 2);
    expect(line.rateOverrideUntilDay).toBe(T0 + 10);
    // 10 of the 54 days of lead time and review at the rate's spread, 44 at the history's.
    const rateSd = sdUnderRate(sd, mean, 20);
    expect(line.sdDaily).toBeCloseTo(Math.sqrt((10 / 54) * rateSd ** 2 + (44 / 54) * sd ** 2), 6);
    expect(line.sdDaily).toBeLessThan(rateSd);
  });

  test('a SKU that sold a unit every ten days, set to 20 a day: the spread of 20 random sales a day, not its own noise scaled up', () => {
    const sparse = historyOf(TODAY, [{ skuId: 1, units: (day) => (day % 10 === 0 ? 1 : 0), onHand: 50 }]);
    const line = shipLine(planOf({ today: TODAY, history: sparse, skus: [skuInput(1)], series: [{ rateOverride: { unitsPerDay: 20, untilDay: Infinity } }] }), 1);
    expect(line.sdDaily).toBeCloseTo(Math.sqrt(20), 6);
  });

  test('an override that has ended changes nothing', () => {
    const line = shipLine(planWith({ unitsPerDay: 20, untilDay: T0 }), 1);
    expect(line.rateOverride).toBeNaN();
    expect(line.rateOverrideUntilDay).toBeNaN();
    expect(line).toEqual(computed);
  });

  test('0 a day (phasing out): nothing to ship, no safety stock, no stockout', () => {
    const plan = planWith({ unitsPerDay: 0, untilDay: Infinity });
    const line = shipLine(plan, 1);
    expect([line.dailyDemand, line.leadDemand, line.coverDemand, line.sdDaily, line.safetyStock, line.shipSea, line.shipAir]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(line.stockoutDay).toBeNaN();
    expect(buyLine(plan, 1).forecast30Units).toBe(0);
  });

  test('a what-if uplift still applies on top of the rate', () => {
    const line = shipLine(planWith({ unitsPerDay: 20, untilDay: Infinity }, { uplift: { fromDay: T0, toDay: T0 + 400, fraction: 0.5 } }), 1);
    expect(line.dailyDemand).toBeCloseTo(30, 4);
  });

  test('σd under a rate r: √(r + φ·r²), φ the history’s dispersion beyond Poisson, (s² − m) ÷ m² at least 0', () => {
    // Poisson-like history (s² = m): √r.
    expect(sdUnderRate(2, 4, 9)).toBe(3);
    // Less spread than Poisson, or no history at all: √r.
    expect(sdUnderRate(0.5, 4, 9)).toBe(3);
    expect(sdUnderRate(0, 0, 9)).toBe(3);
    // Lumpy: s = 3 on m = 1, φ = (9 − 1) ÷ 1 = 8; at r = 2: √(2 + 8 · 4) = √34.
    expect(sdUnderRate(3, 1, 2)).toBeCloseTo(Math.sqrt(34), 12);
    expect(sdUnderRate(3, 10, 0)).toBe(0);
  });

  test('a launch: a SKU that never sold in Germany gets a line there from the seller’s rate alone', () => {
    const launched = withLaunchSeries(history, [{ skuId: 2, locationId: FBA_DE, marketplace: 'DE' }]);
    const planAt = (domesticUnits: number) =>
      planOf({
        today: TODAY,
        history: launched,
        skus: [skuInput(1), skuInput(2, { domesticUnits })],
        series: [{}, { rateOverride: { unitsPerDay: 5, untilDay: Infinity } }],
      });
    const plan = planAt(100_000);
    const line = shipLine(plan, 2, FBA_DE);
    expect(line.marketplace).toBe('DE');
    expect(line.onHand).toBe(0);
    expect(line.dailyDemand).toBeCloseTo(5, 6);
    expect(line.sdDaily).toBeCloseTo(Math.sqrt(5), 6);
    expect(line.stockoutDay).toBe(T0 + 1);
    // Air (7 days) bridges until sea lands on day 40: 33 days × 5.
    expect(line.shipAir).toBe(165);
    // Sea brings the rest up to T, or to the 28-day floor once it lands if that is more (it is here).
    expect(line.shipSea).toBe(Math.ceil(Math.max(5 * 54 + line.safetyStock, 28 * 5 + 5 * 40) - 165 - 1e-9));
    // Nothing at home: nothing ships yet, and the buy line orders production + sea + review = 30 + 40 + 30 days of it and more.
    const empty = planAt(0);
    expect(shipLine(empty, 2, FBA_DE).shortAtHome).toBe(line.shipAir + line.shipSea);
    const buy = buyLine(empty, 2);
    expect(buy.coverDemand).toBeCloseTo(5 * 100, 3);
    expect(buy.buyQty).toBe(Math.ceil(5 * 100 + buy.safetyStock - 1e-9));
    // SKU 1's line is the same as without the launch.
    expect(shipLine(plan, 1).dailyDemand).toBeCloseTo(shipLine(planOf({ today: TODAY, history, skus: [skuInput(1)] }), 1).dailyDemand, 9);
  });
});
