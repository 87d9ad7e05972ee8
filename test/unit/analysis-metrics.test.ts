// PRODUCT §6 metrics and the suggested actions (shared/analysis/metrics.ts), table-tested with
// figures worked out by hand.
import { describe, expect, test } from 'vitest';
import { analysisRows, coverDaysOf, DEFAULT_ANALYSIS_SETTINGS, planDemandOf, sellThroughOf, suggestAction, turnoverOf } from '../../shared/analysis';
import type { ActionInput, SkuLedgerFacts } from '../../shared/analysis';

describe('turnover, sell-through and days of cover', () => {
  test.each([
    // COGS 9,936 over an average of (6,600 + 16,560) ÷ 2 = 11,580 in 31 days.
    { cogs: 9_936, begin: 6_600, end: 16_560, days: 31, rate: 9_936 / 11_580, turnDays: 31 / (9_936 / 11_580) },
    // No beginning stock: the average is half the ending.
    { cogs: 500, begin: 0, end: 500, days: 31, rate: 2, turnDays: 15.5 },
    // Nothing sold: no turnover.
    { cogs: 0, begin: 1_000, end: 1_000, days: 30, rate: 0, turnDays: Infinity },
    // More returned than sold: nothing turned over either.
    { cogs: -200, begin: 1_000, end: 1_200, days: 30, rate: 0, turnDays: Infinity },
    // Sold as fast as it came in, nothing held at either end.
    { cogs: 800, begin: 0, end: 0, days: 30, rate: Infinity, turnDays: 0 },
    // A value below zero (a ledger gap) counts as no stock.
    { cogs: 300, begin: -100, end: 600, days: 30, rate: 1, turnDays: 30 },
  ])('turnover of COGS $cogs on $begin → $end over $days days', ({ cogs, begin, end, days, rate, turnDays }) => {
    const turnover = turnoverOf(cogs, begin, end, days);
    expect(turnover.rate).toBeCloseTo(rate, 12);
    if (Number.isFinite(turnDays)) expect(turnover.days).toBeCloseTo(turnDays, 9);
    else expect(turnover.days).toBe(turnDays);
  });

  test.each([
    { sold: 36, begin: 30, received: 70, expected: 0.36 },
    { sold: 5, begin: 0, received: 10, expected: 0.5 },
    { sold: 0, begin: 10, received: 0, expected: 0 },
    { sold: 0, begin: 0, received: 0, expected: 0 },
    // More returned than sold.
    { sold: -3, begin: 10, received: 0, expected: 0 },
    // Sold with nothing recorded as available: shown as a gap, not as 0% or 100%.
    { sold: 5, begin: 0, received: 0, expected: Infinity },
    { sold: 5, begin: -5, received: 0, expected: Infinity },
    // A ledger without its opening stock: beginning below zero counts as none (as turnover counts a value below zero).
    { sold: 60, begin: -50, received: 100, expected: 0.6 },
  ])('sell-through of $sold sold from $begin + $received', ({ sold, begin, received, expected }) => {
    expect(sellThroughOf(sold, begin, received)).toBe(expected);
  });

  test('days of cover: units ÷ daily demand; no demand is no cover figure, not a division by zero', () => {
    expect(coverDaysOf(60, 2)).toBe(30);
    expect(coverDaysOf(0, 2)).toBe(0);
    expect(coverDaysOf(-5, 2)).toBe(0);
    expect(coverDaysOf(60, 0)).toBeNull();
    expect(coverDaysOf(0, 0)).toBeNull();
    expect(coverDaysOf(60, Number.NaN)).toBeNull();
  });
});

describe('suggestAction (the action rule)', () => {
  const base: ActionInput = { onHandUnits: 200, dailyDemand: 1, ageUnits: [200, 0, 0, 0, 0], targetCoverDays: 90, understockDays: 74 };
  test.each([
    // 200 days of cover, target 90: clear 200 − 90 = 110; all young → promotion.
    { name: 'slow mover, young stock', input: {}, expected: { status: 'overstock', action: 'promotion', clearUnits: 110, targetUnits: 90 } },
    { name: 'slow mover with units over 180 days', input: { ageUnits: [100, 50, 50, 0, 0] }, expected: { status: 'overstock', action: 'discount', clearUnits: 110, targetUnits: 90 } },
    { name: 'slow mover with units 271–365 days', input: { ageUnits: [100, 0, 0, 100, 0] }, expected: { status: 'overstock', action: 'discount', clearUnits: 110, targetUnits: 90 } },
    { name: 'slow mover with units over 365 days', input: { ageUnits: [190, 0, 0, 0, 10] }, expected: { status: 'overstock', action: 'removal', clearUnits: 110, targetUnits: 90 } },
    // 2.5 a day: target 225 units; 500 on hand → 275 to clear.
    { name: 'a fractional target rounds up', input: { onHandUnits: 500, dailyDemand: 2.5, ageUnits: [500, 0, 0, 0, 0] }, expected: { status: 'overstock', action: 'promotion', clearUnits: 275, targetUnits: 225 } },
    { name: 'no demand: remove what is there', input: { dailyDemand: 0, ageUnits: [200, 0, 0, 0, 0] }, expected: { status: 'overstock', action: 'removal', clearUnits: 200, targetUnits: 0 } },
    { name: 'no demand and no stock', input: { onHandUnits: 0, dailyDemand: 0, ageUnits: [0, 0, 0, 0, 0] }, expected: { status: 'none', action: null, clearUnits: 0, targetUnits: 0 } },
    // 100 ÷ 2 = 50 days < 74: understock, however old the units.
    { name: 'understock', input: { onHandUnits: 100, dailyDemand: 2, ageUnits: [0, 0, 0, 0, 100] }, expected: { status: 'understock', action: null, clearUnits: 0, targetUnits: 0 } },
    { name: 'no stock with demand', input: { onHandUnits: 0, ageUnits: [0, 0, 0, 0, 0] }, expected: { status: 'understock', action: null, clearUnits: 0, targetUnits: 0 } },
    // 80 days: above 74, below 90.
    { name: 'within the range', input: { onHandUnits: 80, ageUnits: [0, 0, 80, 0, 0] }, expected: { status: 'ok', action: null, clearUnits: 0, targetUnits: 90 } },
    // 0.1 × 30 = 3.0000000000000004 in floating point: 3 units are exactly the target.
    { name: 'exactly at the target', input: { onHandUnits: 3, dailyDemand: 0.1, targetCoverDays: 30, understockDays: 10, ageUnits: [3, 0, 0, 0, 0] }, expected: { status: 'ok', action: null, clearUnits: 0, targetUnits: 3 } },
    // No sea line to compare with (NaN): never understock.
    { name: 'no sea lead time', input: { onHandUnits: 10, understockDays: Number.NaN, ageUnits: [10, 0, 0, 0, 0] }, expected: { status: 'ok', action: null, clearUnits: 0, targetUnits: 90 } },
  ])('$name', ({ input, expected }) => {
    expect(suggestAction({ ...base, ...input })).toEqual(expected);
  });
});

describe('planDemandOf', () => {
  test('the buy line’s network demand; the sea lead time weighted by each marketplace’s demand', () => {
    const demand = planDemandOf(
      {
        ship: [
          { skuId: 1, dailyDemand: 3, seaLeadDays: 40 },
          { skuId: 1, dailyDemand: 1, seaLeadDays: 60 },
          { skuId: 2, dailyDemand: 0, seaLeadDays: 30 },
          { skuId: 2, dailyDemand: 0, seaLeadDays: 50 },
        ],
        buy: [
          { skuId: 1, dailyDemand: 4 },
          { skuId: 2, dailyDemand: 0 },
        ],
      },
      [1, 2, 3],
    );
    expect(Array.from(demand.dailyDemand)).toEqual([4, 0, 0]);
    // (3 × 40 + 1 × 60) ÷ 4 = 45; SKU 2 sells nowhere: the plain mean 40; SKU 3 has no line.
    expect(Array.from(demand.seaLeadDays)).toEqual([45, 40, Number.NaN]);
  });
});

function facts(columns: Partial<Record<keyof SkuLedgerFacts, number[]>> & { skuIds: number[] }): SkuLedgerFacts {
  const n = columns.skuIds.length;
  const column = (name: keyof SkuLedgerFacts, size = n) => Float64Array.from(columns[name] ?? new Array<number>(size).fill(0));
  return {
    skuIds: Int32Array.from(columns.skuIds),
    beginningQty: column('beginningQty'),
    beginningValueMinor: column('beginningValueMinor'),
    endingQty: column('endingQty'),
    endingValueMinor: column('endingValueMinor'),
    cogsMinor: column('cogsMinor'),
    soldUnits: column('soldUnits'),
    receivedUnits: column('receivedUnits'),
    abcCogsMinor: column('abcCogsMinor'),
    abcSoldUnits: column('abcSoldUnits'),
    onHandQty: column('onHandQty'),
    onHandValueMinor: column('onHandValueMinor'),
    ageUnits: column('ageUnits', n * 5),
  };
}

describe('analysisRows', () => {
  const noDemand = (n: number) => ({ dailyDemand: new Float64Array(n), seaLeadDays: new Float64Array(n).fill(Number.NaN) });

  test('ABC by 12-month COGS: A while the share before is below 80%, B below 95%, else C', () => {
    // Total 1,000: shares before 0, 70%, 90%, 96%. The second is still A: 70% before it is below 80%.
    const { rows, totals } = analysisRows({ facts: facts({ skuIds: [1, 2, 3, 4], abcCogsMinor: [700, 200, 60, 40], abcSoldUnits: [1, 2, 3, 4] }), demand: noDemand(4), settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: 30, reviewDays: 14 });
    expect(rows.map((r) => r.abc)).toEqual(['A', 'A', 'B', 'C']);
    expect(rows.map((r) => r.abcRank)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.abcShareBefore)).toEqual([0, 0.7, 0.9, 0.96]);
    expect(totals.classCounts).toEqual({ A: 2, B: 1, C: 1 });
    // By units the order turns round: shares before 0, 40%, 70% (A) and 90% (B).
    const byUnits = analysisRows({ facts: facts({ skuIds: [1, 2, 3, 4], abcCogsMinor: [700, 200, 60, 40], abcSoldUnits: [1, 2, 3, 4] }), demand: noDemand(4), settings: { ...DEFAULT_ANALYSIS_SETTINGS, abcBasis: 'units' }, periodDays: 30, reviewDays: 14 });
    expect(byUnits.rows.map((r) => r.abc)).toEqual(['B', 'A', 'A', 'A']);
    // Thresholds as the seller set them: A below 50%, B below 60%.
    // Oversold SKUs (stock below zero: a ledger without its opening stock) are no stock in the catalog's figures.
    const oversold = analysisRows({
      facts: facts({ skuIds: [1, 2, 3], beginningQty: [100, -80, -40], beginningValueMinor: [10_000, -8_000, -4_000], endingQty: [50, -80, -40], endingValueMinor: [5_000, -8_000, -4_000], soldUnits: [50, 0, 0], cogsMinor: [5_000, 0, 0] }),
      demand: noDemand(3),
      settings: DEFAULT_ANALYSIS_SETTINGS,
      periodDays: 30,
      reviewDays: 14,
    }).totals;
    expect(oversold.sellThrough).toBe(0.5);
    expect(oversold.turnoverRate).toBeCloseTo(5_000 / 7_500, 12);
    const tight = analysisRows({ facts: facts({ skuIds: [1, 2, 3, 4], abcCogsMinor: [700, 200, 60, 40] }), demand: noDemand(4), settings: { ...DEFAULT_ANALYSIS_SETTINGS, abcCutoffA: 0.5, abcCutoffB: 0.6 }, periodDays: 30, reviewDays: 14 });
    expect(tight.rows.map((r) => r.abc)).toEqual(['A', 'C', 'C', 'C']);
  });

  test('equal values share the share before them; no sales at all is all C', () => {
    const tied = analysisRows({ facts: facts({ skuIds: [1, 2, 3], abcCogsMinor: [40, 40, 20] }), demand: noDemand(3), settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: 30, reviewDays: 14 });
    expect(tied.rows.map((r) => r.abcShareBefore)).toEqual([0, 0, 0.8]);
    expect(tied.rows.map((r) => r.abc)).toEqual(['A', 'A', 'B']);
    const none = analysisRows({ facts: facts({ skuIds: [1, 2] }), demand: noDemand(2), settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: 30, reviewDays: 14 });
    expect(none.rows.map((r) => r.abc)).toEqual(['C', 'C']);
  });

  test('per SKU and for the catalog: turnover on the sums, age values adding up to the stock value, actions counted', () => {
    const input = facts({
      skuIds: [1, 2],
      beginningQty: [30, 0],
      receivedUnits: [70, 10],
      soldUnits: [36, 5],
      beginningValueMinor: [6_600, 0],
      endingValueMinor: [16_560, 500],
      cogsMinor: [9_936, 500],
      onHandQty: [60, 3],
      onHandValueMinor: [16_560, 301],
      ageUnits: [20, 40, 0, 0, 0, 1, 1, 1, 0, 0],
    });
    const demand = { dailyDemand: Float64Array.from([0.5, 1]), seaLeadDays: Float64Array.from([40, 40]) };
    const { rows, totals } = analysisRows({ facts: input, demand, settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: 31, reviewDays: 14 });
    expect(rows[0]!.turnoverRate).toBeCloseTo(9_936 / 11_580, 12);
    expect(rows[0]!.sellThrough).toBe(0.36);
    expect(rows[1]!.turnoverRate).toBe(2);
    expect(rows[1]!.turnoverDays).toBe(15.5);
    // The catalog: COGS 10,436 over ((6,600 + 0) + (16,560 + 500)) ÷ 2 = 11,830; 41 sold of 30 + 80.
    expect(totals.turnoverRate).toBeCloseTo(10_436 / 11_830, 12);
    expect(totals.turnoverDays).toBeCloseTo(31 / (10_436 / 11_830), 9);
    expect(totals.sellThrough).toBeCloseTo(41 / 110, 12);
    // 60 units worth 16,560 (276 each): 20 → 5,520, 40 → 11,040.
    expect(rows[0]!.ageValueMinor).toEqual([5_520, 11_040, 0, 0, 0]);
    // 3 units worth 301: 100.33 each rounds to 100, 100, and the last bucket takes the rest, 101.
    expect(rows[1]!.ageValueMinor).toEqual([100, 100, 101, 0, 0]);
    expect(totals.ageUnits).toEqual([21, 41, 1, 0, 0]);
    expect(totals.ageValueMinor.reduce((a, b) => a + b, 0)).toBe(totals.onHandValueMinor);
    // SKU 1: 120 days of cover > 90: clear 60 − 45 = 15 (young: promotion). SKU 2: 3 days < 40 + 14: understock.
    expect(rows[0]).toMatchObject({ coverDays: 120, status: 'overstock', action: 'promotion', clearUnits: 15, understockDays: 54 });
    expect(rows[1]).toMatchObject({ coverDays: 3, status: 'understock', action: null });
    expect([totals.overstockCount, totals.overstockClearUnits, totals.understockCount]).toEqual([1, 15, 1]);
  });
});
