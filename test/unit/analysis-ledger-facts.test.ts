// PRODUCT §6's ledger figures per SKU over the network (shared/analysis/ledgerFacts.ts), on small
// ledgers valued by the real valuation, every figure worked out by hand in the comments.
import { describe, expect, test } from 'vitest';
import { AGE_BUCKET_COUNT, ageBucketOf, skuLedgerFacts } from '../../shared/analysis';
import type { AnalysisWindow, SkuLedgerFacts } from '../../shared/analysis';
import { dayNumber } from '../../shared/dates';
import { Ledger, valueRows } from './ledgerTestKit';

const HOME = 1;
const FBA = 2;
const TRANSIT = 3;
const context = { transitLocationIds: new Set([TRANSIT]) };

/** March 2026, ABC over the 12 months to its end, stock and age at the end of 31 March. */
const MARCH: AnalysisWindow = { fromDay: dayNumber('2026-03-01'), toDay: dayNumber('2026-03-31'), abcFromDay: dayNumber('2026-03-31') - 364, asOfDay: dayNumber('2026-03-31') };

function factsOf(ledger: Ledger, skuIds: number[], window = MARCH): SkuLedgerFacts {
  const { columns, values } = valueRows(ledger.rows, context);
  return skuLedgerFacts(columns, values, skuIds, window);
}

const ages = (facts: SkuLedgerFacts, s: number) => Array.from(facts.ageUnits.subarray(s * AGE_BUCKET_COUNT, (s + 1) * AGE_BUCKET_COUNT));

describe('skuLedgerFacts', () => {
  test('beginning, ending, COGS net of returns, units sold and received, the ABC window', () => {
    const ledger = new Ledger();
    ledger.receipt('2025-01-10', 1, HOME, 100, 200); // 100 u, 20,000
    ledger.receipt('2025-12-01', 1, HOME, 50, 260); // 150 u, 33,000 (avg 220)
    ledger.sale('2026-02-10', 1, HOME, 120); // out 26,400 → 30 u, 6,600 at the period's start
    ledger.receipt('2026-03-05', 1, HOME, 70, 300); // +21,000 → 100 u, 27,600 (avg 276)
    ledger.sale('2026-03-10', 1, HOME, 40); // out 11,040 → 60 u, 16,560
    ledger.add({ date: '2026-03-12', skuId: 1, locationId: HOME, qty: 4, type: 'customer_return' }); // in at 276: 1,104 → 64 u, 17,664
    ledger.add({ date: '2026-03-20', skuId: 1, locationId: HOME, qty: -4, type: 'adjustment', reason: 'damaged' }); // out 1,104 → 60 u, 16,560
    ledger.sale('2026-04-02', 1, HOME, 10); // after the period and after today: in nothing
    const facts = factsOf(ledger, [1]);
    expect(facts.beginningQty[0]).toBe(30);
    expect(facts.beginningValueMinor[0]).toBe(6_600);
    expect(facts.endingQty[0]).toBe(60);
    expect(facts.endingValueMinor[0]).toBe(16_560);
    // Sales out 11,040 less the return's 1,104; the damaged units are no sale.
    expect(facts.cogsMinor[0]).toBe(9_936);
    expect(facts.soldUnits[0]).toBe(36);
    expect(facts.receivedUnits[0]).toBe(70);
    // 12 months to 31 March start 1 April 2025: February's sale counts too (26,400 + 11,040 − 1,104).
    expect(facts.abcCogsMinor[0]).toBe(36_336);
    expect(facts.abcSoldUnits[0]).toBe(156);
    expect(facts.onHandQty[0]).toBe(60);
    expect(facts.onHandValueMinor[0]).toBe(16_560);
    // The newest arrivals cover the 60 on hand: the return (4) and March's receipt (70), both under 90 days.
    expect(ages(facts, 0)).toEqual([60, 0, 0, 0, 0]);
  });

  test('FIFO age: the units on hand are the last ones in, bucketed by the day they came', () => {
    const ledger = new Ledger();
    ledger.receipt('2024-12-01', 2, HOME, 10, 100); // 485 days old on 31 March 2026: over 365
    ledger.receipt('2025-06-01', 2, HOME, 20, 100); // 303 days: 271–365
    ledger.receipt('2025-11-01', 2, HOME, 30, 100); // 150 days: 91–180
    ledger.receipt('2026-03-01', 2, HOME, 40, 100); // 30 days: 0–90
    ledger.receipt('2025-01-01', 3, HOME, 10, 100);
    ledger.receipt('2025-01-01', 4, HOME, 10, 100);
    ledger.sale('2025-02-01', 4, HOME, 10);
    const unsold = factsOf(ledger, [2]);
    expect(ages(unsold, 0)).toEqual([40, 30, 0, 20, 10]);
    // 55 sold (whenever): the oldest leave first, so 40 + 5 of November's are left.
    ledger.sale('2025-12-20', 2, HOME, 30);
    ledger.sale('2026-03-20', 2, HOME, 25);
    const sold = factsOf(ledger, [2, 3, 4]);
    expect(ages(sold, 0)).toEqual([40, 5, 0, 0, 0]);
    expect(sold.onHandQty[0]).toBe(45);
    // All of SKU 3's stock is aged; SKU 4 has none left to age.
    expect(ages(sold, 1)).toEqual([0, 0, 0, 0, 10]);
    expect(ages(sold, 2)).toEqual([0, 0, 0, 0, 0]);
  });

  test('transfers between own locations (and in transit) keep the age; a receipt at FBA no shipment sent is an arrival', () => {
    const ledger = new Ledger();
    ledger.receipt('2025-01-01', 5, HOME, 10, 500);
    // Shipped on 25 March, still at sea on the 31st: in transit, still 454 days old.
    ledger.post([
      { date: '2026-03-25', skuId: 5, locationId: HOME, qty: -10, type: 'transfer_out', ref: 'SHP-1', source: 'manual' },
      { date: '2026-03-25', skuId: 5, locationId: TRANSIT, qty: 10, type: 'transfer_in', ref: 'SHP-1', source: 'manual' },
    ]);
    // Amazon received 5 units the seller shipped outside StockPilot: new to the network.
    ledger.add({ date: '2026-03-30', skuId: 5, locationId: FBA, qty: 5, type: 'transfer_in', unitCostMinor: 500 });
    const facts = factsOf(ledger, [5]);
    expect(facts.onHandQty[0]).toBe(15);
    expect(facts.onHandValueMinor[0]).toBe(7_500);
    expect(ages(facts, 0)).toEqual([5, 0, 0, 0, 10]);
    // Network-wide a shipment moves nothing in or out: nothing received, nothing sold.
    expect(facts.receivedUnits[0]).toBe(0);
    expect(facts.beginningQty[0]).toBe(10);
    expect(facts.endingQty[0]).toBe(15);
  });

  test('no beginning stock, no sales, no movements at all, and sales the ledger has no stock for', () => {
    const ledger = new Ledger();
    ledger.receipt('2026-03-01', 6, FBA, 10, 100);
    ledger.sale('2026-03-02', 6, FBA, 5);
    ledger.receipt('2026-01-15', 7, FBA, 10, 100); // stock, no sales
    ledger.sale('2026-03-03', 8, FBA, 5); // oversold: an imported ledger without its opening stock
    const facts = factsOf(ledger, [6, 7, 9, 8]);
    expect([facts.beginningQty[0], facts.endingQty[0], facts.endingValueMinor[0], facts.cogsMinor[0], facts.receivedUnits[0]]).toEqual([0, 5, 500, 500, 10]);
    expect([facts.beginningQty[1], facts.endingQty[1], facts.cogsMinor[1], facts.soldUnits[1]]).toEqual([10, 10, 0, 0]);
    // SKU 9 is in the catalog with no movement: all zero.
    expect([facts.beginningQty[2], facts.endingQty[2], facts.onHandQty[2], ...ages(facts, 2)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // Below zero: no units to age (the catalog has no cost, so the oversold units leave at 0).
    expect(facts.onHandQty[3]).toBe(-5);
    expect(facts.soldUnits[3]).toBe(5);
    expect(ages(facts, 3)).toEqual([0, 0, 0, 0, 0]);
    // Listed in the order asked.
    expect(Array.from(facts.skuIds)).toEqual([6, 7, 9, 8]);
  });

  test('a reversed receipt takes its units back out of the units received', () => {
    const ledger = new Ledger();
    ledger.receipt('2026-03-02', 10, HOME, 10, 100);
    ledger.add({ date: '2026-03-03', skuId: 10, locationId: HOME, qty: -10, type: 'receipt' });
    ledger.receipt('2026-03-04', 10, HOME, 8, 100);
    const facts = factsOf(ledger, [10]);
    expect(facts.receivedUnits[0]).toBe(8);
    expect(facts.endingQty[0]).toBe(8);
    expect(ages(facts, 0)).toEqual([8, 0, 0, 0, 0]);
  });

  test('age buckets end at 90, 180, 270 and 365 days', () => {
    expect([0, 90, 91, 180, 181, 270, 271, 365, 366, 2000].map(ageBucketOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test('reversals do not restart age: a receipt entered by mistake and reversed, a sale taken back', () => {
    const ledger = new Ledger();
    ledger.receipt('2025-06-01', 1, HOME, 100, 100); // 303 days old on 31 March
    ledger.receipt('2026-03-30', 1, HOME, 100, 100); // by mistake…
    ledger.add({ date: '2026-03-31', skuId: 1, locationId: HOME, qty: -100, type: 'receipt' }); // …and reversed
    ledger.receipt('2024-12-01', 2, HOME, 50, 100); // 485 days old
    ledger.sale('2026-03-30', 2, HOME, 50);
    ledger.add({ date: '2026-03-31', skuId: 2, locationId: HOME, qty: 50, type: 'sale' }); // the sale taken back
    const facts = factsOf(ledger, [1, 2]);
    expect(ages(facts, 0)).toEqual([0, 0, 0, 100, 0]);
    expect(ages(facts, 1)).toEqual([0, 0, 0, 0, 50]);
  });

  test('a receipt reversed long ago takes back only what came in by then: newer stock keeps its age', () => {
    const ledger = new Ledger();
    ledger.receipt('2025-01-10', 1, HOME, 100, 100);
    ledger.receipt('2025-01-10', 1, HOME, 100, 100); // keyed twice by mistake…
    ledger.add({ date: '2025-01-11', skuId: 1, locationId: HOME, qty: -100, type: 'receipt' }); // …reversed the next day
    ledger.sale('2025-06-01', 1, HOME, 100);
    ledger.receipt('2026-03-20', 1, HOME, 100, 100); // 11 days old on 31 March
    expect(ages(factsOf(ledger, [1]), 0)).toEqual([100, 0, 0, 0, 0]);
  });
});
