// The seller's own forecast (shared/planning/forecastRates.ts): what they may type, and the empty
// series a launch adds to the demand history (shared/planning/demandHistory.ts withLaunchSeries).
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { errorOf } from './domainErrorKit';
import { emptyColumns, TYPE_CODE } from '../../shared/ledger/columns';
import { MAX_UNITS_PER_DAY, parseForecastRateDraft, rateHasEnded, rateOverrideOf } from '../../shared/planning/forecastRates';
import type { ForecastRateDraft } from '../../shared/planning/forecastRates';
import { demandHistoryFromLedger, keepsSparseDays, lastYearUnits, seriesDays, weeklyRates, withLaunchSeries } from '../../shared/planning/demandHistory';

const TODAY = '2026-11-27';
const draft = (changes: Partial<ForecastRateDraft> = {}): ForecastRateDraft => ({ skuId: 7, marketplace: 'DE', unitsPerDay: '12', until: '', ...changes });

const refusal = (changes: Partial<ForecastRateDraft>) => errorOf(() => parseForecastRateDraft(draft(changes), TODAY));

describe('the seller’s forecast as typed', () => {
  test('a rate with no end date, and one until a date', () => {
    expect(parseForecastRateDraft(draft(), TODAY)).toEqual({ skuId: 7, marketplace: 'DE', unitsPerDay: 12, until: null });
    expect(parseForecastRateDraft(draft({ marketplace: ' us ', unitsPerDay: ' 12,5 ', until: '2027-01-31' }), TODAY)).toEqual({ skuId: 7, marketplace: 'US', unitsPerDay: 12.5, until: '2027-01-31' });
  });

  test('full-width digits (a Chinese input method), thousands, 0 (phasing out) and tomorrow as the last day are accepted', () => {
    expect(parseForecastRateDraft(draft({ unitsPerDay: '１２．５' }), TODAY).unitsPerDay).toBe(12.5);
    // As every decimal the app reads: a comma before three digits groups thousands, any other is the decimal point.
    expect(parseForecastRateDraft(draft({ unitsPerDay: '1,500' }), TODAY).unitsPerDay).toBe(1500);
    expect(parseForecastRateDraft(draft({ unitsPerDay: '1,234.5' }), TODAY).unitsPerDay).toBe(1234.5);
    expect(parseForecastRateDraft(draft({ unitsPerDay: '0' }), TODAY).unitsPerDay).toBe(0);
    expect(parseForecastRateDraft(draft({ until: '2026-11-28' }), TODAY).until).toBe('2026-11-28');
  });

  test('each refusal names the field and what was typed', () => {
    expect(refusal({ unitsPerDay: ' ' })).toEqual({ code: 'field.required', params: { field: 'unitsPerDay' } });
    expect(refusal({ unitsPerDay: 'twelve' })).toEqual({ code: 'field.notNumber', params: { field: 'unitsPerDay', value: 'twelve' } });
    expect(refusal({ unitsPerDay: '1e3' })).toEqual({ code: 'field.notNumber', params: { field: 'unitsPerDay', value: '1e3' } });
    expect(refusal({ unitsPerDay: '-3' })).toEqual({ code: 'field.negative', params: { field: 'unitsPerDay', value: '-3' } });
    expect(refusal({ unitsPerDay: '100001' })).toEqual({ code: 'field.outOfRange', params: { field: 'unitsPerDay', value: '100001', min: 0, max: MAX_UNITS_PER_DAY } });
    expect(refusal({ marketplace: '' })).toEqual({ code: 'field.required', params: { field: 'marketplace' } });
    expect(refusal({ marketplace: 'Mars' })).toEqual({ code: 'field.unknownChoice', params: { field: 'marketplace', value: 'Mars' } });
    expect(refusal({ until: '2026-13-01' })).toEqual({ code: 'field.badDate', params: { field: 'until', value: '2026-13-01' } });
    // The plan starts tomorrow: a forecast that ends today would apply to no day of it.
    expect(refusal({ until: TODAY })).toEqual({ code: 'field.dateTooEarly', params: { field: 'until', value: TODAY, earliest: '2026-11-28' } });
    expect(refusal({ until: '2026-11-26' })).toEqual({ code: 'field.dateTooEarly', params: { field: 'until', value: '2026-11-26', earliest: '2026-11-28' } });
    expect(refusal({ skuId: 0 })).toEqual({ code: 'field.notPositive', params: { field: 'sku', value: '0' } });
  });

  test('a stored forecast has ended once its last day is today or before', () => {
    expect(rateHasEnded({ until: '2026-11-26' }, TODAY)).toBe(true);
    expect(rateHasEnded({ until: TODAY }, TODAY)).toBe(true);
    expect(rateHasEnded({ until: '2026-11-28' }, TODAY)).toBe(false);
    expect(rateHasEnded({ until: null }, TODAY)).toBe(false);
  });

  test('the plan reads the last day as a day number, no end as Infinity', () => {
    expect(rateOverrideOf({ unitsPerDay: 3, until: '2027-01-31' })).toEqual({ unitsPerDay: 3, untilDay: dayNumber('2027-01-31') });
    expect(rateOverrideOf({ unitsPerDay: 3, until: null })).toEqual({ unitsPerDay: 3, untilDay: Infinity });
  });
});

describe('a launch adds an empty series to the demand history', () => {
  // SKU 1 at FBA US (location 10): 100 received before the window, 2 sold a day for 60 days.
  const days = 70;
  const firstDay = dayNumber(TODAY) - days + 1;
  const ledger = () => {
    const columns = emptyColumns(61);
    columns.day[0] = firstDay - 1;
    columns.skuId[0] = 1;
    columns.locationId[0] = 10;
    columns.qty[0] = 200;
    columns.type[0] = TYPE_CODE.receipt;
    for (let i = 1; i <= 60; i++) {
      columns.day[i] = firstDay + i;
      columns.skuId[i] = 1;
      columns.locationId[i] = 10;
      columns.qty[i] = -2;
      columns.type[i] = TYPE_CODE.sale;
      columns.seq[i] = i + 1;
    }
    return demandHistoryFromLedger(columns, new Map([[10, 'US'], [11, 'DE']]), { firstDay, days });
  };

  test('sparse days stay sparse; the new series sold nothing, had no stock on any day, and every week is unknown', () => {
    const history = ledger();
    const launched = withLaunchSeries(history, [{ skuId: 2, locationId: 11, marketplace: 'DE' }]);
    expect(launched.series).toEqual([...history.series, { skuId: 2, locationId: 11, marketplace: 'DE' }]);
    expect(keepsSparseDays(launched)).toBe(true);
    expect(Array.from(launched.onHand)).toEqual([Array.from(history.onHand)[0], 0]);
    const added = seriesDays(launched, 1);
    expect(added.units.every((u) => u === 0)).toBe(true);
    expect(added.stockout.every((out) => out === 1)).toBe(true);
    expect(Array.from(weeklyRates(launched, 1, 10)).every(Number.isNaN)).toBe(true);
    expect(Array.from(lastYearUnits(launched))).toEqual([120, 0]);
    // The first series is untouched, in its days and its week sums.
    expect(seriesDays(launched, 0)).toEqual(seriesDays(history, 0));
    expect(Array.from(weeklyRates(launched, 0, 10))).toEqual(Array.from(weeklyRates(history, 0, 10)));
    // The original history is not changed.
    expect(history.series).toHaveLength(1);
    expect(keepsSparseDays(history)).toBe(true);
  });

  test('dense days: the new rows are zeros, all stockout', () => {
    const history = ledger();
    const dense = { ...history, units: history.units, stockout: history.stockout };
    const launched = withLaunchSeries(dense, [{ skuId: 2, locationId: 11, marketplace: 'DE' }]);
    expect(launched.units.length).toBe(2 * days);
    expect(Array.from(launched.units.subarray(0, days))).toEqual(Array.from(history.units));
    expect(launched.units.subarray(days).every((u) => u === 0)).toBe(true);
    expect(launched.stockout.subarray(days).every((out) => out === 1)).toBe(true);
    expect(Array.from(weeklyRates(launched, 1, 10)).every(Number.isNaN)).toBe(true);
  });

  test('a pair that already has a series, or is named twice, adds nothing', () => {
    const history = ledger();
    expect(withLaunchSeries(history, [{ skuId: 1, locationId: 10, marketplace: 'US' }])).toBe(history);
    expect(withLaunchSeries(history, [])).toBe(history);
    const twice = withLaunchSeries(history, [
      { skuId: 3, locationId: 10, marketplace: 'US' },
      { skuId: 3, locationId: 10, marketplace: 'US' },
    ]);
    expect(twice.series).toHaveLength(2);
  });
});
