// PRODUCT §6 ABC by revenue (shared/analysis/revenue.ts): the item prices of imported order lines per
// SKU over the ABC window, in the base currency at the seller's rates on or before each order date,
// a bundle split over its components; every line left out is counted under why. Figures by hand.
import { describe, expect, test } from 'vitest';
import { analysisRows, DEFAULT_ANALYSIS_SETTINGS, revenueShares, skuRevenue } from '../../shared/analysis';
import type { RevenueContext, SkuLedgerFacts } from '../../shared/analysis';
import { dayNumber } from '../../shared/dates';
import type { DemandLine, ListingComponent } from '../../shared/import/demand';
import type { ExchangeRate } from '../../shared/model';

const EARBUD = 1;
const CASE = 2;
const CABLE = 3;
const IDLE = 4;
const SKU_IDS = [EARBUD, CASE, CABLE, IDLE];
/** Unit costs in USD cents; IDLE has none the bundle split can use. */
const COST: Record<number, number> = { [EARBUD]: 1000, [CASE]: 200, [CABLE]: 150, [IDLE]: Number.NaN };

const LISTINGS: Record<string, ListingComponent[]> = {
  'US|BT-EARBUD': [{ skuId: EARBUD, unitsPerListing: 1 }],
  'CA|BT-EARBUD': [{ skuId: EARBUD, unitsPerListing: 1 }],
  'JP|BT-EARBUD': [{ skuId: EARBUD, unitsPerListing: 1 }],
  'US|CABLE-2PK': [{ skuId: CABLE, unitsPerListing: 2 }],
  // A bundle of 1 case + 2 cables: costs 1 × 2.00 and 2 × 1.50, so 40% and 60% of its revenue.
  'US|DESK-BUNDLE': [
    { skuId: CASE, unitsPerListing: 1 },
    { skuId: CABLE, unitsPerListing: 2 },
  ],
  // A kit with a component of unknown cost: split by units, 1 : 1.
  'US|KIT': [
    { skuId: EARBUD, unitsPerListing: 1 },
    { skuId: IDLE, unitsPerListing: 1 },
  ],
};

const RATES: ExchangeRate[] = [
  { id: 1, currency: 'CAD', date: '2026-01-01', rate: 0.75 },
  { id: 2, currency: 'CAD', date: '2026-05-01', rate: 0.7 },
  { id: 3, currency: 'JPY', date: '2026-01-01', rate: 0.0065 },
  // Only after the EUR order: no rate on or before its date.
  { id: 4, currency: 'EUR', date: '2026-06-01', rate: 1.1 },
];

const context: RevenueContext = {
  resolve: (marketplace, sellerSku) => LISTINGS[`${marketplace}|${sellerSku.toUpperCase()}`],
  rates: RATES,
  baseCurrency: 'USD',
  unitCostBaseMinor: (skuId) => COST[skuId] ?? Number.NaN,
};

/** The 12 months to 30 June 2026. */
const WINDOW = { fromDay: dayNumber('2025-07-01'), toDay: dayNumber('2026-06-30') };

function line(marketplace: string, sellerSku: string, date: string, units: number, price?: { minor: number; currency: string }): DemandLine {
  const base: DemandLine = { lineKey: `${marketplace}|${date}|${sellerSku}|${units}`, marketplace, sellerSku, asin: '', date, units, channel: 'Amazon' };
  return price === undefined ? base : { ...base, revenueMinor: price.minor, currency: price.currency };
}

const LINES: DemandLine[] = [
  // 29.99 USD: the base currency as it is.
  line('US', 'BT-EARBUD', '2026-05-01', 1, { minor: 2999, currency: 'USD' }),
  // 39.99 CAD on 30 April: the January rate 0.75 (May's is later) → 29.9925 USD.
  line('CA', 'BT-EARBUD', '2026-04-30', 1, { minor: 3999, currency: 'CAD' }),
  // 79.98 CAD on 3 May: May's rate 0.70 → 55.986 USD.
  line('CA', 'bt-earbud', '2026-05-03', 2, { minor: 7998, currency: 'CAD' }),
  // ¥3,980 (no minor digits) at 0.0065 → 25.87 USD.
  line('JP', 'BT-EARBUD', '2026-05-07', 1, { minor: 3980, currency: 'JPY' }),
  // The bundle's 50.00: the case 20.00, the cables 30.00.
  line('US', 'DESK-BUNDLE', '2026-05-04', 1, { minor: 5000, currency: 'USD' }),
  // The kit's 10.00: 5.00 each.
  line('US', 'KIT', '2026-05-05', 1, { minor: 1000, currency: 'USD' }),
  // A Pending order: 3 two-packs, no price yet.
  line('US', 'CABLE-2PK', '2026-05-02', 3),
  // A cancelled line: nothing sold, no gap.
  line('US', 'CABLE-2PK', '2026-05-02', 0),
  // No EUR rate on or before 10 May; no GBP rate at all; a price without a currency.
  line('US', 'BT-EARBUD', '2026-05-10', 1, { minor: 2500, currency: 'EUR' }),
  line('US', 'BT-EARBUD', '2026-05-11', 1, { minor: 2000, currency: 'GBP' }),
  line('US', 'BT-EARBUD', '2026-05-12', 1, { minor: 100, currency: '' }),
  // A code mapped to no SKU.
  line('US', 'LED-STRIP', '2026-05-06', 1, { minor: 1500, currency: 'USD' }),
  // Before the window: not counted, no gap.
  line('US', 'BT-EARBUD', '2025-06-30', 1, { minor: 9999, currency: 'USD' }),
];

describe('revenueShares (a bundle line over its components)', () => {
  test('by cost share when every component has a cost, else by units; one SKU takes all', () => {
    expect(revenueShares(LISTINGS['US|DESK-BUNDLE']!, context.unitCostBaseMinor)).toEqual([0.4, 0.6]);
    expect(revenueShares(LISTINGS['US|KIT']!, context.unitCostBaseMinor)).toEqual([0.5, 0.5]);
    // A cost of 0 (not entered) is no cost: 1 case + 2 cables by units, 1/3 and 2/3.
    expect(revenueShares(LISTINGS['US|DESK-BUNDLE']!, (skuId) => (skuId === CASE ? 0 : 150))).toEqual([1 / 3, 2 / 3]);
    expect(revenueShares(LISTINGS['US|CABLE-2PK']!, context.unitCostBaseMinor)).toEqual([1]);
  });
});

describe('skuRevenue', () => {
  test('per SKU in the base currency, each line at the rate on or before its date; every line left out is counted', () => {
    const { revenueMinor, gaps } = skuRevenue(LINES, SKU_IDS, WINDOW, context);
    // Earbud: 2,999 + 2,999.25 + 5,598.6 + 2,587 + 500 (half the kit) = 14,683.85 → 14,684 cents.
    // Case: 40% of 5,000. Cable: 60% of 5,000 (the Pending two-packs have no price). Idle: half the kit.
    expect(Array.from(revenueMinor)).toEqual([14_684, 2_000, 3_000, 500]);
    expect(gaps).toEqual({
      pricedLines: 6,
      noPriceLines: 1,
      storedBeforePricesLines: 0,
      noRate: [
        { currency: '', lines: 1 },
        { currency: 'EUR', lines: 1 },
        { currency: 'GBP', lines: 1 },
      ],
      unmappedLines: 1,
      anyPrice: true,
    });
  });

  test('a rate dated after the order is not used; once one is on or before it, the line counts', () => {
    const eur = [line('US', 'BT-EARBUD', '2026-05-10', 1, { minor: 2500, currency: 'EUR' })];
    expect(skuRevenue(eur, SKU_IDS, WINDOW, context).gaps.noRate).toEqual([{ currency: 'EUR', lines: 1 }]);
    const withRate = { ...context, rates: [...RATES, { id: 5, currency: 'EUR', date: '2026-05-10', rate: 1.08 }] };
    const counted = skuRevenue(eur, SKU_IDS, WINDOW, withRate);
    // 25.00 EUR × 1.08 = 27.00 USD.
    expect(Array.from(counted.revenueMinor)).toEqual([2_700, 0, 0, 0]);
    expect(counted.gaps.noRate).toEqual([]);
  });

  test('orders without any price (only Pending rows, or rows stored before prices were kept): nothing to rank by, and it says so', () => {
    const pending = { ...line('US', 'BT-EARBUD', '2026-05-01', 2), pricesKept: true };
    // Stored before prices were kept: told apart, since importing the month again gives its price.
    const storedBefore = { ...line('US', 'DESK-BUNDLE', '2026-05-03', 1), pricesKept: false };
    const { revenueMinor, gaps } = skuRevenue([pending, line('US', 'CABLE-2PK', '2026-05-02', 0), storedBefore], SKU_IDS, WINDOW, context);
    expect(Array.from(revenueMinor)).toEqual([0, 0, 0, 0]);
    expect(gaps).toEqual({ pricedLines: 0, noPriceLines: 1, storedBeforePricesLines: 1, noRate: [], unmappedLines: 0, anyPrice: false });
    expect(skuRevenue([], SKU_IDS, WINDOW, context).gaps.anyPrice).toBe(false);
  });

  test('ABC by revenue ranks on it: 14,684 A; 3,000 A (72.7% before it); 2,000 B (87.6%); 500 C (97.5%)', () => {
    const { revenueMinor } = skuRevenue(LINES, SKU_IDS, WINDOW, context);
    const n = SKU_IDS.length;
    const zeros = () => new Float64Array(n);
    // COGS ranks the other way round, so a result by COGS cannot pass for one by revenue.
    const facts: SkuLedgerFacts = {
      skuIds: Int32Array.from(SKU_IDS),
      beginningQty: zeros(),
      beginningValueMinor: zeros(),
      endingQty: zeros(),
      endingValueMinor: zeros(),
      cogsMinor: zeros(),
      soldUnits: zeros(),
      receivedUnits: zeros(),
      abcCogsMinor: Float64Array.from([10, 20, 30, 1000]),
      abcSoldUnits: zeros(),
      onHandQty: zeros(),
      onHandValueMinor: zeros(),
      ageUnits: new Float64Array(n * 5),
      abcRevenueMinor: revenueMinor,
    };
    const demand = { dailyDemand: zeros(), seaLeadDays: zeros().fill(Number.NaN) };
    const byRevenue = analysisRows({ facts, demand, settings: { ...DEFAULT_ANALYSIS_SETTINGS, abcBasis: 'revenue' }, periodDays: 30, reviewDays: 14 });
    expect(byRevenue.rows.map((r) => [r.abc, r.abcValue, r.abcRank])).toEqual([
      ['A', 14_684, 1],
      ['B', 2_000, 3],
      ['A', 3_000, 2],
      ['C', 500, 4],
    ]);
    expect(byRevenue.rows[2]!.abcShareBefore).toBeCloseTo(14_684 / 20_184, 12);
    expect(analysisRows({ facts, demand, settings: DEFAULT_ANALYSIS_SETTINGS, periodDays: 30, reviewDays: 14 }).rows.map((r) => r.abc)).toEqual(['C', 'C', 'B', 'A']);
    // Facts with no revenue at all (none imported): every SKU 0, so every SKU C.
    const { abcRevenueMinor: _none, ...ledgerOnly } = facts;
    expect(analysisRows({ facts: ledgerOnly, demand, settings: { ...DEFAULT_ANALYSIS_SETTINGS, abcBasis: 'revenue' }, periodDays: 30, reviewDays: 14 }).rows.map((r) => r.abc)).toEqual(['C', 'C', 'C', 'C']);
  });
});
