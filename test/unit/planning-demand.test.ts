import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, dayNumber } from '../../shared/dates';
import { columnsFromMovements } from '../../shared/ledger/columns';
import { MOVEMENT_TYPES } from '../../shared/model';
import type { MovementType } from '../../shared/model';
import { dailyRate, demandHistoryFromLedger, fillUnknownWeeks, keepsSparseDays, lastYearUnits, overlayOrderDemand, seriesDays, weekSumsFromDays, weeklyRates, weeklyRatesAndSpread } from '../../shared/planning/demandHistory';
import type { DemandHistory } from '../../shared/planning/demandHistory';

// Locations: 1 domestic, 2 FBA US, 3 FBA DE, 4 a 3PL.
const DOMESTIC = 1;
const FBA_US = 2;
const FBA_DE = 3;
const THREE_PL = 4;
const FBA = new Map([
  [FBA_US, 'US'],
  [FBA_DE, 'DE'],
]);

interface Row {
  date: string;
  skuId: number;
  locationId: number;
  qty: number;
  type: MovementType;
}

const row = (date: string, skuId: number, locationId: number, qty: number, type: MovementType): Row => ({ date, skuId, locationId, qty, type });
const receipt = (date: string, skuId: number, locationId: number, qty: number) => row(date, skuId, locationId, qty, 'receipt');
const sale = (date: string, skuId: number, locationId: number, qty: number) => row(date, skuId, locationId, -qty, 'sale');

function history(rows: readonly Row[], firstDate: string, days: number, fba: ReadonlyMap<number, string> = FBA): DemandHistory {
  const columns = columnsFromMovements(rows.map((r, index) => ({ ...r, id: index + 1 })));
  return demandHistoryFromLedger(columns, fba, { firstDay: dayNumber(firstDate), days });
}

/** Row `s` of a series × days array as a plain list. */
function rowOf<T extends Float32Array | Uint8Array>(values: T, s: number, days: number): number[] {
  return [...values.subarray(s * days, (s + 1) * days)];
}

describe('demand history from the ledger', () => {
  // Window 2026-03-01 … 03-07. Stock 10 − 4 = 6 is carried in from February.
  const rows = [
    receipt('2026-02-20', 1, FBA_US, 10),
    sale('2026-02-25', 1, FBA_US, 4),
    sale('2026-03-02', 1, FBA_US, 2), // 4 left
    sale('2026-03-04', 1, FBA_US, 4), // sells out: 0
    receipt('2026-03-06', 1, FBA_US, 5), // arrives …
    sale('2026-03-06', 1, FBA_US, 2), // … and sells the same day: 3 left
    sale('2026-03-07', 1, FBA_US, 3), // sells out again: 0
    receipt('2026-03-08', 1, FBA_US, 100), // after the window: ignored
  ];

  test('the balance carried in from before the window sets the first days; a stockout day sold nothing and closed with nothing', () => {
    const h = history(rows, '2026-03-01', 7);
    expect(h.firstDay).toBe(dayNumber('2026-03-01'));
    expect(h.days).toBe(7);
    expect(h.series).toEqual([{ skuId: 1, locationId: FBA_US, marketplace: 'US' }]);
    expect(rowOf(h.units, 0, 7)).toEqual([0, 2, 0, 4, 0, 2, 3]);
    // Closing balances 6, 4, 4, 0, 0, 3, 0: the sell-out days (03-04, 03-07) sold, so they are in
    // stock; only 03-05, which opened and closed with nothing, is a stockout day.
    expect(rowOf(h.stockout, 0, 7)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect([...h.onHand]).toEqual([0]);
  });

  test('an arrival sold out the same day is in stock; a negative balance (stock the ledger lacks) is not a stockout', () => {
    const h = history([receipt('2026-03-01', 1, FBA_US, 5), sale('2026-03-01', 1, FBA_US, 5), sale('2026-03-02', 1, FBA_US, 1), receipt('2026-03-04', 1, FBA_US, 2)], '2026-03-01', 4);
    expect(rowOf(h.units, 0, 4)).toEqual([5, 1, 0, 0]);
    // Closing 0, −1, −1, 1: the first two days sold; the third sold nothing at −1 (unknown stock).
    expect(rowOf(h.stockout, 0, 4)).toEqual([0, 0, 0, 0]);
    expect([...h.onHand]).toEqual([1]);
  });

  test('a SKU kept a unit deep, restocked after each sellout, keeps its sales (they are all on sell-out days)', () => {
    // One unit in, sold the next day, one more in two days later, sold the day after: 4 days of 6 out.
    const h = history(
      [receipt('2026-03-01', 1, FBA_US, 1), sale('2026-03-02', 1, FBA_US, 1), receipt('2026-03-04', 1, FBA_US, 1), sale('2026-03-05', 1, FBA_US, 1)],
      '2026-03-01',
      6,
    );
    expect(rowOf(h.stockout, 0, 6)).toEqual([0, 0, 1, 0, 0, 1]);
    // 2 units over 4 in-stock days: 3.5 a week, not 0.
    expect([...weeklyRates(h, 0, 1)]).toEqual([3.5]);
  });

  test('two FBA locations give two series, sorted by SKU then location, each with its marketplace', () => {
    const h = history(
      [receipt('2026-03-01', 7, FBA_DE, 3), receipt('2026-03-01', 2, FBA_DE, 4), receipt('2026-02-01', 2, FBA_US, 9), sale('2026-03-02', 2, FBA_US, 1), sale('2026-03-02', 2, FBA_DE, 2)],
      '2026-03-01',
      2,
    );
    expect(h.series).toEqual([
      { skuId: 2, locationId: FBA_US, marketplace: 'US' },
      { skuId: 2, locationId: FBA_DE, marketplace: 'DE' },
      { skuId: 7, locationId: FBA_DE, marketplace: 'DE' },
    ]);
    expect([...h.units]).toEqual([0, 1, 0, 2, 0, 0]);
    expect([...h.stockout]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...h.onHand]).toEqual([8, 2, 3]);
  });

  test('movements at the domestic warehouse, a 3PL or any non-FBA location are ignored; a transfer in to FBA counts', () => {
    const h = history(
      [
        receipt('2026-02-01', 1, DOMESTIC, 50),
        row('2026-02-10', 1, DOMESTIC, -20, 'transfer_out'),
        row('2026-02-20', 1, FBA_US, 20, 'transfer_in'),
        sale('2026-03-01', 1, THREE_PL, 5),
        receipt('2026-03-01', 3, THREE_PL, 5),
        sale('2026-03-02', 1, FBA_US, 1),
      ],
      '2026-03-01',
      2,
    );
    expect(h.series).toEqual([{ skuId: 1, locationId: FBA_US, marketplace: 'US' }]);
    expect([...h.units]).toEqual([0, 1]);
    expect([...h.onHand]).toEqual([19]);
  });

  test('series with no sale and no stock in or before the window are left out; stock carried in without a sale is kept', () => {
    const h = history(
      [
        receipt('2026-02-01', 1, FBA_US, 5),
        row('2026-02-02', 1, FBA_US, -5, 'removal'), // emptied before the window, nothing since
        receipt('2026-03-05', 2, FBA_US, 5), // only after the window
        receipt('2026-02-01', 3, FBA_US, 4), // carried in, never sold
        sale('2026-03-01', 4, FBA_DE, 1), // sold with no stock recorded: still demand
        receipt('2026-02-01', 5, FBA_US, 4), // carried in …
        row('2026-03-01', 5, FBA_US, -4, 'removal'), // … and removed on the first day: kept
      ],
      '2026-03-01',
      2,
    );
    expect(h.series.map((s) => [s.skuId, s.locationId])).toEqual([
      [3, FBA_US],
      [4, FBA_DE],
      [5, FBA_US],
    ]);
    // SKU 4 sold on day 0 and stands at −1 after (unknown stock): in stock. SKU 5 was emptied on day 0 without a sale.
    expect([...h.stockout]).toEqual([0, 0, 0, 0, 1, 1]);
    expect([...h.onHand]).toEqual([4, -1, 0]);
    expect(h.units.length).toBe(6);
  });

  test('no FBA movement: an empty history', () => {
    const h = history([receipt('2026-03-01', 1, DOMESTIC, 5)], '2026-03-01', 7);
    expect(h.series).toEqual([]);
    expect(h.units.length).toBe(0);
    expect(h.onHand.length).toBe(0);
  });

  test('widely spread SKU and location ids give the same answer as dense ones', () => {
    const spread = history([receipt('2026-02-01', 2_000_000_000, 900_000, 3), sale('2026-03-01', 2_000_000_000, 900_000, 1), sale('2026-03-01', 5, 900_000, 1)], '2026-03-01', 1, new Map([[900_000, 'JP']]));
    expect(spread.series).toEqual([
      { skuId: 5, locationId: 900_000, marketplace: 'JP' },
      { skuId: 2_000_000_000, locationId: 900_000, marketplace: 'JP' },
    ]);
    expect([...spread.onHand]).toEqual([-1, 2]);
  });

  test('property: on hand is the plain sum per SKU × FBA location, and a day is a stockout day iff it sold nothing and the replayed closing balance is 0', () => {
    const firstDay = dayNumber('2026-03-01');
    const movement = fc.record({
      offset: fc.integer({ min: -6, max: 12 }),
      skuId: fc.integer({ min: 1, max: 4 }),
      locationId: fc.integer({ min: 1, max: 4 }),
      qty: fc.integer({ min: -5, max: 5 }),
      type: fc.constantFrom(...MOVEMENT_TYPES),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (moves, days) => {
        const records = moves.map((m, index) => ({ id: index + 1, date: new Date((firstDay + m.offset) * 86_400_000).toISOString().slice(0, 10), skuId: m.skuId, locationId: m.locationId, qty: m.qty, type: m.type }));
        const h = demandHistoryFromLedger(columnsFromMovements(records), FBA, { firstDay, days });
        // Movements in day order (as packed blocks come) take the other path to the same answer.
        const inDayOrder = demandHistoryFromLedger(columnsFromMovements([...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))), FBA, { firstDay, days });
        expect(inDayOrder).toEqual(h);

        const expected: { skuId: number; locationId: number }[] = [];
        for (let skuId = 1; skuId <= 4; skuId++) {
          for (const locationId of [FBA_US, FBA_DE]) {
            const mine = moves.filter((m) => m.skuId === skuId && m.locationId === locationId);
            const closing = (d: number) => mine.filter((m) => m.offset <= d).reduce((sum, m) => sum + m.qty, 0);
            const opening = closing(-1);
            const sold = mine.some((m) => m.type === 'sale' && m.offset >= 0 && m.offset < days);
            const held = opening > 0 || Array.from({ length: days }, (_, d) => closing(d)).some((balance) => balance > 0);
            if (!sold && !held) continue;
            const s = expected.length;
            expected.push({ skuId, locationId });
            expect(h.onHand[s]).toBe(closing(days - 1));
            for (let d = 0; d < days; d++) {
              const unitsSold = mine.filter((m) => m.type === 'sale' && m.offset === d).reduce((sum, m) => sum - m.qty, 0);
              expect(h.stockout[s * days + d]).toBe(closing(d) === 0 && !(unitsSold > 0) ? 1 : 0);
              expect(h.units[s * days + d]).toBe(unitsSold);
            }
          }
        }
        expect(h.series.map(({ skuId, locationId }) => ({ skuId, locationId }))).toEqual(expected);
        expect(h.units.length).toBe(expected.length * days);
        expect(h.stockout.length).toBe(expected.length * days);
      }),
      { numRuns: 300 },
    );
  });
});

describe('order demand over the ledger', () => {
  // Window 03-01 … 03-07; SKU 1 sells 1 a day at FBA US and at FBA DE, with plenty of stock.
  const base = history(
    [receipt('2026-02-01', 1, FBA_US, 100), receipt('2026-02-01', 1, FBA_DE, 100), ...Array.from({ length: 7 }, (_, d) => [sale(`2026-03-0${d + 1}`, 1, FBA_US, 1), sale(`2026-03-0${d + 1}`, 1, FBA_DE, 1)]).flat()],
    '2026-03-01',
    7,
  );
  const coverage = new Map([['US', [{ firstDay: dayNumber('2026-03-03'), lastDay: dayNumber('2026-03-05') }]]]);

  test('orders replace ledger sales only within their marketplace coverage; days without an order there become 0', () => {
    const overlaid = overlayOrderDemand(
      base,
      [
        { skuId: 1, marketplace: 'US', day: '2026-03-01', units: 9 }, // before the coverage: ignored
        { skuId: 1, marketplace: 'US', day: '2026-03-03', units: 5 },
        { skuId: 1, marketplace: 'US', day: '2026-03-05', units: 2 },
        { skuId: 1, marketplace: 'DE', day: '2026-03-03', units: 7 }, // DE has no coverage: the ledger stays
        { skuId: 8, marketplace: 'US', day: '2026-03-03', units: 4 }, // no series for SKU 8: nowhere to put it
      ],
      coverage,
    );
    expect(rowOf(overlaid.units, 0, 7)).toEqual([1, 1, 5, 0, 2, 1, 1]);
    expect(rowOf(overlaid.units, 1, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(overlaid.stockout).toBe(base.stockout);
    expect(rowOf(base.units, 0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test('shipments the orders do not explain stay: another marketplace filled from this location, multi-channel orders', () => {
    // FBA DE ships 1 a day; the DE orders name only half of it (the rest went to amazon.fr buyers,
    // whose orders have no FBA location of their own here, or were multi-channel).
    const deCoverage = new Map([['DE', [{ firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-04') }]]]);
    const overlaid = overlayOrderDemand(
      base,
      [
        { skuId: 1, marketplace: 'DE', day: '2026-03-01', units: 2 },
        { skuId: 1, marketplace: 'FR', day: '2026-03-02', units: 2 }, // no FBA FR: nowhere to put it
      ],
      deCoverage,
    );
    // The ledger's 4 units over the covered days, 2 of them explained by DE orders: each covered day keeps half its ledger units.
    expect(rowOf(overlaid.units, 1, 7)).toEqual([2.5, 0.5, 0.5, 0.5, 1, 1, 1]);
    expect(rowOf(overlaid.units, 1, 7).slice(0, 4).reduce((a, b) => a + b, 0)).toBe(4);
  });

  test('imports a gap apart are weighed on their own; imports that follow one another as one', () => {
    // The ledger ships 1 a day for 20 days at FBA US. Import A (days 1–8) names 1 order a day; import
    // B (days 13–20) names none (its orders were all multi-channel, say); days 9–12 no import covers.
    const twenty = history([receipt('2026-02-01', 1, FBA_US, 100), ...Array.from({ length: 20 }, (_, d) => sale(addDays('2026-03-01', d), 1, FBA_US, 1))], '2026-03-01', 20);
    const apart = new Map([
      [
        'US',
        [
          { firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-08') },
          { firstDay: dayNumber('2026-03-13'), lastDay: dayNumber('2026-03-20') },
        ],
      ],
    ]);
    const orders = Array.from({ length: 8 }, (_, d) => ({ skuId: 1, marketplace: 'US', day: addDays('2026-03-01', d), units: 1 }));
    expect(rowOf(overlayOrderDemand(twenty, orders, apart).units, 0, 20)).toEqual(new Array(20).fill(1));
  });

  test('back-to-back imports count an order shipped in the next one\'s days once', () => {
    // Import A covers days 1–7, import B days 8–14. 3 ordered on day 7 ship on day 8 (in B's days), 1
    // ordered on day 11 ships on day 12. Weighed apart, B's ledger (4) would be three quarters
    // unexplained by its own order (1) and 3 of its units kept beside A's orders: 7 in all.
    const shipped = history([receipt('2026-02-01', 1, FBA_US, 100), sale('2026-03-08', 1, FBA_US, 3), sale('2026-03-12', 1, FBA_US, 1)], '2026-03-01', 14);
    const backToBack = new Map([
      [
        'US',
        [
          { firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-07') },
          { firstDay: dayNumber('2026-03-08'), lastDay: dayNumber('2026-03-14') },
        ],
      ],
    ]);
    const orders = [
      { skuId: 1, marketplace: 'US', day: '2026-03-07', units: 3 },
      { skuId: 1, marketplace: 'US', day: '2026-03-11', units: 1 },
    ];
    expect(rowOf(overlayOrderDemand(shipped, orders, backToBack).units, 0, 14)).toEqual([0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]);
  });

  test('two imports with a gap between them: the gap keeps its ledger sales', () => {
    // Orders imported for 03-01…03-02 and for 03-06…03-07; nothing for 03-03…03-05.
    const twoImports = new Map([
      [
        'US',
        [
          { firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-02') },
          { firstDay: dayNumber('2026-03-06'), lastDay: dayNumber('2026-03-07') },
        ],
      ],
    ]);
    const overlaid = overlayOrderDemand(
      base,
      [
        { skuId: 1, marketplace: 'US', day: '2026-03-01', units: 3 },
        { skuId: 1, marketplace: 'US', day: '2026-03-04', units: 9 }, // in the gap: no report covers it
        { skuId: 1, marketplace: 'US', day: '2026-03-07', units: 4 },
      ],
      twoImports,
    );
    expect(rowOf(overlaid.units, 0, 7)).toEqual([3, 0, 1, 1, 1, 0, 4]);
  });

  test('coverage reaching past the window is clipped to it', () => {
    const overlaid = overlayOrderDemand(base, [{ skuId: 1, marketplace: 'US', day: '2026-03-07', units: 3 }], new Map([['US', [{ firstDay: dayNumber('2026-03-06'), lastDay: dayNumber('2026-04-30') }]]]));
    expect(rowOf(overlaid.units, 0, 7)).toEqual([1, 1, 1, 1, 1, 0, 3]);
  });

  test('two FBA locations in one marketplace share the orders in proportion to their ledger sales', () => {
    const FBA_US_EAST = 5;
    const twoUs = history(
      [receipt('2026-02-01', 1, FBA_US, 100), receipt('2026-02-01', 1, FBA_US_EAST, 100), sale('2026-03-01', 1, FBA_US, 3), sale('2026-03-02', 1, FBA_US_EAST, 1)],
      '2026-03-01',
      2,
      new Map([
        [FBA_US, 'US'],
        [FBA_US_EAST, 'US'],
      ]),
    );
    const overlaid = overlayOrderDemand(twoUs, [{ skuId: 1, marketplace: 'US', day: '2026-03-02', units: 8 }], new Map([['US', [{ firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-02') }]]]));
    expect([...overlaid.units]).toEqual([0, 6, 0, 2]);
  });
});

describe('demand rates', () => {
  // 14 days: no stock in week 1; week 2 receives 10 on day 7, sells 2, 2, 2, then 4 (sells out on day 10, in stock: it sold), then out.
  const sales = [2, 2, 2, 4];
  const h = history(
    [receipt('2026-03-08', 1, FBA_US, 10), ...sales.map((units, i) => sale(`2026-03-${String(8 + i).padStart(2, '0')}`, 1, FBA_US, units))],
    '2026-03-01',
    14,
  );

  test('a partly stocked-out week is scaled from its in-stock days; a fully stocked-out week is unknown', () => {
    expect(rowOf(h.stockout, 0, 14)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1]);
    // 4 in-stock days selling 10 → 10 × 7 / 4 = 17.5 a week.
    expect([...weeklyRates(h, 0, 2)]).toEqual([Number.NaN, 17.5]);
    expect([...weeklyRates(h, 0, 1)]).toEqual([17.5]);
    // A week before the window is unknown too.
    expect([...weeklyRates(h, 0, 3)]).toEqual([Number.NaN, Number.NaN, 17.5]);
  });

  test('event factors divide each day’s units first', () => {
    const factor = new Float32Array(14).fill(1);
    factor[7] = 2; // day 7 sold 2 during a +100% promotion: 1 without it
    expect(weeklyRates(h, 0, 1, factor)[0]).toBeCloseTo((9 * 7) / 4, 10);
    expect(() => weeklyRates(h, 0, 1, new Float32Array(7))).toThrow(RangeError);
  });

  test('unknown weeks take the mean of the known weeks before them, or of all known weeks at the start', () => {
    const rates = new Float64Array([Number.NaN, 4, Number.NaN, 8, Number.NaN]);
    const filled = fillUnknownWeeks(rates);
    expect(filled).toBe(rates);
    expect([...filled]).toEqual([6, 4, 4, 8, 6]);
    expect([...fillUnknownWeeks(new Float64Array([Number.NaN, Number.NaN]))]).toEqual([0, 0]);
    expect([...fillUnknownWeeks(new Float64Array([3, 5]))]).toEqual([3, 5]);
  });

  test('weeks unknown at the end (out of stock now) take the level of the last quarter, not of two years', () => {
    // A SKU growing from 1 to 96 a week, out of stock for the last 8 of 104 weeks.
    const rates = Float64Array.from({ length: 104 }, (_, w) => (w < 96 ? w + 1 : Number.NaN));
    fillUnknownWeeks(rates);
    // The last 13 known weeks, 84 … 96: 90 (all 96 known weeks average 48.5).
    expect([...rates.subarray(96)]).toEqual(new Array(8).fill(90));
    // A gap between known weeks still takes the mean of all the weeks before it.
    const gap = fillUnknownWeeks(Float64Array.from([2, 4, Number.NaN, 30]));
    expect([...gap]).toEqual([2, 4, 3, 30]);
  });

  test('daily rate: mean and sample standard deviation (n − 1) over in-stock days', () => {
    const steady = history([receipt('2026-02-01', 1, FBA_US, 100), ...[1, 3, 5, 3].map((units, d) => sale(`2026-03-0${d + 1}`, 1, FBA_US, units))], '2026-03-01', 4);
    const all = dailyRate(steady, 0, 4);
    expect(all.mean).toBe(3);
    expect(all.sd).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(all.inStockDays).toBe(4);
    const lastTwo = dailyRate(steady, 0, 2);
    expect(lastTwo.mean).toBe(4);
    expect(lastTwo.sd).toBeCloseTo(Math.SQRT2, 12);
    // More days asked than the window holds: the whole window.
    expect(dailyRate(steady, 0, 30)).toEqual(all);
  });

  test('daily rate leaves stockout days out: one in-stock day has sd 0, none gives zeros', () => {
    // In stock: days 7–10 selling 2, 2, 2, 4.
    expect(dailyRate(h, 0, 14)).toEqual({ mean: 2.5, sd: 1, inStockDays: 4 });
    expect(dailyRate(h, 0, 3)).toEqual({ mean: 0, sd: 0, inStockDays: 0 });
    expect(dailyRate(h, 0, 4)).toEqual({ mean: 4, sd: 0, inStockDays: 1 });
    expect(() => dailyRate(h, 1, 5)).toThrow(RangeError);
  });

  test('property: weeklyRatesAndSpread gives weeklyRates and dailyRate in one pass, with or without event factors', () => {
    const close = (a: number, b: number) => (Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((days) =>
          fc.record({
            days: fc.constant(days),
            units: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: days, maxLength: days }),
            out: fc.array(fc.boolean(), { minLength: days, maxLength: days }),
            factor: fc.option(fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: days, maxLength: days }), { nil: undefined }),
            weeks: fc.integer({ min: 1, max: 10 }),
            spreadDays: fc.integer({ min: 1, max: 80 }),
          }),
        ),
        ({ days, units, out, factor, weeks, spreadDays }) => {
          const hist: DemandHistory = {
            firstDay: 20_000,
            days,
            series: [{ skuId: 1, locationId: FBA_US, marketplace: 'US' }],
            units: Float32Array.from(units.map((u, d) => (out[d] ? 0 : u))),
            stockout: Uint8Array.from(out.map((o) => (o ? 1 : 0))),
            onHand: new Float64Array([0]),
          };
          const f = factor ? Float32Array.from(factor) : undefined;
          const spread = { mean: -1, sd: -1, inStockDays: -1 };
          const rates = weeklyRatesAndSpread(hist, 0, weeks, spreadDays, f, new Float64Array(weeks), spread);
          const expected = weeklyRates(hist, 0, weeks, f);
          rates.forEach((rate, w) => expect(close(rate, expected[w]!), `week ${w}: ${rate} vs ${expected[w]}`).toBe(true));
          const reference = dailyRate(hist, 0, spreadDays, f);
          expect(spread.inStockDays).toBe(reference.inStockDays);
          expect(close(spread.mean, reference.mean)).toBe(true);
          expect(Math.abs(spread.sd - reference.sd)).toBeLessThanOrEqual(1e-7 * Math.max(1, reference.sd));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('week sums made with the history', () => {
  const firstDay = dayNumber('2026-03-01');
  const movement = fc.record({
    offset: fc.integer({ min: -6, max: 40 }),
    skuId: fc.integer({ min: 1, max: 3 }),
    locationId: fc.constantFrom(FBA_US, FBA_DE, DOMESTIC),
    // Tenths, so that the order of additions shows in the sums' last bits.
    qty: fc.integer({ min: -50, max: 50 }).map((q) => q / 10),
    type: fc.constantFrom<MovementType>('sale', 'sale', 'receipt', 'adjustment', 'customer_return'),
  });
  const withoutSums = (h: DemandHistory): DemandHistory => {
    const { weekSums: _sums, ...days } = h;
    return days;
  };
  const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

  test('property: the sums equal those made from the days, and rates from them equal rates from the days to the last bit', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 80 }), fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 9 }), (moves, days, weeks) => {
        const records = moves.map((m, index) => ({ id: index + 1, date: new Date((firstDay + m.offset) * 86_400_000).toISOString().slice(0, 10), skuId: m.skuId, locationId: m.locationId, qty: m.qty, type: m.type }));
        const h = demandHistoryFromLedger(columnsFromMovements(records), FBA, { firstDay, days });
        expect(h.weekSums).toBeDefined();
        const fromDays = weekSumsFromDays(h);
        expect(h.weekSums!.weeks).toBe(Math.ceil(days / 7));
        expect(sameBits(h.weekSums!.inStockUnits, fromDays.inStockUnits)).toBe(true);
        expect([...h.weekSums!.inStockDays]).toEqual([...fromDays.inStockDays]);
        expect(sameBits(h.weekSums!.lastYearUnits, fromDays.lastYearUnits)).toBe(true);
        const plain = withoutSums(h);
        expect(sameBits(lastYearUnits(h), lastYearUnits(plain))).toBe(true);
        for (let s = 0; s < h.series.length; s++) {
          expect(sameBits(weeklyRates(h, s, weeks), weeklyRates(plain, s, weeks))).toBe(true);
          const spread = { mean: 0, sd: 0, inStockDays: 0 };
          const plainSpread = { mean: 0, sd: 0, inStockDays: 0 };
          const spreadDays = Math.max(1, days - 3);
          expect(sameBits(weeklyRatesAndSpread(h, s, weeks, spreadDays, undefined, new Float64Array(weeks), spread), weeklyRatesAndSpread(plain, s, weeks, spreadDays, undefined, new Float64Array(weeks), plainSpread))).toBe(true);
          expect(spread).toEqual(plainSpread);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: the sparse days the history keeps give the dense days, and the same spread to the last bit', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 80 }), fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 60 }), (moves, days, spreadDays) => {
        const records = moves.map((m, index) => ({ id: index + 1, date: new Date((firstDay + m.offset) * 86_400_000).toISOString().slice(0, 10), skuId: m.skuId, locationId: m.locationId, qty: m.qty, type: m.type }));
        const h = demandHistoryFromLedger(columnsFromMovements(records), FBA, { firstDay, days });
        const weeks = Math.ceil(days / 7);
        // First from the sparse days (nothing has read the dense ones yet)…
        expect(keepsSparseDays(h)).toBe(true);
        const sparse = h.series.map((_, s) => {
          const spread = { mean: 0, sd: 0, inStockDays: 0 };
          weeklyRatesAndSpread(h, s, weeks, spreadDays, undefined, new Float64Array(weeks), spread);
          return { spread, days: seriesDays(h, s) };
        });
        expect(keepsSparseDays(h)).toBe(true);
        // …then from the dense days, which reading `units` makes.
        const { units, stockout } = h;
        expect(keepsSparseDays(h)).toBe(false);
        h.series.forEach((_, s) => {
          const spread = { mean: 0, sd: 0, inStockDays: 0 };
          weeklyRatesAndSpread(h, s, weeks, spreadDays, undefined, new Float64Array(weeks), spread);
          expect(sparse[s]!.spread).toEqual(spread);
          expect(Object.is(sparse[s]!.spread.sd, spread.sd) && Object.is(sparse[s]!.spread.mean, spread.mean)).toBe(true);
          expect([...sparse[s]!.days.units]).toEqual([...units.subarray(s * days, (s + 1) * days)]);
          expect([...sparse[s]!.days.stockout]).toEqual([...stockout.subarray(s * days, (s + 1) * days)]);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('property: across the first day of the last 365, the sums (the last year\'s units included) equal those made from the days', () => {
    // Windows of 360–420 days, so the 365 days of lastYearUnits start inside or before the window.
    const spreadMovement = fc.record({
      offset: fc.integer({ min: -6, max: 420 }),
      skuId: fc.integer({ min: 1, max: 2 }),
      locationId: fc.constantFrom(FBA_US, DOMESTIC),
      qty: fc.integer({ min: -50, max: 50 }).map((q) => q / 10),
      type: fc.constantFrom<MovementType>('sale', 'sale', 'receipt', 'adjustment'),
    });
    fc.assert(
      fc.property(fc.array(spreadMovement, { maxLength: 120 }), fc.integer({ min: 360, max: 420 }), (moves, days) => {
        const records = moves.map((m, index) => ({ id: index + 1, date: new Date((firstDay + m.offset) * 86_400_000).toISOString().slice(0, 10), skuId: m.skuId, locationId: m.locationId, qty: m.qty, type: m.type }));
        const h = demandHistoryFromLedger(columnsFromMovements(records), FBA, { firstDay, days });
        const sums = h.weekSums!;
        const fromDays = weekSumsFromDays(h);
        expect(sameBits(sums.lastYearUnits, fromDays.lastYearUnits)).toBe(true);
        expect(sameBits(sums.inStockUnits, fromDays.inStockUnits)).toBe(true);
        expect([...sums.inStockDays]).toEqual([...fromDays.inStockDays]);
      }),
      { numRuns: 100 },
    );
  });

  test('a change to the dense days once read is seen by the spread (the sparse days are dropped)', () => {
    const h = history([receipt('2026-03-01', 1, FBA_US, 100), sale('2026-03-02', 1, FBA_US, 4), sale('2026-03-05', 1, FBA_US, 4)], '2026-03-01', 7);
    const spread = { mean: 0, sd: 0, inStockDays: 0 };
    weeklyRatesAndSpread(h, 0, 1, 7, undefined, new Float64Array(1), spread);
    expect(spread.mean).toBeCloseTo(8 / 7, 12);
    h.units[6] = 6;
    weeklyRatesAndSpread(h, 0, 1, 7, undefined, new Float64Array(1), spread);
    expect(spread.mean).toBeCloseTo(14 / 7, 12);
  });

  test('the last year counts stockout days too and stops 365 days back', () => {
    // 400 days: a sale on day 0 (outside the last 365), a sale on the last day that sells out.
    const h = history([receipt('2025-01-01', 1, FBA_US, 10), sale('2025-01-01', 1, FBA_US, 2), sale('2026-02-04', 1, FBA_US, 8)], '2025-01-01', 400);
    expect(h.stockout[399]).toBe(0);
    expect([...h.weekSums!.lastYearUnits]).toEqual([8]);
    expect([...lastYearUnits(h)]).toEqual([8]);
    // The last week's only sale, on the day it sold out, counts: 8 units over 7 in-stock days.
    expect(h.weekSums!.inStockDays[h.weekSums!.weeks - 1]).toBe(7);
    expect(h.weekSums!.inStockUnits[h.weekSums!.weeks - 1]).toBe(8);
    // Sold out the day before the window's end instead: that last day, selling nothing, is a stockout.
    const early = history([receipt('2025-01-01', 1, FBA_US, 10), sale('2025-01-01', 1, FBA_US, 2), sale('2026-02-03', 1, FBA_US, 8)], '2025-01-01', 400);
    expect([early.stockout[398], early.stockout[399]]).toEqual([0, 1]);
  });

  test('order demand makes the sums of the series it changes again; the history it starts from keeps its own', () => {
    const base = history(
      [receipt('2026-02-01', 1, FBA_US, 100), receipt('2026-02-01', 1, FBA_DE, 100), ...Array.from({ length: 9 }, (_, d) => [sale(`2026-03-0${d + 1}`, 1, FBA_US, 1), sale(`2026-03-0${d + 1}`, 1, FBA_DE, 1)]).flat()],
      '2026-03-01',
      9,
    );
    const before = base.weekSums!.inStockUnits.slice();
    // 8.5 ordered over the 7 covered days, more than the ledger's 7: the orders explain them all.
    const overlaid = overlayOrderDemand(base, [{ skuId: 1, marketplace: 'US', day: '2026-03-08', units: 8.5 }], new Map([['US', [{ firstDay: dayNumber('2026-03-03'), lastDay: dayNumber('2026-03-09') }]]]));
    const fromDays = weekSumsFromDays(overlaid);
    expect(sameBits(overlaid.weekSums!.inStockUnits, fromDays.inStockUnits)).toBe(true);
    expect([...overlaid.weekSums!.inStockUnits]).toEqual([2, 8.5, 2, 7]);
    expect(sameBits(base.weekSums!.inStockUnits, before)).toBe(true);
    // Without week sums on the way in, none on the way out (the days are read instead).
    expect(overlayOrderDemand(withoutSums(base), [], new Map([['US', [{ firstDay: dayNumber('2026-03-03'), lastDay: dayNumber('2026-03-09') }]]])).weekSums).toBeUndefined();
  });
});
