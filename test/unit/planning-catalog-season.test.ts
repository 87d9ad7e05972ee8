// The catalog's season (shared/planning/catalogSeason.ts): read from the sum of every series' weeks,
// taken out of each series' history and put back into its forecast by the plan.
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { catalogSeasonIndex, catalogSeasonOf, MIN_SEASON_PAIRS, positionOf, SEASON_WEEKS } from '../../shared/planning/catalogSeason';
import type { DemandHistory } from '../../shared/planning/demandHistory';
import { buildPlan, DEFAULT_PLAN_SETTINGS } from '../../shared/planning/plan';
import type { PlanSeriesInput } from '../../shared/planning/plan';

/** A known season by position: a Q4-like bump over 8 weeks, scaled to a geometric mean of 1. */
function knownSeason(): Float64Array {
  const logs = Float64Array.from({ length: SEASON_WEEKS }, (_, p) => (p >= 10 && p < 18 ? Math.log(1.6) : p === 30 ? Math.log(1.3) : 0));
  const mean = logs.reduce((a, b) => a + b, 0) / SEASON_WEEKS;
  return logs.map((l) => Math.exp(l - mean));
}

/** Weekly totals, oldest first, the last week at position 0: base × growth per week^w × season. */
function totalsOf(weeks: number, base: number, growthPerWeek: number, season: Float64Array | null): Float64Array {
  return Float64Array.from({ length: weeks }, (_, w) => base * growthPerWeek ** w * (season ? season[positionOf(weeks - 1 - w)]! : 1));
}

/** A seeded generator in [0, 1) and Poisson counts from it (Knuth), so noisy weeks repeat exactly. */
function poissonFrom(seed: number): (mean: number) => number {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return (mean) => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = next(); p > limit; p *= next()) k++;
    return k;
  };
}

describe('positionOf', () => {
  test('counts weeks back from the last week, modulo 52; the weeks ahead come before it in the year', () => {
    expect([positionOf(0), positionOf(1), positionOf(51), positionOf(52), positionOf(53)]).toEqual([0, 1, 51, 0, 1]);
    expect([positionOf(-1), positionOf(-52), positionOf(-53)]).toEqual([51, 0, 51]);
  });
});

describe('catalogSeasonIndex', () => {
  test('two years of a clean catalog give back its season, with a growing trend taken out', () => {
    const season = knownSeason();
    const result = catalogSeasonIndex(totalsOf(104, 50_000, 1.004, season));
    expect(result.pairs).toBe(52);
    expect(result.weight).toBeGreaterThan(0.999);
    for (let p = 0; p < SEASON_WEEKS; p++) expect(result.index[p]).toBeCloseTo(season[p]!, 2);
  });

  test('growth alone is no season: every index is 1', () => {
    const result = catalogSeasonIndex(totalsOf(104, 5_000, 1.01, null));
    expect(result.pairs).toBe(52);
    for (const value of result.index) expect(value).toBeCloseTo(1, 9);
  });

  test(`fewer than ${MIN_SEASON_PAIRS} weeks seen a year apart: no season, every index exactly 1`, () => {
    const short = catalogSeasonIndex(totalsOf(SEASON_WEEKS + MIN_SEASON_PAIRS - 1, 50_000, 1, knownSeason()));
    expect(short.pairs).toBe(MIN_SEASON_PAIRS - 1);
    expect(short.weight).toBe(0);
    expect([...short.index].every((value) => value === 1)).toBe(true);
    expect(catalogSeasonIndex([]).weight).toBe(0);
  });

  test('weeks with nothing sold (or not a number) are left out, not read as a collapse', () => {
    const totals = totalsOf(104, 50_000, 1, knownSeason());
    totals[40] = 0;
    totals[41] = Number.NaN;
    totals[90] = -3;
    const result = catalogSeasonIndex(totals);
    expect(result.pairs).toBe(52 - 3);
    for (let p = 0; p < SEASON_WEEKS; p++) {
      expect(Number.isFinite(result.index[p]!)).toBe(true);
      expect(result.index[p]).toBeCloseTo(knownSeason()[p]!, 2);
    }
  });

  test('a small catalog with no season (a few units a week of chance) keeps its index near 1', () => {
    const poisson = poissonFrom(7);
    const totals = Float64Array.from({ length: 104 }, () => poisson(6));
    const result = catalogSeasonIndex(totals);
    expect(result.weight).toBeLessThan(0.35);
    for (const value of result.index) expect(Math.abs(Math.log(value))).toBeLessThan(0.35);
  });

  test('a small catalog with a strong season keeps most of it', () => {
    const poisson = poissonFrom(11);
    const season = knownSeason();
    const totals = Float64Array.from({ length: 104 }, (_, w) => poisson(60 * season[positionOf(103 - w)]!));
    const result = catalogSeasonIndex(totals);
    expect(result.weight).toBeGreaterThan(0.5);
    expect(result.index[12]!).toBeGreaterThan(1.2);
  });
});

/** `count` series of one SKU each, `days` days ending `today`, selling `perDay(day, s)` with no stockout. */
function catalogHistory(today: string, count: number, perDay: (day: number, s: number) => number, days = 730): DemandHistory {
  const firstDay = dayNumber(today) - days + 1;
  const units = new Float32Array(count * days);
  for (let s = 0; s < count; s++) for (let i = 0; i < days; i++) units[s * days + i] = perDay(firstDay + i, s);
  return {
    firstDay,
    days,
    series: Array.from({ length: count }, (_, s) => ({ skuId: s + 1, locationId: 10, marketplace: 'US' })),
    units,
    stockout: new Uint8Array(count * days),
    onHand: new Float64Array(count).fill(1_000),
  };
}

/** The plan of a catalog history with every SKU at 1 000 units and no inbound stock. */
function planOfCatalog(history: DemandHistory, today: string) {
  const series = new Map<number, PlanSeriesInput[]>();
  history.series.forEach((s, seriesIndex) => series.set(s.skuId, [{ seriesIndex, sea: { meanDays: 40, sdDays: 0 }, air: { meanDays: 7, sdDays: 0 }, inbound: [], reservedUnits: 0, amazonRecommendedUnits: null }]));
  return buildPlan({
    settings: { ...DEFAULT_PLAN_SETTINGS, todayDay: dayNumber(today) },
    history,
    skus: history.series.map((s) => ({ skuId: s.skuId, casePack: 1, moq: 0, supplierId: 1, unitCostMinor: 1_000, domesticUnits: 100_000, onOrder: [], buyLeadTime: { meanDays: 30, sdDays: 0 } })),
    series,
    capacityUnits: new Map(),
  });
}

describe('the plan with the catalog season', () => {
  // Thirty small SKUs, each about one unit a day with its own chance, all lifted by the retail
  // calendar: +60% around early December, peaking 40–50 days after the plan's today (1 October).
  // One SKU's weeks are too noisy to learn that from; the catalog's are not.
  const today = '2026-10-01';
  const q4 = (day: number) => {
    const dayOfYear = (day - dayNumber('2025-01-01') + 365 * 4) % 365;
    return 1 + 0.6 * Math.exp(-(((dayOfYear - 338) / 18) ** 2) / 2);
  };

  test('every SKU forecasts the Q4 run-up that the catalog saw last year, and the line says by how much', () => {
    const poisson = poissonFrom(5);
    const history = catalogHistory(today, 30, (day) => poisson(q4(day)));
    const season = catalogSeasonOf(history);
    expect(season.weight).toBeGreaterThan(0.5);
    const plan = planOfCatalog(history, today);
    for (const line of plan.ship) {
      // Over the 40-day sea leg and 14-day review from 1 October the catalog sells ~20% more than in September.
      expect(line.seasonFactor).toBeGreaterThan(1.1);
      expect(line.seasonFactor).toBeLessThan(1.5);
    }
    // Summed over the catalog, the forecast over lead time + review follows the season, not September's rate.
    const forecast = plan.ship.reduce((sum, line) => sum + line.dailyDemand, 0);
    let september = 0;
    for (let s = 0; s < 30; s++) for (let d = history.days - 28; d < history.days; d++) september += history.units[s * history.days + d]! / 28;
    expect(forecast / september).toBeGreaterThan(1.1);
  });

  test('a catalog that sells the same every day has no season: every factor is exactly 1', () => {
    const history = catalogHistory(today, 5, () => 3);
    expect(catalogSeasonOf(history).weight).toBe(0);
    const plan = planOfCatalog(history, today);
    for (const line of plan.ship) {
      expect(line.seasonFactor).toBe(1);
      expect(line.dailyDemand).toBeCloseTo(3, 9);
    }
  });

  test('with under a year and a quarter of history no season is read', () => {
    const poisson = poissonFrom(9);
    const history = catalogHistory(today, 30, (day) => poisson(q4(day)), 7 * 60);
    expect(catalogSeasonOf(history).weight).toBe(0);
    expect(planOfCatalog(history, today).ship.every((line) => line.seasonFactor === 1)).toBe(true);
  });
});
