// The buy line's explanation of its projected stockout and of when an order placed on the order-by
// day reaches the network (renderer/features/plan/Explanation.tsx), in English.
import { describe, expect, test } from 'vitest';
import { buyStockoutHow, orderByLanding } from '../../renderer/features/plan/Explanation';
import type { BuyLine } from '../../shared/planning/plan';
import { dayNumber } from '../../shared/dates';
import { translate } from '../../renderer/i18n';
import type { Translate } from '../../renderer/i18n';

const t: Translate = (key, params) => translate('en', key, params);
const T0 = dayNumber('2026-11-27');

/** The fields the two texts read; the rest of a buy line does not matter to them. */
function line(patch: Partial<BuyLine>): BuyLine {
  return {
    skuId: 1, supplierId: 7, abc: 'A', dailyDemand: 14, sdDaily: 2, ownDailyDemand: 0, leadDays: 75, leadSdDays: 5, productionDays: 30, z: 2, networkPosition: 1_080,
    otherInboundUnits: 0, leadDemand: 0, coverDemand: 0, safetyStock: 0, reorderPoint: 0, orderUpTo: 0, rawQty: 0, buyQty: 300, casePack: 1, moq: 0,
    orderByDay: T0 + 7, stockoutDay: T0 + 56, networkOnHand: 780, stockoutArrivals: 0, stockoutDemand: 784, forecast30Units: 420,
    ...patch,
  };
}

describe('when an order placed on the order-by day reaches the network', () => {
  test('after production, not the whole lead to FBA: day 7 + 30 = day 37, 19 days before the stockout on day 56', () => {
    expect(orderByLanding(line({}), t, 'en')).toEqual(['Ordered that day, it reaches your warehouse after 30 days of production, on 2027-01-03: 19 days before the network’s projected stockout (2027-01-22). At FBA it can be after 75 days, on 2027-02-17: a shelf there can run out before the network does (see the ship lines).']);
  });

  test('on the stockout day it is just in time; after it, the network runs short', () => {
    expect(orderByLanding(line({ stockoutDay: T0 + 37 }), t, 'en')[0]).toContain('the day of the network’s projected stockout, just in time');
    expect(orderByLanding(line({ stockoutDay: T0 + 30 }), t, 'en')[0]).toContain('7 days after the network’s projected stockout (2026-12-27), so the network runs short until it arrives.');
  });

  test('no stockout: nothing to say', () => {
    expect(orderByLanding(line({ stockoutDay: Number.NaN }), t, 'en')).toEqual([]);
  });
});

test('the stockout explanation gives what the network holds, the POs arrived and the forecast through that day', () => {
  expect(buyStockoutHow(line({ stockoutArrivals: 300 }), t, 'en')).toContain('in transit between them (780), plus open purchase orders on their expected days (300 by then), less the forecast of every marketplace each day (784 through that day)');
  expect(buyStockoutHow(line({ stockoutDay: Number.NaN, stockoutDemand: 0 }), t, 'en')).toBe('No demand is forecast in any marketplace, so the network does not run out.');
});
