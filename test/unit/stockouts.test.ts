import { describe, expect, test } from 'vitest';
import { stockoutDaysFromSummary } from '../../shared/domain/stockouts';

const row = (date: string, fnsku: string, endingBalance: number | null, disposition = 'SELLABLE', location = 'US') => ({ date, fnsku, msku: '', disposition, location, endingBalance });

describe('stockout days from the ledger summary', () => {
  const resolve = (marketplace: string, fnsku: string) =>
    fnsku === 'XA' || fnsku === 'XB' ? { skuId: 1, unitsPerListing: fnsku === 'XB' ? 2 : 1 } : fnsku === 'XC' ? { skuId: 2, unitsPerListing: 1 } : undefined;

  test('a day ending with no sellable units is a stockout day; unsellable units do not count as available', () => {
    const days = stockoutDaysFromSummary([row('2026-03-01', 'XC', 3), row('2026-03-02', 'XC', 0), row('2026-03-02', 'XC', 5, 'CUSTOMER_DAMAGED'), row('2026-03-03', 'XC', -1), row('2026-03-04', 'XC', 2)], resolve);
    expect(days).toEqual(new Map([['2|US', ['2026-03-02', '2026-03-03']]]));
  });

  test('two listings of one SKU: out of stock only when both are; units per listing are applied', () => {
    const days = stockoutDaysFromSummary([row('2026-03-01', 'XA', 0), row('2026-03-01', 'XB', 1), row('2026-03-02', 'XA', 0), row('2026-03-02', 'XB', 0)], resolve);
    expect(days.get('1|US')).toEqual(['2026-03-02']);
  });

  test('blank balances are unknown, unmapped codes are ignored, marketplaces are kept apart (GB is UK)', () => {
    const days = stockoutDaysFromSummary([row('2026-03-01', 'XC', null), row('2026-03-01', 'XZ', 0), row('2026-03-01', 'XC', 0, 'SELLABLE', 'GB'), row('2026-03-01', 'XC', 4, 'SELLABLE', 'US')], resolve);
    expect(days).toEqual(new Map([['2|UK', ['2026-03-01']]]));
  });

  test('days come out sorted whatever the row order', () => {
    const days = stockoutDaysFromSummary([row('2026-03-05', 'XC', 0), row('2026-03-01', 'XC', 0), row('2026-03-03', 'XC', 0)], resolve);
    expect(days.get('2|US')).toEqual(['2026-03-01', '2026-03-03', '2026-03-05']);
  });
});
