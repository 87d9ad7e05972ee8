// Shipping from a 3PL near FBA (PRODUCT §4.4: "what to ship from the domestic warehouse (or a 3PL) to
// each FBA marketplace"; shared/planning/plan.ts): a 3PL with a known route to an FBA location ships
// there first, on its own shorter leg, what the line needs over that leg; its leftover counts against
// home's need; home sends the rest by sea (and air for the bridge, less the 3PL's units where they land
// no later than air). Scenario tests of buildPlan on flat, hand-checkable histories: 10 units a day
// every day (so d = 10 and σd = 0), lead times without spread (so SS = 0 and the FBA floor of 28 days,
// 280 units, decides), review 14 days, case pack 10.
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { buildPlan, DEFAULT_PLAN_SETTINGS } from '../../shared/planning/plan';
import type { NearOrigin, NearStock, Plan, PlanInput, PlanOwnSeriesInput, PlanSeriesInput, PlanSettings, PlanSkuInput, ShipLine } from '../../shared/planning/plan';
import type { DemandHistory } from '../../shared/planning/demandHistory';

const TODAY = '2026-03-02';
const T0 = dayNumber(TODAY);
const DAYS = 730;
const FIRST_DAY = T0 - DAYS + 1;
const DOMESTIC = 1;
const TPL = 3;
const TPL_2 = 4;
const FBA_US = 10;
const FBA_DE = 11;
const MARKETPLACE: Record<number, string> = { [FBA_US]: 'US', [FBA_DE]: 'DE' };

interface SeriesSpec {
  skuId: number;
  locationId: number;
  perDay: number;
  onHand: number;
}

/** DAYS days ending today: per series, the same units sold every day, never out of stock. */
function flatHistory(specs: readonly SeriesSpec[], marketplaceOf: (locationId: number) => string = (id) => MARKETPLACE[id]!): DemandHistory {
  const units = new Float32Array(specs.length * DAYS);
  specs.forEach((spec, s) => units.fill(spec.perDay, s * DAYS, (s + 1) * DAYS));
  return {
    firstDay: FIRST_DAY,
    days: DAYS,
    series: specs.map(({ skuId, locationId }) => ({ skuId, locationId, marketplace: marketplaceOf(locationId) })),
    units,
    stockout: new Uint8Array(specs.length * DAYS),
    onHand: Float64Array.from(specs.map((spec) => spec.onHand)),
  };
}

/** Case pack 10, plenty at home, the moving average forced so d is plain arithmetic. */
function skuInput(skuId: number, overrides: Partial<PlanSkuInput> = {}): PlanSkuInput {
  return { skuId, casePack: 10, moq: 0, supplierId: 1, unitCostMinor: 1_000, domesticUnits: 10_000, onOrder: [], buyLeadTime: { meanDays: 30, sdDays: 0 }, method: 'ma', ...overrides };
}

/** Sea in 45 days; air in 45 too unless a test wants a bridge (air no faster than sea: none). */
function seriesInput(seriesIndex: number, overrides: Partial<PlanSeriesInput> = {}): PlanSeriesInput {
  return { seriesIndex, sea: { meanDays: 45, sdDays: 0 }, air: { meanDays: 45, sdDays: 0 }, inbound: [], reservedUnits: 0, amazonRecommendedUnits: null, ...overrides };
}

const near = (locationId: number, meanDays: number, sdDays = 0): NearOrigin => ({ locationId, lead: { meanDays, sdDays } });
const stock = (locationId: number, units: number): NearStock => ({ locationId, units });

interface Scenario {
  history: DemandHistory;
  skus: PlanSkuInput[];
  /** Per series index: overrides of its plan input. */
  series?: Partial<PlanSeriesInput>[];
  capacity?: [number, number | null][];
  settings?: Partial<Omit<PlanSettings, 'todayDay'>>;
  own?: DemandHistory;
  whatIf?: PlanInput['whatIf'];
}

function inputOf(scenario: Scenario): PlanInput {
  const series = new Map<number, PlanSeriesInput[]>();
  scenario.history.series.forEach((s, index) => series.set(s.skuId, [...(series.get(s.skuId) ?? []), seriesInput(index, scenario.series?.[index] ?? {})]));
  let own: PlanInput['own'];
  if (scenario.own) {
    const ownSeries = new Map<number, PlanOwnSeriesInput[]>();
    scenario.own.series.forEach((s, seriesIndex) => ownSeries.set(s.skuId, [...(ownSeries.get(s.skuId) ?? []), { seriesIndex }]));
    own = { history: scenario.own, series: ownSeries };
  }
  return {
    settings: { ...DEFAULT_PLAN_SETTINGS, ...scenario.settings, todayDay: T0 },
    history: scenario.history,
    skus: scenario.skus,
    series,
    capacityUnits: new Map(scenario.capacity ?? []),
    ...(own ? { own } : {}),
    ...(scenario.whatIf ? { whatIf: scenario.whatIf } : {}),
  };
}

const planOf = (scenario: Scenario): Plan => buildPlan(inputOf(scenario));

function shipLine(plan: Plan, skuId: number, locationId = FBA_US): ShipLine {
  const line = plan.ship.find((l) => l.skuId === skuId && l.locationId === locationId);
  if (!line) throw new Error(`no ship line for SKU ${skuId} at ${locationId}`);
  return line;
}

const NEAR_FIELDS = ['nearLocationId', 'nearLeadDays', 'nearNeedUnits', 'shipNear', 'nearCountedUnits', 'nearShipByDay'] as const;

/** The near fields of a line that ships nothing from a 3PL: NaN for the place, lead and date, 0 for the units. */
function expectNoNear(line: ShipLine): void {
  expect(line.nearLocationId).toBeNaN();
  expect(line.nearLeadDays).toBeNaN();
  expect(line.nearNeedUnits).toBe(0);
  expect(line.shipNear).toBe(0);
  expect(line.nearCountedUnits).toBe(0);
  expect(line.nearShipByDay).toBeNaN();
}

/**
 * The one-line scenario most tests start from, checked by hand: 10 a day at FBA US, 300 there, sea 45
 * days, nothing inbound. Without a 3PL: T = 10 × (45 + 14) = 590, so T − IP = 290; the floor wants
 * 280 + 10 × 45 − 300 = 430 when sea lands: ship 430 by sea. Stock falls below the floor (280) on day 3
 * (300 − 30 = 270) and runs out on day 30.
 * A 3PL 7 days away: it must cover max(10 × (7 + 14) − 300, 280 + 10 × 7 − 300) = max(−90, 50) = 50.
 */
function oneLine(overrides: { onHand?: number; series?: Partial<PlanSeriesInput>; sku?: Partial<PlanSkuInput>; settings?: Scenario['settings']; capacity?: Scenario['capacity']; own?: DemandHistory } = {}): Scenario {
  return {
    history: flatHistory([{ skuId: 1, locationId: FBA_US, perDay: 10, onHand: overrides.onHand ?? 300 }]),
    skus: [skuInput(1, overrides.sku)],
    series: [overrides.series ?? {}],
    ...(overrides.settings ? { settings: overrides.settings } : {}),
    ...(overrides.capacity ? { capacity: overrides.capacity } : {}),
    ...(overrides.own ? { own: overrides.own } : {}),
  };
}

describe('(a) without a near 3PL the plan is the plan it was', () => {
  // A mixed catalog: an air bridge (SKU 1), inbound and reserved units (SKU 2), two marketplaces
  // (SKU 3), a capacity limit at FBA DE, own-warehouse sales (SKU 2 at home).
  const history = flatHistory([
    { skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 },
    { skuId: 2, locationId: FBA_US, perDay: 4, onHand: 90 },
    { skuId: 3, locationId: FBA_US, perDay: 6, onHand: 500 },
    { skuId: 3, locationId: FBA_DE, perDay: 3, onHand: 40 },
  ]);
  const own = flatHistory([{ skuId: 2, locationId: DOMESTIC, perDay: 1, onHand: 50 }], () => 'domestic:1');
  const skus = [skuInput(1), skuInput(2, { domesticUnits: 300, casePack: 6 }), skuInput(3, { domesticUnits: 250 })];
  const series: Partial<PlanSeriesInput>[] = [{ air: { meanDays: 7, sdDays: 0 } }, { inbound: [{ day: T0 + 20, units: 60 }], reservedUnits: 5 }, {}, { air: { meanDays: 9, sdDays: 1 } }];
  const capacity: [number, number | null][] = [[FBA_DE, 200]];
  const base = planOf({ history, skus, series, capacity, own });

  test('every new near field is NaN or 0 on every line', () => {
    expect(base.ship).toHaveLength(4);
    for (const line of base.ship) expectNoNear(line);
    // The scenario is not idle: it ships by sea and air, and capacity cuts at DE.
    expect(shipLine(base, 1).shipAir).toBeGreaterThan(0);
    expect(base.ship.reduce((sum, l) => sum + l.shipSea, 0)).toBeGreaterThan(0);
    expect(shipLine(base, 3, FBA_DE).cutByCapacity + shipLine(base, 3, FBA_DE).shortAtHome).toBeGreaterThan(0);
  });

  test('origins with no stock there, stock at no origin, or empty lists: the same plan, number for number', () => {
    const variants: { name: string; skus: PlanSkuInput[]; series: Partial<PlanSeriesInput>[] }[] = [
      { name: 'origins, no near stock', skus, series: series.map((s) => ({ ...s, near: [near(TPL, 7)] })) },
      { name: 'empty lists', skus: skus.map((s) => ({ ...s, nearUnits: [] })), series: series.map((s) => ({ ...s, near: [] })) },
      { name: 'an origin whose stock is 0', skus: skus.map((s) => ({ ...s, nearUnits: [stock(TPL, 0)] })), series: series.map((s) => ({ ...s, near: [near(TPL, 7)] })) },
    ];
    for (const variant of variants) {
      const plan = planOf({ history, skus: variant.skus, series: variant.series, capacity, own });
      expect(plan, variant.name).toEqual(base);
    }
  });

  test('stock at a 3PL with no route to the line: ship lines as before (the buy line counts it, see (h))', () => {
    const plan = planOf({ history, skus: skus.map((s) => ({ ...s, nearUnits: [stock(TPL_2, 500)] })), series: series.map((s) => ({ ...s, near: [near(TPL, 7)] })), capacity, own });
    expect(plan.ship).toEqual(base.ship);
  });

  test('the one-line scenario by hand: 430 by sea, no air (air is no faster than sea)', () => {
    const line = shipLine(planOf(oneLine()), 1);
    expect(line.dailyDemand).toBe(10);
    expect(line.safetyStock).toBe(0);
    expect(line.floorUnits).toBe(280);
    expect(line.orderUpTo).toBe(590);
    expect([line.shipSea, line.shipAir]).toEqual([430, 0]);
    expect(line.stockoutDay).toBe(T0 + 30);
    expectNoNear(line);
  });
});

describe('(b) a 3PL with plenty, 7 days from FBA against 45 by sea', () => {
  const without = shipLine(planOf(oneLine()), 1);
  // Pool 205: the line takes its 50, the 155 left count against the sea need: 430 − 50 − 155 = 225,
  // 230 in case packs of 10.
  const plan = planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 205)] } }));
  const line = shipLine(plan, 1);

  test('the line ships from the 3PL what it needs over the 3PL’s leg: 50, in case packs', () => {
    expect(line.nearLocationId).toBe(TPL);
    expect(line.nearLeadDays).toBe(7);
    expect(line.nearNeedUnits).toBe(50);
    expect(line.shipNear).toBe(line.nearNeedUnits);
    expect(line.shipNear % 10).toBe(0);
  });

  test('home’s sea is what is still needed: 430 less the 50 shipped and the 150 counted (whole packs of the 155 left), 230', () => {
    expect(without.shipSea).toBe(430);
    expect(line.nearCountedUnits).toBe(150);
    expect(line.shipSea).toBe(230);
    expect(line.shipAir).toBe(0);
    expect(line.shipSea % 10).toBe(0);
    // Nothing the line wanted is lost: the 3PL's and home's together cover the 430.
    expect(line.shipNear + line.nearCountedUnits + line.shipSea).toBeGreaterThanOrEqual(430);
    expect(line.shortAtHome).toBe(0);
  });

  test('the numbers of the sea leg are the same as without the 3PL', () => {
    for (const field of ['dailyDemand', 'safetyStock', 'orderUpTo', 'position', 'stockoutDay', 'shipByDay'] as const) expect(line[field], field).toBe(without[field]);
  });

  test('ship by from the 3PL: below the floor on day 3, less its 7 days, is before today: today', () => {
    expect(line.nearShipByDay).toBe(T0);
    expect(line.shipByDay).toBe(T0);
  });

  test('with a 30-day review and 360 at FBA, the 3PL’s ship-by is day 9 − 7 = today + 2', () => {
    // T over the 3PL's leg: 10 × (7 + 30) = 370 − 360 = 10 (the floor: 280 + 70 − 360 < 0). Below the
    // floor when 360 − 10t < 280: day 9. By sea: max(10 × 75 − 360, 280 + 450 − 360) = 390.
    const later = shipLine(planOf(oneLine({ onHand: 360, settings: { shipReviewDays: 30 }, series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 1_000)] } })), 1);
    expect(later.nearNeedUnits).toBe(10);
    expect(later.shipNear).toBe(10);
    expect(later.nearShipByDay).toBe(T0 + 2);
    // The rest of the 3PL's 990 counts against the 390 − 10 = 380 still needed: home sends nothing.
    expect(later.nearCountedUnits).toBe(380);
    expect(later.shipSea).toBe(0);
    expect(later.shipByDay).toBeNaN();
  });

  test('a line with enough at FBA for the 3PL’s leg needs nothing from it; the 3PL’s stock still counts against sea', () => {
    // 500 at FBA: over 7 days max(210 − 500, 280 + 70 − 500) < 0; by sea 280 + 450 − 500 = 230.
    const full = shipLine(planOf(oneLine({ onHand: 500, series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 100)] } })), 1);
    expect(full.nearLocationId).toBe(TPL);
    expect(full.nearNeedUnits).toBe(0);
    expect(full.shipNear).toBe(0);
    expect(full.nearShipByDay).toBeNaN();
    expect(full.nearCountedUnits).toBe(100);
    expect(full.shipSea).toBe(130);
  });

  test('the 3PL leg’s spread is its safety stock: z · d · σL = 2.053749 × 10 × 2 = 41.07 on the order-up-to over its leg', () => {
    // SS = z · √(L · σd² + d² · σL²) with σd = 0. At a 14-day review the floor decides (50 against
    // 210 + 41.07 − 300 < 0), so the spread changes nothing.
    const spread = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7, 2)] }, sku: { nearUnits: [stock(TPL, 1_000)] } })), 1);
    expect(spread.nearNeedUnits).toBe(50);
    // With a 60-day review: T over the leg = 10 × 67 + 41.07 − 300 = 411.07 → 420; without the spread 370.
    const long = (sd: number) => shipLine(planOf(oneLine({ settings: { shipReviewDays: 60 }, series: { near: [near(TPL, 7, sd)] }, sku: { nearUnits: [stock(TPL, 1_000)] } })), 1);
    expect(long(0).nearNeedUnits).toBe(370);
    expect(long(2).nearNeedUnits).toBe(420);
  });
});

describe('(c) a 3PL short of what the line needs', () => {
  test('ships what it holds in whole case packs (40 of the 50), counts nothing, and sea covers the rest', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 40)] } })), 1);
    expect(line.nearNeedUnits).toBe(50);
    expect(line.shipNear).toBe(40);
    expect(line.nearCountedUnits).toBe(0);
    // 430 − 40 = 390 by sea.
    expect(line.shipSea).toBe(390);
    expect(line.nearShipByDay).toBe(T0);
  });

  test('45 there: 4 packs ship (40), never a part pack; sea still 390 (430 − 40 − up to 5 counted, in packs)', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 45)] } })), 1);
    expect(line.shipNear).toBe(40);
    expect(line.nearCountedUnits).toBeLessThanOrEqual(5);
    expect(line.shipSea).toBe(390);
  });

  test('less than a case pack there (7): nothing ships from it and it has no ship-by date; sea ships the 430', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { nearUnits: [stock(TPL, 7)] } })), 1);
    expect(line.nearLocationId).toBe(TPL);
    expect(line.nearNeedUnits).toBe(50);
    expect(line.shipNear).toBe(0);
    expect(line.nearShipByDay).toBeNaN();
    expect(line.nearCountedUnits).toBeLessThanOrEqual(7);
    expect(line.shipSea).toBe(430);
  });
});

describe('(d) the air bridge', () => {
  // Air in 7 days: stock runs out on day 30, before sea lands (45). From the air arrival (230 left)
  // to day 45 the stock falls to 300 − 450 = −150: air 150; sea max(290 − 150, 430 − 150) = 280.
  const bridged = (nearDays: number, pool: number) =>
    shipLine(planOf(oneLine({ series: { air: { meanDays: 7, sdDays: 0 }, near: [near(TPL, nearDays)] }, sku: { nearUnits: [stock(TPL, pool)] } })), 1);

  test('without a 3PL: 150 by air, 280 by sea', () => {
    const line = shipLine(planOf(oneLine({ series: { air: { meanDays: 7, sdDays: 0 } } })), 1);
    expect([line.shipAir, line.shipSea]).toEqual([150, 280]);
    expect(line.stockoutDay).toBe(T0 + 30);
  });

  test('a 3PL 5 days away (no later than air): its 30 units and the 70 left there bridge first, air 150 → 50', () => {
    // Need over 5 days: max(10 × 19 − 300, 280 + 50 − 300) = 30, shipped: air 150 − 30 = 120. The 70
    // left at the 3PL land before the stockout too (it can send again): air 120 − 70 = 50; sea 280 as before.
    const line = bridged(5, 100);
    expect(line.nearNeedUnits).toBe(30);
    expect(line.shipNear).toBe(30);
    expect(line.shipAir).toBe(50);
    expect(line.nearCountedUnits).toBe(70);
    expect(line.shipSea).toBe(280);
  });

  test('a 3PL exactly as far as air (7 days): 50 ship, 50 counted, air 150 − 100 = 50', () => {
    const line = bridged(7, 100);
    expect(line.nearNeedUnits).toBe(50);
    expect(line.shipNear).toBe(50);
    expect(line.shipAir).toBe(50);
    expect(line.nearCountedUnits).toBe(50);
    expect(line.shipSea).toBe(280);
  });

  test('a 3PL 10 days away (slower than air) still lands before the stockout on day 30: it bridges too', () => {
    // Need over 10 days: max(10 × 24 − 300, 280 + 100 − 300) = 80 → air 150 − 80 = 70, then the 20 left: air 50.
    const line = bridged(10, 100);
    expect(line.nearNeedUnits).toBe(80);
    expect(line.shipNear).toBe(80);
    expect(line.shipAir).toBe(50);
    expect(line.nearCountedUnits).toBe(20);
    expect(line.shipSea).toBe(280);
  });

  test('a 3PL 35 days away lands after the stockout on day 30 and after air: air keeps its 150, the 3PL’s units replace sea', () => {
    // Sea 45 days; the 3PL's 35-day leg: need max(10 × 63 − 300, 280 + 350 − 300) = 330, pool 1,000:
    // 330 ship; sea 280 − 330 → 0 (wanted 430 = 150 air + 280 sea); air stays 150; nothing left to count against sea.
    const line = bridged(35, 1000);
    expect(line.shipNear).toBe(line.nearNeedUnits);
    expect(line.shipAir).toBe(150);
    expect(line.shipSea).toBe(0);
    expect(line.nearCountedUnits).toBe(0);
  });

  test('a 3PL 5 days away holding more than the bridge: air drops to 0, never below', () => {
    // Need 30 < 150: air 120. With the need above the bridge (a 60-day review: 10 × 65 − 300 = 350), air 0.
    const line = shipLine(
      planOf(oneLine({ settings: { shipReviewDays: 60 }, series: { air: { meanDays: 7, sdDays: 0 }, near: [near(TPL, 5)] }, sku: { nearUnits: [stock(TPL, 1_000)] } })),
      1,
    );
    expect(line.nearNeedUnits).toBe(350);
    expect(line.shipNear).toBe(350);
    expect(line.shipAir).toBe(0);
    expect(line.shipSea).toBeGreaterThanOrEqual(0);
  });
});

describe('(e) two FBA lines of one SKU share one 3PL', () => {
  // SKU 1 at FBA US and FBA DE, 300 at each, both 7 days from the 3PL: each needs 50 from it.
  const twoLines = (pool: number, capacity?: Scenario['capacity'], onHandDe = 300): Scenario => ({
    history: flatHistory([
      { skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 },
      { skuId: 1, locationId: FBA_DE, perDay: 10, onHand: onHandDe },
    ]),
    skus: [skuInput(1, { nearUnits: [stock(TPL, pool)] })],
    series: [{ near: [near(TPL, 7)] }, { near: [near(TPL, 7)] }],
    ...(capacity ? { capacity } : {}),
  });

  test('the pool is never over-drawn: Σ (shipNear + nearCountedUnits) ≤ pool, with or without a capacity limit', () => {
    for (const capacity of [undefined, [[FBA_DE, 100_000]] as Scenario['capacity']]) {
      for (const pool of [0, 5, 40, 50, 70, 99, 100, 130, 500, 760, 2_000]) {
        const plan = planOf(twoLines(pool, capacity));
        const lines = plan.ship.filter((l) => l.skuId === 1);
        expect(lines).toHaveLength(2);
        const drawn = lines.reduce((sum, l) => sum + l.shipNear + l.nearCountedUnits, 0);
        expect(drawn, `pool ${pool}, capacity ${capacity ? 'yes' : 'no'}`).toBeLessThanOrEqual(pool);
        for (const l of lines) {
          expect(l.shipNear).toBeLessThanOrEqual(l.nearNeedUnits);
          expect(l.shipNear % 10).toBe(0);
        }
      }
    }
  });

  test('the earlier stockout takes from the pool first: DE with 250 (out on day 25) before US (day 30)', () => {
    // DE needs 280 + 70 − 250 = 100, the pool holds 100: DE takes all; US gets none and ships 430 from home.
    const plan = planOf(twoLines(100, undefined, 250));
    const de = shipLine(plan, 1, FBA_DE);
    const us = shipLine(plan, 1, FBA_US);
    expect([de.nearNeedUnits, de.shipNear, de.nearCountedUnits]).toEqual([100, 100, 0]);
    expect([us.nearNeedUnits, us.shipNear, us.nearCountedUnits, us.shipSea]).toEqual([50, 0, 0, 430]);
    expect(us.nearShipByDay).toBeNaN();
  });

  test('a 3PL holding what both lines need now ships 50 to each; none of it is kept back for a later sea need', () => {
    // Pool 100, each line needs 50 within the 3PL's 7 days (each falls below the floor on day 3; home's
    // sea lands on day 45): 50 + 50 = 100, nothing left to count. Home then sends 430 − 50 = 380 to each.
    // Counting US's other 50 against its sea need (home meets that 45 days out anyway) while DE gets
    // nothing from the 3PL leaves DE below the floor from day 3 and out of stock from day 30 to 45,
    // with the units it needed sitting 7 days away.
    const plan = planOf(twoLines(100));
    const us = shipLine(plan, 1, FBA_US);
    const de = shipLine(plan, 1, FBA_DE);
    expect([us.nearNeedUnits, de.nearNeedUnits]).toEqual([50, 50]);
    expect({ us: [us.shipNear, us.nearCountedUnits, us.shipSea], de: [de.shipNear, de.nearCountedUnits, de.shipSea] }).toEqual({ us: [50, 0, 380], de: [50, 0, 380] });
  });
});

describe('(f) a 3PL no nearer than sea is no origin', () => {
  test('a leg as long as sea (45) or longer (60): no near origin, the plan without one', () => {
    const without = planOf(oneLine());
    for (const days of [45, 60]) {
      const plan = planOf(oneLine({ series: { near: [near(TPL, days)] }, sku: { nearUnits: [stock(TPL, 1_000)] } }));
      expectNoNear(shipLine(plan, 1));
      expect(plan.ship).toEqual(without.ship);
    }
  });

  test('a leg just shorter than sea (44.5 days) is one: it lands before sea and ships', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 44.5)] }, sku: { nearUnits: [stock(TPL, 1_000)] } })), 1);
    expect(line.nearLocationId).toBe(TPL);
    expect(line.nearLeadDays).toBe(44.5);
    expect(line.nearNeedUnits).toBeGreaterThan(0);
  });

  test('the shortest origin that holds the SKU: TPL 5 days away holds none, TPL_2 8 days away does', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 5), near(TPL_2, 8)] }, sku: { nearUnits: [stock(TPL, 0), stock(TPL_2, 1_000)] } })), 1);
    expect(line.nearLocationId).toBe(TPL_2);
    expect(line.nearLeadDays).toBe(8);
    // Over 8 days: max(10 × 22 − 300, 280 + 80 − 300) = 60.
    expect(line.nearNeedUnits).toBe(60);
    expect(line.shipNear).toBe(60);
  });

  test('of two that hold it, the first listed (the shortest) that is nearer than sea', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 50), near(TPL_2, 9)] }, sku: { nearUnits: [stock(TPL, 1_000), stock(TPL_2, 1_000)] } })), 1);
    expect(line.nearLocationId).toBe(TPL_2);
    const both = shipLine(planOf(oneLine({ series: { near: [near(TPL_2, 6), near(TPL, 9)] }, sku: { nearUnits: [stock(TPL, 1_000), stock(TPL_2, 1_000)] } })), 1);
    expect(both.nearLocationId).toBe(TPL_2);
    expect(both.nearLeadDays).toBe(6);
  });
});

describe('(g) a capacity limit at FBA', () => {
  // US (300 on hand, out on day 30) and DE (330, out on day 33, no limit) share a 3PL with 50: US comes
  // first and takes the 50 (need 50, nothing left to count), sea 380. DE needs 280 + 70 − 330 = 20
  // from the 3PL, and 280 + 450 − 330 = 400 in all.
  const capped = (roomUs: number, pool = 50): Plan =>
    planOf({
      history: flatHistory([
        { skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 },
        { skuId: 1, locationId: FBA_DE, perDay: 10, onHand: 330 },
      ]),
      skus: [skuInput(1, { nearUnits: [stock(TPL, pool)] })],
      series: [{ near: [near(TPL, 7)] }, { near: [near(TPL, 7)] }],
      capacity: [[FBA_US, 300 + roomUs]],
    });

  test('room for 400 of the 430: sea is cut (380 → 350), the 3PL’s 50 ship', () => {
    const us = shipLine(capped(400), 1, FBA_US);
    expect(us.capacityRoomUnits).toBe(400);
    expect([us.shipNear, us.shipSea, us.shipAir, us.cutByCapacity]).toEqual([50, 350, 0, 30]);
  });

  test('room for 40: sea is cut to 0, then the 3PL’s to 40; the 10 cut go back to the 3PL and DE ships them', () => {
    const plan = capped(40);
    const us = shipLine(plan, 1, FBA_US);
    expect([us.shipNear, us.shipSea, us.shipAir, us.cutByCapacity]).toEqual([40, 0, 0, 390]);
    expect(us.shipByDay).toBeNaN();
    expect(us.nearShipByDay).toBe(T0);
    const de = shipLine(plan, 1, FBA_DE);
    expect(de.nearNeedUnits).toBe(20);
    // Only the 10 US could not take are left at the 3PL: 1 pack. Had they been lost, DE would ship none.
    expect(de.shipNear).toBe(10);
    expect(de.shipSea).toBe(390);
    expect(us.shipNear + de.shipNear + us.nearCountedUnits + de.nearCountedUnits).toBeLessThanOrEqual(50);
  });

  test('no room at all: nothing ships to US, from home or the 3PL; DE takes its 20 and the other 30 count for DE', () => {
    const plan = capped(0);
    const us = shipLine(plan, 1, FBA_US);
    expect([us.shipNear, us.shipSea, us.shipAir, us.cutByCapacity]).toEqual([0, 0, 0, 430]);
    expect(us.nearShipByDay).toBeNaN();
    const de = shipLine(plan, 1, FBA_DE);
    // 400 − 20 = 380 still needed, 30 of it counted at the 3PL: 350 by sea.
    expect([de.shipNear, de.nearCountedUnits, de.shipSea]).toEqual([20, 30, 350]);
  });

  test('air, the 3PL and sea: capacity cuts sea, then the 3PL’s, then air', () => {
    // Air in 7 days, a 3PL 5 days away with 30: air 150 − 30 = 120, the 3PL's 30, sea 280 (nothing counted).
    const scenario = (room: number) =>
      shipLine(
        planOf({
          history: flatHistory([{ skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 }]),
          skus: [skuInput(1, { nearUnits: [stock(TPL, 30)] })],
          series: [{ air: { meanDays: 7, sdDays: 0 }, near: [near(TPL, 5)] }],
          capacity: [[FBA_US, 300 + room]],
        }),
        1,
      );
    const roomy = scenario(10_000);
    expect([roomy.shipAir, roomy.shipNear, roomy.shipSea, roomy.cutByCapacity]).toEqual([120, 30, 280, 0]);
    expect([scenario(200).shipAir, scenario(200).shipNear, scenario(200).shipSea]).toEqual([120, 30, 50]);
    expect([scenario(130).shipAir, scenario(130).shipNear, scenario(130).shipSea]).toEqual([120, 10, 0]);
    expect([scenario(110).shipAir, scenario(110).shipNear, scenario(110).shipSea]).toEqual([110, 0, 0]);
  });

  test('the limit path and the no-limit path agree when the limit does not bind', () => {
    const free = planOf({
      history: flatHistory([
        { skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 },
        { skuId: 1, locationId: FBA_DE, perDay: 10, onHand: 330 },
      ]),
      skus: [skuInput(1, { nearUnits: [stock(TPL, 50)] })],
      series: [{ near: [near(TPL, 7)] }, { near: [near(TPL, 7)] }],
    });
    const roomy = capped(100_000);
    for (const locationId of [FBA_US, FBA_DE]) {
      const a = shipLine(free, 1, locationId);
      const b = shipLine(roomy, 1, locationId);
      for (const field of [...NEAR_FIELDS, 'shipSea', 'shipAir', 'shortAtHome', 'shipByDay'] as const) expect(b[field], `${MARKETPLACE[locationId]} ${field}`).toEqual(a[field]);
    }
  });
});

describe('(h) the buy line counts a near 3PL’s stock as the network’s', () => {
  const history = flatHistory([{ skuId: 1, locationId: FBA_US, perDay: 10, onHand: 300 }]);
  const buyOf = (sku: PlanSkuInput) => planOf({ history, skus: [sku], series: [{ near: [near(TPL, 7)] }] }).buy[0]!;

  test('500 at the 3PL buy as 500 more at home would: the same buy line, every number', () => {
    const atHome = buyOf(skuInput(1, { domesticUnits: 1_000 + 500 }));
    const nearby = buyOf(skuInput(1, { domesticUnits: 1_000, nearUnits: [stock(TPL, 500)] }));
    expect(nearby).toEqual(atHome);
    // 1,500 in the network's hands besides FBA's 300.
    expect(nearby.networkPosition).toBe(1_800);
    expect(nearby.networkOnHand).toBe(1_800);
  });

  test('stock at two 3PLs adds up; a shortage that needs buying is bought the same', () => {
    // Little at home: T over production 30 + sea 45 + review 30 = 10 × 105 = 1,050; position 300 + 100 + 200 + 150 = 750: buy 300.
    const atHome = buyOf(skuInput(1, { domesticUnits: 450 }));
    const spread = buyOf(skuInput(1, { domesticUnits: 100, nearUnits: [stock(TPL, 200), stock(TPL_2, 150)] }));
    expect(spread).toEqual(atHome);
    expect(spread.networkPosition).toBe(750);
    expect(spread.buyQty).toBe(300);
    expect(spread.stockoutDay).toBe(T0 + 75);
  });
});

describe('(i) own-warehouse sales at the near 3PL hold the 3PL’s stock, not home’s', () => {
  // Own sales of 2 a day, held until a purchase can reach home (production, 30 days): 60 units.
  const ownAt = (locationId: number, perDay = 2) => flatHistory([{ skuId: 1, locationId, perDay, onHand: 0 }], (id) => (id === DOMESTIC ? 'domestic:1' : `3pl:${id}`));
  // Home holds exactly 390; the 3PL 100.
  const scenario = (own?: DemandHistory) => oneLine({ series: { near: [near(TPL, 7)] }, sku: { domesticUnits: 390, nearUnits: [stock(TPL, 100)] }, ...(own ? { own } : {}) });

  test('without own sales: the 3PL ships 50, the other 50 count, home sends 330 of its 390', () => {
    const line = shipLine(planOf(scenario()), 1);
    expect([line.shipNear, line.nearCountedUnits, line.shipSea, line.heldForOwnSales]).toEqual([50, 50, 330, 0]);
  });

  test('2 a day sold from the 3PL: 60 of its 100 stay there; it ships 40, counts none, and home’s whole 390 go by sea', () => {
    const line = shipLine(planOf(scenario(ownAt(TPL))), 1);
    expect(line.heldForOwnSales).toBe(60);
    expect(line.nearNeedUnits).toBe(50);
    expect(line.shipNear).toBe(40);
    expect(line.nearCountedUnits).toBe(0);
    // 430 − 40 = 390: home is not held for the 3PL's sales, so all of it is free to ship.
    expect(line.shipSea).toBe(390);
    expect(line.shortAtHome).toBe(0);
  });

  test('the same sales at the domestic warehouse hold home’s stock instead: the 3PL ships its 50, home 330 of 330 free', () => {
    const line = shipLine(planOf(scenario(ownAt(DOMESTIC))), 1);
    expect(line.heldForOwnSales).toBe(60);
    expect([line.shipNear, line.nearCountedUnits, line.shipSea, line.shortAtHome]).toEqual([50, 50, 330, 0]);
  });

  test('sales at the 3PL beyond its stock hold all of it: nothing ships from it or counts, home ships its 390 by sea', () => {
    // 5 a day × 30 = 150 > 100: the 3PL's 100 all stay for its own sales.
    const line = shipLine(planOf(scenario(ownAt(TPL, 5))), 1);
    expect(line.heldForOwnSales).toBeGreaterThanOrEqual(100);
    expect([line.nearNeedUnits, line.shipNear, line.nearCountedUnits]).toEqual([50, 0, 0]);
  });

  test('what the 3PL cannot hold for its own sales is held at home, as all of it is when the 3PL holds none', () => {
    // 2 a day × 30 = 60 for the 3PL's own sales. With none there (the database layer then sends no
    // nearUnits entry for it) home keeps 60. With 10 there, the 3PL keeps its 10, and the other 50 of
    // those sales can only be met by home refilling the 3PL: home should keep 50, not 0. As it is,
    // 10 units at the 3PL free 50 more at home than none do (held 60 → 10), and home ships them to FBA.
    const atHomeOnly = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { domesticUnits: 430 }, own: ownAt(TPL) })), 1);
    expect(atHomeOnly.heldForOwnSales).toBe(60);
    // Home 430 − 60 kept = 370 free for the 430 wanted by sea: 60 short.
    expect([atHomeOnly.shipSea, atHomeOnly.shortAtHome]).toEqual([370, 60]);
    const little = shipLine(planOf(oneLine({ series: { near: [near(TPL, 7)] }, sku: { domesticUnits: 430, nearUnits: [stock(TPL, 10)] }, own: ownAt(TPL) })), 1);
    expect(little.shipNear).toBe(0);
    // 10 kept at the 3PL + 50 at home; home's 380 free go by sea, 50 short.
    expect(little.heldForOwnSales).toBe(60);
    expect([little.shipSea, little.shortAtHome]).toEqual([380, 50]);
  });
});

describe('3PL stock no line can ship from is not stranded', () => {
  // Home holds nothing; the line wants 430 by sea (see the one-line scenario above).
  test('a 3PL whose route is not shorter than sea: its stock stays home stock and ships on home’s legs', () => {
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 50)] }, sku: { domesticUnits: 0, nearUnits: [stock(TPL, 1000)] } })), 1);
    expect(line.nearLocationId).toBeNaN();
    expect(line.shipSea).toBe(430);
    expect(line.shortAtHome).toBe(0);
  });

  test('a nearer 3PL holds a few: they ship from it, and the farther 3PL’s stock (no line’s origin) covers the rest from home', () => {
    const OTHER = TPL + 1;
    const line = shipLine(planOf(oneLine({ series: { near: [near(TPL, 5), near(OTHER, 8)] }, sku: { domesticUnits: 0, nearUnits: [stock(TPL, 10), stock(OTHER, 1000)] } })), 1);
    expect(line.nearLocationId).toBe(TPL);
    expect(line.shipNear).toBe(10);
    expect(line.shipNear + line.shipSea).toBeGreaterThanOrEqual(430);
    expect(line.shortAtHome).toBe(0);
  });
});
