import { describe, expect, test } from 'vitest';
import { parseWhatIf, whatIfChanges } from '../../renderer/features/plan/whatIf';
import type { ShipLine } from '../../shared/planning/plan';

const draft = (over: Partial<{ delayDays: string; percent: string; from: string; to: string }>) => ({ delayDays: '', percent: '', from: '2026-12-01', to: '2026-12-31', ...over });

describe('the what-if form, read as a seller types it', () => {
  test.each([
    ['', '', { delayDays: 0 }],
    ['14', '', { delayDays: 14 }],
    [' 7 ', '0', { delayDays: 7 }],
    ['１４', '', { delayDays: 14 }],
    ['0', '30', { delayDays: 0, uplift: { from: '2026-12-01', to: '2026-12-31', percent: 30 } }],
    ['0', '30%', { delayDays: 0, uplift: { from: '2026-12-01', to: '2026-12-31', percent: 30 } }],
    ['0', '２５ ％', { delayDays: 0, uplift: { from: '2026-12-01', to: '2026-12-31', percent: 25 } }],
    ['', '-40', { delayDays: 0, uplift: { from: '2026-12-01', to: '2026-12-31', percent: -40 } }],
  ])('delay “%s”, uplift “%s”', (delayDays, percent, request) => {
    expect(parseWhatIf(draft({ delayDays, percent }))).toEqual({ request });
  });

  test.each([
    [{ delayDays: '-3' }, { field: 'delayDays', value: '-3' }],
    [{ delayDays: '2.5' }, { field: 'delayDays', value: '2.5' }],
    [{ delayDays: 'two' }, { field: 'delayDays', value: 'two' }],
    [{ percent: '-100' }, { field: 'percent', value: '-100' }],
    [{ percent: 'lots' }, { field: 'percent', value: 'lots' }],
    [{ percent: '20', from: '2026-12-31', to: '2026-12-01' }, { field: 'dates', from: '2026-12-31', to: '2026-12-01' }],
    [{ percent: '20', to: '' }, { field: 'dates', from: '2026-12-01', to: '' }],
  ])('%j is refused, naming the field', (over, problem) => {
    expect(parseWhatIf(draft(over))).toEqual({ problem });
  });

  test('dates in the wrong order do not matter without an uplift', () => {
    expect(parseWhatIf(draft({ delayDays: '5', from: '2026-12-31', to: '2026-12-01' }))).toEqual({ request: { delayDays: 5 } });
  });
});

function line(skuId: number, locationId: number, stockoutDay: number, shipAir = 0, airLeadDays = 8): ShipLine {
  return { skuId, locationId, stockoutDay, shipAir, airLeadDays } as Partial<ShipLine> as ShipLine;
}

describe('what a what-if changes against its plan', () => {
  test('a stockout that is new or earlier is caused by the what-if; one that was already there at the same day is not', () => {
    const plan = [line(1, 10, Number.NaN), line(2, 10, 100), line(3, 10, 100), line(4, 10, Number.NaN), line(5, 11, 90)];
    // The what-if's lines in another order, to show they are matched by SKU and destination.
    const whatIf = [line(5, 11, 90), line(4, 10, Number.NaN), line(3, 10, 120), line(2, 10, 80, 24), line(1, 10, 95, 12)];
    // Today is day 70: both new stockouts are more than the 8-day air lead time away, so air lands in time.
    const changes = whatIfChanges(plan, whatIf, 70);
    expect([...changes.caused].sort()).toEqual([3, 4]);
    expect(changes.bridged).toBe(2);
    expect(Array.from(changes.planStockoutDay)).toEqual([90, Number.NaN, 100, 100, Number.NaN]);
  });

  test('a line missing from the plan counts as not stocking out there', () => {
    const changes = whatIfChanges([], [line(7, 10, 50)], 40);
    expect([...changes.caused]).toEqual([0]);
    expect(changes.bridged).toBe(0);
  });

  test('air that lands after the stockout does not count as bridging it', () => {
    // Today is day 100, air takes 8 days: a stockout on day 105 is not prevented, one on day 108 is.
    const whatIf = [line(1, 10, 105, 12), line(2, 10, 108, 12), line(3, 10, 120, 0)];
    const changes = whatIfChanges([], whatIf, 100);
    expect(changes.caused.size).toBe(3);
    expect(changes.bridged).toBe(1);
  });

  test('a 3PL near FBA whose shipment lands by the stockout bridges it too', () => {
    // Today is day 100; the 3PL takes 5 days: a stockout on day 106 is reached, one on day 103 is not.
    const near = (skuId: number, stockoutDay: number): ShipLine => ({ ...line(skuId, 10, stockoutDay), shipNear: 30, nearLeadDays: 5 }) as ShipLine;
    const changes = whatIfChanges([], [near(1, 106), near(2, 103)], 100);
    expect(changes.caused.size).toBe(2);
    expect(changes.bridged).toBe(1);
  });
});
